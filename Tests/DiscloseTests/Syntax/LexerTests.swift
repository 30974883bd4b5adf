@testable import Disclose
@testable import DiscloseSample
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
        case .date: "date:\(token.date!)"
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
        // A decision's date may be known only to the month; a year alone stays a number.
        Case(input: "on 2014-10", tokens: ["kw:on", "date:2014-10", "end"]),
        Case(input: "on 2014", tokens: ["kw:on", "number:2014", "end"]),
        Case(input: "on 2014-13", tokens: ["kw:on", "invalid:2014-13", "end"], codes: [.invalidLiteral]),
        Case(input: "on 2014-00", tokens: ["kw:on", "invalid:2014-00", "end"], codes: [.invalidLiteral]),
        Case(input: "on 2014-1", tokens: ["kw:on", "invalid:2014-1", "end"], codes: [.invalidLiteral]),
        Case(input: "on 2014-1a", tokens: ["kw:on", "invalid:2014-1a", "end"], codes: [.invalidLiteral]),
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

    /// The fast scan of texts and comments (eight ASCII bytes at a time, common UTF-8 leads
    /// decided from their bytes) against the obvious reading, one decoded character at a time,
    /// over generated runs dense in what must stop it: quotes, backslashes, line breaks,
    /// control and invisible characters, and every kind of bad UTF-8, at every alignment.
    @Test func plainScanAgreesWithReadingCharacterByCharacter() {
        let fragments: [[UInt8]] = [
            Array("a".utf8), Array("Water ".utf8), Array("0123456789abcdef".utf8), [0x20], [0x09],
            [0x22], [0x5C], [0x0A], [0x0D], [0x00], [0x0C], [0x1F], [0x7F], [0x7E],
            [0xC3, 0xA9], [0xE1, 0x9E, 0x80], [0xD8, 0xA8], [0xD9, 0x85], [0xE0, 0xA6, 0x95], [0xEA, 0xB0, 0x80],
            [0xD8, 0x9C], [0xC2, 0x80], [0xC2, 0x9F], [0xC2, 0xA0], [0xE2, 0x80, 0x8B], [0xE2, 0x80, 0x94],
            [0xE2, 0x80, 0xAE], [0xE2, 0x81, 0xA6], [0xEF, 0xBB, 0xBF], [0xEF, 0xBF, 0xBD], [0xF0, 0x9F, 0x98, 0x80],
            [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xE1, 0x9E],
            [0xFF], [0xF0, 0x9F, 0x98], [0xD8], [0xEE, 0x80],
        ]
        var random = SampleRandom(seed: 7)
        var disagreements: [String] = []
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<random.int(0...24) {
                bytes += random.chance(0.6) ? fragments[random.int(0...2)] : random.pick(fragments)
            }
            for start in 0...min(3, bytes.count) {
                for inText in [true, false] {
                    let fast = bytes.withUnsafeBufferPointer { Lexer.plainRun($0, from: start, inText: inText) }
                    let expected = LexerTests.readCharacterByCharacter(bytes, from: start, inText: inText)
                    if fast != expected, disagreements.count < 5 {
                        disagreements.append("\(bytes) from \(start), inText \(inText): \(fast) instead of \(expected)")
                    }
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.joined(separator: "\n"))")
    }

    /// The fast path decides most leads from their bytes alone; for every character there
    /// is, inside text and inside a comment, it must stop exactly where the table of invisible
    /// characters says (a lead wrongly taken as plain would let a character pass unflagged).
    @Test func fastPathAgreesWithTheInvisibleCharacterTable() {
        var disagreements: [String] = []
        // Characters of four bytes are always decoded; plane 14 (tags) is checked all the same.
        for value in Array(UInt32(0x80)...0xFFFF) + Array(UInt32(0xE0000)...0xE0FFF) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let bytes = Array("\"a\(Character(scalar))b\"".utf8)
            for inText in [true, false] {
                let fast = bytes.withUnsafeBufferPointer { Lexer.plainRun($0, from: 1, inText: inText) }
                let expected = LexerTests.readCharacterByCharacter(bytes, from: 1, inText: inText)
                if fast != expected, disagreements.count < 5 {
                    disagreements.append("U+\(String(value, radix: 16, uppercase: true)), inText \(inText): \(fast) instead of \(expected)")
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.joined(separator: "\n"))")
    }

    /// Every class of character that shows nothing or changes how the text around it shows
    /// gets W107, in text and in a comment, naming it; the message and the quoted line reach a
    /// terminal with it made visible.
    @Test(arguments: [
        (0x00AD, "SOFT HYPHEN"), (0x180E, "MONGOLIAN VOWEL SEPARATOR"), (0xFFF9, "INTERLINEAR ANNOTATION ANCHOR"),
        (0xFFFA, "INTERLINEAR ANNOTATION SEPARATOR"), (0xFFFB, "INTERLINEAR ANNOTATION TERMINATOR"), (0xE0001, "LANGUAGE TAG"),
        (0xE0041, "TAG LATIN CAPITAL LETTER A"), (0xE007F, "CANCEL TAG"), (0x115F, "HANGUL CHOSEONG FILLER"),
        (0x1160, "HANGUL JUNGSEONG FILLER"), (0x3164, "HANGUL FILLER"), (0xFFA0, "HALFWIDTH HANGUL FILLER"),
        (0x2028, "LINE SEPARATOR"), (0x2029, "PARAGRAPH SEPARATOR"), (0x0600, "ARABIC NUMBER SIGN"), (0x06DD, "ARABIC END OF AYAH"),
        (0x070F, "SYRIAC ABBREVIATION MARK"), (0x206A, "INHIBIT SYMMETRIC SWAPPING"), (0x2060, "WORD JOINER"),
        (0x200E, "LEFT-TO-RIGHT MARK"), (0x061C, "ARABIC LETTER MARK"), (0x1D173, "MUSICAL SYMBOL BEGIN BEAM"),
        (0x0085, "a control character"), (0x001B, "ESCAPE"),
    ] as [(UInt32, String)])
    func invisibleAndFormatCharactersGetW107(value: UInt32, name: String) {
        let scalar = Unicode.Scalar(value)!
        let code = "U+" + String(repeating: "0", count: max(0, 4 - String(value, radix: 16).count)) + String(value, radix: 16, uppercase: true)
        for (input, context) in [("title en \"Drinking\(Character(scalar))water\"", "text"), ("# reviewed\(Character(scalar))by the PAC", "comment")] {
            let file = SourceFile(path: "t.disclose", text: input)
            let (_, diagnostics) = Lexer.tokens(of: file)
            #expect(diagnostics.map(\.code) == [.invisibleCharacter], "\(code) in \(context)")
            #expect(diagnostics.first?.message == "invisible character \(code) (\(name)) in \(context)")
            let rendered = DiagnosticRenderer().render(diagnostics)
            #expect(!rendered.unicodeScalars.contains(scalar), "\(code) reaches the terminal raw")
        }
    }

    /// Joiners and the zero-width space between Khmer, Thai, Lao or Myanmar words are how those
    /// scripts are written: no warning, and they reach the terminal as they are.
    @Test(arguments: ["ශ්\u{200D}රී", "নি\u{200C}য়ম", "ភាសា\u{200B}ខ្មែរ", "ภาษา\u{200B}ไทย"])
    func joinersAndWordSeparatorsOfTheProgrammesScriptsAreText(text: String) {
        let file = SourceFile(path: "t.disclose", text: "title en \"\(text)\"")
        #expect(Lexer.tokens(of: file).diagnostics.isEmpty)
        #expect(text.safeForTerminal == text)
    }

    static func readCharacterByCharacter(_ bytes: [UInt8], from start: Int, inText: Bool) -> (Int, Lexer.RunStop) {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if inText {
                if byte == UInt8(ascii: "\"") { return (index, .end) }
                if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { return (index, .needsCare) }
            } else if byte == UInt8(ascii: "\n") {
                return (index, .end)
            }
            guard let (scalar, length) = Lexer.scalar(in: bytes, at: index), !Lexer.isInvisibleControl(scalar) else { return (index, .needsCare) }
            index += length
        }
        return (index, inText ? .needsCare : .end)
    }

    @Test(arguments: ["", "a", "\n", "a\n", "\n\n", "a\r\nb\r\n", "ខ្មែរ\nx\n\ny", String(repeating: "line\n", count: 1000) + "end"])
    func lineStartsAreTheOffsetsAfterEveryLineFeed(_ text: String) {
        let bytes = Array(text.utf8)
        let expected = [0] + bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
        #expect(SourceFile(path: "t.disclose", bytes: bytes).lineStarts == expected)
    }

    @Test func lineAndColumnCountCharactersNotBytes() {
        let file = SourceFile(path: "t.disclose", text: "a\n  \"ខ្មែរ\" x")
        let offset = Array(file.bytes).lastIndex(of: UInt8(ascii: "x"))!
        #expect(file.location(of: offset) == (2, 11))
    }
}
