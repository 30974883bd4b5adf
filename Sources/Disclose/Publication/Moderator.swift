import Foundation

/// Screens factory responses with the moderation rules of a rule book.
///
/// A flagged response is held for a person to moderate, with the reasons; the screen errs
/// towards holding, because a wrongly published name or insult cannot be taken back.
final class Moderator {
    private struct CompiledRule {
        var title: String
        var words: [String]
        var patterns: [NSRegularExpression]
    }

    private let rules: [CompiledRule]

    init(book: RuleBook) {
        rules = book.moderation.map { rule in
            CompiledRule(
                title: rule.titles["en"] ?? rule.titles.values.sorted().first ?? rule.id,
                words: rule.words.keys.sorted().flatMap { rule.words[$0]! },
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
        let lowered = text.lowercased()
        let range = NSRange(text.startIndex..., in: text)
        return rules.compactMap { rule in
            if rule.words.contains(where: { Moderator.contains(lowered, word: $0) }) { return rule.title }
            if rule.patterns.contains(where: { $0.firstMatch(in: text, range: range) != nil }) { return rule.title }
            return nil
        }
    }

    /// True when `word` (or phrase) stands in `text` as a whole word: not inside a longer one.
    static func contains(_ text: String, word: String) -> Bool {
        var searchStart = text.startIndex
        while let found = text.range(of: word, range: searchStart..<text.endIndex) {
            let before = found.lowerBound == text.startIndex ? nil : text[text.index(before: found.lowerBound)]
            let after = found.upperBound == text.endIndex ? nil : text[found.upperBound]
            if !(before?.isLetter ?? false), !(after?.isLetter ?? false) { return true }
            searchStart = text.index(after: found.lowerBound)
        }
        return false
    }
}
