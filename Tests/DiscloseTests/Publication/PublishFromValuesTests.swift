import Foundation
import Testing

@testable import Disclose

/// Publishing from values (`Publisher.publish(_:)`) is the same run as publishing a data
/// folder: the shipped sample read into values gives the same bytes, with rules on disk or in
/// memory; and bad values come back as diagnostics, never as a crash.
@Suite struct PublishFromValuesTests {
    static let root = Golden.packageRoot.path
    static let sample = Golden.packageRoot.appendingPathComponent("examples/sample").path
    static let asOf = Day(iso: "2025-06-30")!

    /// The sample's tables read into values, as another tool would hold them: no line, no field.
    static let sampleInput: PublicationInput = {
        var folder = DataFolder(folder: sample, displayBase: root)
        let factories = folder.readFactories().map { record -> FactoryRecord in
            FactoryRecord(id: record.id, name: record.name, type: record.type, country: record.country, leftOn: record.leftOn,
                          attributes: record.attributes)
        }
        let assessments = folder.readAssessments(factories: Set(factories.map(\.id))).map { record -> AssessmentRecord in
            var record = record
            record.line = 0
            return record
        }
        let responses = folder.readResponses(factories: Set(factories.map(\.id)),
                                             assessments: Dictionary(uniqueKeysWithValues: assessments.map { ($0.id, $0.factory) }))
            .map { record -> ResponseRecord in
                var record = record
                record.line = 0
                return record
            }
        precondition(folder.diagnostics.isEmpty, "the sample has problems: \(folder.diagnostics.map(\.message))")
        var answers: [String: [String: String]] = [:]
        let path = (sample as NSString).appendingPathComponent("answers.csv")
        guard case .success(let reader) = TableReader.opening(path: path, displayPath: "answers.csv", schema: DataTables.answers) else {
            fatalError("cannot read \(path)")
        }
        reader.forEachRow { row in answers[row.text(0), default: [:]][row.text(1)] = row.text(2) }
        return PublicationInput(factories: factories, assessments: assessments, answers: answers, responses: responses)
    }()

    /// The package's rules/ and countries/ in memory, under a project folder that is not on disk.
    static let memoryProject = "/nowhere-on-disk/disclose"
    static let memoryRules: MemoryFileAccess = {
        var texts: [String: String] = [:]
        for folder in ["rules", "countries"] {
            let path = (root as NSString).appendingPathComponent(folder)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where name.hasSuffix(".disclose") {
                texts["\(memoryProject)/\(folder)/\(name)"] = try? String(contentsOfFile: (path as NSString).appendingPathComponent(name), encoding: .utf8)
            }
        }
        return MemoryFileAccess(texts)
    }()

    static func bytes(_ result: PublishResult) throws -> (public: String, internal: String) {
        let publication = try #require(result.publication, "not published: \(result.diagnostics.map(\.message))")
        return (PublicationExport.publicJSON(publication).serialized(), PublicationExport.internalJSON(publication).serialized())
    }

    @Test(arguments: [false, true])
    func valuesPublishTheSameBytesAsTheFolder(preview: Bool) throws {
        var publisher = Publisher(project: Self.root, asOf: Self.asOf)
        publisher.displayBase = Self.root
        publisher.preview = preview
        let fromFolder = try Self.bytes(publisher.publish(data: Self.sample))
        let fromValues = publisher.publish(Self.sampleInput)
        #expect(fromValues.diagnostics.isEmpty)
        let valuesBytes = try Self.bytes(fromValues)
        #expect(valuesBytes.public == fromFolder.public)
        #expect(valuesBytes.internal == fromFolder.internal)
        #expect(fromFolder.public.contains("\"factories\""))
    }

    @Test(arguments: [false, true])
    func rulesInMemoryPublishTheSameBytes(preview: Bool) throws {
        var onDisk = Publisher(project: Self.root, asOf: Self.asOf)
        onDisk.preview = preview
        var inMemory = Publisher(project: Self.memoryProject, asOf: Self.asOf)
        inMemory.rules = Self.memoryRules
        inMemory.displayBase = Self.memoryProject
        inMemory.preview = preview
        #expect(!FileManager.default.fileExists(atPath: Self.memoryProject))
        let expected = try Self.bytes(onDisk.publish(data: Self.sample))
        let actual = try Self.bytes(inMemory.publish(Self.sampleInput))
        #expect(actual.public == expected.public)
        #expect(actual.internal == expected.internal)
    }

    /// A small input in memory: one Cambodian factory with two assessments.
    static func smallInput() -> PublicationInput {
        let factory = FactoryRecord(id: "KH-T1", name: "Test Garments", type: "garment", country: "KH")
        let first = AssessmentRecord(id: "A1", factory: "KH-T1", date: Day(iso: "2024-01-10")!, method: .onSite, cycle: 1,
                                     finalisedOn: Day(iso: "2024-02-01")!)
        let second = AssessmentRecord(id: "A2", factory: "KH-T1", date: Day(iso: "2025-01-10")!, method: .onSite, cycle: 2,
                                      finalisedOn: Day(iso: "2025-02-01")!)
        return PublicationInput(factories: [factory], assessments: [first, second], answers: ["A1": ["OSH-EMR-02": "yes"], "A2": ["OSH-EMR-02": "no"]])
    }

    func publishInMemory(_ input: PublicationInput) -> PublishResult {
        var publisher = Publisher(project: Self.memoryProject, asOf: Self.asOf)
        publisher.rules = Self.memoryRules
        return publisher.publish(input)
    }

    @Test func aSmallInputPublishes() throws {
        let result = publishInMemory(Self.smallInput())
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.message))")
        let publication = try #require(result.publication)
        // Answers missing to most critical questions: the current assessment is withheld, not shown compliant.
        #expect(publication.report.assessments.count == 2)
    }

    @Test func badValuesAreDiagnosticsNotCrashes() throws {
        var input = Self.smallInput()
        input.assessments.append(AssessmentRecord(id: "A3", factory: "KH-T9", date: Day(iso: "2025-03-01")!, method: .virtual))
        input.assessments.append(AssessmentRecord(id: "A1", factory: "KH-T1", date: Day(iso: "2025-04-01")!, method: .virtual))
        input.answers["A404"] = ["OSH-EMR-02": "yes"]
        input.answers["A2"]?["NO-SUCH-QUESTION"] = "yes"
        input.answers["A2"]?["CHL-LAB-02"] = "twelve"
        input.responses = [ResponseRecord(id: "R1", factory: "KH-T1", assessment: "A9", date: Day(iso: "2025-03-01")!, text: "We fixed it.")]
        let result = publishInMemory(input)
        #expect(result.publication == nil)
        let messages = result.diagnostics.map { "\($0.code.rawValue) \($0.message)" }
        func has(_ code: DiagnosticCode, _ words: String) -> Bool {
            result.diagnostics.contains { $0.code == code && $0.message.contains(words) }
        }
        #expect(has(.unknownRecord, "assessment `A3` is of unknown factory `KH-T9`"), "\(messages)")
        #expect(has(.duplicateRecord, "assessment `A1` is given twice"), "\(messages)")
        #expect(has(.unknownRecord, "answer to unknown assessment `A404`"), "\(messages)")
        #expect(has(.unknownRecord, "unknown question `NO-SUCH-QUESTION`"), "\(messages)")
        #expect(has(.unusableAnswer, "answer `twelve` does not fit `CHL-LAB-02`"), "\(messages)")
        #expect(has(.unknownRecord, "response `R1` answers assessment `A9`"), "\(messages)")
        // The duplicate says where the first is; the unknown factory suggests the known one.
        #expect(result.diagnostics.contains { $0.code == .duplicateRecord && ($0.help ?? "").contains("assessment 1 of the input") })
        #expect(result.diagnostics.contains { ($0.help ?? "").contains("did you mean `KH-T1`?") })
    }

    @Test func moreBadValues() {
        var input = Self.smallInput()
        input.factories.append(FactoryRecord(id: "KH-T1", name: "Again", type: "garment", country: "KH"))
        input.factories.append(FactoryRecord(id: "KH-T2", name: " ", type: "garment", country: "KH"))
        input.factories.append(FactoryRecord(id: "", name: "No id", type: "garment", country: "KH"))
        input.factories[0].leftOn = Day(iso: "2023-01-01")!
        input.assessments.append(AssessmentRecord(id: "A4", factory: "KH-T1", date: Day(iso: "2025-05-01")!, cycle: 0))
        input.assessments.append(AssessmentRecord(id: "A5", factory: "KH-T1", date: Day(iso: "2025-05-01")!, status: .refused(.none)))
        input.assessments.append(AssessmentRecord(id: "A6", factory: "KH-T2", date: Day(iso: "2025-05-01")!))
        input.answers["A5"] = ["OSH-EMR-02": "yes"]
        input.answers["A6"] = ["OSH-EMR-02": "yes"]
        let result = publishInMemory(input)
        #expect(result.publication == nil)
        let messages = result.diagnostics.map { "\($0.code.rawValue) \($0.message)" }
        #expect(messages.contains("E708 factory `KH-T1` is given twice (factory 2 of the input)"), "\(messages)")
        #expect(messages.contains("E706 factory `KH-T2` has no name"), "\(messages)")
        #expect(messages.contains("E706 the id of factory 4 of the input is empty"), "\(messages)")
        #expect(messages.contains("E706 factory `KH-T1` left the programme on 2023-01-01, before its first visit on 2024-01-10"), "\(messages)")
        #expect(messages.contains("E706 `0` is not a cycle number (assessment `A4`)"), "\(messages)")
        #expect(messages.contains("E707 answers to assessment `A5`, which was refused"), "\(messages)")
        // The assessment of a factory left out, and its answers, are not reported again.
        #expect(!messages.contains { $0.contains("A6") }, "\(messages)")
    }

    /// Every path the publisher asks of the rules, when they are in memory.
    final class RecordingAccess: RuleFileAccess, @unchecked Sendable {
        let files: MemoryFileAccess
        private let lock = NSLock()
        private var asked: [String] = []
        init(_ files: MemoryFileAccess) { self.files = files }
        var paths: [String] { lock.withLock { asked } }
        private func note(_ path: String) { lock.withLock { asked.append(path) } }
        func contents(of path: String) -> [UInt8]? { note(path); return files.contents(of: path) }
        func canonical(_ path: String) -> String { note(path); return files.canonical(path) }
        func isFolder(_ path: String) -> Bool { note(path); return files.isFolder(path) }
        func fileNames(in folder: String) -> [String] { note(folder); return files.fileNames(in: folder) }
    }

    @Test func rulesInMemoryAreAllThatIsRead() throws {
        let access = RecordingAccess(Self.memoryRules)
        var publisher = Publisher(project: Self.memoryProject, asOf: Self.asOf)
        publisher.rules = access
        publisher.displayBase = Self.memoryProject
        var input = Self.smallInput()
        input.factories.append(FactoryRecord(id: "KM-1", name: "Elsewhere", type: "garment", country: "KM"))
        let result = publisher.publish(input)
        // The suggestion for a country without rules comes from the files in memory.
        #expect(result.diagnostics.contains { $0.message == "no rules for country `KM` of factory `KM-1`" && ($0.help ?? "").hasPrefix("did you mean `KH`?") })
        #expect(!access.paths.isEmpty)
        #expect(access.paths.allSatisfy { $0.hasPrefix(Self.memoryProject) }, "\(access.paths.filter { !$0.hasPrefix(Self.memoryProject) })")
    }

    @Test func aCountryWithoutRulesIsNamed() {
        var input = Self.smallInput()
        input.factories.append(FactoryRecord(id: "QQ-1", name: "Elsewhere", type: "garment", country: "QQ"))
        let result = publishInMemory(input)
        #expect(result.publication == nil)
        #expect(result.diagnostics.contains { $0.code == .unknownRecord && $0.message == "no rules for country `QQ` of factory `QQ-1`" })
    }

    @Test func anEmptyInputPublishesNothing() throws {
        let result = publishInMemory(PublicationInput(factories: [], assessments: [], answers: [:]))
        #expect(result.diagnostics.isEmpty)
        #expect(try #require(result.publication).report.assessments.isEmpty)
    }
}
