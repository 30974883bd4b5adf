import Foundation

/// A country's rules compiled once, for evaluating many assessments one at a time: the
/// library's analogue of OPA's `PrepareForEval`.
///
/// Made from a `RuleBook` and an as-of day, it compiles the rules of each rule period the
/// first time an assessment of that period is evaluated (as `Publisher` does) and keeps them,
/// so that one evaluator serves assessments of any day and no call rebuilds anything. It is
/// `Sendable`: share one between threads.
///
/// Findings follow the portal's policy (docs/policy.md): the public issues raised under the
/// rules in force on the assessment day, among those still public on the as-of day (the
/// country's publication day on or before it, for a country that publishes on a calendar).
///
/// ```swift
/// let evaluator = PreparedEvaluator(book: book, asOf: Day(iso: "2025-06-30")!)
/// let outcome = evaluator.evaluate(answers: ["OSH-EMR-02": "no"], on: Day(iso: "2024-05-14")!)
/// for issue in outcome.raised { print(issue.issue, issue.because) }
/// ```
public final class PreparedEvaluator: @unchecked Sendable {
    /// The rules evaluated.
    package let book: RuleBook
    /// The as-of day asked for; nil: every issue raised under the assessment day's rules is reported.
    public let asOf: Day?
    /// The day on which public issues are taken: the country's publication day on or before
    /// `asOf` (the as-of day itself for a country that publishes continuously).
    public let publicationDay: Day?
    /// `publicationDay` as every outcome writes it, made once rather than per assessment.
    private let publicationDayText: String?
    /// Ids of the issues public on `publicationDay` (nil: no as-of day, every issue counts).
    let publicNow: Set<String>?
    /// Catalogue question index by id, on bytes: the hot path looks every answer up here.
    let questionTable: ShortKeyTable
    /// Questions only drafts define: not in the catalogue of a public view, and not unknown.
    let draftOnlyQuestionIds: Set<String>
    /// Days on which some rule starts or stops being in force, sorted.
    let boundaries: [Day]
    // Why `@unchecked Sendable`: `plans` is the only mutable state, and it is read and written
    // only while holding `lock`; everything else is `let` and Sendable. `Mutex` from the
    // Synchronization module would let the compiler check this, but needs macOS 15.
    /// Compiled rules by period (the number of boundaries on or before the day), nil until
    /// the first assessment of the period; guarded by `lock`.
    private var plans: [PreparedPlan?]
    private let lock = NSLock()

    /// Prepares `book` for evaluating assessments as of `asOf`: issues no longer public on
    /// that day are not reported among `EvaluationOutcome.raised` (they are listed in
    /// `EvaluationOutcome.noLongerPublic`). Without an as-of day, every issue raised under
    /// the rules of the assessment day is reported.
    public convenience init(book: RuleBook, asOf: Day? = nil) {
        self.init(book: book, asOf: asOf, reasons: true)
    }

    /// Whether plans are compiled with what reporting reasons needs (`RuleBook.evaluate`,
    /// which compiles a plan for one call and reports none, goes without).
    let reasons: Bool

    init(book: RuleBook, asOf: Day?, reasons: Bool) {
        self.book = book
        self.reasons = reasons
        self.asOf = asOf
        if let asOf {
            let day = book.publicationPolicy(on: asOf).calendar.publicationDay(onOrBefore: asOf)
            publicationDay = day
            publicNow = Set(book.publicIssues(on: day).map(\.id))
        } else {
            publicationDay = nil
            publicNow = nil
        }
        questionTable = ShortKeyTable(book.questions.map { $0.periods.first?.value.id ?? "" })
        draftOnlyQuestionIds = book.draftOnlyQuestionIds
        // `RuleBook.evaluate` evaluates one assessment, of one day: one period is all it needs.
        boundaries = reasons ? book.ruleBoundaries : []
        plans = [PreparedPlan?](repeating: nil, count: boundaries.count + 1)
        publicationDayText = publicationDay?.description
    }

    /// Prepares `book` and compiles at once the rules in force on `day`, so that the first
    /// evaluation of an assessment of that period costs no more than the next ones.
    package convenience init(book: RuleBook, day: Day, asOf: Day? = nil) {
        self.init(book: book, asOf: asOf)
        _ = prepared(on: day)
    }

    /// The compiled rules in force on `day`: compiled once per rule period, then kept.
    func prepared(on day: Day) -> PreparedPlan {
        var low = 0
        var high = boundaries.count
        while low < high {
            let mid = (low + high) / 2
            if boundaries[mid] <= day { low = mid + 1 } else { high = mid }
        }
        lock.lock()
        if let plan = plans[low] {
            lock.unlock()
            return plan
        }
        lock.unlock()
        // Compiled outside the lock: two threads may both compile a period, the first kept.
        let plan = PreparedPlan(book: book, day: day, publicNow: publicNow, reasons: reasons)
        lock.lock()
        defer { lock.unlock() }
        if let existing = plans[low] { return existing }
        plans[low] = plan
        return plan
    }

    /// Evaluates one assessment made on `day`: its raw answers by question id (as they appear
    /// in data: `yes`, `no`, `not-applicable`, a number, a date, a choice) and its factory's
    /// attributes by name (`sector`, `province`, …, as in the factories table).
    ///
    /// The outcome says which public issues are raised and why (the answers read and the
    /// parameters compared with), the zero-tolerance categories hit, the answers missing or
    /// unusable, the unknown question ids, and whether the portal would withhold the
    /// assessment as incomplete data. The answers' order does not matter: the outcome is
    /// the same for the same answers.
    public func evaluate(answers: [String: String], on day: Day, factory: [String: String] = [:]) -> EvaluationOutcome {
        let judged = judge(answers: answers, on: day, factory: factory)
        let prepared = judged.prepared
        let plan = prepared.plan
        var raised: [RaisedIssue] = []
        var noLongerPublic: [String] = []
        for position in judged.raised {
            guard prepared.shown[position] else {
                noLongerPublic.append(plan.issues[position].id)
                continue
            }
            raised.append(prepared.reasons(position, statuses: judged.statuses, requiredButNotApplicable: judged.requiredButNotApplicable,
                                           answers: answers))
        }
        var zeroTolerance: [ZeroToleranceHit] = []
        for category in prepared.zeroTolerance {
            var hits: [String] = []
            for slot in category.slots where judged.statuses[slot] == .nonCompliant { hits.append(plan.questions[slot].id) }
            if !hits.isEmpty { zeroTolerance.append(ZeroToleranceHit(category: category.id, title: category.title, questions: hits)) }
        }
        let incomplete = judged.incomplete.map { slot in
            let problem: IncompleteAnswer.Problem = switch judged.statuses[slot] {
            case .missing: .missing
            case .unusable: .unusable
            default: .notApplicableWhereRequired
            }
            return IncompleteAnswer(question: plan.questions[slot].id, problem: problem)
        }
        return EvaluationOutcome(day: day.description, asOf: publicationDayText, raised: raised, noLongerPublic: noLongerPublic,
                                 zeroTolerance: zeroTolerance, incomplete: incomplete,
                                 unusable: judged.unusable.sorted { $0.question < $1.question }, unknownQuestions: judged.unknown.sorted())
    }

    /// One assessment judged: what both `evaluate` and `RuleBook.evaluate` report from.
    struct Judged {
        let prepared: PreparedPlan
        var statuses: [AnswerStatus]
        var raw: [Double]
        var unusable: [UnusableAnswer] = []
        var unknown: [String] = []
        /// Positions in the plan's issues of those raised, public now or not.
        var raised: [Int] = []
        var requiredButNotApplicable: [Int] = []
        /// Critical slots without a usable answer.
        var incomplete: [Int] = []
    }

    /// Reads the answers into statuses and raw values, then judges the issues: byte lookups
    /// and comparisons, nothing compiled, no string built but for what is wrong.
    func judge(answers: [String: String], on day: Day, factory: [String: String]) -> Judged {
        let prepared = prepared(on: day)
        let plan = prepared.plan
        // Local copies, so that the loop does not retain the tables' storage at every answer;
        // the statuses and raw values are made here and moved into `judged` after the loop,
        // so that writing them copies nothing.
        let table = questionTable
        let entries = prepared.entries
        let rawIndexOfSlot = plan.rawIndexOfSlot
        var statuses = [AnswerStatus](repeating: .missing, count: plan.questions.count)
        var raw = [Double](repeating: .nan, count: plan.rawSlots.count)
        var unusable: [UnusableAnswer] = []
        var unknown: [String] = []
        let small = StringBytes.isSmallLayoutAsExpected
        // By index rather than `for (id, text) in answers`: each id and answer is copied out
        // only as its two words (`StringBytes.words`), so that no reference to it is held
        // across the loop's body and nothing is retained and released per answer. The strings
        // themselves are taken again only for what is reported, or when they are not small.
        var position = answers.startIndex
        let end = answers.endIndex
        while position != end {
            defer { answers.formIndex(after: &position) }
            let index = StringBytes.withSmall(StringBytes.words(answers.keys[position]), smallLayout: small) { table.index(of: $0) }
                ?? StringBytes.with(answers.keys[position], smallLayout: false) { table.index(of: $0) }
            guard index >= 0 else {
                // A question only a draft defines is known: its answer is passed over, as publish does.
                if draftOnlyQuestionIds.isEmpty || !draftOnlyQuestionIds.contains(answers.keys[position]) {
                    unknown.append(answers.keys[position])
                }
                continue
            }
            let entry = entries[index]
            let text = StringBytes.words(answers.values[position])
            guard entry.slot >= 0 else {
                // No rule of the day asks it: it changes nothing, but an answer that does not fit is reported.
                let fits = StringBytes.withSmall(text, smallLayout: small) { plan.fitsUnasked($0, question: index) }
                    ?? StringBytes.with(answers.values[position], smallLayout: false) { plan.fitsUnasked($0, question: index) }
                if !fits { unusable.append(UnusableAnswer(question: answers.keys[position], answer: answers.values[position])) }
                continue
            }
            let slot = Int(entry.slot)
            let read = StringBytes.withSmall(text, smallLayout: small) { entry.read($0, slot: slot, plan: plan) }
                ?? StringBytes.with(answers.values[position], smallLayout: false) { entry.read($0, slot: slot, plan: plan) }
            guard let answer = read else {
                statuses[slot] = .unusable
                unusable.append(UnusableAnswer(question: answers.keys[position], answer: answers.values[position]))
                continue
            }
            let (status, value) = plan.judge(answer, slot: slot)
            statuses[slot] = status
            if status == .unusable { unusable.append(UnusableAnswer(question: answers.keys[position], answer: answers.values[position])) }
            let rawIndex = rawIndexOfSlot[slot]
            if rawIndex >= 0 { raw[rawIndex] = value }
        }
        var judged = Judged(prepared: prepared, statuses: statuses, raw: raw, unusable: unusable, unknown: unknown)
        if !plan.attributeSlots.isEmpty { plan.applyFactory(factory, statuses: &judged.statuses, raw: &judged.raw) }
        for position in plan.issues.indices where plan.isRaised(position, statuses: judged.statuses, raw: judged.raw) {
            judged.raised.append(position)
        }
        judged.requiredButNotApplicable = plan.requiredButNotApplicable(statuses: judged.statuses, raw: judged.raw)
        for slot in plan.criticalSlots {
            let status = judged.statuses[slot]
            if status == .missing || status == .unusable || (status == .notApplicable && judged.requiredButNotApplicable.contains(slot)) {
                judged.incomplete.append(slot)
            }
        }
        return judged
    }

    /// Calls `body` with the UTF-8 bytes of `text`, without copying them for a native string.
    @inline(__always)
    static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

}

/// The rules of one period compiled, with what reporting an issue needs worked out once.
final class PreparedPlan: Sendable {
    /// What reading one answer needs to know of its question, in a few bytes that copy
    /// without reference counting: the hot path reads one per answer.
    struct Entry: Sendable {
        enum Kind: UInt8, Sendable {
            case notInForce, yesNo, number, date, choice

            init(_ kind: AnswerKind) {
                self = switch kind {
                case .yesNo: .yesNo
                case .number: .number
                case .date: .date
                case .choice: .choice
                }
            }
        }
        /// The question's slot in the plan, or -1 when no rule of the period asks it.
        var slot: Int32
        var kind: Kind
        var allowsNotApplicable: Bool

        /// The answer read as the question's kind; nil when it does not fit.
        @inline(__always)
        func read(_ bytes: UnsafeBufferPointer<UInt8>, slot: Int, plan: EvaluationPlan) -> Answer? {
            switch kind {
            case .yesNo: Entry.yesNo(bytes)
            case .number: Entry.number(bytes)
            case .date: Entry.date(bytes)
            case .choice, .notInForce: Entry.word(bytes) == .notApplicable ? .notApplicable : Answer.read(bytes, as: plan.answerKinds[slot])
            }
        }

        /// The words `Answer.read` knows whatever the question, as they stand in the answer.
        enum Word { case yes, no, notApplicable, other }

        /// Which of `yes`, `no`, `not-applicable`, `n/a`, `na` the bytes are, in any case and
        /// with nothing around them; `.other` for anything else. As `Answer.equalsIgnoringCase`
        /// compares (each byte `| 0x20`), a word at a time: data writes these words in ten
        /// answers out of eleven, and `Not-Applicable` and `Yes` about as often as a number.
        @inline(__always)
        static func word(_ bytes: UnsafeBufferPointer<UInt8>) -> Word {
            guard let base = bytes.baseAddress else { return .other }
            let raw = UnsafeRawPointer(base)
            switch bytes.count {
            case 2:
                let word = raw.loadUnaligned(as: UInt16.self) | 0x2020
                return word == 0x6F6E ? .no : word == 0x616E ? .notApplicable : .other
            case 3:
                let word = (UInt32(raw.loadUnaligned(as: UInt16.self)) | UInt32(base[2]) << 16) | 0x20_2020
                return word == 0x73_6579 ? .yes : word == 0x61_2F6E ? .notApplicable : .other
            case 14:
                // `not-appl` and `plicable`, overlapping by two bytes.
                let first = raw.loadUnaligned(as: UInt64.self) | 0x2020_2020_2020_2020
                let last = raw.loadUnaligned(fromByteOffset: 6, as: UInt64.self) | 0x2020_2020_2020_2020
                return first == 0x6C70_7061_2D74_6F6E && last == 0x656C_6261_6369_6C70 ? .notApplicable : .other
            default:
                return .other
            }
        }

        /// Whether the first and the last byte are ASCII digits. Then `Answer.read` would trim
        /// nothing and find no word for not applicable (each begins with `n`): it would read a
        /// number or a date from exactly these bytes, as the two fast paths below do.
        @inline(__always)
        static func isBetweenDigits(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let first = bytes.first, let last = bytes.last else { return false }
            return first &- 48 < 10 && last &- 48 < 10
        }

        /// An answer to a number question, as `Answer.read` reads it: a decimal (`39.5`) without
        /// its trimming and not-applicable checks when it begins and ends with a digit.
        @inline(__always)
        static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Answer? {
            if let whole = Entry.wholeNumber(bytes) { return whole }
            if Entry.word(bytes) == .notApplicable { return .notApplicable }
            guard Entry.isBetweenDigits(bytes) else { return Answer.read(bytes, as: .number(unit: "")) }
            return Lexer.decimal(bytes).map(Answer.number)
        }

        /// An answer to a date question, as `Answer.read` reads it: `YYYY-MM-DD` read at once
        /// when it begins and ends with a digit.
        @inline(__always)
        static func date(_ bytes: UnsafeBufferPointer<UInt8>) -> Answer? {
            if Entry.word(bytes) == .notApplicable { return .notApplicable }
            guard Entry.isBetweenDigits(bytes) else { return Answer.read(bytes, as: .date) }
            return Day(isoBytes: bytes).map(Answer.date)
        }

        /// An answer to a yes-or-no question, as `Answer.read` reads it: the words at once,
        /// anything else (spaces around, a typing slip) by `Answer.read`.
        @inline(__always)
        static func yesNo(_ bytes: UnsafeBufferPointer<UInt8>) -> Answer? {
            switch Entry.word(bytes) {
            case .yes: .yes
            case .no: .no
            case .notApplicable: .notApplicable
            case .other: Answer.read(bytes, as: .yesNo)
            }
        }

        /// A whole number of one to nine digits and nothing else, as `Answer.read` would read
        /// it; nil for anything else, which `Answer.read` reads.
        @inline(__always)
        static func wholeNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Answer? {
            guard bytes.count > 0, bytes.count < 10 else { return nil }
            var value = 0
            for byte in bytes {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return .number(Double(value))
        }

    }

    let plan: EvaluationPlan
    /// By catalogue question index: how to read an answer to it.
    let entries: [Entry]
    /// By position in the plan's issues: whether it is still public on the as-of day.
    let shown: [Bool]
    /// By position in the plan's issues: the slots its condition reads, each once, in order.
    let readSlots: [[Int]]
    /// By position in the plan's issues: the report of it with its answers and `because` left to fill in.
    let templates: [RaisedIssue]
    /// The zero-tolerance categories in force, each with the slots of its questions.
    let zeroTolerance: [(id: String, title: String, slots: [Int])]

    /// Compiles the rules of `book` in force on `day`; without `reasons`, `reasons(_:…)` may not be called.
    init(book: RuleBook, day: Day, publicNow: Set<String>?, reasons: Bool = true) {
        let plan = EvaluationPlan(book: book, day: day)
        self.plan = plan
        // From what the plan read of each question already: no question is copied again.
        entries = book.questions.indices.map { index in
            let kind: AnswerKind
            let allowsNotApplicable: Bool
            let slot = plan.slot(ofQuestion: index)
            if let slot {
                kind = plan.answerKinds[slot]
                allowsNotApplicable = plan.allowsNotApplicable[slot]
            } else if index < plan.unaskedQuestions.count, let unasked = plan.unaskedQuestions[index] {
                kind = unasked.kind
                allowsNotApplicable = unasked.allowsNotApplicable
            } else {
                return Entry(slot: -1, kind: .notInForce, allowsNotApplicable: false)
            }
            return Entry(slot: Int32(slot ?? -1), kind: Entry.Kind(kind), allowsNotApplicable: allowsNotApplicable)
        }
        shown = plan.issues.map { publicNow?.contains($0.id) ?? true }
        readSlots = reasons ? plan.issues.map { Explanation.readSlots($0, plan: plan) } : []
        templates = !reasons ? [] : plan.issues.map { issue in
            let (line, _) = issue.origin.file.location(of: issue.origin.span.start)
            let change = issue.changes.last
            return RaisedIssue(issue: issue.id, title: issue.titles["en"] ?? issue.titles.values.sorted().first ?? issue.id,
                               category: issue.category.rawValue, because: "", condition: issue.conditionText,
                               answers: [], parameters: PreparedPlan.parameters(of: issue, book: book, day: day),
                               rule: "\(issue.origin.file.path):\(line)", decision: change?.decision ?? issue.decision, reason: change?.reason)
        }
        zeroTolerance = plan.zeroTolerance.map { category in
            (category.id, category.titles["en"] ?? category.id, category.questions.compactMap { plan.slot(ofQuestion: $0) })
        }
    }

    /// The parameters an issue's condition compares with, and those its questions' violations
    /// compare with, each with its value on `day`: in the order the condition reads them.
    static func parameters(of issue: Issue, book: RuleBook, day: Day) -> [ParameterReason] {
        var names: [String] = []
        func note(_ operand: Operand) {
            if case .parameter(let name) = operand, !names.contains(name) { names.append(name) }
        }
        func walk(_ condition: RuleCondition) {
            switch condition {
            case .comparison(_, _, let operand): note(operand)
            case .not(let inner): walk(inner)
            case .and(let parts), .or(let parts): parts.forEach(walk)
            case .status, .quantified, .answer, .attribute: break
            }
        }
        walk(issue.condition)
        for index in issue.condition.questions {
            if case .comparison(_, let operand)? = book.questions[index].value(on: day)?.violation { note(operand) }
        }
        return names.map { name in
            ParameterReason(name: name, value: book.parameter(name, on: day).map(RuleBookText.describe) ?? "no value in force")
        }
    }

    /// The report of the raised issue at `position`: its template with the answers read and why.
    func reasons(_ position: Int, statuses: [AnswerStatus], requiredButNotApplicable: [Int], answers: [String: String]) -> RaisedIssue {
        var report = templates[position]
        let lines = Explanation.answerLines(readSlots[position], plan: plan, statuses: statuses, requiredButNotApplicable: requiredButNotApplicable) { slot in
            let question = plan.questions[slot]
            guard let text = answers[question.id] else { return nil }
            // As explain shows it: the answer read (`yes`, `48`), or the raw text when it does not fit.
            return PreparedEvaluator.withBytes(text) { Answer.read($0, as: question.answer) }?.text ?? text
        }
        report.answers = lines.map { AnswerReason(question: $0.question, answer: $0.answer, status: $0.status) }
        report.because = Explanation.because(raised: true, answers: lines, plan: plan)
        return report
    }
}

/// The verdict on one assessment, as `PreparedEvaluator.evaluate` gives it: what the portal
/// would show for it and why. Plain data: `Codable` (JSON in, JSON out), `Equatable`, the same
/// for the same answers.
public struct EvaluationOutcome: Sendable, Equatable, Codable {
    /// The assessment day, `YYYY-MM-DD`: the rules in force that day judged the answers.
    public var day: String
    /// The day on which public issues were taken (the publication day on or before the
    /// evaluator's as-of day), `YYYY-MM-DD`; nil when the evaluator has no as-of day.
    public var asOf: String?
    /// The public issues raised, in declaration order, each with its reasons: only those
    /// still public on the as-of day.
    public var raised: [RaisedIssue]
    /// Issues the answers raise under the rules of the assessment day that are no longer
    /// public on the as-of day (withdrawn since): the portal does not show them.
    public var noLongerPublic: [String]
    /// Zero-tolerance categories hit, each with the questions answered non-compliant: every
    /// one is escalated, whatever the portal shows.
    public var zeroTolerance: [ZeroToleranceHit]
    /// Critical answers without a usable answer, in the rules' order: any one withholds the
    /// assessment as incomplete data. A factory attribute a public issue reads is named
    /// `factory NAME` (`factory sector`).
    public var incomplete: [IncompleteAnswer]
    /// Answers that do not fit their question, critical or not, by question id.
    public var unusable: [UnusableAnswer]
    /// Question ids among the answers that the catalogue does not know, sorted. A question
    /// that only a draft defines is not among them (the public view leaves it out of the
    /// catalogue): its answer is passed over, as `publish` passes it over.
    public var unknownQuestions: [String]
    /// True when the portal would withhold the assessment as incomplete data (`incomplete` is
    /// not empty): it is never shown as compliant then.
    public var withheldAsIncomplete: Bool

    /// Creates an outcome; `withheldAsIncomplete` follows from `incomplete`.
    package init(day: String, asOf: String?, raised: [RaisedIssue], noLongerPublic: [String], zeroTolerance: [ZeroToleranceHit],
                incomplete: [IncompleteAnswer], unusable: [UnusableAnswer], unknownQuestions: [String]) {
        self.day = day
        self.asOf = asOf
        self.raised = raised
        self.noLongerPublic = noLongerPublic
        self.zeroTolerance = zeroTolerance
        self.incomplete = incomplete
        self.unusable = unusable
        self.unknownQuestions = unknownQuestions
        withheldAsIncomplete = !incomplete.isEmpty
    }
}

/// A public issue raised by an assessment, with why, as `disclose explain` words it.
public struct RaisedIssue: Sendable, Equatable, Codable {
    /// The issue's id (`KH-01`).
    public var issue: String
    /// Its English title (or its first title).
    public var title: String
    /// Its category (`child-labour`).
    public var category: String
    /// Plain words: why it is raised (`non-compliant on CHL-LAB-02`).
    public var because: String
    /// Its condition as written in the rule file.
    public var condition: String
    /// The answers its condition reads: each question, the answer, and what it means.
    public var answers: [AnswerReason]
    /// The parameters its condition and its questions compare with, with their values on the assessment day.
    public var parameters: [ParameterReason]
    /// Where the rule is: file and line.
    public var rule: String
    /// The PAC decision it rests on.
    public var decision: String?
    /// The reason of the country's last change to it, if any.
    public var reason: String?
}

/// One answer a raised issue's condition reads.
public struct AnswerReason: Sendable, Equatable, Codable {
    /// The question id.
    public var question: String
    /// The answer as read (`yes`, `13`, `2024-05-01`), the raw text when it does not fit, `—` when there is none.
    public var answer: String
    /// What it means, as `disclose explain` says: `non-compliant`, `compliant`, `not applicable`,
    /// `not applicable, but an answer is required`, `not answered`, `unusable answer`.
    public var status: String
}

/// A parameter a raised issue compares with.
public struct ParameterReason: Sendable, Equatable, Codable {
    /// The parameter's name.
    public var name: String
    /// Its value on the assessment day, as the rules write it (`14 years`).
    public var value: String
}

/// A zero-tolerance category hit by an assessment.
public struct ZeroToleranceHit: Sendable, Equatable, Codable {
    /// The category's id.
    public var category: String
    /// Its English title (or its id).
    public var title: String
    /// Its questions answered non-compliant.
    public var questions: [String]
}

/// A critical question with no usable answer.
public struct IncompleteAnswer: Sendable, Equatable, Codable {
    /// What is wrong with the answer.
    public enum Problem: String, Sendable, Equatable, Codable {
        /// No answer was given (for a factory attribute: the factories table gives none).
        case missing
        /// The answer does not fit the question (or the attribute's value is not declared).
        case unusable
        /// Answered not applicable where the question's `required when` needs an answer.
        case notApplicableWhereRequired = "not-applicable-where-required"
    }

    /// The question id, or `factory NAME` for a factory attribute.
    public var question: String
    /// What is wrong with it.
    public var problem: Problem
}

/// An answer that does not fit its question.
public struct UnusableAnswer: Sendable, Equatable, Codable {
    /// The question id.
    public var question: String
    /// The answer as given.
    public var answer: String
}

/// Question ids to catalogue indices, for ids of up to 16 bytes (every CAT id) held as two
/// words each, so that a lookup is a multiply, a load and two comparisons; longer ids go to
/// a `ByteTable`.
struct ShortKeyTable: Sendable {
    private struct Key: Sendable {
        var first: UInt64
        var last: UInt64
        /// Byte count; 0 marks an empty slot.
        var count: Int32
        var value: Int32
    }

    private var keys: [Key]
    private let shift: UInt64
    private var long = ByteTable()

    /// Maps each of `ids` to its position (the first, for an id given twice).
    init(_ ids: [String]) {
        var bits = 4
        while (1 << bits) < ids.count * 4 { bits += 1 }
        keys = [Key](repeating: Key(first: 0, last: 0, count: 0, value: 0), count: 1 << bits)
        shift = UInt64(64 - bits)
        for (position, id) in ids.enumerated() {
            let count = id.utf8.count
            if count == 0 { continue }
            if count > 16 {
                long.insert(Array(id.utf8), position)
                continue
            }
            let (first, last) = PreparedEvaluator.withBytes(id, ShortKeyTable.words)
            var slot = Int(ShortKeyTable.hash(first, last, count) >> shift)
            while keys[slot].count != 0 {
                if keys[slot].count == Int32(count), keys[slot].first == first, keys[slot].last == last { break }
                slot = (slot + 1) & (keys.count - 1)
            }
            if keys[slot].count == 0 { keys[slot] = Key(first: first, last: last, count: Int32(count), value: Int32(position)) }
        }
    }

    /// The first eight bytes and the last eight (overlapping for 9 to 15 bytes; zero-padded below 8).
    @inline(__always)
    private static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return (0, 0) }
        let raw = UnsafeRawPointer(base)
        if count >= 8 {
            return (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
        }
        var word: UInt64 = 0
        for index in 0..<count { word |= UInt64(base[index]) << (8 * UInt64(index)) }
        return (word, 0)
    }

    @inline(__always)
    private static func hash(_ first: UInt64, _ last: UInt64, _ count: Int) -> UInt64 {
        (first &* 0x9E37_79B9_7F4A_7C15 ^ (last &+ UInt64(count)) &* 0xC2B2_AE3D_27D4_EB4F) &* 0x1656_67B1_9E37_79F9
    }

    /// The position of the id whose UTF-8 bytes are `bytes`, or -1.
    @inline(__always)
    func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let count = bytes.count
        if count > 16 { return long.value(for: bytes) ?? -1 }
        if count == 0 { return -1 }
        let (first, last) = ShortKeyTable.words(bytes)
        var slot = Int(ShortKeyTable.hash(first, last, count) >> shift)
        return keys.withUnsafeBufferPointer { keys in
            while true {
                let key = keys[slot]
                if key.count == 0 { return -1 }
                if key.count == Int32(count), key.first == first, key.last == last { return Int(key.value) }
                slot = (slot + 1) & (keys.count - 1)
            }
        }
    }
}
