import Disclose
import Foundation
import Testing
@testable import DiscloseLanguageServer

/// Diagnostics as the file changes: the checker's, for the file and the files that include it.
@Suite struct DiagnosticsTests {
    static let vn = "countries/VN.disclose"

    @Test func publishesNothingForTheShippedFileAndTheMisspeltIdOnceChanged() throws {
        let session = Session()
        let text = Session.text(Self.vn)
        session.open(Self.vn, text: text)
        #expect(session.flush()[Session.uri(Self.vn)] == [])
        let broken = text.replacingOccurrences(of: "raised when CON-EMP-03 is no", with: "raised when CON-EMP-3 is no")
        session.change(Self.vn, text: broken)
        let diagnostics = try #require(session.flush()[Session.uri(Self.vn)])
        #expect(diagnostics.count == 1)
        let diagnostic = diagnostics[0]
        #expect(diagnostic["code"]?.stringValue == "E301")
        #expect(diagnostic["severity"]?.intValue == 1)
        #expect(diagnostic["source"]?.stringValue == "disclose")
        let message = diagnostic["message"]?.stringValue ?? ""
        #expect(message.hasPrefix("unknown question `CON-EMP-3`"))
        #expect(message.contains("help: did you mean `CON-EMP-03`?"))
        let start = Session.position(of: "CON-EMP-3 is no", in: broken)
        #expect(Position(diagnostic["range"]?["start"]) == start)
        #expect(Position(diagnostic["range"]?["end"]) == Position(line: start.line, character: start.character + "CON-EMP-3".count))

        // The quick fix puts the suggestion in place, and the file is clean again.
        let actions = session.request("textDocument/codeAction", .object([
            ("textDocument", .object([("uri", .string(Session.uri(Self.vn)))])),
            ("range", diagnostic["range"]!), ("context", .object([("diagnostics", .array([diagnostic]))])),
        ])).arrayValue ?? []
        #expect(actions.count == 1)
        #expect(actions.first?["kind"]?.stringValue == "quickfix")
        let edits = actions.first?["edit"]?["changes"]?[Session.uri(Self.vn)]?.arrayValue ?? []
        let fixed = apply(edits, to: broken)
        #expect(fixed == text)
        session.change(Self.vn, text: fixed, version: 3)
        #expect(session.flush()[Session.uri(Self.vn)] == [])
    }

    /// The published diagnostics are the checker's own: same codes, same headlines and help.
    @Test func publishesWhatTheCheckerReports() throws {
        let session = Session()
        let text = Session.text("countries/KH.disclose")
            .replacingOccurrences(of: "  category child-labour\n", with: "  category child-labor\n")
            .replacingOccurrences(of: "  decided by ", with: "  decided bye ")
        session.open("countries/KH.disclose", text: text)
        let published = try #require(session.flush()[Session.uri("countries/KH.disclose")])
        let path = Session.packageRoot.appendingPathComponent("countries/KH.disclose").path
        let access = OverlayFileAccess(open: [DiskFileAccess().canonical(path): Array(text.utf8)])
        let checked = Checker.check(entry: path, root: Session.packageRoot.path, access: access, displayBase: Session.packageRoot.path)
        #expect(!checked.diagnostics.isEmpty)
        #expect(published.map { $0["code"]?.stringValue ?? "" } == checked.diagnostics.map(\.code.code))
        for (lsp, diagnostic) in zip(published, checked.diagnostics) {
            let message = lsp["message"]?.stringValue ?? ""
            #expect(message.hasPrefix(diagnostic.message))
            if let help = diagnostic.help { #expect(message.contains("help: " + help)) }
        }
    }

    @Test func publishesForTheFilesThatIncludeTheChangedOne() throws {
        let session = Session()
        let register = "countries/VN-decisions.disclose"
        let text = Session.text(register)
        session.open(register, text: text)
        session.flush()
        session.change(register, text: text.replacingOccurrences(of: "decision VN-PAC-2015-01", with: "decision VN-PAC-2015-09"))
        let published = session.flush()
        let country = try #require(published[Session.uri(Self.vn)], "nothing published for VN.disclose, which includes the register")
        #expect(country.contains { $0["code"]?.stringValue == "E301" && ($0["message"]?.stringValue ?? "").contains("VN-PAC-2015-01") })
        // Put back, the country file is clean again, and is told so.
        session.change(register, text: text, version: 3)
        #expect(session.flush()[Session.uri(Self.vn)] == [])
    }

    @Test func relatesADuplicateToItsFirstDefinition() throws {
        let session = Session()
        let text = Session.text(Self.vn) + "\nchange parameter monthly-overtime-cap\n  value 30 hours\n  reason \"x\"\n  decided by VN-PROP-2026-01\n  until 2020-12-31\n"
        session.open(Self.vn, text: text)
        let diagnostics = try #require(session.flush()[Session.uri(Self.vn)])
        let related = diagnostics.compactMap { $0["relatedInformation"]?.arrayValue }.flatMap { $0 }
        #expect(!related.isEmpty, "\(diagnostics)")
        #expect(related.allSatisfy { $0["location"]?["uri"]?.stringValue?.hasPrefix("file://") == true })
    }

    /// Ranges count UTF-16 units after Khmer, Arabic and Vietnamese text and an emoji.
    @Test(arguments: ["គ្មានពលកម្មកុមារ", "لا عمالة أطفال", "Không có lao động trẻ em", "😀👩🏽‍🏭"])
    func placesDiagnosticsAfterNonLatinText(title: String) throws {
        let session = Session()
        let line = "  title en \"\(title)\" stray"
        let text = Session.text(Self.vn).replacingOccurrences(of: "  title en \"Vietnam\"", with: line)
        session.open(Self.vn, text: text)
        let diagnostics = try #require(session.flush()[Session.uri(Self.vn)])
        let expected = Session.position(of: "stray", in: text)
        #expect(expected.character == line.utf16.count - 5)
        #expect(diagnostics.contains { Position($0["range"]?["start"]) == expected }, "\(diagnostics)")
    }

    @Test func offersStraightQuotesForCurlyOnes() throws {
        let session = Session()
        let text = Session.text(Self.vn).replacingOccurrences(of: "title en \"Vietnam\"", with: "title en \u{201C}Vietnam\u{201D}")
        session.open(Self.vn, text: text)
        let diagnostics = try #require(session.flush()[Session.uri(Self.vn)])
        let curly = try #require(diagnostics.first { $0["code"]?.stringValue == "E103" })
        let actions = session.request("textDocument/codeAction", .object([
            ("textDocument", .object([("uri", .string(Session.uri(Self.vn)))])), ("range", curly["range"]!), ("context", .object([])),
        ])).arrayValue ?? []
        let edits = actions.first?["edit"]?["changes"]?[Session.uri(Self.vn)]?.arrayValue ?? []
        #expect(apply(edits, to: text) == Session.text(Self.vn))
    }

    @Test func waitsForTheDebounceIntervalBeforeChecking() {
        let server = LanguageServer(today: Day(iso: "2025-06-30")!, debounce: 60)
        _ = server.handle(.object([("jsonrpc", .string("2.0")), ("id", .int(1)), ("method", .string("initialize")), ("params", .object([]))]))
        _ = server.handle(.object([("jsonrpc", .string("2.0")), ("method", .string("textDocument/didOpen")), ("params", .object([
            ("textDocument", .object([("uri", .string(Session.uri(Self.vn))), ("version", .int(1)), ("text", .string("country VN\n"))])),
        ]))]))
        #expect(server.hasPendingChecks)
        #expect((server.checkDeadline?.timeIntervalSinceNow ?? 0) > 30)
    }
}
