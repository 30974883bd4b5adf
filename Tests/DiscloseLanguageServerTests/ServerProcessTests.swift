import Disclose
import Foundation
import Testing
@testable import DiscloseLanguageServer

/// The real `disclose lsp` binary over pipes: framing across partial writes, bad input,
/// debounced diagnostics, and the exit status.
@Suite struct ServerProcessTests {
    static var binary: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("disclose"),
            Session.packageRoot.appendingPathComponent(".build/debug/disclose"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[1]
    }

    static func frame(_ json: String) -> Data { Data(MessageBuffer.frame(Array(json.utf8))) }

    @Test func servesOverStandardInputAndOutput() throws {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["lsp"]
        process.currentDirectoryURL = Session.packageRoot
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let write = input.fileHandleForWriting
        let uri = Session.uri("countries/VN.disclose")
        let text = Session.text("countries/VN.disclose").replacingOccurrences(of: "raised when CON-EMP-03 is no", with: "raised when CON-EMP-3 is no")
        let escaped = String(decoding: JSONValue.string(text).serializedBytes(pretty: false), as: UTF8.self)
        let initialize = Self.frame(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#)
        // A message cut in two writes, with a pause between: the reader must wait for the rest.
        write.write(initialize.prefix(10))
        Thread.sleep(forTimeInterval: 0.2)
        write.write(initialize.dropFirst(10))
        write.write(Self.frame(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#))
        write.write(Self.frame("{this is not json"))
        write.write(Data("Content-Length: nonsense\r\n\r\n".utf8))
        write.write(Self.frame(#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"\#(uri)","languageId":"disclose","version":1,"text":\#(escaped)}}}"#))
        Thread.sleep(forTimeInterval: 1.5)
        write.write(Self.frame(#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#))
        write.write(Self.frame(#"{"jsonrpc":"2.0","method":"exit"}"#))
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        var buffer = MessageBuffer()
        buffer.append(data)
        var messages: [JSONValue] = []
        while let item = buffer.next() {
            guard case .message(let body) = item else { Issue.record("the server wrote a bad header"); continue }
            messages.append(try JSONReader.parse(body))
        }
        #expect(messages.first?["id"]?.intValue == 1)
        #expect(messages.first?["result"]?["capabilities"] != nil)
        #expect(messages.contains { $0["error"]?["code"]?.intValue == -32700 && $0["id"] == .null })
        #expect(messages.contains { $0["method"]?.stringValue == "window/logMessage" })
        let published = try #require(messages.first { $0["method"]?.stringValue == "textDocument/publishDiagnostics" })
        #expect(published["params"]?["diagnostics"]?.arrayValue?.first?["code"]?.stringValue == "E301")
        #expect(messages.last?["id"]?.intValue == 2)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(stderr.contains("skipped unreadable input"))
    }

    @Test func exitsWithOneWhenTheInputEndsWithoutShutdown() throws {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["lsp"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Self.frame(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#))
        try input.fileHandleForWriting.close()
        _ = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
    }
}
