import Foundation

/// Screens factory responses with the moderation rules of a rule book.
///
/// A flagged response is held for a person to moderate, with the reasons; the screen errs
/// towards holding, because a wrongly published name or insult cannot be taken back.
final class Moderator {
    private struct CompiledRule {
        var title: String
        /// Lower-case words and phrases, in canonical composition (NFC), as UTF-8.
        var words: [[UInt8]]
        var patterns: [NSRegularExpression]
    }

    private let rules: [CompiledRule]

    init(book: RuleBook) {
        rules = book.moderation.map { rule in
            CompiledRule(
                title: rule.titles["en"] ?? rule.titles.values.sorted().first ?? rule.id,
                words: rule.words.keys.sorted().flatMap { rule.words[$0]! }.map { Array($0.precomposedStringWithCanonicalMapping.utf8) },
                patterns: rule.patterns.compactMap { try? NSRegularExpression(pattern: $0) })
        }
    }

    /// The longest response screened automatically, in characters (Unicode scalars). A longer
    /// one is held for a person unread: screening time must not grow with what a factory
    /// types, whatever patterns a country adds, and no real response to a finding is this long.
    static let maximumScreenedLength = 10_000

    /// The reason given for a response too long to screen.
    static let tooLongReason = "Longer than \(maximumScreenedLength) characters: too long to screen automatically"

    /// The titles of the rules that flag `text`, in rule order; empty when it may be published.
    func reasons(for text: String) -> [String] {
        if text.unicodeScalars.count > Moderator.maximumScreenedLength { return [Moderator.tooLongReason] }
        // Lower case and canonical composition on both sides, so that a word typed with a
        // combining accent (as some keyboards send Vietnamese) matches the same word precomposed.
        let lowered = Array(text.lowercased().precomposedStringWithCanonicalMapping.utf8)
        let range = NSRange(text.startIndex..., in: text)
        return rules.compactMap { rule in
            if rule.words.contains(where: { Moderator.contains(lowered, word: $0) }) { return rule.title }
            if rule.patterns.contains(where: { $0.firstMatch(in: text, range: range) != nil }) { return rule.title }
            return nil
        }
    }

    /// True when `word` (or phrase) stands in `text` (both UTF-8) as a whole word: not inside
    /// a longer one, so neither a letter nor a combining mark touches it on either side.
    static func contains(_ text: [UInt8], word: [UInt8]) -> Bool {
        guard let first = word.first, word.count <= text.count else { return false }
        let last = text.count - word.count
        var index = 0
        while index <= last {
            // A match starts on a scalar boundary: a UTF-8 lead byte never equals a continuation byte.
            guard let found = text[index...last].firstIndex(of: first) else { return false }
            if text[found..<(found + word.count)].elementsEqual(word),
                !isWordScalar(endingBefore: found, in: text), !isWordScalar(startingAt: found + word.count, in: text)
            {
                return true
            }
            index = found + 1
        }
        return false
    }

    private static func isWordScalar(startingAt index: Int, in text: [UInt8]) -> Bool {
        guard index < text.count, let (scalar, _) = Lexer.scalar(in: text, at: index) else { return false }
        return isWordScalar(scalar)
    }

    private static func isWordScalar(endingBefore index: Int, in text: [UInt8]) -> Bool {
        var start = index - 1
        while start > 0, start > index - 4, text[start] & 0xC0 == 0x80 { start -= 1 }
        guard start >= 0, let (scalar, _) = Lexer.scalar(in: text, at: start) else { return false }
        return isWordScalar(scalar)
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}
