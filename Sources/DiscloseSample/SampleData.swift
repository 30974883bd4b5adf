import Disclose
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A deterministic generator of realistic raw CAT data: the four tables of
/// `docs/formats.md` (factories, assessments, answers, responses) for every country
/// programme that publishes, answered against that country's rule book.
///
/// The same seed and scale give the same bytes on every machine: the generator uses its own
/// SplitMix64 stream, never the system's random numbers, never iterates a hashed
/// collection, and formats every number itself.
///
/// ```swift
/// let data = try SampleData(seed: 1, scale: 1).generate(rulesRoot: ".")
/// try data.write(to: "examples/sample", format: .csv)
/// ```
package struct SampleData: Sendable {
    /// The seed of every random choice.
    package var seed: UInt64
    /// Factories per country in proportion to the real programme: 1 gives about 200
    /// factories and 2-3 MB of CSV; 10 and 100 proportionally more. A fixed set of scenario
    /// factories (refusals, exits, zero-tolerance cases, hostile text) comes on top, so even
    /// scale 0 exercises every rule.
    package var scale: Double

    package init(seed: UInt64 = 1, scale: Double = 1) {
        self.seed = seed
        self.scale = scale
    }

    /// The largest scale accepted: about 150,000 factories.
    package static let maximumScale = 1000.0

    /// Generates data for each country file `countries/CC.disclose` under `rulesRoot` that
    /// checks without errors and publishes. Countries whose rules have errors, or that
    /// publish nothing, are listed in `SampleDataSet.skippedCountries`.
    package func generate(rulesRoot: String) throws -> SampleDataSet {
        let folder = (rulesRoot as NSString).appendingPathComponent("countries")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter(SampleData.isCountryFileName).sorted()
        guard !names.isEmpty else { throw SampleDataError.noCountryFiles(folder: folder) }
        let paths = names.map { (folder as NSString).appendingPathComponent($0) }
        let results = Checker.check(entries: paths)
        var books: [RuleBook] = []
        var skipped: [SampleSkippedCountry] = []
        for (name, result) in zip(names, results) {
            let code = String(name.prefix(2))
            if let book = result.ruleBook {
                books.append(book)
            } else {
                let errors = result.diagnostics.filter { $0.severity == .error }.count
                skipped.append(SampleSkippedCountry(code: code, reason: "its rule files have \(errors) error\(errors == 1 ? "" : "s")"))
            }
        }
        var data = try generate(books: books)
        data.skippedCountries = (skipped + data.skippedCountries).sorted { $0.code < $1.code }
        return data
    }

    /// Generates data for the given country rule books (books without a `country`, or whose
    /// country publishes nothing, are skipped).
    package func generate(books: [RuleBook]) throws -> SampleDataSet {
        guard scale.isFinite, scale >= 0, scale <= SampleData.maximumScale else { throw SampleDataError.invalidScale(scale) }
        var countries: [(code: String, book: RuleBook)] = []
        var skipped: [SampleSkippedCountry] = []
        for book in books {
            guard let country = book.country else { continue }
            if country.publishesNothing {
                skipped.append(SampleSkippedCountry(code: country.code, reason: "it publishes nothing"))
            } else if !countries.contains(where: { $0.code == country.code }) {
                countries.append((country.code, book))
            }
        }
        countries.sort { $0.code < $1.code }
        guard !countries.isEmpty else { throw SampleDataError.noPublishingCountry(skipped: skipped) }
        var generator = SampleGenerator(seed: seed, scale: scale)
        let tables = generator.run(countries)
        return SampleDataSet(seed: seed, scale: scale, countries: countries.map(\.code),
                             skippedCountries: skipped.sorted { $0.code < $1.code },
                             factories: tables.factories, assessments: tables.assessments, responses: tables.responses)
    }

    /// `VN.disclose`: two capital letters; not a decision register (`VN-decisions.disclose`).
    static func isCountryFileName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        return name.hasSuffix("." + RuleFiles.fileExtension) && bytes.count == 3 + RuleFiles.fileExtension.utf8.count
            && bytes[0] >= 65 && bytes[0] <= 90 && bytes[1] >= 65 && bytes[1] <= 90
    }
}

/// Why no sample could be generated.
package enum SampleDataError: Error, CustomStringConvertible, Sendable {
    case invalidScale(Double)
    case noCountryFiles(folder: String)
    case noPublishingCountry(skipped: [SampleSkippedCountry])

    package var description: String {
        switch self {
        case .invalidScale(let scale):
            "scale \(scale) is out of range; give a number from 0 to \(Int(SampleData.maximumScale))"
        case .noCountryFiles(let folder):
            "no country files (such as VN.disclose) in `\(folder)`: run this in the project folder (the one holding rules/ and countries/), or name it with --rules DIR"
        case .noPublishingCountry(let skipped):
            "no country to generate data for"
                + (skipped.isEmpty ? "" : ": " + skipped.map { "\($0.code) (\($0.reason))" }.joined(separator: ", "))
        }
    }
}

/// A country left out of the sample, and why.
package struct SampleSkippedCountry: Sendable, Hashable {
    package var code: String
    package var reason: String
}

/// The two input formats of `docs/formats.md`.
package enum SampleFormat: String, Sendable, CaseIterable {
    case csv, jsonl
}

/// The four tables.
package enum SampleTable: String, Sendable, CaseIterable {
    case factories, assessments, answers, responses

    /// The columns, exactly as `docs/formats.md` names them, in its order.
    package var columns: [String] {
        switch self {
        case .factories: ["factory_id", "name", "type", "country", "left_on", "sector", "province", "export_licence"]
        case .assessments: ["assessment_id", "factory_id", "assessed_on", "method", "cycle", "status", "refusal_reason",
                            "finalised_on", "cycle_ends_on"]
        case .answers: ["assessment_id", "question_id", "answer"]
        case .responses: ["response_id", "factory_id", "assessment_id", "issue_id", "responded_on", "text", "attachments"]
        }
    }

    /// `factories.csv`, `answers.jsonl`.
    package func fileName(_ format: SampleFormat) -> String { rawValue + "." + format.rawValue }
}

/// A factory of the sample.
package struct SampleFactory: Sendable, Hashable {
    package var factoryID: String
    package var name: String
    package var type: String
    package var country: String
    package var leftOn: Day?
    /// The fixed scenario this factory was made for (`two-unexcused-refusals`), or nil for
    /// an ordinary random factory. Not written to the files.
    package var scenario: String?
    /// Its attributes, as docs/formats.md describes the optional columns.
    package var sector: String? = nil
    package var province: String? = nil
    package var exportLicence: String? = nil
}

/// How an assessment was carried out.
package enum SampleMethod: String, Sendable, CaseIterable {
    case onSite = "on-site"
    case virtual
    case hybrid
}

/// Whether an assessment took place or the factory refused it.
package enum SampleStatus: String, Sendable, CaseIterable {
    case completed, refused
}

/// One answer of a completed assessment, as written in the file.
package struct SampleAnswer: Sendable, Hashable {
    package var questionID: String
    /// `yes`, `no`, `not-applicable`, a number such as `62.5`, a date, or a choice; a few
    /// factories export `Yes`, `No` and `N/A` as spreadsheets do.
    package var answer: String
}

/// An assessment or a refused visit.
package struct SampleAssessment: Sendable, Hashable {
    package var assessmentID: String
    package var factoryID: String
    package var assessedOn: Day
    /// Nil for a refusal.
    package var method: SampleMethod?
    package var cycle: Int
    package var status: SampleStatus
    package var refusalReason: RefusalReason?
    /// Nil while the report is not finalised, and for a refusal.
    package var finalisedOn: Day?
    package var cycleEndsOn: Day?
    /// One per catalogue question in force on `assessedOn`, in catalogue order; none for a refusal.
    package var answers: [SampleAnswer]
}

/// A factory's response.
package struct SampleResponse: Sendable, Hashable {
    package var responseID: String
    package var factoryID: String
    package var assessmentID: String
    /// The public issue responded to; nil for the assessment as a whole.
    package var issueID: String?
    package var respondedOn: Day
    package var text: String
    package var attachments: [String]
    /// Why moderation must hold it, for the responses written to be held. Not written to the files.
    package var heldFor: SampleHoldReason?
}

/// One file of a data set.
package struct SampleFile: Sendable, Hashable {
    package var name: String
    package var contents: String
}

/// A generated data set: the records, and their text as CSV or JSON Lines.
package struct SampleDataSet: Sendable {
    package var seed: UInt64
    package var scale: Double
    /// The countries generated, by code, sorted.
    package var countries: [String]
    /// The countries left out, and why.
    package var skippedCountries: [SampleSkippedCountry]
    /// Sorted by id; so are assessments and responses.
    package var factories: [SampleFactory]
    package var assessments: [SampleAssessment]
    package var responses: [SampleResponse]

    /// The number of rows in the answers table.
    package var answerCount: Int { assessments.reduce(0) { $0 + $1.answers.count } }

    /// The text of one table.
    package func text(_ table: SampleTable, format: SampleFormat = .csv) -> String {
        var bytes: [UInt8] = []
        // Appending to memory cannot fail: the closure throws nothing, so neither does render.
        render(table, format: format) { (chunk: inout [UInt8]) throws(Never) in bytes.append(contentsOf: chunk); chunk.removeAll(keepingCapacity: true) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The four files, in the order factories, assessments, answers, responses.
    package func files(format: SampleFormat = .csv) -> [SampleFile] {
        SampleTable.allCases.map { SampleFile(name: $0.fileName(format), contents: text($0, format: format)) }
    }

    package var factoriesCSV: String { text(.factories) }
    package var assessmentsCSV: String { text(.assessments) }
    package var answersCSV: String { text(.answers) }
    package var responsesCSV: String { text(.responses) }

    /// Writes the four files into `folder` (created if needed) and returns their names and
    /// sizes in bytes. Each file is streamed to a temporary file in the same folder and then
    /// renamed over its final name, so a reader never sees half a file. A file of the same
    /// table in the other format is removed, since a data folder may not hold both.
    @discardableResult
    package func write(to folder: String, format: SampleFormat = .csv) throws -> [(name: String, bytes: Int)] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var written: [(name: String, bytes: Int)] = []
        for table in SampleTable.allCases {
            let name = table.fileName(format)
            let path = (folder as NSString).appendingPathComponent(name)
            let temporary = (folder as NSString).appendingPathComponent(".\(name).\(ProcessInfo.processInfo.processIdentifier).tmp")
            guard FileManager.default.createFile(atPath: temporary, contents: nil),
                let handle = FileHandle(forWritingAtPath: temporary)
            else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary]) }
            var size = 0
            do {
                try render(table, format: format) { chunk in
                    size += chunk.count
                    try handle.write(contentsOf: chunk)
                    chunk.removeAll(keepingCapacity: true)
                }
                try handle.close()
                // rename(2) replaces the old file in one step.
                guard rename(temporary, path) == 0 else {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
                }
            } catch {
                try? handle.close()
                try? FileManager.default.removeItem(atPath: temporary)
                throw error
            }
            written.append((name, size))
            for other in SampleFormat.allCases where other != format {
                let stale = (folder as NSString).appendingPathComponent(table.fileName(other))
                if FileManager.default.fileExists(atPath: stale) { try FileManager.default.removeItem(atPath: stale) }
            }
        }
        return written
    }

    /// Renders a table, handing the bytes to `flush` about a megabyte at a time; `flush`
    /// must empty the buffer it is given.
    func render<Failure: Error>(_ table: SampleTable, format: SampleFormat, flush: (inout [UInt8]) throws(Failure) -> Void) throws(Failure) {
        var writer = SampleWriter(format: format, columns: table.columns)
        writer.header()
        func row(_ fields: [SampleWriter.Field]) throws(Failure) {
            writer.row(fields)
            if writer.buffer.count >= 1 << 20 { try flush(&writer.buffer) }
        }
        switch table {
        case .factories:
            for factory in factories {
                try row([.text(factory.factoryID), .text(factory.name), .text(factory.type), .text(factory.country),
                         .text(factory.leftOn?.description), .text(factory.sector), .text(factory.province), .text(factory.exportLicence)])
            }
        case .assessments:
            for assessment in assessments {
                try row([.text(assessment.assessmentID), .text(assessment.factoryID), .text(assessment.assessedOn.description),
                         .text(assessment.method?.rawValue), .number(assessment.cycle), .text(assessment.status.rawValue),
                         .text(assessment.refusalReason?.rawValue), .text(assessment.finalisedOn?.description),
                         .text(assessment.cycleEndsOn?.description)])
            }
        case .answers:
            for assessment in assessments {
                for answer in assessment.answers {
                    try row([.text(assessment.assessmentID), .text(answer.questionID), .text(answer.answer)])
                }
            }
        case .responses:
            for response in responses {
                try row([.text(response.responseID), .text(response.factoryID), .text(response.assessmentID),
                         .text(response.issueID), .text(response.respondedOn.description), .text(response.text),
                         .list(response.attachments)])
            }
        }
        if !writer.buffer.isEmpty { try flush(&writer.buffer) }
    }
}

/// Writes rows as RFC 4180 CSV (LF line ends, fields quoted only when they hold a comma, a
/// quote, CR or LF, quotes doubled) or as JSON Lines (absent fields left out, `cycle` a
/// number, attachments an array).
struct SampleWriter {
    enum Field {
        case text(String?)
        case number(Int)
        case list([String])
    }

    let format: SampleFormat
    let columns: [String]
    var buffer: [UInt8] = []
    /// The JSON keys, quoted, with their colon.
    private let keys: [[UInt8]]

    init(format: SampleFormat, columns: [String]) {
        self.format = format
        self.columns = columns
        keys = columns.map { Array("\"\($0)\":".utf8) }
        buffer.reserveCapacity(1 << 20 + 4096)
    }

    mutating func header() {
        guard format == .csv else { return }
        row(columns.map { .text($0) })
    }

    mutating func row(_ fields: [Field]) {
        switch format {
        case .csv:
            for (index, field) in fields.enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                switch field {
                case .text(let text): csv(text ?? "")
                case .number(let number): buffer.append(contentsOf: String(number).utf8)
                case .list(let items): csv(items.joined(separator: ";"))
                }
            }
        case .jsonl:
            buffer.append(UInt8(ascii: "{"))
            var first = true
            for (index, field) in fields.enumerated() {
                switch field {
                case .text(nil): continue
                case .list(let items) where items.isEmpty: continue
                default: break
                }
                if !first { buffer.append(UInt8(ascii: ",")) }
                first = false
                buffer.append(contentsOf: keys[index])
                switch field {
                case .text(let text): json(text ?? "")
                case .number(let number): buffer.append(contentsOf: String(number).utf8)
                case .list(let items):
                    buffer.append(UInt8(ascii: "["))
                    for (position, item) in items.enumerated() {
                        if position > 0 { buffer.append(UInt8(ascii: ",")) }
                        json(item)
                    }
                    buffer.append(UInt8(ascii: "]"))
                }
            }
            buffer.append(UInt8(ascii: "}"))
        }
        buffer.append(UInt8(ascii: "\n"))
    }

    private mutating func csv(_ text: String) {
        let needsQuotes = text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        guard needsQuotes else {
            buffer.append(contentsOf: text.utf8)
            return
        }
        buffer.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { buffer.append(byte) }
            buffer.append(byte)
        }
        buffer.append(UInt8(ascii: "\""))
    }

    private mutating func json(_ text: String) {
        buffer.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 10: buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 13: buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 9: buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<32:
                let hex = Array("0123456789abcdef".utf8)
                buffer.append(contentsOf: Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            default: buffer.append(byte)
            }
        }
        buffer.append(UInt8(ascii: "\""))
    }
}
