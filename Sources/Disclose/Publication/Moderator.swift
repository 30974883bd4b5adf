import Foundation

/// Screens factory responses with the moderation rules of a rule book.
///
/// A flagged response is held for a person to moderate, with the reasons; the screen errs
/// towards holding, because a wrongly published name or insult cannot be taken back. So it
/// holds, besides what a rule flags:
/// - a response in a language it has no rules for: a language is screened only when some rule
///   gives its `words` and some rule its `name-cues`; the languages a response may be in are
///   the country's languages written in the scripts of its letters (`WritingScript`), and
///   every one of them must be screened;
/// - a response whose language cannot be told: no letters, letters of a script none of the
///   country's languages is written in, or of a script the screen does not know;
/// - a response a pattern could not finish screening within its step allowance;
/// - a response too long to screen.
/// Everything is matched on the folded text (`ScreeningText`), never on the text as written.
final class Moderator {
    private struct CompiledRule {
        var title: String
        /// Words and phrases of every language, each a sequence of folded words.
        var words: [[String]]
        /// Name cues of every language, each a sequence of folded words.
        var nameCues: [[String]]
        var patterns: [(source: String, expression: NSRegularExpression)]
    }

    private let rules: [CompiledRule]
    /// The country's languages, first the default.
    private let languages: [String]
    /// Languages with words in some rule, and with name cues in some rule: a language is
    /// screened when it has both.
    private let wordedLanguages: Set<String>
    private let cuedLanguages: Set<String>

    /// A screen with `rules`, for responses in a country whose portal languages are `languages`.
    init(rules: [ModerationRule], languages: [String]) {
        self.rules = rules.map { rule in
            CompiledRule(
                title: rule.titles["en"] ?? rule.titles.values.sorted().first ?? rule.id,
                words: rule.words.keys.sorted().flatMap { rule.words[$0]! }.map(ScreeningText.words(of:)).filter { !$0.isEmpty },
                nameCues: rule.nameCues.keys.sorted().flatMap { rule.nameCues[$0]! }.map(ScreeningText.words(of:)).filter { !$0.isEmpty },
                patterns: rule.patterns.compactMap { source in (try? NSRegularExpression(pattern: source)).map { (source, $0) } })
        }
        self.languages = languages
        wordedLanguages = Set(rules.flatMap { $0.words.filter { !$0.value.isEmpty }.keys })
        cuedLanguages = Set(rules.flatMap { $0.nameCues.filter { !$0.value.isEmpty }.keys })
    }

    /// A screen with the moderation rules of `book`, for responses in its country.
    convenience init(book: RuleBook) {
        self.init(rules: book.moderation, languages: book.country?.languages ?? [])
    }

    /// The longest response screened automatically, in characters (Unicode scalars). A longer
    /// one is held for a person unread: screening time must not grow with what a factory
    /// types, whatever patterns a country adds, and no real response to a finding is this long.
    static let maximumScreenedLength = 10_000

    /// The reason given for a response too long to screen.
    static let tooLongReason = "Longer than \(maximumScreenedLength) characters: too long to screen automatically"

    /// How much work one pattern may do on one response: the matcher reports progress once per
    /// starting position and once per about ten thousand backtracking steps, and a pattern may
    /// make one report per character of the response plus this many. One that needs more is
    /// stopped and the response held ("could not be screened in time"). Reports count steps,
    /// not time, so the same response is held on every machine and every run; at the longest
    /// screened response a stopped pattern has done about a hundred million steps (seconds).
    static let patternWorkAllowance = 100

    /// The titles of the rules that flag `text`, in rule order, after why its language is not
    /// screened and which patterns could not finish; empty when it may be published.
    func reasons(for text: String) -> [String] {
        if text.unicodeScalars.count > Moderator.maximumScreenedLength { return [Moderator.tooLongReason] }
        let screening = ScreeningText(text)
        var reasons = languageReasons(screening)
        let range = NSRange(screening.folded.startIndex..., in: screening.folded)
        let allowance = range.length + Moderator.patternWorkAllowance
        for rule in rules {
            if rule.words.contains(where: { Moderator.contains(screening.words, $0) })
                || rule.nameCues.contains(where: { Moderator.namesSomeone(screening.words, cue: $0) })
            {
                reasons.append(rule.title)
                continue
            }
            var flagged = false
            for (source, expression) in rule.patterns {
                switch Moderator.match(expression, in: screening.folded, range: range, allowance: allowance) {
                case .found: flagged = true
                case .notFound: continue
                case .tooMuchWork:
                    reasons.append("Could not be screened in time: the pattern \(ConditionPrinter.quoted(source)) of `\(rule.title)` needed too many steps")
                }
                if flagged { break }
            }
            if flagged { reasons.append(rule.title) }
        }
        return reasons
    }

    /// Why the language of a response is not screened, if it is not.
    private func languageReasons(_ screening: ScreeningText) -> [String] {
        var scripts: [WritingScript] = []
        var unknown: Unicode.Scalar?
        for scalar in screening.folded.unicodeScalars {
            // Letters only: marks, digits and punctuation are shared by scripts.
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter, .modifierLetter: break
            default: continue
            }
            if let script = WritingScript.of(scalar) {
                if !scripts.contains(script) { scripts.append(script) }
            } else if unknown == nil {
                unknown = scalar
            }
        }
        let listed = languages.map { "`\($0)`" }.joined(separator: ", ")
        if let unknown {
            return ["Language cannot be told: letters of a script the screen does not know (U+\(String(unknown.value, radix: 16, uppercase: true)))"]
        }
        if scripts.isEmpty { return ["Language cannot be told: no letters"] }
        var reasons: [String] = []
        var possibleLanguages: [String] = []
        for script in scripts {
            let possible = languages.filter { WritingScript.ofLanguage[$0] == nil || WritingScript.ofLanguage[$0] == script }
            if possible.isEmpty {
                reasons.append("Language cannot be told: written in \(script.name) script, which none of the country's languages (\(listed)) is written in")
            }
            for language in possible where !possibleLanguages.contains(language) {
                possibleLanguages.append(language)
            }
        }
        for language in possibleLanguages {
            let missing = [wordedLanguages.contains(language) ? nil : "`words`", cuedLanguages.contains(language) ? nil : "`name-cues`"].compactMap { $0 }
            guard !missing.isEmpty else { continue }
            reasons.append("No screening rules for language `\(language)`: no moderation rule gives its \(missing.joined(separator: " or "))")
        }
        return reasons
    }

    /// True when the folded words `phrase` stand in `words` one after the other.
    static func contains(_ words: [ScreeningText.Word], _ phrase: [String]) -> Bool {
        firstIndex(of: phrase, in: words, from: 0) != nil
    }

    private static func firstIndex(of phrase: [String], in words: [ScreeningText.Word], from start: Int) -> Int? {
        guard !phrase.isEmpty, words.count >= phrase.count else { return nil }
        var index = start
        while index <= words.count - phrase.count {
            if words[index].folded == phrase[0], phrase.indices.allSatisfy({ words[index + $0].folded == phrase[$0] }) { return index }
            index += 1
        }
        return nil
    }

    /// True when `cue` stands in `words` before a name: a word that starts with a capital
    /// letter, with only spaces and an abbreviation's full stop or a colon between (`isNameGap`). A cue in a
    /// script without capitals names someone wherever it stands: there a name cannot be told by
    /// its shape.
    static func namesSomeone(_ words: [ScreeningText.Word], cue: [String]) -> Bool {
        var start = 0
        while let found = firstIndex(of: cue, in: words, from: start) {
            let last = words[found + cue.count - 1]
            if last.isCaseless { return true }
            let next = found + cue.count
            if next < words.count, words[next].isCapitalised, isNameGap(last.gapAfter, afterAbbreviation: last.folded.count <= 4) { return true }
            start = found + 1
        }
        return false
    }

    /// Spaces, and a colon or (after a cue of up to four letters: `Mr.`, `Sra.`, `Mme.`) one
    /// full stop; a full stop after a longer cue ends a sentence.
    private static func isNameGap(_ gap: String, afterAbbreviation: Bool) -> Bool {
        var marks = 0
        for scalar in gap.unicodeScalars {
            if scalar.properties.isWhitespace { continue }
            guard scalar == ":" || (scalar == "." && afterAbbreviation) else { return false }
            marks += 1
        }
        return marks <= 1
    }

    /// What one pattern found, or that it needed more than its allowance.
    enum PatternOutcome: Equatable {
        case found, notFound, tooMuchWork
    }

    /// Looks for `expression` in `text`, stopping once the matcher has reported progress
    /// `allowance` times (once per starting position, and once per some ten thousand steps).
    static func match(_ expression: NSRegularExpression, in text: String, range: NSRange, allowance: Int) -> PatternOutcome {
        var outcome = PatternOutcome.notFound
        var work = 0
        expression.enumerateMatches(in: text, options: [.reportProgress], range: range) { match, _, stop in
            if match != nil {
                outcome = .found
                stop.pointee = true
                return
            }
            work += 1
            if work > allowance {
                outcome = .tooMuchWork
                stop.pointee = true
            }
        }
        return outcome
    }
}
