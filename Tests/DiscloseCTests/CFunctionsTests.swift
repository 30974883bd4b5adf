import Disclose
import DiscloseC
import Foundation
import Testing

/// The C interface called as a C caller would, through the `@_cdecl` functions: results and
/// errors are JSON values, bad input of every kind is an error value and never a crash, and
/// the same call gives the same bytes.
@Suite struct CFunctionsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Cambodia's rule files and the shared ones, as texts by path in the project.
    static let files: [String: String] = {
        var files: [String: String] = [:]
        for folder in ["rules", "countries"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
            for name in names where name.hasSuffix(".disclose") && (folder == "rules" || name.hasPrefix("KH")) {
                files["\(folder)/\(name)"] = try? String(contentsOf: root.appendingPathComponent("\(folder)/\(name)"), encoding: .utf8)
            }
        }
        return files
    }()

    static let assessmentDay = Day(iso: "2024-05-14")!

    /// The returned string, freed.
    static func take(_ string: UnsafeMutablePointer<CChar>?) throws -> String {
        let pointer = try #require(string)
        defer { discloseFree(pointer) }
        return String(cString: pointer)
    }

    /// The returned JSON object, freed.
    static func object(_ string: UnsafeMutablePointer<CChar>?) throws -> [String: Any] {
        let text = try take(string)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
    }

    /// Calls `function` with `text` as a C string.
    static func call(_ function: (UnsafePointer<CChar>?) -> UnsafeMutablePointer<CChar>?, _ text: String) throws -> [String: Any] {
        try text.withCString { try object(function($0)) }
    }

    static func json(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
    }

    /// The error code of a result, nil when it is no error.
    static func code(_ result: [String: Any]) -> String? {
        (result["error"] as? [String: Any])?["code"] as? String
    }

    /// Prepared rules for Cambodia from the files in memory, as of 30 June 2025.
    static func prepare(_ request: [String: Any] = ["files": files, "country": "KH", "asOf": "2025-06-30"]) throws -> UInt64 {
        var error: UnsafeMutablePointer<CChar>?
        let handle = try json(request).withCString { disclosePrepare($0, &error) }
        if let error { Issue.record("prepare failed: \(try take(error))") }
        return handle
    }

    /// Every question behind a public issue answered compliantly, then the emergency exits locked.
    static func answers() throws -> [String: String] {
        let book = try #require(Checker.check(entry: root.appendingPathComponent("countries/KH.disclose").path).publicRuleBook)
        var answers = book.compliantAnswers(on: assessmentDay)
        answers["OSH-EMR-02"] = "no"
        return answers
    }

    @Test func versionGivesTheLibraryAndInterfaceVersions() throws {
        #expect(try Self.take(discloseVersion()) == #"{"abi":1,"version":"\#(DiscloseLibrary.version)"}"#)
    }

    /// The version the C library reports is the one `disclose --version` prints.
    @Test func versionIsTheCommandsVersion() throws {
        let binary = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("disclose"),
                      Self.root.appendingPathComponent(".build/debug/disclose")].first { FileManager.default.isExecutableFile(atPath: $0.path) }
        let process = Process()
        process.executableURL = try #require(binary, "build the disclose command first")
        process.arguments = ["--version"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let version = try Self.object(discloseVersion())["version"] as? String
        #expect(printed == "disclose \(version ?? "?")\n")
    }

    /// JSON nested past any sensible depth is refused as invalid, not a stack overflow.
    @Test func deeplyNestedJSONIsAnErrorNotACrash() throws {
        let deep = String(repeating: "[", count: 100_000)
        #expect(Self.code(try Self.call(discloseCheckRules, deep)) == "invalid-json")
        let handle = try Self.prepare()
        defer { _ = discloseRelease(handle) }
        #expect(Self.code(try deep.withCString { try Self.object(discloseEvaluate(handle, $0)) }) == "invalid-json")
        let nested = #"{"date": "2024-05-14", "answers": {"OSH-EMR-02": "# + String(repeating: "[", count: 100_000) + "}}"
        #expect(Self.code(try nested.withCString { try Self.object(discloseEvaluate(handle, $0)) }) == "invalid-json")
    }

    @Test func checksRulesHeldInMemoryAndOnDisk() throws {
        let clean = try Self.call(discloseCheckRules, try Self.json(["files": Self.files, "entry": "countries/KH.disclose"]))
        #expect(clean["ok"] as? Bool == true && clean["errors"] as? Int == 0, "\(clean)")
        let onDisk = try Self.call(discloseCheckRules, try Self.json(["folder": Self.root.path, "country": "kh"]))
        #expect(onDisk["ok"] as? Bool == true, "\(onDisk)")

        // A mistake: a result with the diagnostics, as data and as `disclose check` prints them.
        var files = Self.files
        files["countries/KH.disclose"] = files["countries/KH.disclose"]!.replacingOccurrences(of: #"include "../rules/policy.disclose""#,
                                                                                               with: #"include "../rules/polcy.disclose""#)
        let flawed = try Self.call(discloseCheckRules, try Self.json(["files": files, "country": "KH"]))
        #expect(Self.code(flawed) == nil)
        #expect(flawed["ok"] as? Bool == false && (flawed["errors"] as? Int ?? 0) >= 1)
        let first = try #require((flawed["diagnostics"] as? [[String: Any]])?.first)
        #expect((first["location"] as? [String: Any])?["file"] as? String == "countries/KH.disclose")
        #expect((flawed["rendered"] as? String)?.contains("--> countries/KH.disclose:") == true, "\(flawed)")
    }

    @Test(arguments: [
        (nil, "null-argument", "request is NULL"),
        ("{\"files\": ", "invalid-json", "request is not valid JSON"),
        ("[1, 2]", "not-an-object", "the request is not a JSON object"),
        (#"{"country": "KH"}"#, "invalid-field", "the request gives no rules"),
        (#"{"files": {}, "folder": "/", "country": "KH"}"#, "invalid-field", "give the rules as `files` or as a `folder`, not both"),
        (#"{"files": {"countries/KH.disclose": 3}, "country": "KH"}"#, "invalid-field", "`files.countries/KH.disclose` must be a string"),
        (#"{"folder": "/nowhere", "country": "KH"}"#, "unknown-country", "no rules for country `KH`: no country's rules are in `/nowhere/countries`"),
        (#"{"files": {"countries/KH.disclose": ""}, "country": "KX"}"#, "unknown-country", "no rules for country `KX`: did you mean `KH`?"),
        (#"{"files": {"countries/KH.disclose": ""}, "country": "../KH"}"#, "unknown-country", "no rules for country `../KH`"),
        (#"{"files": {"countries/KH.disclose": ""}, "entry": "countries/VN.disclose"}"#, "unknown-file", "no rule file `countries/VN.disclose`"),
        (#"{"files": {"countries/KH.disclose": ""}}"#, "invalid-field", "the request names no rule book"),
        (#"{"files": {}, "country": "KH", "contry": "VN"}"#, "unknown-field", "unknown field `contry`: did you mean `country`?"),
    ] as [(String?, String, String)])
    func badRequestIsAnErrorValue(request: String?, code: String, message: String) throws {
        let result = try request.map { try Self.call(discloseCheckRules, $0) } ?? Self.object(discloseCheckRules(nil))
        #expect(Self.code(result) == code, "\(result)")
        #expect(((result["error"] as? [String: Any])?["message"] as? String)?.hasPrefix(message) == true, "\(result)")
    }

    @Test func invalidUTF8IsAnErrorValue() throws {
        let bytes: [CChar] = [0x7B, CChar(bitPattern: 0xFF), 0x7D, 0]
        let result = try Self.object(bytes.withUnsafeBufferPointer { discloseCheckRules($0.baseAddress) })
        #expect(Self.code(result) == "invalid-utf8")
        let handle = try Self.prepare()
        defer { _ = discloseRelease(handle) }
        #expect(Self.code(try Self.object(bytes.withUnsafeBufferPointer { discloseEvaluate(handle, $0.baseAddress) })) == "invalid-utf8")
    }

    /// The outcome is the one `disclose evaluate` writes for the same line, byte for byte, and
    /// the one the library gives.
    @Test func evaluatesAsTheCommandDoes() throws {
        let handle = try Self.prepare()
        defer { _ = discloseRelease(handle) }
        #expect(handle > 0)
        let answers = try Self.answers()
        let request = try Self.json(["id": "KH-A", "date": "2024-05-14", "answers": answers, "factory": ["sector": "garment"]])
        let text = try request.withCString { try Self.take(discloseEvaluate(handle, $0)) }
        #expect(try request.withCString { try Self.take(discloseEvaluate(handle, $0)) } == text, "the same call gives the same bytes")

        let book = try #require(Checker.check(entry: Self.root.appendingPathComponent("countries/KH.disclose").path).publicRuleBook)
        let evaluator = PreparedEvaluator(book: book, asOf: Day(iso: "2025-06-30")!)
        #expect(text == String(decoding: EvaluationReply.answering(Data(request.utf8), with: evaluator).json, as: UTF8.self))
        let outcome = try JSONDecoder().decode(EvaluationOutcome.self, from: Data(text.utf8))
        #expect(outcome == evaluator.evaluate(answers: answers, on: Self.assessmentDay, factory: ["sector": "garment"]))
        #expect(outcome.raised.first { $0.issue == "KH-15" }?.because == "non-compliant on OSH-EMR-02")
        #expect(text.contains(#""id":"KH-A""#))
    }

    @Test(arguments: [
        ("{\"date\": ", "invalid-json"),
        ("\"2024-05-14\"", "not-an-object"),
        (#"{"date": "2024-05-14", "answers": {"CHL-LAB-1": "no"}}"#, "unknown-question"),
        (#"{"date": "2024-05-14", "answers": {"OSH-EMR-02": 0}}"#, "invalid-field"),
        (#"{"date": "14/05/2024", "answers": {}}"#, "invalid-field"),
        (#"{"id": ["KH-A"], "date": "2024-05-14", "answers": {}}"#, "invalid-field"),
        (#"{"date": "2024-05-14", "answers": {}, "country": "KH"}"#, "unknown-field"),
    ])
    func badAssessmentIsAnErrorValue(assessment: String, code: String) throws {
        let handle = try Self.prepare()
        defer { _ = discloseRelease(handle) }
        let result = try assessment.withCString { try Self.object(discloseEvaluate(handle, $0)) }
        #expect(Self.code(result) == code, "\(result)")
    }

    @Test func unknownQuestionNamesTheIdAndTheClosestKnownOne() throws {
        let handle = try Self.prepare()
        defer { _ = discloseRelease(handle) }
        let text = try #"{"id": "KH-B", "date": "2024-05-14", "answers": {"CHL-LAB-1": "no"}}"#.withCString { try Self.take(discloseEvaluate(handle, $0)) }
        #expect(text == #"{"error":{"code":"unknown-question","message":"unknown question `CHL-LAB-1` (did you mean `CHL-LAB-01`?): "#
            + #"correct the id, or leave the answer out; question ids are those of rules/catalogue.disclose"},"id":"KH-B","unknownQuestions":["CHL-LAB-1"]}"#)
    }

    @Test func releasedOrUnknownHandleIsAnErrorValue() throws {
        let handle = try Self.prepare()
        #expect(discloseRelease(handle) == 1)
        #expect(discloseRelease(handle) == 0)
        #expect(discloseRelease(0) == 0)
        let assessment = #"{"date": "2024-05-14", "answers": {}}"#
        for stale in [handle, 0, UInt64.max] {
            let result = try assessment.withCString { try Self.object(discloseEvaluate(stale, $0)) }
            #expect(Self.code(result) == "unknown-handle")
        }
        // A handle is never given twice: the next one is new.
        let next = try Self.prepare()
        defer { _ = discloseRelease(next) }
        #expect(next > handle)
        #expect(Self.code(try Self.object(discloseEvaluate(next, nil))) == "null-argument")
    }

    @Test func prepareReportsErrorsThroughItsOutParameter() throws {
        var error: UnsafeMutablePointer<CChar>?
        #expect(disclosePrepare(nil, &error) == 0)
        #expect(Self.code(try Self.object(error)) == "null-argument")
        // No place for the error: still 0, still no crash.
        #expect(disclosePrepare(nil, nil) == 0)

        var files = Self.files
        files["countries/KH.disclose"]! += "\nissue KH-99\n  titel en \"x\"\n"
        let handle = try Self.json(["files": files, "country": "KH"]).withCString { disclosePrepare($0, &error) }
        #expect(handle == 0)
        let result = try Self.object(error)
        #expect(Self.code(result) == "rules-have-errors")
        #expect((result["diagnostics"] as? [Any])?.isEmpty == false)
        #expect((result["rendered"] as? String)?.contains("countries/KH.disclose:") == true, "\(result)")

        let unknown = try Self.json(["files": Self.files, "country": "KX"]).withCString { disclosePrepare($0, &error) }
        #expect(unknown == 0)
        #expect(Self.code(try Self.object(error)) == "unknown-country")
        let dated = try Self.json(["files": Self.files, "country": "KH", "asOf": "30 June"]).withCString { disclosePrepare($0, &error) }
        #expect(dated == 0)
        #expect(Self.code(try Self.object(error)) == "invalid-field")
    }

    /// One prepared evaluator shared by threads, and handles prepared and released at once:
    /// every thread gets the outcome one thread alone gets.
    @Test func isSafeToCallFromManyThreads() throws {
        let handle = try Self.prepare()
        defer { _ = discloseRelease(handle) }
        let request = try Self.json(["date": "2024-05-14", "answers": try Self.answers()])
        let expected = try request.withCString { try Self.take(discloseEvaluate(handle, $0)) }
        let results = ResultBox()
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            let own = index.isMultiple(of: 4) ? (try? Self.prepare()) ?? 0 : 0
            let text = request.withCString { pointer in
                let string = discloseEvaluate(handle, pointer)
                defer { discloseFree(string) }
                return string.map { String(cString: $0) } ?? ""
            }
            if own > 0 { _ = discloseRelease(own) }
            results.append(text)
        }
        #expect(results.all.count == 16)
        #expect(results.all.allSatisfy { $0 == expected })
    }

    @Test func publishesValuesWithRulesInMemory() throws {
        var request: [String: Any] = [
            "files": Self.files, "asOf": "2025-06-30",
            "factories": [["id": "KH-DEMO-1", "name": "Mekong River Garments", "type": "garment", "country": "KH"]],
            "assessments": [
                ["id": "KH-DEMO-1-A1", "factory": "KH-DEMO-1", "date": "2024-03-12", "method": "on-site", "cycle": 1, "finalisedOn": "2024-04-11"],
                ["id": "KH-DEMO-1-A2", "factory": "KH-DEMO-1", "date": "2024-05-14", "method": "on-site", "cycle": 2, "finalisedOn": "2024-06-13"],
                ["id": "KH-DEMO-1-R1", "factory": "KH-DEMO-1", "date": "2025-05-02", "status": "refused", "refusalReason": "force-majeure"],
            ],
            "answers": ["KH-DEMO-1-A1": try Self.answers().merging(["OSH-EMR-02": "yes"]) { $1 }, "KH-DEMO-1-A2": try Self.answers()],
            "responses": [["id": "R1", "factory": "KH-DEMO-1", "assessment": "KH-DEMO-1-A2", "date": "2025-05-20", "text": "The exits are now unlocked."]],
        ]
        let text = try Self.json(request).withCString { try Self.take(disclosePublish($0)) }
        #expect(try Self.json(request).withCString { try Self.take(disclosePublish($0)) } == text, "the same call gives the same bytes")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Self.code(result) == nil, "\(text.prefix(2000))")
        let published = try #require(result["public"] as? [String: Any])
        #expect(published["asOf"] as? String == "2025-06-30")
        #expect((published["countries"] as? [[String: Any]])?.map { $0["code"] as? String } == ["KH"])
        #expect(text.contains("KH-15"), "the locked exits are a public finding")
        #expect(result["internal"] is [String: Any])

        // A mistake in the values: nothing published, the diagnostics say why.
        request["answers"] = ["KH-DEMO-9-A1": ["OSH-EMR-02": "yes"]]
        let refused = try Self.call(disclosePublish, try Self.json(request))
        #expect(Self.code(refused) == "not-published")
        #expect((refused["rendered"] as? String)?.contains("unknown assessment `KH-DEMO-9-A1`") == true, "\(refused)")

        // A value of the wrong shape: the field named by its path.
        request["assessments"] = [["id": "KH-DEMO-1-A1", "factory": "KH-DEMO-1", "date": "2024-03-12", "cycle": "one"]]
        let shaped = try Self.call(disclosePublish, try Self.json(request))
        #expect(Self.code(shaped) == "invalid-field")
        #expect(((shaped["error"] as? [String: Any])?["message"] as? String)?.hasPrefix("`assessments[0].cycle` must be a whole number") == true, "\(shaped)")
        #expect(Self.code(try Self.object(disclosePublish(nil))) == "null-argument")
    }

    /// Results of threads, gathered under a lock.
    final class ResultBox: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [String] = []
        func append(_ result: String) { lock.lock(); results.append(result); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return results }
    }
}
