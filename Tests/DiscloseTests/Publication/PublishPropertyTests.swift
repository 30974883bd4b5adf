import Disclose
import DiscloseSample
import Foundation
import Testing

/// Properties of a publication run over generated data (`SampleData` at a small scale), for
/// twenty seeds, each as of a different day and for three of the publishing countries in turn
/// (so that every country is covered and each run stays short):
/// - every input assessment is accounted for exactly once in the internal report;
/// - nothing withheld is public: no first assessment, no withheld or superseded assessment,
///   no held or unshown response, no escalation;
/// - the order of the rows does not matter: shuffled tables give the same bytes;
/// - publishing twice gives the same bytes.
///
/// Each seed takes about half a second in a debug build; the suite about ten seconds on two cores.
@Suite struct PublishPropertyTests {
    static let seeds: [UInt64] = Array(1...20)
    /// About two random factories per country, plus the scenario factories.
    static let scale = 0.01

    /// The shipped rule books of the launched countries that publish, checked once, by country code.
    static let books: [RuleBook] = {
        let folder = Golden.packageRoot.appendingPathComponent("countries").path
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".disclose") && !$0.contains("-") }.sorted()
        return Checker.check(entries: names.map { (folder as NSString).appendingPathComponent($0) }).compactMap(\.ruleBook)
            .filter { $0.country.map { !$0.publishesNothing } ?? false }
            // Countries launched before the earliest as-of day: the properties are about the policy.
            .filter { $0.standing.launch.isLaunched(on: Day(year: 2022, month: 7, day: 1)!) }
    }()

    /// Three countries for a seed, in turn.
    static func books(_ seed: UInt64) -> [RuleBook] {
        (0..<min(3, books.count)).map { books[(Int(seed) * 3 + $0) % books.count] }
    }

    /// A day from mid-2022 to the end of 2025 (where most generated events are), different for each seed.
    static func asOf(_ seed: UInt64) -> Day {
        Day(year: 2022, month: 7, day: 1)!.adding(days: Int((seed &* 2_654_435_761) % 1_280))
    }

    /// Records a line diff when two outputs differ.
    static func same(_ actual: String, _ expected: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard actual != expected else { return }
        Issue.record("\(what):\n\(Golden.lineDiff(expected, actual))", sourceLocation: sourceLocation)
    }

    /// A seeded shuffle (SplitMix64), the same on every machine.
    struct Shuffler {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func shuffle<T>(_ items: inout [T]) {
            guard items.count > 1 else { return }
            for index in stride(from: items.count - 1, to: 0, by: -1) {
                items.swapAt(index, Int(next() % UInt64(index + 1)))
            }
        }
    }

    /// The records of a CSV text, each with its line end (a quoted field may hold line breaks).
    static func csvRecords(_ text: String) -> [String] {
        var records: [String] = []
        var current = ""
        var quoted = false
        for character in text {
            current.append(character)
            if character == "\"" { quoted.toggle() }
            if character == "\n" || character == "\r\n", !quoted {
                records.append(current)
                current = ""
            }
        }
        if !current.isEmpty { records.append(current) }
        return records
    }

    /// The CSV text with its rows (not the header) in another order.
    static func shuffledCSV(_ text: String, _ shuffler: inout Shuffler) -> String {
        var records = csvRecords(text)
        guard !records.isEmpty else { return text }
        let header = records.removeFirst()
        shuffler.shuffle(&records)
        return header + records.joined()
    }

    static func write(_ files: [(name: String, contents: String)], to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in files {
            try Data(file.contents.utf8).write(to: folder.appendingPathComponent(file.name))
        }
    }

    static func publish(_ folder: URL, asOf: Day) -> (result: PublishResult, publicJSON: String, internalJSON: String)? {
        var publisher = Publisher(project: Golden.packageRoot.path, asOf: asOf)
        publisher.displayBase = folder.path
        let result = publisher.publish(data: folder.path)
        guard let publication = result.publication else { return nil }
        return (result, PublicationExport.publicJSON(publication).serialized(), PublicationExport.internalJSON(publication).serialized())
    }

    @Test(arguments: seeds)
    func publicationProperties(seed: UInt64) throws {
        let data = try SampleData(seed: seed, scale: Self.scale).generate(books: Self.books(seed))
        let day = Self.asOf(seed)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-properties-\(seed)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = data.files(format: .csv).map { (name: $0.name, contents: $0.contents) }
        try Self.write(files, to: root.appendingPathComponent("ordered"))

        guard let first = Self.publish(root.appendingPathComponent("ordered"), asOf: day) else {
            Issue.record("seed \(seed): generated data does not publish")
            return
        }
        let publication = try #require(first.result.publication)
        let report = publication.report

        // Every input assessment once in the internal report.
        let accounted = Dictionary(grouping: report.assessments, by: \.assessment)
        #expect(Set(accounted.keys) == Set(data.assessments.map(\.assessmentID)), "seed \(seed): assessments missing from the report or invented")
        #expect(accounted.values.allSatisfy { $0.count == 1 }, "seed \(seed): an assessment is accounted twice")
        #expect(Set(report.responses.map(\.response)) == Set(data.responses.map(\.responseID)) && report.responses.count == data.responses.count,
                "seed \(seed): responses missing from the report")

        // Nothing withheld is public.
        let publicObject = try JSONSerialization.jsonObject(with: Data(first.publicJSON.utf8))
        let publicStrings = PublishGoldenTests.strings(in: publicObject)
        let publicCSV = PublicationExport.publicCSV(publication).map(\.text).joined()
        for account in report.assessments where account.disposition != .shown {
            #expect(!publicStrings.contains(account.assessment), "seed \(seed): \(account.disposition) assessment \(account.assessment) is public")
        }
        let byFactory = Dictionary(grouping: report.assessments, by: \.factory)
        let listed = publication.countries.flatMap(\.factories)
        #expect(listed.contains { $0.assessment != nil }, "seed \(seed): nothing shown as of \(day), the properties say little")
        for factory in listed {
            let accounts = byFactory[factory.id] ?? []
            let shown = accounts.filter { $0.disposition == .shown }
            if let assessment = factory.assessment {
                #expect(shown.count == 1 && shown.first?.date == assessment.date,
                        "seed \(seed): \(factory.id) is shown with an assessment the report does not show")
                // Never a first assessment: the shown one supersedes at least one other.
                #expect(accounts.contains { $0.disposition == .superseded }, "seed \(seed): \(factory.id) is shown with its first assessment")
                // Findings are the raised issues still public on the as-of day.
                #expect(Set(factory.findings.map(\.issue)).isSubset(of: Set(shown.first?.raisedIssues ?? [])),
                        "seed \(seed): \(factory.id) findings differ from the report")
            } else {
                #expect(factory.status == .refused && shown.isEmpty, "seed \(seed): \(factory.id) is listed with no assessment and not refusing")
                #expect(factory.findings.isEmpty)
            }
            let counted = accounts.filter { $0.reason == .refusalCounted }.count
            // The number of refusals is public only for a factory listed as refusing.
            #expect(factory.refusals == (factory.status == .refused ? counted : nil),
                    "seed \(seed): \(factory.id) shows \(String(describing: factory.refusals)) refusals, the report counts \(counted)")
        }
        for account in report.assessments where account.disposition == .shown {
            #expect(listed.contains { $0.id == account.factory && $0.assessment?.date == account.date },
                    "seed \(seed): shown assessment \(account.assessment) is not public")
        }
        let listedIds = Set(listed.map(\.id))
        for factory in data.factories where !listedIds.contains(factory.factoryID) {
            #expect(!publicStrings.contains(factory.factoryID), "seed \(seed): unlisted factory \(factory.factoryID) is public")
        }
        let published = Set(report.responses.filter { $0.disposition == .published }.map(\.response))
        for response in listed.flatMap(\.responses) {
            #expect(published.contains(response.id), "seed \(seed): response \(response.id) is public but not published in the report")
        }
        let publishedTexts = Set(report.responses.filter { $0.disposition == .published }.map(\.text))
        for account in report.responses where account.disposition != .published {
            #expect(!publicStrings.contains(account.response), "seed \(seed): \(account.disposition) response \(account.response) is public")
            // Sample texts repeat across factories: only a text never published must be absent.
            guard !publishedTexts.contains(account.text) else { continue }
            #expect(!publicStrings.contains(account.text), "seed \(seed): text of \(account.disposition) response \(account.response) is public")
            let text = account.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if account.disposition == .held, !text.isEmpty {
                #expect(!publicCSV.contains(text), "seed \(seed): text of held response \(account.response) is in the public CSV")
            }
        }
        for escalation in report.escalations {
            #expect(!publicStrings.contains(escalation.category) && !publicCSV.contains(escalation.category),
                    "seed \(seed): escalation category \(escalation.category) is public")
        }
        #expect(!publicStrings.contains { $0.hasPrefix("ZT-") }, "seed \(seed): a zero-tolerance category is public")

        // Publishing again gives the same bytes (for every fourth seed: a run is the slow part).
        if seed % 4 == 0 {
            let again = try #require(Self.publish(root.appendingPathComponent("ordered"), asOf: day))
            Self.same(again.publicJSON, first.publicJSON, "seed \(seed): public.json differs between two runs")
            Self.same(again.internalJSON, first.internalJSON, "seed \(seed): internal-report.json differs between two runs")
        }

        // Shuffled rows give the same bytes.
        var shuffler = Shuffler(state: seed)
        let shuffled = files.map { (name: $0.name, contents: Self.shuffledCSV($0.contents, &shuffler)) }
        #expect(shuffled.map(\.contents) != files.map(\.contents), "seed \(seed): the shuffle changed nothing")
        try Self.write(shuffled, to: root.appendingPathComponent("shuffled"))
        let mixed = try #require(Self.publish(root.appendingPathComponent("shuffled"), asOf: day), "seed \(seed): shuffled data does not publish")
        Self.same(mixed.publicJSON, first.publicJSON, "seed \(seed): shuffling the rows changes public.json")
        Self.same(mixed.internalJSON, first.internalJSON, "seed \(seed): shuffling the rows changes internal-report.json")
    }

    @Test func seedsCoverEveryCountry() {
        let covered = Set(Self.seeds.flatMap { Self.books($0).compactMap(\.country?.code) })
        #expect(covered == Set(Self.books.compactMap(\.country?.code)))
        // The six launched programmes: Haiti, Indonesia, Jordan, Cambodia, Nicaragua, Vietnam.
        #expect(covered.count >= 6)
    }

    @Test func shuffleKeepsEveryRecordWhole() {
        let text = "a,b\n1,\"x\ny\"\n2,\"he said \"\"hi\"\"\"\r\n3,z\n"
        #expect(Self.csvRecords(text) == ["a,b\n", "1,\"x\ny\"\n", "2,\"he said \"\"hi\"\"\"\r\n", "3,z\n"])
        var shuffler = Shuffler(state: 3)
        let shuffled = Self.shuffledCSV(text, &shuffler)
        #expect(shuffled.hasPrefix("a,b\n"))
        #expect(Set(Self.csvRecords(shuffled)) == Set(Self.csvRecords(text)))
    }
}
