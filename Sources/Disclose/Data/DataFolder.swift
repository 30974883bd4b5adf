import Foundation

/// A folder of data tables, and the records read from its small tables.
///
/// Factories, assessments and responses are read whole (they have a row per factory or
/// assessment); answers, which have a row per assessment and question, are streamed by
/// the publisher.
struct DataFolder {
    let folder: String
    let displayBase: String
    var diagnostics: [Diagnostic] = []
    /// Ids of rows that were reported and left out: whatever refers to them is not reported again.
    var rejectedFactories: Set<String> = []
    var rejectedAssessments: Set<String> = []
    /// True when a table could not be read whole (no header, missing columns, rows that are not
    /// text): its error is reported, and nothing that refers to its rows is reported again.
    var factoriesUnreadable = false
    var assessmentsUnreadable = false
    /// The day each factory that left the programme left, and where its `left_on` field is:
    /// that it is not before the factory's first visit is known only once the assessments are read.
    private var exits: [String: (day: Day, field: SourceRange)] = [:]

    /// True when rows naming this factory or assessment were already accounted for by an error.
    func isRejected(factory: String) -> Bool { factoriesUnreadable || rejectedFactories.contains(factory) }
    func isRejected(assessment: String) -> Bool { assessmentsUnreadable || rejectedAssessments.contains(assessment) }

    init(folder: String, displayBase: String) {
        self.folder = folder
        self.displayBase = displayBase
    }

    /// The file of a table: `NAME.csv` or `NAME.jsonl`; reports a missing or doubled table.
    ///
    /// Anything at the name counts, a link to nothing included: `open` then says why it
    /// cannot be read, rather than the table passing for absent.
    mutating func path(of table: String, required: Bool) -> String? {
        let candidates = ["csv", "jsonl"].map { (folder as NSString).appendingPathComponent("\(table).\($0)") }.filter(TableFile.entryExists)
        if candidates.count > 1 {
            diagnostics.append(Diagnostic(.missingTable, "`\(table)` is given twice, as CSV and as JSON Lines", at: nil,
                                          help: "keep one of \(candidates.map { "`\(display($0))`" }.joined(separator: " and "))"))
            return nil
        }
        if candidates.isEmpty, required {
            diagnostics.append(Diagnostic(.missingTable, "no `\(table).csv` or `\(table).jsonl` in `\(display(folder))`", at: nil,
                                          help: "docs/formats.md describes the tables a data folder holds"))
        }
        return candidates.first
    }

    func display(_ path: String) -> String {
        let base = displayBase.hasSuffix("/") ? displayBase : displayBase + "/"
        let full = path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        // The folder standardised, the name kept: standardising the whole path would follow a
        // table that is a link, and name its target instead of the table.
        let name = (full as NSString).lastPathComponent
        let standard = (((full as NSString).deletingLastPathComponent as NSString).standardizingPath as NSString).appendingPathComponent(name)
        return standard.hasPrefix(base) ? String(standard.dropFirst(base.count)) : path
    }

    /// A reader of the table at `path`; nil, with the error, when it cannot be read (a folder, a
    /// named pipe, a link to nothing, no permission...). Then the table is not treated as absent:
    /// the run stops on the error.
    mutating func open(_ path: String, _ schema: TableSchema) -> TableReader? {
        switch TableReader.opening(path: path, displayPath: display(path), schema: schema) {
        case .success(let reader):
            return reader
        case .failure(let problem):
            diagnostics.append(problem.diagnostic(path: display(path)))
            return nil
        }
    }

    // MARK: Fields

    /// A required date field, or nil with a diagnostic.
    static func date(_ row: TableRow, _ column: Int, _ reader: TableReader, required: Bool) -> (value: Day?, ok: Bool) {
        if row.isEmpty(column) {
            if required {
                reader.reportField(.invalidValue, "`\(reader.schema.columns[column])` is empty", row: row, column: column,
                                   help: "give the day as YYYY-MM-DD, for example 2024-03-01")
                return (nil, false)
            }
            return (nil, true)
        }
        // The usual case straight from the row's bytes; anything else through the text.
        if let day = row.withBytes(column, { Day(isoBytes: $0) }) { return (day, true) }
        let text = row.text(column).trimmedSpaces
        if let day = Day(iso: text) { return (day, true) }
        let looksISO = text.count == 10 && text.filter { $0 == "-" }.count == 2
        reader.reportField(.invalidValue, looksISO ? "`\(text)` is not a day that exists" : "`\(text)` is not a date written YYYY-MM-DD",
                           row: row, column: column,
                           help: looksISO ? "check the month and day (2024-02-30 does not exist)" : "write dates as YYYY-MM-DD; a spreadsheet may need the column formatted as text")
        return (nil, false)
    }

    /// A field that must be one of a fixed set of words.
    static func word<Value: RawRepresentable>(_ row: TableRow, _ column: Int, _ reader: TableReader, as type: Value.Type,
                                              allowed: [Value]) -> Value? where Value.RawValue == String {
        let text = row.text(column).trimmedSpaces.lowercased()
        if let value = Value(rawValue: text), allowed.contains(where: { $0.rawValue == text }) { return value }
        let words = allowed.map(\.rawValue)
        if text.isEmpty {
            reader.reportField(.invalidValue, "`\(reader.schema.columns[column])` is empty", row: row, column: column,
                               help: "give one of: " + words.map { "`\($0)`" }.joined(separator: ", "))
            return nil
        }
        let hint = Suggestion.closest(to: text, among: words).map { "did you mean `\($0)`?" } ?? "use one of: " + words.map { "`\($0)`" }.joined(separator: ", ")
        reader.reportField(.invalidValue, "`\(row.text(column))` is not a valid \(reader.schema.columns[column])", row: row, column: column, help: hint)
        return nil
    }

    /// The id in the first column of a row, if it is present and not seen before (reported otherwise).
    static func uniqueId(_ row: TableRow, _ reader: TableReader, _ what: String, seen: inout [String: Int]) -> String? {
        let id = row.text(0).trimmedSpaces
        guard !id.isEmpty else {
            reader.reportField(.invalidValue, "`\(what)_id` is empty", row: row, column: 0, help: "every \(what) needs an id")
            return nil
        }
        if let first = seen[id] {
            reader.reportField(.duplicateRecord, "\(what) `\(id)` is listed twice", row: row, column: 0, help: "it is first listed on line \(first)")
            return nil
        }
        seen[id] = row.line
        return id
    }

    // MARK: Tables

    mutating func readFactories() -> [FactoryRecord] {
        guard let path = path(of: "factories", required: true) else { return [] }
        guard let reader = open(path, DataTables.factories) else {
            factoriesUnreadable = true
            return []
        }
        var records: [FactoryRecord] = []
        var seen: [String: Int] = [:]
        var rejected: Set<String> = []
        reader.forEachRow { row in
            guard let id = DataFolder.uniqueId(row, reader, "factory", seen: &seen) else { return }
            var accepted = false
            defer { if !accepted { rejected.insert(id) } }
            let country = row.text(3).trimmedSpaces.uppercased()
            if country.count != 2 || !country.allSatisfy({ $0.isASCII && $0.isLetter }) {
                reader.reportField(.invalidValue, "`\(row.text(3))` is not a two-letter country code", row: row, column: 3,
                                   help: "use the ISO 3166-1 code, such as `KH` or `VN`")
                return
            }
            let (left, ok) = DataFolder.date(row, 4, reader, required: false)
            guard ok else { return }
            let name = row.text(1).trimmedSpaces
            if name.isEmpty {
                reader.reportField(.invalidValue, "factory `\(id)` has no name", row: row, column: 1, help: "give the name as it should appear on the portal")
                return
            }
            var record = FactoryRecord(id: id, name: name, type: row.text(2).trimmedSpaces.lowercased(),
                                       country: country, leftOn: left, line: row.line)
            // The optional attribute columns, checked against the rules' declared values once
            // the rules are read (W714).
            for (offset, attribute) in FactoryAttribute.columns.enumerated() {
                let column = 5 + offset
                let value = row.text(column).trimmedSpaces
                guard !value.isEmpty else { continue }
                record.attributes[attribute] = value
                record.attributeFields[attribute] = reader.sourceRange(row: row, column: column)
            }
            records.append(record)
            if let left { exits[id] = (left, reader.sourceRange(row: row, column: 4)) }
            accepted = true
        }
        rejectedFactories = rejected
        factoriesUnreadable = !reader.isReadable || reader.refusedRowsAsNotText
        diagnostics += reader.diagnostics
        return records
    }

    mutating func readAssessments(factories: Set<String>) -> [AssessmentRecord] {
        guard let path = path(of: "assessments", required: true) else { return [] }
        guard let reader = open(path, DataTables.assessments) else {
            assessmentsUnreadable = true
            return []
        }
        var records: [AssessmentRecord] = []
        var seen: [String: Int] = [:]
        var rejected: Set<String> = []
        let folder = self
        reader.forEachRow { row in
            guard let id = DataFolder.uniqueId(row, reader, "assessment", seen: &seen) else { return }
            var accepted = false
            defer { if !accepted { rejected.insert(id) } }
            let factory = row.text(1).trimmedSpaces
            if folder.isRejected(factory: factory) { return }
            guard factories.contains(factory) else {
                reader.reportField(.unknownRecord, "assessment `\(id)` is of unknown factory `\(factory)`", row: row, column: 1,
                                   help: (reader.listsMoreErrors ? Suggestion.closest(to: factory, among: factories) : nil).map { "did you mean `\($0)`?" } ?? "add the factory to the factories table")
                return
            }
            let (date, dateOK) = DataFolder.date(row, 2, reader, required: true)
            let (finalised, finalisedOK) = DataFolder.date(row, 7, reader, required: false)
            let (cycleEnd, cycleEndOK) = DataFolder.date(row, 8, reader, required: false)
            let cycleText = row.text(4).trimmedSpaces
            let cycle = Int(cycleText)
            if cycle == nil || cycle! < 1 {
                reader.reportField(.invalidValue, "`\(cycleText)` is not a cycle number", row: row, column: 4, help: "the cycle is a whole number from 1")
            }
            guard let date, dateOK, finalisedOK, cycleEndOK, let cycle, cycle >= 1,
                let status = DataFolder.word(row, 5, reader, as: StatusWord.self, allowed: StatusWord.allCases)
            else { return }
            var method: AssessmentMethod?
            var recordStatus = AssessmentRecord.Status.completed
            switch status {
            case .completed:
                guard let value = DataFolder.word(row, 3, reader, as: AssessmentMethod.self, allowed: AssessmentMethod.allCases) else { return }
                method = value
                if !row.isEmpty(6) {
                    reader.reportField(.invalidValue, "a completed assessment has a refusal reason", row: row, column: 6,
                                       help: "leave `refusal_reason` empty, or set `status` to `refused`")
                    return
                }
            case .refused:
                guard let reason = DataFolder.word(row, 6, reader, as: RefusalReason.self, allowed: RefusalReason.allCases) else { return }
                recordStatus = .refused(reason)
            }
            if let finalised, finalised < date {
                reader.reportField(.invalidValue, "report finalised on \(finalised), before the assessment on \(date)", row: row, column: 7,
                                   help: "check the two dates")
                return
            }
            if let cycleEnd, cycleEnd < date {
                reader.reportField(.invalidValue, "cycle ends on \(cycleEnd), before the assessment on \(date)", row: row, column: 8,
                                   help: "`cycle_ends_on` is the last day of the service cycle the assessment belongs to; check the two dates")
                return
            }
            records.append(AssessmentRecord(id: id, factory: factory, date: date, method: method, cycle: cycle, status: recordStatus,
                                            finalisedOn: finalised, cycleEndsOn: cycleEnd, line: row.line))
            accepted = true
        }
        rejectedAssessments = rejected
        assessmentsUnreadable = !reader.isReadable || reader.refusedRowsAsNotText
        diagnostics += reader.diagnostics
        checkExits(records)
        return records
    }

    /// A factory cannot leave the programme before its first visit (assessment or refused
    /// visit): its `left_on` is then a slip (a wrong year, most often), and taking it at its
    /// word could withhold or keep the factory on a wrong day. Factories with no visit read are
    /// not judged: a visit left out for an error is reported already.
    private mutating func checkExits(_ records: [AssessmentRecord]) {
        guard !exits.isEmpty else { return }
        var firstVisit: [String: Day] = [:]
        for record in records where exits[record.factory] != nil {
            firstVisit[record.factory] = min(firstVisit[record.factory] ?? record.date, record.date)
        }
        for (factory, exit) in exits.sorted(by: { $0.value.field.file.firstLine < $1.value.field.file.firstLine }) {
            guard let first = firstVisit[factory], exit.day < first else { continue }
            diagnostics.append(Diagnostic(.invalidValue, "factory `\(factory)` left the programme on \(exit.day), before its first visit on \(first)",
                                          at: exit.field,
                                          help: "check `left_on` and the factory's assessments; leave `left_on` empty while the factory is in the programme"))
        }
    }

    mutating func readResponses(factories: Set<String>, assessments: [String: String]) -> [ResponseRecord] {
        guard let path = path(of: "responses", required: false), let reader = open(path, DataTables.responses) else { return [] }
        let folder = self
        var records: [ResponseRecord] = []
        var seen: [String: Int] = [:]
        reader.forEachRow { row in
            guard let id = DataFolder.uniqueId(row, reader, "response", seen: &seen) else { return }
            let factory = row.text(1).trimmedSpaces
            let assessment = row.text(2).trimmedSpaces
            if folder.isRejected(factory: factory) || folder.isRejected(assessment: assessment) { return }
            guard factories.contains(factory) else {
                reader.reportField(.unknownRecord, "response `\(id)` is from unknown factory `\(factory)`", row: row, column: 1, help: "check the factory id")
                return
            }
            guard assessments[assessment] == factory else {
                reader.reportField(.unknownRecord, "response `\(id)` answers assessment `\(assessment)`, which is not an assessment of `\(factory)`",
                                   row: row, column: 2, help: "check the assessment id")
                return
            }
            let (date, ok) = DataFolder.date(row, 4, reader, required: true)
            guard let date, ok else { return }
            let issue = row.text(3).trimmedSpaces
            let attachments = row.text(6).split(separator: ";").map { String($0).trimmedSpaces }.filter { !$0.isEmpty }
            records.append(ResponseRecord(id: id, factory: factory, assessment: assessment, issue: issue.isEmpty ? nil : issue, date: date,
                                          text: row.text(5), attachments: attachments, line: row.line))
        }
        diagnostics += reader.diagnostics
        return records
    }

    enum StatusWord: String, CaseIterable {
        case completed, refused
    }
}

extension String {
    /// The text without the tabs and spaces around it: the same as Foundation's
    /// `trimmingCharacters(in: .whitespaces)` (tab and the Unicode space separators), without
    /// its bridging to `NSString`, which cost most of the time of reading the assessments.
    var trimmedSpaces: String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return "" }
        // Most fields have nothing to trim: a visible ASCII character at both ends.
        if first > 0x20, first < 0x7F, last > 0x20, last < 0x7F { return String(self) }
        let scalars = unicodeScalars
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator }
        guard let start = scalars.firstIndex(where: { !isSpace($0) }), let end = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(String.UnicodeScalarView(scalars[start...end]))
    }
}
