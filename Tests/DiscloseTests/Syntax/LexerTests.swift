@testable import Disclose
import Testing

/// Table-driven lexer tests: input, the tokens it gives (kind and text), and the codes it reports.
@Suite struct LexerTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var input: String
        var tokens: [String]
        var codes: [DiagnosticCode] = []
        var testDescription: String { input.debugDescription }
    }

    static func describe(_ token: Token, in file: SourceFile) -> String {
        switch token.kind {
        case .keyword(let keyword): "kw:\(keyword.rawValue)"
        case .word: "word:\(token.text)"
        case .string: "text:\(token.text)"
        case .number: "number:\(ConditionPrinter.number(token.number))"
        case .date: "date:\(token.day!)"
        case .comma: ","
        case .leftParenthesis: "("
        case .rightParenthesis: ")"
        case .comment: "comment:\(token.text)"
        case .docComment: "doc:\(token.text)"
        case .invalid: "invalid:\(file.text(token.span))"
        case .end: "end"
        }
    }

    static let cases: [Case] = [
        Case(input: "", tokens: ["end"]),
        Case(input: "issue UNDERAGE-WORKERS", tokens: ["kw:issue", "word:UNDERAGE-WORKERS", "end"]),
        Case(input: "Issue", tokens: ["word:Issue", "end"]),
        Case(input: "non-compliant not-applicable zero-tolerance yes-no", tokens: ["kw:non-compliant", "kw:not-applicable", "kw:zero-tolerance", "kw:yes-no", "end"]),
        Case(input: "title km \"កម្ពុជា\"", tokens: ["kw:title", "word:km", "text:កម្ពុជា", "end"]),
        Case(input: "\"say \\\"hi\\\" \\\\ ok\"", tokens: ["text:say \"hi\" \\ ok", "end"]),
        Case(input: "\"bad \\n escape\"", tokens: ["text:bad \\n escape", "end"], codes: [.invalidEscape]),
        Case(input: "\"C:\\a\\b\\c\"", tokens: ["text:C:\\a\\b\\c", "end"], codes: [.invalidEscape]),
        Case(input: "- note", tokens: ["invalid:-", "word:note", "end"], codes: [.unexpectedCharacter]),
        Case(input: "on 01/10/2013", tokens: ["kw:on", "invalid:01/10/2013", "end"], codes: [.invalidLiteral]),
        Case(input: "\"ភាសា\u{200B}ខ្មែរ\"", tokens: ["text:ភាសា\u{200B}ខ្មែរ", "end"]),
        Case(input: "\"not closed\nissue X", tokens: ["text:not closed", "kw:issue", "word:X", "end"], codes: [.unterminatedString]),
        Case(input: "15 2.5 2024-02-29", tokens: ["number:15", "number:2.5", "date:2024-02-29", "end"]),
        Case(input: "2023-02-29", tokens: ["invalid:2023-02-29", "end"], codes: [.invalidLiteral]),
        Case(input: "48hours", tokens: ["invalid:48hours", "end"], codes: [.invalidLiteral]),
        Case(input: "1.2.3", tokens: ["invalid:1.2.3", "end"], codes: [.invalidLiteral]),
        Case(input: "a, (b)", tokens: ["word:a", ",", "(", "word:b", ")", "end"]),
        Case(input: "# note\n## doc", tokens: ["comment: note", "doc: doc", "end"]),
        Case(input: "\u{FEFF}issue X", tokens: ["kw:issue", "word:X", "end"]),
        Case(input: "issue X\r\n  title en \"t\"\r\n", tokens: ["kw:issue", "word:X", "kw:title", "word:en", "text:t", "end"]),
        Case(input: "issue\tX", tokens: ["kw:issue", "word:X", "end"]),
        Case(input: "title: en", tokens: ["kw:title", "invalid::", "word:en", "end"], codes: [.unexpectedCharacter]),
        Case(input: "title en “curly”", tokens: ["kw:title", "word:en", "invalid:“curly”", "end"], codes: [.unexpectedCharacter]),
        Case(input: "issue Аbc", tokens: ["kw:issue", "invalid:А", "word:bc", "end"], codes: [.unexpectedCharacter]),
        Case(input: "\"a\u{202E}b\"", tokens: ["text:a\u{202E}b", "end"], codes: [.invisibleCharacter]),
        Case(input: "word. next", tokens: ["word:word", "invalid:.", "word:next", "end"], codes: [.unexpectedCharacter]),
    ]

    @Test(arguments: cases)
    func lexes(_ item: Case) {
        let file = SourceFile(path: "t.disclose", text: item.input)
        let (tokens, diagnostics) = Lexer.tokens(of: file)
        #expect(tokens.map { Self.describe($0, in: file) } == item.tokens)
        #expect(diagnostics.map(\.code) == item.codes)
    }

    @Test func invalidUTF8IsOneDiagnosticAndNeverACrash() {
        let file = SourceFile(path: "t.disclose", bytes: Array("title en \"".utf8) + [0xFF, 0xFE] + Array("\"\nissue ".utf8) + [0xC3] + Array(" X".utf8))
        let (tokens, diagnostics) = Lexer.tokens(of: file)
        #expect(diagnostics.map(\.code) == [.invalidEncoding])
        #expect(tokens.last?.kind == .end)
    }

    @Test func binaryFileIsRefusedOnce() {
        let file = SourceFile(path: "sheet.xlsx", bytes: [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0x10])
        let (tokens, diagnostics) = Lexer.tokens(of: file)
        #expect(diagnostics.map(\.code) == [.notText])
        #expect(tokens.map(\.kind) == [.end])
    }

    @Test func everyByteValueLexesWithoutCrashing() {
        var bytes: [UInt8] = []
        for value in 1...255 { bytes += [UInt8(value), 0x20] }
        let (tokens, _) = Lexer.tokens(of: SourceFile(path: "all.disclose", bytes: bytes))
        #expect(tokens.last?.kind == .end)
    }

    @Test func lineAndColumnCountCharactersNotBytes() {
        let file = SourceFile(path: "t.disclose", text: "a\n  \"ខ្មែរ\" x")
        let offset = Array(file.bytes).lastIndex(of: UInt8(ascii: "x"))!
        #expect(file.location(of: offset) == (2, 11))
    }
}
