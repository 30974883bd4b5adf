import Disclose
import Foundation
import Testing
@testable import DiscloseLanguageServer

/// Quick fixes: each one is asked for as an editor asks, applied to the text, and the text is
/// checked again: the diagnostic it fixes must be gone, and nothing else may have appeared.
@Suite struct QuickFixTests {
    static let vn = "countries/VN.disclose"

    /// The shipped VN file's issue that rests on the 2015 decision, dated only to its year.
    static let dated = "  raised when CON-EMP-03 is no\n  decided by VN-PAC-2015-01\n  from 2015-12-31\n"
    static let undated = "  raised when CON-EMP-03 is no\n  decided by VN-PAC-2015-01\n"

    /// Opens `broken` as the VN file, finds the one diagnostic with `code`, applies the quick
    /// fix offered for its range, and returns the fixed text with what the server publishes
    /// for it. Records an issue when there is not exactly one such diagnostic and one fix.
    static func fix(_ broken: String, code: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> (text: String, after: [JSONValue]) {
        let session = Session()
        session.open(vn, text: broken)
        let diagnostics = try #require(session.flush()[Session.uri(vn)], sourceLocation: sourceLocation)
        let matching = diagnostics.filter { $0["code"]?.stringValue == code }
        try #require(matching.count == 1, "\(diagnostics)", sourceLocation: sourceLocation)
        let actions = session.request("textDocument/codeAction", .object([
            ("textDocument", .object([("uri", .string(Session.uri(vn)))])),
            ("range", matching[0]["range"]!), ("context", .object([("diagnostics", .array(matching))])),
        ])).arrayValue ?? []
        try #require(actions.count == 1, "\(actions)", sourceLocation: sourceLocation)
        #expect(actions[0]["kind"]?.stringValue == "quickfix", sourceLocation: sourceLocation)
        #expect(actions[0]["diagnostics"]?.arrayValue == matching, sourceLocation: sourceLocation)
        let edits = actions[0]["edit"]?["changes"]?[Session.uri(vn)]?.arrayValue ?? []
        let fixed = apply(edits, to: broken)
        session.change(vn, text: fixed, version: 3)
        return (fixed, session.flush()[Session.uri(vn)] ?? [])
    }

    /// The missing `from` line (E508), inserted with the day the checker asks for (the 2015
    /// decision is dated to its year, so its last day), at the declaration's indentation, in
    /// the file's line breaks; or the date of a `from` line that starts too early, replaced.
    @Test(arguments: [
        ("missing, after the last clause", Self.undated, Self.dated),
        ("missing, after a comment at the end of the last clause",
         "  raised when CON-EMP-03 is no\n  decided by VN-PAC-2015-01  # the 2015 list\n",
         "  raised when CON-EMP-03 is no\n  decided by VN-PAC-2015-01  # the 2015 list\n  from 2015-12-31\n"),
        ("missing, with `until` already there",
         "  raised when CON-EMP-03 is no\n  until 2030-12-31\n  decided by VN-PAC-2015-01\n",
         "  raised when CON-EMP-03 is no\n  until 2030-12-31\n  decided by VN-PAC-2015-01\n  from 2015-12-31\n"),
        ("too early", "  raised when CON-EMP-03 is no\n  decided by VN-PAC-2015-01\n  from 2015-03-01\n", Self.dated),
    ])
    func addsOrMovesTheFromLine(name: String, broken: String, expected: String) throws {
        let shipped = Session.text(Self.vn)
        #expect(shipped.contains(Self.dated))
        let (fixed, after) = try Self.fix(shipped.replacingOccurrences(of: Self.dated, with: broken), code: "E508")
        #expect(fixed == shipped.replacingOccurrences(of: Self.dated, with: expected), "\(name)")
        #expect(after == [], "\(name): \(after)")
    }

    /// A file written with CRLF line breaks and four-space indentation keeps both.
    @Test func addsTheFromLineInTheFilesOwnLayout() throws {
        let shipped = Session.text(Self.vn).replacingOccurrences(of: Self.dated, with: Self.undated)
        let crlf = shipped.replacingOccurrences(of: "\n", with: "\r\n")
        let (fixedCRLF, afterCRLF) = try Self.fix(crlf, code: "E508")
        #expect(fixedCRLF == Session.text(Self.vn).replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(!afterCRLF.contains { $0["code"]?.stringValue == "E508" }, "\(afterCRLF)")

        let indented = shipped.replacingOccurrences(of: Self.undated, with: Self.undated.replacingOccurrences(of: "  ", with: "    "))
        let (fixed, after) = try Self.fix(indented, code: "E508")
        #expect(fixed.contains("    decided by VN-PAC-2015-01\n    from 2015-12-31\n"))
        #expect(!after.contains { $0["code"]?.stringValue == "E508" }, "\(after)")
    }

    /// A choice that ends before its decision gets no fix: which `until` was meant, or which
    /// decision, cannot be known.
    @Test func offersNoFixForAChoiceThatEndsBeforeItsDecision() throws {
        let session = Session()
        let text = Session.text(Self.vn).replacingOccurrences(of: Self.dated, with: Self.undated + "  until 2015-06-30\n")
        session.open(Self.vn, text: text)
        let diagnostics = try #require(session.flush()[Session.uri(Self.vn)])
        let early = try #require(diagnostics.first { $0["code"]?.stringValue == "E508" }, "\(diagnostics)")
        let message = early["message"]?.stringValue ?? ""
        #expect(message.contains("ends on 2015-06-30"))
        let actions = session.request("textDocument/codeAction", .object([
            ("textDocument", .object([("uri", .string(Session.uri(Self.vn)))])), ("range", early["range"]!), ("context", .object([])),
        ]))
        #expect(actions == .array([]))
    }

    /// Text as pasted (W110): written again as it will be shown.
    @Test(arguments: [
        ("decomposed accents", "Vie\u{0323}\u{0302}t Nam", "Việt Nam"),
        ("a non-breaking space", "Việt\u{00A0}Nam", "Việt Nam"),
        ("spaces around it", " Việt Nam  ", "Việt Nam"),
        ("quotes kept escaped", "Vie\u{0323}\u{0302}t \\\"Nam\\\"", "Việt \\\"Nam\\\""),
    ])
    func writesTextAsItWillBeShown(name: String, pasted: String, expected: String) throws {
        let shipped = Session.text(Self.vn)
        #expect(shipped.contains("  title vi \"Việt Nam\"\n"))
        let broken = shipped.replacingOccurrences(of: "  title vi \"Việt Nam\"\n", with: "  title vi \"\(pasted)\"\n")
        let (fixed, after) = try Self.fix(broken, code: "W110")
        // Compared as bytes: `==` on strings holds a decomposed accent equal to a composed one.
        let wanted = shipped.replacingOccurrences(of: "  title vi \"Việt Nam\"\n", with: "  title vi \"\(expected)\"\n")
        #expect(Array(fixed.utf8) == Array(wanted.utf8), "\(name)")
        #expect(Array(fixed.utf8) != Array(broken.utf8), "\(name)")
        #expect(after == [], "\(name): \(after)")
    }

    /// "did you mean `X`?": a misspelt question id, clause keyword, answer, country status,
    /// decision id and category, each replaced by the suggestion.
    @Test(arguments: [
        ("raised when CON-EMP-03 is no", "raised when CON-EMP-3 is no", "E301"),
        ("  title vi \"Việt Nam\"", "  titel vi \"Việt Nam\"", "E202"),
        ("raised when CON-EMP-03 is no\n", "raised when CON-EMP-03 is noo\n", "E203"),
        ("  status decided\n", "  status decidd\n", "E303"),
        ("  decided by VN-PAC-2015-01\n\ninclude", "  decided by VN-PAC-2015-1\n\ninclude", "E301"),
        ("  category country-specific", "  category country-specifc", "E303"),
    ])
    func replacesWithTheSuggestion(shipped line: String, misspelt: String, code: String) throws {
        let shipped = Session.text(Self.vn)
        #expect(shipped.contains(line))
        let broken = shipped.replacingOccurrences(of: line, with: misspelt)
        let session = Session()
        session.open(Self.vn, text: broken)
        let diagnostics = session.flush()[Session.uri(Self.vn)] ?? []
        try #require(diagnostics.contains { $0["code"]?.stringValue == code }, "\(misspelt): \(diagnostics)")
        let (fixed, after) = try Self.fix(broken, code: code)
        #expect(fixed == shipped, "\(misspelt)")
        #expect(after == [], "\(misspelt): \(after)")
    }

    /// Curly quotes (E103) become straight ones, and the file is clean again.
    @Test(arguments: ["\u{201C}Vietnam\u{201D}", "\u{201E}Vietnam\u{201C}", "\u{00AB}Vietnam\u{00BB}"])
    func straightensCurlyQuotes(curly: String) throws {
        let shipped = Session.text(Self.vn)
        let (fixed, after) = try Self.fix(shipped.replacingOccurrences(of: "title en \"Vietnam\"", with: "title en \(curly)"), code: "E103")
        #expect(fixed == shipped)
        #expect(after == [])
    }

    /// An invisible character pasted into a title or a comment (W107) is removed, and a
    /// byte-order mark between words becomes the space it is read as; the file is clean again.
    @Test(arguments: [
        ("title en \"Vietnam\"", "title en \"Viet\u{200B}nam\"", "title en \"Vietnam\""),
        ("title en \"Vietnam\"", "title en \"Vietnam\u{00AD}\"", "title en \"Vietnam\""),
        ("title en \"Vietnam\"", "title en \"\u{202E}Vietnam\"", "title en \"Vietnam\""),
        ("title en \"Vietnam\"", "title en\u{FEFF}\"Vietnam\"", "title en \"Vietnam\""),
    ])
    func removesAnInvisibleCharacter(shipped line: String, pasted: String, expected: String) throws {
        let shipped = Session.text(Self.vn)
        #expect(shipped.contains(line))
        let (fixed, after) = try Self.fix(shipped.replacingOccurrences(of: line, with: pasted), code: "W107")
        #expect(fixed == shipped.replacingOccurrences(of: line, with: expected))
        #expect(after == [], "\(after)")
    }
}
