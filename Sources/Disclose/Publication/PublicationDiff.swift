import Foundation

/// What a rule change would change on the portal: the same data published under two versions
/// of the rules, compared.
///
/// It answers one of two questions, and says which:
/// - **the portal on a day** (`Question.portal`): each assessment judged, as the portal judges
///   it, under the rules in force on its own day. A change dated after the data's assessments
///   changes nothing here yet, and the diff says so and why.
/// - **what if** (`Question.whatIf`): each factory's latest finalised assessment judged under
///   the latest rules of each version, whatever the assessment's date, so that a change dated
///   in the future can be judged before it takes effect.
package struct PublicationDiff: Sendable {
    /// Which of the two questions the diff answers.
    package enum Question: Sendable, Hashable {
        /// The portal as of the day: each assessment under the rules of its own day.
        case portal(asOf: Day)
        /// Each factory's latest assessment under the latest rules of either version, in force
        /// from the day on (nil: the rules have no dates).
        case whatIf(rulesFrom: Day?)
    }

    /// A factory whose public status or findings differ.
    package struct FactoryChange: Sendable {
        package var country: String
        package var factory: String
        package var name: String
        /// "not listed", "compliant", "non-compliant (3)", "refused".
        package var before: String
        package var after: String
        /// Why the factory is not listed, on the side where it is not.
        package var notListedBecause: String?
        package var addedIssues: [String]
        package var removedIssues: [String]
    }

    /// The change in one issue's country figure, or an issue that becomes or stops being public.
    package struct IssueChange: Sendable {
        package var country: String
        package var issue: String
        /// Non-compliant factories; nil where the issue is not public.
        package var before: Int?
        package var after: Int?
    }

    /// A title that reads differently on the portal.
    package struct TitleChange: Sendable {
        package var country: String
        /// The issue, or nil for the country's own name or a heading.
        package var issue: String?
        /// The country's heading, for a heading's title.
        package var heading: String? = nil
        package var language: String
        package var before: String?
        package var after: String?
    }

    /// How one country's rules differ between the versions.
    package struct RulesChange: Sendable {
        package var country: String
        /// Rule files (inside the rules root) whose bytes differ, added or removed.
        package var files: [String]
        /// Days on which one version's rules change and the other's do not, in order.
        package var days: [Day]
    }

    package var question: Question
    package var factories: [FactoryChange] = []
    package var issues: [IssueChange] = []
    package var titles: [TitleChange] = []
    /// Portal pages (file names of `publish --format html`) only one side has.
    package var pagesGone: [String] = []
    package var pagesNew: [String] = []
    /// Countries published on one side only.
    package var countriesGone: [String] = []
    package var countriesNew: [String] = []
    /// How the rules differ, per country whose rules differ.
    package var rules: [RulesChange] = []
    /// The day of the latest assessment or refused visit in the data.
    package var latestAssessment: Day?

    /// True when the portal would look the same.
    package var isEmpty: Bool {
        factories.isEmpty && issues.isEmpty && titles.isEmpty && pagesGone.isEmpty && pagesNew.isEmpty && countriesGone.isEmpty && countriesNew.isEmpty
    }

    /// Compares the publication under the old rules with the one under the new rules.
    /// `pages` names a publication's portal pages (the portal writer's, which this library
    /// does not link); by default none, so no page is said to come or go.
    package init(before: Publication, after: Publication, question: Question? = nil, rules: [RulesChange] = [],
                 pages: (Publication) -> [String] = { _ in [] }) {
        self.question = question ?? .portal(asOf: after.asOf)
        self.rules = rules
        latestAssessment = (before.report.assessments + after.report.assessments).map(\.date).max()
        let oldFactories = Self.index(before)
        let newFactories = Self.index(after)
        factories = Set(oldFactories.keys).union(newFactories.keys).sorted().compactMap { key in
            let a = oldFactories[key]
            let b = newFactories[key]
            let oldIssues = Set(a?.findings.map(\.issue) ?? [])
            let newIssues = Set(b?.findings.map(\.issue) ?? [])
            guard Self.describe(a) != Self.describe(b) || oldIssues != newIssues else { return nil }
            let factory = (b ?? a)!
            let unlisted = a == nil ? before : b == nil ? after : nil
            return FactoryChange(country: factory.country, factory: factory.id, name: factory.name, before: Self.describe(a), after: Self.describe(b),
                                 notListedBecause: unlisted.map { Self.notListed(factory.id, in: $0) },
                                 addedIssues: newIssues.subtracting(oldIssues).sorted(), removedIssues: oldIssues.subtracting(newIssues).sorted())
        }
        let oldCountries = Dictionary(before.countries.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let newCountries = Dictionary(after.countries.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        countriesGone = Set(oldCountries.keys).subtracting(newCountries.keys).sorted()
        countriesNew = Set(newCountries.keys).subtracting(oldCountries.keys).sorted()
        for code in Set(oldCountries.keys).intersection(newCountries.keys).sorted() {
            let a = oldCountries[code]!
            let b = newCountries[code]!
            titles += Self.titleChanges(code, issue: nil, a.titles, b.titles, languages: b.languages)
            let oldFigures = Dictionary(a.figures.map { ($0.issue, $0) }, uniquingKeysWith: { first, _ in first })
            let newFigures = Dictionary(b.figures.map { ($0.issue, $0) }, uniquingKeysWith: { first, _ in first })
            // In the order the new list gives, then the issues it no longer has.
            let order = b.figures.map(\.issue) + a.figures.map(\.issue).filter { newFigures[$0] == nil }
            for issue in order {
                let old = oldFigures[issue]
                let new = newFigures[issue]
                if old?.nonCompliantFactories != new?.nonCompliantFactories || (old == nil) != (new == nil) {
                    issues.append(IssueChange(country: code, issue: issue, before: old?.nonCompliantFactories, after: new?.nonCompliantFactories))
                }
                if let old, let new { titles += Self.titleChanges(code, issue: issue, old.titles, new.titles, languages: b.languages) }
            }
            // The country's headings group the issues on its pages: their titles are read too.
            let oldHeadings = Dictionary(a.headings.map { ($0.id, $0.titles) }, uniquingKeysWith: { first, _ in first })
            for heading in b.headings {
                guard let old = oldHeadings[heading.id] else { continue }
                titles += Self.titleChanges(code, issue: nil, old, heading.titles, languages: b.languages).map { change in
                    var change = change
                    change.heading = heading.id
                    return change
                }
            }
        }
        let oldPages = Set(pages(before))
        let newPages = Set(pages(after))
        pagesGone = oldPages.subtracting(newPages).sorted()
        pagesNew = newPages.subtracting(oldPages).sorted()
    }

    private static func index(_ publication: Publication) -> [String: PublicFactory] {
        var result: [String: PublicFactory] = [:]
        for country in publication.countries { for factory in country.factories { result[country.code + "\u{0}" + factory.id] = factory } }
        return result
    }

    private static func describe(_ factory: PublicFactory?) -> String {
        guard let factory else { return "not listed" }
        switch factory.status {
        case .compliant: return "compliant"
        case .refused: return "refused"
        case .nonCompliant: return "non-compliant (\(factory.findings.count))"
        }
    }

    private static func titleChanges(_ country: String, issue: String?, _ old: [String: String], _ new: [String: String], languages: [String]) -> [TitleChange] {
        let codes = languages + Set(old.keys).union(new.keys).subtracting(languages).sorted()
        return codes.compactMap { code in
            old[code] == new[code] ? nil : TitleChange(country: country, issue: issue, language: code, before: old[code], after: new[code])
        }
    }

    /// Why a factory is not listed in a publication, from what became of its assessments.
    static func notListed(_ factory: String, in publication: Publication) -> String {
        let accounts = publication.report.assessments.filter { $0.factory == factory }
        if let account = accounts.first(where: { $0.reason == .countryNotLaunched || $0.reason == .countryPublishesNothing }) {
            return account.detail
        }
        if let account = accounts.last(where: { [.factoryLeft, .firstAssessment, .incompleteData].contains($0.reason) }) {
            return account.reason == .incompleteData ? "incomplete data, \(account.detail)" : account.detail
        }
        if accounts.isEmpty { return "no assessment in the data" }
        let counted = accounts.filter { $0.reason == .refusalCounted }.count
        return "no finalised assessment by the day" + (counted > 0 ? "; \(counted) refused visit\(counted == 1 ? "" : "s") counted" : "")
    }

    /// The diff for people: which question it answers, per country what changes, and why a
    /// change of the rules is or is not visible yet.
    package func text(before: String, after: String) -> String {
        var lines: [String] = []
        switch question {
        case .portal(let day):
            lines += ["The portal on \(day) under two versions of the rules, each assessment judged under the rules in force on its own day, as the portal does:",
                      "  before: \(before)", "  after:  \(after)"]
        case .whatIf(let day):
            let rules = day.map { "the rules in force from \($0) on (the latest of either version)" } ?? "the latest rules of either version"
            lines += ["What if each factory's latest finalised assessment, whatever its date, were judged under \(rules):",
                      "  before: \(before)", "  after:  \(after)",
                      "This is what the portal will show once those rules apply to every factory's assessment, not what it shows today (leave out --what-if for that)."]
        }
        if isEmpty { lines.append("no change on the portal") }
        let codes = Set(factories.map(\.country) + issues.map(\.country) + titles.map(\.country) + countriesGone + countriesNew
            + (pagesGone + pagesNew).compactMap { $0.split(separator: ".").count > 2 ? String($0.split(separator: ".")[0]) : nil }).sorted()
        for country in codes {
            let changed = factories.filter { $0.country == country }
            let moved = issues.filter { $0.country == country }
            let reworded = titles.filter { $0.country == country }
            var counts = ["\(changed.count) factor\(changed.count == 1 ? "y" : "ies") change", "\(moved.count) issue figure\(moved.count == 1 ? "" : "s") change"]
            if !reworded.isEmpty { counts.append("\(reworded.count) title\(reworded.count == 1 ? "" : "s") reworded") }
            lines.append("")
            lines.append("\(country): " + counts.joined(separator: ", "))
            if countriesGone.contains(country) { lines.append("  the country is no longer published") }
            if countriesNew.contains(country) { lines.append("  the country is newly published") }
            for change in changed {
                var line = "  \(change.factory)  \(change.name): \(change.before) -> \(change.after)"
                if !change.addedIssues.isEmpty { line += "; gains \(change.addedIssues.joined(separator: ", "))" }
                if !change.removedIssues.isEmpty { line += "; loses \(change.removedIssues.joined(separator: ", "))" }
                if let reason = change.notListedBecause { line += " (not listed: \(reason))" }
                lines.append(line)
            }
            for issue in moved {
                switch (issue.before, issue.after) {
                case (nil, let after?): lines.append("  issue \(issue.issue): newly public, \(after) non-compliant factor\(after == 1 ? "y" : "ies")")
                case (let before?, nil): lines.append("  issue \(issue.issue): no longer public (\(before) non-compliant factor\(before == 1 ? "y" : "ies") before)")
                case (let before?, let after?): lines.append("  issue \(issue.issue): \(before) -> \(after) non-compliant factories")
                case (nil, nil): break
                }
            }
            for title in reworded {
                let what = title.issue.map { "title \(title.language) of \($0)" }
                    ?? title.heading.map { "title \(title.language) of heading \($0)" } ?? "country name in \(title.language)"
                lines.append("  \(what): \(title.before.map(Self.quoted) ?? "none") -> \(title.after.map(Self.quoted) ?? "none")")
            }
            lines += Self.pageLines("pages no longer on the portal", pagesGone.filter { $0.hasPrefix(country + ".") })
            lines += Self.pageLines("new pages", pagesNew.filter { $0.hasPrefix(country + ".") })
        }
        lines += visibility()
        return lines.joined(separator: "\n")
    }

    /// Why the rules' changes show, or do not show yet. Two things decide it: the portal shows
    /// only what is public on its day, so a withdrawal shows from its day on; and it judges each
    /// assessment under the rules of the assessment's own day, so a new issue or a changed
    /// condition applies only to assessments made from its day on.
    private func visibility() -> [String] {
        if rules.isEmpty {
            return ["", "The two versions' rules are the same. After you commit a change, `--before last-change` compares with the rules before it."]
        }
        var lines = rules.map { "\($0.country): rules changed in \($0.files.joined(separator: ", "))" }
        guard case .portal(let day) = question else { return [""] + lines }
        let tail = "`--what-if` judges each factory's latest assessment under the new rules."
        for change in rules {
            let later = change.days.filter { $0 > day }
            let unassessed = change.days.filter { changed in day >= changed && latestAssessment.map { $0 < changed } ?? false }
            let latest = latestAssessment.map { ", and the latest assessment in the data is of \($0)" } ?? ""
            if let first = later.first {
                lines.append("\(change.country): the rules change on \(later.map(\.description).joined(separator: ", ")), after \(day), so that does not show on \(day). "
                    + "From \(first), an issue withdrawn stops being shown (`--as-of \(first)`); a new issue, condition or parameter applies only to assessments made from \(first) on\(latest). " + tail)
            } else if let first = unassessed.first {
                lines.append("\(change.country): the rules change on \(first); a new issue, condition or parameter from that day applies only to assessments made from then on\(latest). " + tail)
            }
        }
        if isEmpty, !rules.contains(where: { !$0.days.isEmpty }) {
            lines.append("None of these changes shows on the portal: a draft, for one, is published only once its decision is adopted (`disclose publish --preview` shows the drafts).")
        }
        return [""] + lines
    }

    private static func pageLines(_ heading: String, _ pages: [String]) -> [String] {
        guard !pages.isEmpty else { return [] }
        let shown = pages.prefix(10).joined(separator: ", ")
        return ["  \(heading): \(shown)" + (pages.count > 10 ? " and \(pages.count - 10) more" : "")]
    }

    private static func quoted(_ text: String) -> String { ConditionPrinter.quoted(text) }

    /// The diff as data.
    package func json() -> JSONValue {
        let questionValue: JSONValue = switch question {
        case .portal(let day): .object([("kind", .string("portal")), ("asOf", .string(day.description))])
        case .whatIf(let day): .object([("kind", .string("what-if")), ("rulesFrom", .optional(day?.description))])
        }
        return .object([
            ("question", questionValue),
            ("factories", .array(factories.map { change in
                .object([
                    ("country", .string(change.country)), ("factory", .string(change.factory)), ("name", .string(change.name)),
                    ("before", .string(change.before)), ("after", .string(change.after)), ("notListedBecause", .optional(change.notListedBecause)),
                    ("addedIssues", .array(change.addedIssues.map(JSONValue.string))), ("removedIssues", .array(change.removedIssues.map(JSONValue.string))),
                ])
            })),
            ("issues", .array(issues.map { change in
                .object([("country", .string(change.country)), ("issue", .string(change.issue)),
                         ("before", change.before.map(JSONValue.int) ?? .null), ("after", change.after.map(JSONValue.int) ?? .null)])
            })),
            ("titles", .array(titles.map { change in
                .object([("country", .string(change.country)), ("issue", .optional(change.issue)), ("heading", .optional(change.heading)),
                         ("language", .string(change.language)),
                         ("before", .optional(change.before)), ("after", .optional(change.after))])
            })),
            ("pagesGone", .array(pagesGone.map(JSONValue.string))),
            ("pagesNew", .array(pagesNew.map(JSONValue.string))),
            ("countriesGone", .array(countriesGone.map(JSONValue.string))),
            ("countriesNew", .array(countriesNew.map(JSONValue.string))),
            ("rules", .array(rules.map { change in
                .object([("country", .string(change.country)), ("files", .array(change.files.map(JSONValue.string))),
                         ("days", .array(change.days.map { .string($0.description) }))])
            })),
        ])
    }
}

extension PublicationDiff.RulesChange {
    /// How the rules of each country differ between two checked versions (rule books by
    /// country code): the files that differ, and the days on which only one version changes.
    package static func compare(_ before: [String: RuleBook], _ after: [String: RuleBook]) -> [PublicationDiff.RulesChange] {
        Set(before.keys).union(after.keys).sorted().compactMap { code in
            func files(_ book: RuleBook?) -> [String: [UInt8]] {
                guard let book else { return [:] }
                return Dictionary(zip(book.rootRelativePaths, book.files.map(\.bytes)).map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
            }
            let a = files(before[code])
            let b = files(after[code])
            let differing = Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
            guard !differing.isEmpty else { return nil }
            let oldDays = Set(before[code]?.changeDays ?? [])
            let newDays = Set(after[code]?.changeDays ?? [])
            return PublicationDiff.RulesChange(country: code, files: differing, days: oldDays.symmetricDifference(newDays).sorted())
        }
    }
}

extension RuleBook {
    /// Every day on which something of these rules starts, ends or changes: a question, an
    /// issue, a parameter, a policy setting, a zero-tolerance category.
    package var changeDays: [Day] {
        var days = Set(ruleBoundaries)
        for timeline in policy.values { days.formUnion(timeline.boundaries) }
        return days.sorted()
    }
}
