import Foundation

/// Finds CAT questions from a few words, as staff would describe them ("annual overtime"):
/// by id, wording in every language, compliance point and cluster, and legal reference.
///
/// Each word of the search must appear in what is searched, ignoring case and accents; a few
/// words staff use for what the catalogue words differently are widened ("annual" finds "last
/// twelve months"), and a final "s" is optional. Questions matching more of the words come
/// first, then those matching them as whole words, then in catalogue order.
package struct QuestionSearch: Sendable {
    /// One question found, with what staff need to write a rule on it.
    package struct Match: Sendable {
        package var question: Question
        /// The compliance point's and the cluster's English titles.
        package var point: String
        package var cluster: String
        /// Words of the search it matches, out of `QuestionSearch.words`.
        package var matched: Int
        /// The public issues that read it, by country: `(country, issue, isDraft)`.
        package var usedBy: [(country: String, issue: String, isDraft: Bool)]
    }

    /// The search words, folded (lowercase, without accents), common small words left out.
    package var words: [String]
    /// The best matches, best first.
    package var matches: [Match]

    /// How many matches are shown at most.
    package static let limit = 8

    /// Searches the catalogue of `books` (country rule books by code; the catalogue is shared)
    /// for `query`, under the rules in force on `day`.
    package init(_ query: [String], books: [String: RuleBook], on day: Day) {
        let stop: Set<String> = ["the", "a", "an", "of", "in", "on", "and", "or", "to", "for", "is", "are", "with", "by"]
        words = query.flatMap { Self.fold($0).split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" }).map(String.init) }
            .filter { !stop.contains($0) }
        matches = []
        let codes = books.keys.sorted()
        guard let catalogue = codes.first.flatMap({ books[$0] }), !words.isEmpty else { return }
        let points = Dictionary(catalogue.points.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let clusters = Dictionary(catalogue.clusters.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var scored: [(match: Match, whole: Int, position: Int)] = []
        for (position, timeline) in catalogue.questions.enumerated() {
            guard let question = timeline.value(on: day) ?? timeline.latest else { continue }
            let point = points[question.point]
            let cluster = point.flatMap { clusters[$0.cluster] }
            let fields = [question.id, question.point] + question.texts.keys.sorted().map { question.texts[$0]! } + [question.legal ?? ""]
                + (point.map { $0.titles.values.sorted() } ?? []) + (cluster.map { $0.titles.values.sorted() } ?? []) + question.documentation
            let haystack = " " + fields.map(Self.fold).joined(separator: " ") + " "
            var matched = 0
            var whole = 0
            for word in words {
                let forms = Self.forms(of: word)
                guard forms.contains(where: haystack.contains) else { continue }
                matched += 1
                if forms.contains(where: { Self.containsWord($0, in: haystack) }) { whole += 1 }
            }
            guard matched > 0 else { continue }
            var usedBy: [(String, String, Bool)] = []
            for code in codes {
                let book = books[code]!
                guard let index = book.questionIndex[question.id] else { continue }
                for issueTimeline in book.issues {
                    guard case .inForce(let issue)? = issueTimeline.value(on: day) ?? issueTimeline.latest, issue.condition.questions.contains(index) else { continue }
                    let isDraft = book.standing.drafts.contains { $0.kind == "issue" && $0.id == issue.id }
                    usedBy.append((code, issue.id, isDraft))
                }
            }
            let match = Match(question: question, point: point?.titles["en"] ?? question.point, cluster: cluster?.titles["en"] ?? "",
                              matched: matched, usedBy: usedBy)
            scored.append((match, whole, position))
        }
        scored.sort { ($1.match.matched, $1.whole, $0.position) < ($0.match.matched, $0.whole, $1.position) }
        matches = scored.prefix(Self.limit).map(\.match)
    }

    /// Lowercase, without accents: "Việt" and "viet" match.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// The forms a search word is looked for in: itself, without a plural "s", and the
    /// catalogue's wording for a few words staff use.
    static func forms(of word: String) -> [String] {
        let widened: [String: [String]] = [
            "annual": ["twelve months", "12 months", "year"], "yearly": ["twelve months", "12 months", "year"],
            "weekly": ["week"], "monthly": ["month"], "daily": ["day"],
            "children": ["child"], "kids": ["child"], "underage": ["minimum working age", "under the age", "under 18"],
            "pregnant": ["pregnan"], "toilets": ["toilet"], "wage": ["wage", "pay"], "salary": ["wage", "pay"],
        ]
        var forms = [word]
        if word.count > 3, word.hasSuffix("s") { forms.append(String(word.dropLast())) }
        forms += widened[word] ?? []
        return forms
    }

    /// True when `word` stands alone in `text` (not inside a longer word).
    static func containsWord(_ word: String, in text: String) -> Bool {
        var searchRange = text.startIndex..<text.endIndex
        while let found = text.range(of: word, range: searchRange) {
            let before = found.lowerBound == text.startIndex ? " " : text[text.index(before: found.lowerBound)]
            let after = found.upperBound == text.endIndex ? " " : text[found.upperBound]
            if !before.isLetter && !before.isNumber && !after.isLetter && !after.isNumber { return true }
            searchRange = found.upperBound..<text.endIndex
        }
        return false
    }

    /// The answers that are non-compliant, in words.
    static func nonCompliant(_ question: Question) -> String {
        switch question.violation {
        case .yes: return "yes"
        case .no: return "no"
        case .choices(let choices): return choices.sorted().map(ConditionPrinter.quoted).joined(separator: ", ")
        case .comparison(let comparison, let operand):
            let value: String = switch operand {
            case .number(let number, let unit): ConditionPrinter.number(number) + (unit.map { " " + $0 } ?? "")
            case .date(let day): day.description
            case .parameter(let name): name
            }
            return "\(comparison.rawValue) \(value)"
        case .informational: return "never"
        }
    }

    /// The matches for people: each question's wording, answer, non-compliant answers, legal
    /// reference, and the countries' issues that read it.
    package func text() -> String {
        guard !matches.isEmpty else {
            return "no question of the catalogue matches \(words.map { "`\($0)`" }.joined(separator: ", ")): try fewer or other words, or a question id"
        }
        var lines: [String] = []
        for match in matches {
            let question = match.question
            let of = match.matched < words.count ? "  (matches \(match.matched) of \(words.count) words)" : ""
            lines.append("\(question.id)  \(match.cluster) > \(match.point)\(of)")
            for code in question.texts.keys.sorted(by: { ($0 == "en" ? 0 : 1, $0) < ($1 == "en" ? 0 : 1, $1) }) {
                lines.append("    text \(code) \(ConditionPrinter.quoted(question.texts[code]!))")
            }
            var answer = question.violation == .informational
                ? "    answer \(question.answer); informational: never non-compliant, read by conditions"
                : "    answer \(question.answer); non-compliant when \(Self.nonCompliant(question))"
            if question.allowsNotApplicable { answer += "; not-applicable allowed" }
            lines.append(answer)
            if let legal = question.legal { lines.append("    legal \(ConditionPrinter.quoted(legal))") }
            if match.usedBy.isEmpty {
                lines.append("    used by no country's public issue")
            } else {
                let byCountry = Dictionary(grouping: match.usedBy, by: \.country)
                let parts = byCountry.keys.sorted().map { code in
                    "\(code) " + byCountry[code]!.map { $0.issue + ($0.isDraft ? " (draft)" : "") }.joined(separator: ", ")
                }
                lines.append("    used by: " + parts.joined(separator: "; "))
            }
            lines.append("")
        }
        lines.append("In a rule: `raised when \(matches[0].question.id) is non-compliant`; grammar.md, section 4, gives the other tests.")
        return lines.joined(separator: "\n")
    }
}
