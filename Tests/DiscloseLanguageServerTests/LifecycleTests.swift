import Disclose
import Testing
@testable import DiscloseLanguageServer

/// initialize, shutdown, exit, and what the server answers to messages it cannot use.
@Suite struct LifecycleTests {
    @Test func refusesRequestsBeforeInitialize() {
        let server = LanguageServer(debounce: 0)
        let reply = server.handle(body: Array(#"{"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":{}}"#.utf8))
        #expect(reply.count == 1)
        #expect(reply[0]["id"]?.intValue == 7)
        #expect(reply[0]["error"]?["code"]?.intValue == -32002)
    }

    @Test(arguments: [
        ("{not json", -32700),
        ("[1, 2]", -32600),
        (#"{"jsonrpc":"2.0","id":3}"#, -32600),
        (#"{"jsonrpc":"2.0","id":{"a":1},"method":"shutdown"}"#, -32600),
    ])
    func answersNonsenseWithAnError(body: String, code: Int) {
        let server = LanguageServer(debounce: 0)
        let reply = server.handle(body: Array(body.utf8))
        #expect(reply.count == 1)
        #expect(reply[0]["error"]?["code"]?.intValue == code)
        #expect(reply[0]["id"] != nil)
    }

    @Test func initializesShutsDownAndExits() {
        let session = Session()
        #expect(session.send("workspace/nonsense", .object([]))["error"]?["code"]?.intValue == -32601)
        // Unknown notifications, and `$/` ones, are ignored.
        session.notify("$/setTrace", .object([("value", .string("off"))]))
        #expect(session.send("shutdown", .null)["result"] == .null)
        #expect(session.send("textDocument/hover", Session.document("countries/KH.disclose"))["error"]?["code"]?.intValue == -32600)
        #expect(session.server.handle(.object([("jsonrpc", .string("2.0")), ("method", .string("exit"))])).isEmpty)
        #expect(session.server.exitStatus == 0)
    }

    @Test func exitWithoutShutdownIsAFailure() {
        let session = Session()
        _ = session.server.handle(.object([("jsonrpc", .string("2.0")), ("method", .string("exit"))]))
        #expect(session.server.exitStatus == 1)
    }

    @Test func answersRequestsWithMissingParameters() {
        let session = Session()
        for method in ["textDocument/hover", "textDocument/definition", "textDocument/references", "textDocument/completion", "textDocument/formatting",
                       "textDocument/documentSymbol", "textDocument/codeAction", "textDocument/inlayHint", "textDocument/codeLens"] {
            let reply = session.send(method, .object([]))
            #expect(reply["error"]?["code"]?.intValue == -32602, "\(method)")
        }
        let nowhere = session.send("textDocument/hover", .object([("textDocument", .object([("uri", .string("file:///no/such/file.disclose"))])),
                                                                  ("position", Position(line: 0, character: 0).json)]))
        #expect(nowhere["error"]?["code"]?.intValue == -32602)
    }

    @Test func advertisesWhatItAnswers() {
        let server = LanguageServer(debounce: 0)
        let reply = server.handle(.object([("jsonrpc", .string("2.0")), ("id", .int(1)), ("method", .string("initialize")), ("params", .object([]))]))
        let capabilities = reply[0]["result"]?["capabilities"]
        for provider in ["hoverProvider", "definitionProvider", "referencesProvider", "completionProvider", "documentFormattingProvider",
                         "documentSymbolProvider", "foldingRangeProvider", "codeActionProvider", "inlayHintProvider", "codeLensProvider"] {
            #expect(capabilities?[provider] != nil, "\(provider)")
        }
        #expect(capabilities?["textDocumentSync"]?["change"]?.intValue == 1)
    }
}
