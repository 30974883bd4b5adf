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

    /// What the server has written so far, read on another thread so that the test can wait
    /// for a message without blocking on the pipe.
    final class Output: @unchecked Sendable {
        private let lock = NSLock()
        private var buffer = MessageBuffer()
        private var messages: [JSONValue] = []
        private var malformed = 0

        init(_ handle: FileHandle) {
            handle.readabilityHandler = { [self] handle in
                let data = handle.availableData
                lock.lock()
                defer { lock.unlock() }
                if data.isEmpty { handle.readabilityHandler = nil; return }
                buffer.append(data)
                while let item = buffer.next() {
                    if case .message(let body) = item, let message = try? JSONReader.parse(body) { messages.append(message) } else { malformed += 1 }
                }
            }
        }

        var snapshot: (messages: [JSONValue], malformed: Int) {
            lock.lock()
            defer { lock.unlock() }
            return (messages, malformed)
        }

        /// Waits up to a minute (the machine may be busy) for a message that satisfies `test`.
        func wait(for test: (JSONValue) -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                if snapshot.messages.contains(where: test) { return true }
                Thread.sleep(forTimeInterval: 0.02)
            }
            return false
        }
    }

    @Test func servesOverStandardInputAndOutput() throws {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["lsp"]
        process.currentDirectoryURL = Session.packageRoot
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        let received = Output(output.fileHandleForReading)
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
        #expect(received.wait { $0["id"]?.intValue == 1 })
        write.write(Self.frame(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#))
        write.write(Self.frame("{this is not json"))
        write.write(Data("Content-Length: nonsense\r\n\r\n".utf8))
        write.write(Self.frame(#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"\#(uri)","languageId":"disclose","version":1,"text":\#(escaped)}}}"#))
        #expect(received.wait { $0["method"]?.stringValue == "textDocument/publishDiagnostics" })
        write.write(Self.frame(#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#))
        #expect(received.wait { $0["id"]?.intValue == 2 })
        write.write(Self.frame(#"{"jsonrpc":"2.0","method":"exit"}"#))
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        let (messages, malformed) = received.snapshot
        #expect(malformed == 0)
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
