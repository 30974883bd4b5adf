import Disclose
import Foundation
import Testing

/// `disclose evaluate COUNTRY` with the real binary: JSON Lines in, one outcome (or one
/// error) per line out, in order; a bad line never stops the others.
@Suite struct EvaluateCommandTests {
    @Test func eachLineGetsItsOutcomeOrItsError() throws {
        let book = try #require(Checker.check(entry: Golden.packageRoot.appendingPathComponent("countries/KH.disclose").path).publicRuleBook)
        let day = Day(iso: "2024-05-14")!
        var answers = PreparedEvaluationTests.compliantAnswers(book, on: day)
        answers["OSH-EMR-02"] = "no"
        let answersJSON = String(decoding: try JSONSerialization.data(withJSONObject: answers, options: [.sortedKeys]), as: UTF8.self)
        let input = [
            #"{"id": "KH-A", "date": "2024-05-14", "answers": \#(answersJSON), "factory": {"sector": "garment"}}"#,
            "{not json",
            "",
            #"{"id": "KH-B", "date": "2024-05-14", "answers": {"CHL-LAB-1": "no"}}"#,
            #"{"id": "KH-C", "date": "14/05/2024", "answers": {}}"#,
            #"{"id": "KH-D", "date": "2024-05-14", "answers": {"OSH-EMR-02": "sometimes"}}"#,
        ].joined(separator: "\n") + "\n"
        let run = try CommandLineTests.run(["evaluate", "KH", "--as-of", "2025-06-30"], input: input)
        #expect(run.status == 1, "a line had an error: \(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count == 5, "\(run.stdout)")

        // The first: the same outcome the library gives, with the line's id.
        let expected = PreparedEvaluator(book: book, asOf: Day(iso: "2025-06-30")!).evaluate(answers: answers, on: day, factory: ["sector": "garment"])
        let outcome = try JSONDecoder().decode(EvaluationOutcome.self, from: Data(lines[0].utf8))
        #expect(outcome == expected)
        #expect(outcome.raised.map(\.issue).contains("KH-15"))
        #expect(outcome.raised.first { $0.issue == "KH-15" }?.because == "non-compliant on OSH-EMR-02")
        #expect(lines[0].contains(#""id":"KH-A""#))

        // Then an error object for each bad line, in order, naming the line and what to do.
        #expect(lines[1].hasPrefix(#"{"error":{"code":"invalid-json","message":"not valid JSON: write one assessment as a JSON object"#))
        #expect(lines[1].hasSuffix(#""line":2}"#))
        #expect(lines[2] == #"{"error":{"code":"unknown-question","message":"unknown question `CHL-LAB-1` (did you mean `CHL-LAB-01`?): "#
            + #"correct the id, or leave the answer out; question ids are those of rules/catalogue.disclose"},"id":"KH-B","line":4,"unknownQuestions":["CHL-LAB-1"]}"#)
        #expect(lines[3].contains(#""code":"invalid-field","message":"\"date\" must be the assessment day written YYYY-MM-DD"#) && lines[3].contains(#""line":5"#))
        // An unusable answer is no error of the line: the outcome says the assessment is incomplete.
        let incomplete = try JSONDecoder().decode(EvaluationOutcome.self, from: Data(lines[4].utf8))
        #expect(incomplete.withheldAsIncomplete)
        #expect(incomplete.unusable.map { "\($0.question)=\($0.answer)" } == ["OSH-EMR-02=sometimes"])
    }

    @Test func cleanInputExitsZeroAndUnknownCountryIsAUsageError() throws {
        let run = try CommandLineTests.run(["evaluate", "KH", "--as-of", "2025-06-30"], input: #"{"date": "2024-05-14", "answers": {"OSH-EMR-02": "no"}}"# + "\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("{") && run.stdout.hasSuffix("}\n"))
        let unknown = try CommandLineTests.run(["evaluate", "XX"], input: "")
        #expect(unknown.status == 64)
    }

    /// Every kind of bad line gets its own error code and a message that says what to write
    /// instead; none stops the lines after it, and every reply is one whole JSON object.
    @Test(arguments: [
        ("3", "not-an-object", "not a JSON object"),
        (#"["KH-A"]"#, "not-an-object", "not a JSON object"),
        (#"{"id": 7, "date": "2024-05-14", "answers": {}}"#, "invalid-field", #"\"id\" must be a string"#),
        (#"{"date": "2024-05-14", "anwsers": {}}"#, "unknown-field", #"unknown field \"anwsers\": did you mean \"answers\"?"#),
        (#"{"answers": {}}"#, "invalid-field", #"\"date\" must be the assessment day"#),
        (#"{"date": 20240514, "answers": {}}"#, "invalid-field", #"\"date\" must be the assessment day"#),
        (#"{"date": "2024-05-14"}"#, "invalid-field", #"\"answers\" must be an object"#),
        (#"{"date": "2024-05-14", "answers": {"OSH-EMR-02": false}}"#, "invalid-field", #"\"answers\" must be an object"#),
        (#"{"date": "2024-05-14", "answers": {"CHL-LAB-02": 13}}"#, "invalid-field", #"\"answers\" must be an object"#),
        (#"{"date": "2024-05-14", "answers": {}, "factory": ["garment"]}"#, "invalid-field", #"\"factory\" must be an object"#),
    ])
    func badLineGetsAnErrorObject(line: String, code: String, message: String) throws {
        let good = #"{"id": "KH-OK", "date": "2024-05-14", "answers": {"OSH-EMR-02": "no"}}"#
        let run = try CommandLineTests.run(["evaluate", "KH", "--as-of", "2025-06-30"], input: line + "\n" + good + "\n")
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        try #require(lines.count == 3 && lines[2].isEmpty, "\(run.stdout)")
        let error = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        let body = try #require(error["error"] as? [String: Any], "\(lines[0])")
        #expect(body["code"] as? String == code)
        #expect((body["message"] as? String)?.hasPrefix(message.replacingOccurrences(of: #"\""#, with: "\"")) == true, "\(lines[0])")
        #expect(error["line"] as? Int == 1)
        #expect(lines[1].contains(#""id":"KH-OK""#) && !lines[1].contains(#""error""#))
    }

    /// Bytes that are not UTF-8 on a line, even inside an otherwise valid JSON string: an
    /// error of that line (not a replacement character read as an answer), never a crash.
    @Test func invalidUTF8IsAnErrorOfItsLine() throws {
        var input = Data([0xFF, 0xFE, 0x7B, 0x0A])
        input += Data(#"{"id": "KH-A", "date": "2024-05-14", "answers": {"OSH-EMR-02": "n"#.utf8) + Data([0xFF]) + Data("o\"}}\n".utf8)
        input += Data(#"{"date": "2024-05-14", "answers": {"OSH-EMR-02": "no"}}"#.utf8)   // the last line, without a newline
        let run = try Self.run(["evaluate", "KH"], bytes: input)
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count == 3, "\(run.stdout)")
        #expect(lines[0].hasPrefix(#"{"error":{"code":"invalid-utf8","message":"not UTF-8: write the assessment's text as UTF-8"#) && lines[0].hasSuffix(#""line":1}"#))
        #expect(lines[1].hasPrefix(#"{"error":{"code":"invalid-utf8""#) && lines[1].hasSuffix(#""line":2}"#))
        #expect(lines[2].hasPrefix(#"{"asOf":"#))
    }

    /// Streaming: the outcome of a line is written as soon as the line is read, before the
    /// next one comes (a pipeline waiting on one reply never deadlocks), and the process holds
    /// no more than one line.
    @Test func answersEachLineBeforeTheNextArrives() throws {
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = ["evaluate", "KH", "--as-of", "2025-06-30"]
        process.currentDirectoryURL = Golden.packageRoot
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        var received = Data()
        for number in 1...3 {
            input.fileHandleForWriting.write(Data(#"{"id": "A\#(number)", "date": "2024-05-14", "answers": {"OSH-EMR-02": "no"}}"#.utf8 + [0x0A]))
            // Standard input stays open: the reply can only come if the line was answered at once.
            while received.filter({ $0 == 0x0A }).count < number {
                let chunk = output.fileHandleForReading.availableData
                try #require(!chunk.isEmpty, "the output ended before line \(number) was answered")
                received += chunk
            }
            #expect(String(decoding: received, as: UTF8.self).split(separator: "\n").last?.contains(#""id":"A\#(number)""#) == true)
        }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func unknownCountryNamesTheKnownOnes() throws {
        let run = try CommandLineTests.run(["evaluate", "KHM"], input: "")
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("no country `KHM`") && run.stderr.contains("known: ") && run.stderr.contains("KH"))
    }

    /// The real binary run with `bytes` on standard input, which need not be UTF-8.
    static func run(_ arguments: [String], bytes: Data) throws -> CommandLineTests.Run {
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = arguments
        process.currentDirectoryURL = Golden.packageRoot
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(bytes)
        try input.fileHandleForWriting.close()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandLineTests.Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                    stderr: String(decoding: stderr, as: UTF8.self))
    }
}
