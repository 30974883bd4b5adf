/// The reserved words of the rule language.
///
/// A word that is a keyword can never be used as an id. Keywords are lowercase and
/// matched exactly; `Issue` is not a keyword (and the parser says so, with a suggestion).
package enum Keyword: String, CaseIterable, Sendable {
    // Declarations: each starts a new declaration.
    case include, country, cluster, point, question, parameter, issue, policy
    case zeroTolerance = "zero-tolerance"
    case change, withdraw, omit, titles, example, decision, moderation, constraint
    case heading, tier, attribute, scope
    // Clauses: each starts a clause inside a declaration.
    case title, text, legal, answer
    case nonCompliant = "non-compliant"
    case notApplicable = "not-applicable"
    case category, raised, questions, deadline, value, reason, decided, from, until
    case languages, status, publishes, given, expect, on, source, covers, words, pattern
    case nameCues = "name-cues"
    case withdraws, rewords, requires, required
    case issues, step, concerns, assessments, threshold, values
    // Words used inside clauses.
    case `in`, when, by, nothing, allowed, yes, no
    case yesNo = "yes-no"
    case number, date, one, of, any, all, `is`, are, not, and, or
    case above, below, at, least, most, before, after, compliant
    case immediately, within, `for`

    /// Keywords that start a declaration.
    package var startsDeclaration: Bool {
        switch self {
        case .include, .country, .cluster, .point, .question, .parameter, .issue, .policy,
            .zeroTolerance, .change, .withdraw, .omit, .titles, .example, .decision, .moderation, .constraint, .heading, .tier, .attribute, .scope:
            return true
        default:
            return false
        }
    }

    /// Keywords that start a clause.
    package var startsClause: Bool {
        switch self {
        case .title, .text, .legal, .answer, .nonCompliant, .notApplicable, .category, .raised,
            .questions, .deadline, .value, .reason, .decided, .from, .until, .languages, .status,
            .publishes, .given, .expect, .on, .source, .covers, .words, .nameCues, .pattern, .withdraws, .rewords, .requires, .required, .issues, .step, .concerns, .assessments, .threshold, .values:
            return true
        default:
            return false
        }
    }

    private static let table: [String: Keyword] = Dictionary(
        uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })

    /// The keyword spelled exactly `text`, if any.
    package static func named(_ text: String) -> Keyword? { table[text] }

    /// Keywords by the hash of their bytes, for the lexer: looking a word up this way makes no
    /// `String` and hashes nothing with `Hasher`, which is most of the cost of lexing.
    private static let everyKeyword = allCases

    private static let byteTable: (slots: [Int8], spellings: [[UInt8]]) = {
        var slots = [Int8](repeating: -1, count: 512)
        let spellings = allCases.map { Array($0.rawValue.utf8) }
        for (index, spelling) in spellings.enumerated() {
            var slot = spelling.withUnsafeBufferPointer { hash($0) } & 511
            while slots[slot] >= 0 { slot = (slot + 1) & 511 }
            slots[slot] = Int8(index)
        }
        return (slots, spellings)
    }()

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var value: UInt32 = 2_166_136_261
        for byte in bytes { value = (value ^ UInt32(byte)) &* 16_777_619 }
        return Int(value)
    }

    /// The keyword spelled exactly `bytes`, if any.
    static func named(bytes: UnsafeBufferPointer<UInt8>) -> Keyword? {
        guard bytes.count <= 14 else { return nil }
        let table = byteTable
        var slot = hash(bytes) & 511
        while table.slots[slot] >= 0 {
            let index = Int(table.slots[slot])
            if Keyword.spelling(table.spellings[index], equals: bytes) { return everyKeyword[index] }
            slot = (slot + 1) & 511
        }
        return nil
    }

    /// Byte by byte, lengths first: `elementsEqual` goes through iterators, and this runs for
    /// every lowercase word of every rule file.
    private static func spelling(_ spelling: [UInt8], equals bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard spelling.count == bytes.count else { return false }
        for index in 0..<bytes.count where spelling[index] != bytes[index] { return false }
        return true
    }
}

/// The kinds of token the lexer produces.
package enum TokenKind: Hashable, Sendable {
    /// A reserved word.
    case keyword(Keyword)
    /// Any other word: ids, language codes, units, category names.
    case word
    /// A double-quoted string; its decoded text is in `Token.text`.
    case string
    /// A decimal number; its value is in `Token.number`.
    case number
    /// A date, `YYYY-MM-DD` or only its month `YYYY-MM`; its value is in `Token.date`. (A year
    /// alone is a number: only the parser knows where a year may stand for a date.)
    case date
    case comma, leftParenthesis, rightParenthesis
    /// `# …` to the end of the line.
    case comment
    /// `## …` to the end of the line: documentation for the declaration below.
    case docComment
    /// Bytes that form no token; the lexer has already reported why.
    case invalid
    /// The end of the file.
    case end
}

/// One token, with the span it covers and any decoded value.
package struct Token: Sendable, Hashable {
    /// What kind of token this is.
    package var kind: TokenKind
    /// The bytes it covers.
    package var span: Span
    /// How many line breaks stand between the previous token and this one.
    package var lineBreaksBefore: Int
    /// The decoded text of a string, word, or comment (comments without their `#`).
    package var text: String
    /// The value of a number.
    package var number: Double
    /// The value of a date.
    package var date: PartialDate?

    init(_ kind: TokenKind, _ span: Span, lineBreaksBefore: Int, text: String = "", number: Double = 0, date: PartialDate? = nil) {
        self.kind = kind
        self.span = span
        self.lineBreaksBefore = lineBreaksBefore
        self.text = text
        self.number = number
        self.date = date
    }
}
