/// Whether an item of the rules may reach a public output, and from which day.
///
/// The rule, as grammar.md §5 states it: an item rests on a decision (its own `decided by`;
/// for an issue inherited from the baseline, an adopted decision of the country that lists it
/// in `publishes`; for anything else inherited, the country's launch). It is *adopted* when
/// that decision is adopted, is the country's own, and is dated on or before the item's start;
/// anything else is a *draft*, which only a preview shows.
package enum Standing: Sendable, Hashable {
    /// In force publicly from `from`: the later of the decision's day and the item's own start.
    case adopted(decision: String, from: Day)
    /// Kept out of every public output, for `reason`.
    case draft(DraftReason)

    /// True for an adopted item.
    package var isAdopted: Bool {
        if case .adopted = self { return true }
        return false
    }
}

/// Why an item is a draft.
package enum DraftReason: Sendable, Hashable, Codable {
    /// It cites no decision, or (an inherited issue) no decision of the country publishes it.
    case noDecision
    /// Its decision is only proposed.
    case proposed(String)
    /// Its decision was rejected or superseded.
    case notInForce(String, DecisionStatus)
    /// Its decision is adopted, but later than the day the item says it starts.
    case decidedAfterStart(String, decided: Day, start: Day)
    /// It cites a decision of another country's register.
    case anotherCountry(String, owner: String)
    /// It reads an item that is a draft (a parameter, a question), and nothing adopted lies beneath.
    case readsDraft(String)
    /// An issue whose English title is not adopted: the portal has nothing to fall back on.
    case noEnglishTitle

    /// The proposed decision the item waits for; nil when none is proposed (the reason then
    /// says what is wrong: a rejected decision, a date before the decision, none at all).
    package var awaits: String? {
        switch self {
        case .proposed(let id): id
        case .noDecision, .notInForce, .decidedAfterStart, .anotherCountry, .readsDraft, .noEnglishTitle: nil
        }
    }

    /// Plain words for the internal report and the preview.
    package var description: String {
        switch self {
        case .noDecision: "no decision"
        case .proposed(let id): "awaits \(id) (proposed)"
        case .notInForce(let id, let status): "rests on \(id), which was \(status.rawValue)"
        case .decidedAfterStart(let id, let decided, let start): "starts on \(start), before \(id) of \(decided)"
        case .anotherCountry(let id, let owner): "rests on \(id), a decision of \(owner)"
        case .readsDraft(let what): "reads \(what), which is a draft"
        case .noEnglishTitle: "no adopted English title"
        }
    }
}

/// An item of a country's rules that could reach a public output, with its standing.
package struct StandingItem: Sendable {
    /// What kind of item: `issue`, `title`, `parameter`, `policy`, `question`, `change issue`,
    /// `withdraw issue`, `change parameter`, `launch`, …
    package var kind: String
    /// The item's id; for a title, `ISSUE LANG`.
    package var id: String
    package var standing: Standing
    /// Where it is written.
    package var origin: SourceRange

    /// The public issue the item is about, if it is one: an issue, a change or withdrawal of
    /// one, or one of its titles.
    package var issue: String? {
        switch kind {
        case "issue", "change issue", "withdraw issue": id
        case "title": id.split(separator: " ").first.map(String.init)
        default: nil
        }
    }

    /// True when the item is about public issue `id`.
    package func concerns(issue id: String) -> Bool { issue == id }

    /// The preview's note: "title km: awaits KH-PROP-2026-02 (proposed)".
    package var note: String {
        let what = kind == "title" ? "title \(id.split(separator: " ").last.map(String.init) ?? "")" : kind
        return "\(what): \(standing.draftReason?.description ?? "adopted")"
    }
}

/// A country's launch: from which day it publishes, or why it publishes nothing.
package enum Launch: Sendable, Hashable, Codable {
    /// Launched by an adopted decision, in force from its day.
    case launched(decision: String, on: Day)
    /// Not launched: the country publishes nothing.
    case notLaunched(DraftReason)

    /// True when the country publishes on `day`.
    package func isLaunched(on day: Day) -> Bool {
        if case .launched(_, let from) = self { return from <= day }
        return false
    }

    /// Plain words: "launched by KH-PAC-2014-01 on 2014-12-31", "not launched: awaits …".
    package var description: String {
        switch self {
        case .launched(let decision, let day): "launched by \(decision) on \(day)"
        case .notLaunched(let reason): "not launched: \(reason.description)"
        }
    }
}

/// What the public view of a country's rules leaves out, and what rests on what.
package struct PublicStanding: Sendable {
    /// The country's launch.
    package var launch: Launch
    /// Every item that could reach a public output, adopted and draft, in file order.
    package var items: [StandingItem]

    /// The drafts among the items.
    package var drafts: [StandingItem] { items.filter { !$0.standing.isAdopted } }

    /// The standing of a launch, for a rule book with no country.
    static let none = PublicStanding(launch: .notLaunched(.noDecision), items: [])
}

extension Decision {
    /// The day from which the decision counts: the day it was taken, or for a date known only
    /// to the month or year, the latest day it could be, so that an imprecise date never makes
    /// anything public early.
    package var effectiveDay: Day? { date?.latestDay }
}

extension RuleBook {
    /// The ids of the questions that only drafts define: in the rules with drafts, not in this
    /// public view. Data may answer them (a programme exports what the PAC is considering); the
    /// public run passes over those answers instead of calling the questions unknown.
    package var draftOnlyQuestionIds: Set<String> {
        let drafts = standing.drafts.filter { $0.kind == "question" }.map(\.id)
        guard !drafts.isEmpty else { return [] }
        let known = Set(questions.compactMap { $0.periods.first?.value.id })
        return Set(drafts).subtracting(known)
    }
}
