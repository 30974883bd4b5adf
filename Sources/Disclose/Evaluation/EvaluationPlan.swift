/// The rules of one country in force during one period, compiled for evaluating answers fast.
///
/// A plan knows which questions matter (those behind a public issue or a zero-tolerance
/// category), gives each a slot, and resolves every parameter to its value in the period,
/// so that evaluating an assessment is byte lookups and comparisons.
package final class EvaluationPlan: Sendable {
    /// The public issues in force.
    package let issues: [Issue]
    /// The zero-tolerance categories in force.
    package let zeroTolerance: [ZeroToleranceCategory]
    /// The questions that matter, by slot.
    package let questions: [Question]
    /// Slot of each question index of the rule book, or -1.
    let slotOfQuestion: [Int]
    /// Slots whose answer a public issue needs: missing or unusable means incomplete data.
    package let criticalSlots: [Int]
    /// Slots whose raw answer conditions test directly (`is yes`, `is above 60 hours`).
    let rawSlots: [Int]
    /// Position of each slot in the raw values, or -1.
    let rawIndexOfSlot: [Int]
    /// Each question's violation with parameters resolved, by slot.
    let violations: [ResolvedViolation]
    /// Conditions with questions as slots and parameters resolved, by issue.
    let conditions: [PlannedCondition]
    /// Each question's answer kind and whether it allows not-applicable, by slot: what
    /// reading and judging an answer needs, without copying the whole `Question`.
    let answerKinds: [AnswerKind]
    let allowsNotApplicable: [Bool]
    /// Critical slots whose question says when its answer is required (`required when`): the
    /// slot, the condition planned, and the slots the condition reads.
    let requirements: [(slot: Int, condition: PlannedCondition, reads: [Int])]
    /// By catalogue question index: each question in force on the day that no rule of the plan
    /// asks (nil for the others). Its answers change nothing, but one that does not fit is
    /// still reported (W711), as docs/formats.md promises of every answer.
    let unaskedQuestions: [UnaskedQuestion?]
    /// By catalogue question index, the kind of each question no rule asks and whether it
    /// allows not-applicable (`.notInForce` for one asked, or not in force): plain values, so
    /// that `fitsUnasked` copies no question out of `unaskedQuestions` on the hot path.
    let unaskedKinds: [PreparedPlan.Entry]
    /// The factory attributes a rule of the plan reads, each with a slot of its own after the
    /// questions' (its synthetic question is named `factory NAME`): filled in from the factories
    /// table by `applyFactory`, so that a missing attribute is incomplete data like a missing answer.
    package let attributeSlots: [(slot: Int, attribute: FactoryAttribute)]
    /// Question slots whose violation compares with a parameter that differs by a factory
    /// attribute, with that attribute's slot: judged in `applyFactory`, once the attribute is known.
    package let judgedByAttribute: [(slot: Int, attributeSlot: Int)]

    /// What telling whether an answer fits a question needs.
    struct UnaskedQuestion: Sendable {
        let kind: AnswerKind
        let allowsNotApplicable: Bool
        /// For a choice: each option in lower case, as bytes.
        let lowercasedChoices: [[UInt8]]
    }

    enum ResolvedViolation: Sendable {
        case yes, no
        case compare(Comparison, Double)
        case choices(Set<String>)
        /// An informational question: no answer is a violation.
        case informational
        /// A comparison with a parameter that differs by a factory attribute (the attribute's raw
        /// index): thresholds by the value's choice code, and for any other value.
        case compareBy(Comparison, attribute: Int, [Double: Double], otherwise: Double?)
        /// A parameter with no value in force: the answer cannot be judged.
        case unresolved
    }

    indirect enum PlannedCondition: Sendable {
        case status(slot: Int, AnswerStatus)
        case any([Int], AnswerStatus)
        case all([Int], AnswerStatus)
        case answer(rawIndex: Int, Double)
        case compare(rawIndex: Int, Comparison, Double)
        /// A comparison with a parameter by attribute: the attribute's raw index, thresholds by its value.
        case compareBy(rawIndex: Int, Comparison, attribute: Int, [Double: Double], otherwise: Double?)
        case not(PlannedCondition)
        case and([PlannedCondition])
        case or([PlannedCondition])
        case never
    }

    /// Compiles the rules of `book` in force on `day`.
    package init(book: RuleBook, day: Day) {
        issues = book.publicIssues(on: day)
        zeroTolerance = book.zeroTolerance.compactMap { $0.value(on: day) }
        let questionCount = book.questions.count
        var slotOf = [Int](repeating: -1, count: questionCount + book.attributes.count)
        var questions: [Question] = []
        var attributeSlots: [(slot: Int, attribute: FactoryAttribute)] = []
        func slot(_ index: Int) -> Int {
            if slotOf[index] < 0, let question = book.questions[index].value(on: day) {
                slotOf[index] = questions.count
                questions.append(question)
            }
            return slotOf[index]
        }
        // A factory attribute is judged like an informational choice question, from the factories table.
        func attributeSlot(_ attributeIndex: Int) -> Int {
            let index = questionCount + attributeIndex
            if slotOf[index] < 0 {
                let attribute = book.attributes[attributeIndex]
                slotOf[index] = questions.count
                attributeSlots.append((questions.count, attribute))
                questions.append(Question(id: "factory \(attribute.name)", index: index, point: "", texts: [:], legal: nil,
                                          answer: .choice(attribute.values), violation: .informational, allowsNotApplicable: false,
                                          documentation: [], origin: attribute.origin, changes: []))
            }
            return slotOf[index]
        }
        var critical: Set<Int> = []
        for issue in issues {
            for index in issue.condition.questions { let s = slot(index); if s >= 0 { critical.insert(s) } }
            for index in issue.condition.attributes { critical.insert(attributeSlot(index)) }
        }
        for category in zeroTolerance { for index in category.questions { _ = slot(index) } }
        // A tier's requirements are judged like any answer, but never make an assessment incomplete.
        for tier in book.tiers { for index in tier.questions { _ = slot(index) } }
        // A required answer's condition reads other questions, which need slots of their own.
        let required = critical.sorted().compactMap { s -> (Int, RuleCondition)? in questions[s].requiredWhen.map { (s, $0) } }
        for (_, condition) in required {
            for index in condition.questions { _ = slot(index) }
            for index in condition.attributes { _ = attributeSlot(index) }
        }
        // A parameter whose value differs by a factory attribute reads that attribute: where the
        // comparison or the question is critical, so is the attribute.
        func byAttribute(_ operand: Operand) -> (attribute: Int, thresholds: [Double: Double], otherwise: Double?)? {
            guard case .parameter(let name) = operand, case .byAttribute(let attribute, let values, let otherwise)? = book.parameter(name, on: day),
                let index = book.attributes.firstIndex(where: { $0.name == attribute })
            else { return nil }
            func number(_ value: ParameterValue?) -> Double? {
                switch value {
                case .quantity(let amount, _)?: amount
                case .date(let day)?: Double(day.ordinal)
                default: nil
                }
            }
            var thresholds: [Double: Double] = [:]
            for (key, value) in values { if let threshold = number(value) { thresholds[Double(EvaluationPlan.choiceCode(key))] = threshold } }
            return (index, thresholds, number(otherwise))
        }
        func attributesCompared(_ condition: RuleCondition) -> [Int] {
            switch condition {
            case .comparison(_, _, let operand): byAttribute(operand).map { [$0.attribute] } ?? []
            case .not(let inner): attributesCompared(inner)
            case .and(let parts), .or(let parts): parts.flatMap(attributesCompared)
            case .status, .quantified, .answer, .attribute: []
            }
        }
        for issue in issues { for index in attributesCompared(issue.condition) { critical.insert(attributeSlot(index)) } }
        for (_, condition) in required { for index in attributesCompared(condition) { _ = attributeSlot(index) } }
        var judgedByAttribute: [(slot: Int, attributeSlot: Int)] = []
        for s in 0..<questions.count {
            guard case .comparison(_, let operand) = questions[s].violation, let found = byAttribute(operand) else { continue }
            let attribute = attributeSlot(found.attribute)
            judgedByAttribute.append((s, attribute))
            if critical.contains(s) { critical.insert(attribute) }
        }
        var raw: [Int] = []
        for (s, attribute) in judgedByAttribute {
            if !raw.contains(s) { raw.append(s) }
            if !raw.contains(attribute) { raw.append(attribute) }
        }
        func collectRaw(_ condition: RuleCondition) {
            switch condition {
            case .answer(let question, _):
                let s = slotOf[question]
                if s >= 0, !raw.contains(s) { raw.append(s) }
            case .comparison(let question, _, let operand):
                let s = slotOf[question]
                if s >= 0, !raw.contains(s) { raw.append(s) }
                if let found = byAttribute(operand) {
                    let a = slotOf[questionCount + found.attribute]
                    if a >= 0, !raw.contains(a) { raw.append(a) }
                }
            case .attribute(let index, _):
                let s = slotOf[questionCount + index]
                if s >= 0, !raw.contains(s) { raw.append(s) }
            case .not(let inner): collectRaw(inner)
            case .and(let parts), .or(let parts): parts.forEach(collectRaw)
            case .status, .quantified: break
            }
        }
        issues.forEach { collectRaw($0.condition) }
        required.forEach { collectRaw($0.1) }
        var rawIndex = [Int](repeating: -1, count: questions.count)
        for (position, s) in raw.enumerated() { rawIndex[s] = position }
        func value(_ operand: Operand) -> Double? {
            switch operand {
            case .number(let amount, _): return amount
            case .date(let day): return Double(day.ordinal)
            case .parameter(let name):
                switch book.parameter(name, on: day) {
                case .quantity(let amount, _)?: return amount
                case .date(let day)?: return Double(day.ordinal)
                default: return nil
                }
            }
        }
        violations = questions.map { question in
            switch question.violation {
            case .yes: return .yes
            case .no: return .no
            case .choices(let choices): return .choices(Set(choices.map { $0.lowercased() }))
            case .informational: return .informational
            case .comparison(let comparison, let operand):
                if let found = byAttribute(operand) {
                    return .compareBy(comparison, attribute: rawIndex[slotOf[questionCount + found.attribute]], found.thresholds, otherwise: found.otherwise)
                }
                guard let threshold = value(operand) else { return .unresolved }
                return .compare(comparison, threshold)
            }
        }
        func plan(_ condition: RuleCondition) -> PlannedCondition {
            switch condition {
            case .status(let question, let status):
                let s = slotOf[question]
                return s < 0 ? .never : .status(slot: s, AnswerStatus(status))
            case .quantified(let quantifier, let indices, let status):
                let slots = indices.map { slotOf[$0] }.filter { $0 >= 0 }
                return quantifier == .any ? .any(slots, AnswerStatus(status)) : .all(slots, AnswerStatus(status))
            case .answer(let question, let test):
                let s = slotOf[question]
                guard s >= 0 else { return .never }
                let code: Double = switch test {
                case .yes: 1
                case .no: 0
                case .choice(let choice): Double(EvaluationPlan.choiceCode(choice))
                }
                return .answer(rawIndex: rawIndex[s], code)
            case .comparison(let question, let comparison, let operand):
                let s = slotOf[question]
                if s >= 0, let found = byAttribute(operand) {
                    return .compareBy(rawIndex: rawIndex[s], comparison, attribute: rawIndex[slotOf[questionCount + found.attribute]],
                                      found.thresholds, otherwise: found.otherwise)
                }
                guard s >= 0, let threshold = value(operand) else { return .never }
                return .compare(rawIndex: rawIndex[s], comparison, threshold)
            case .attribute(let index, let value):
                let s = slotOf[questionCount + index]
                guard s >= 0 else { return .never }
                return .answer(rawIndex: rawIndex[s], Double(EvaluationPlan.choiceCode(value)))
            case .not(let inner): return .not(plan(inner))
            case .and(let parts): return .and(parts.map(plan))
            case .or(let parts): return .or(parts.map(plan))
            }
        }
        conditions = issues.map { plan($0.condition) }
        requirements = required.map { s, condition in
            // The slots it reads, factory attributes included: any of them unknown, and the answer is required.
            let indices = condition.questions + (condition.attributes + attributesCompared(condition)).map { questionCount + $0 }
            return (s, plan(condition), Array(Set(indices.compactMap { slotOf[$0] >= 0 ? slotOf[$0] : nil })).sorted())
        }
        self.questions = questions
        answerKinds = questions.map(\.answer)
        allowsNotApplicable = questions.map(\.allowsNotApplicable)
        slotOfQuestion = slotOf
        unaskedQuestions = book.questions.indices.map { index in
            guard slotOf[index] < 0, let question = book.questions[index].value(on: day) else { return nil }
            let choices: [[UInt8]] = if case .choice(let options) = question.answer { options.map { Array($0.lowercased().utf8) } } else { [] }
            return UnaskedQuestion(kind: question.answer, allowsNotApplicable: question.allowsNotApplicable, lowercasedChoices: choices)
        }
        unaskedKinds = unaskedQuestions.map { question in
            guard let question else { return PreparedPlan.Entry(slot: -1, kind: .notInForce, allowsNotApplicable: false) }
            return PreparedPlan.Entry(slot: -1, kind: PreparedPlan.Entry.Kind(question.kind), allowsNotApplicable: question.allowsNotApplicable)
        }
        criticalSlots = critical.sorted()
        self.attributeSlots = attributeSlots
        self.judgedByAttribute = judgedByAttribute
        rawSlots = raw
        rawIndexOfSlot = rawIndex
    }

    /// A stable number for a choice, so that raw choice answers fit in a `Double`.
    static func choiceCode(_ choice: String) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in choice.lowercased().utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return Int(hash >> 12)
    }

    /// The status of an answer to the question in `slot`, and its raw value for conditions.
    func judge(_ answer: Answer, slot: Int) -> (AnswerStatus, Double) {
        let raw: Double
        switch answer {
        case .notApplicable:
            return (allowsNotApplicable[slot] ? .notApplicable : .unusable, .nan)
        case .yes: raw = 1
        case .no: raw = 0
        case .number(let value): raw = value
        case .date(let day): raw = Double(day.ordinal)
        case .choice(let choice): raw = Double(EvaluationPlan.choiceCode(choice))
        }
        let violated: Bool
        switch (violations[slot], answer) {
        case (.yes, .yes), (.no, .no): violated = true
        case (.yes, _), (.no, _): violated = false
        case (.compare(let comparison, let threshold), _): violated = EvaluationPlan.compare(raw, comparison, threshold)
        case (.choices(let choices), .choice(let choice)): violated = choices.contains(choice.lowercased())
        case (.choices, _): violated = false
        case (.informational, _): violated = false
        // Judged again by `applyFactory`, once the factory's attribute is known.
        case (.compareBy, _): violated = false
        case (.unresolved, _): return (.unusable, raw)
        }
        return (violated ? .nonCompliant : .compliant, raw)
    }

    /// Fills the attribute slots of one assessment from its factory's row of the factories table
    /// (`values` by attribute name): a value left empty is missing, and one the rules do not
    /// declare is unusable (reported as W714 when the table is read); either makes the
    /// assessment incomplete data for the issues that read the attribute.
    package func applyFactory(_ values: [String: String], statuses: inout [AnswerStatus], raw: inout [Double]) {
        for (slot, attribute) in attributeSlots {
            let text = values[attribute.name] ?? ""
            let rawIndex = rawIndexOfSlot[slot]
            if text.allSatisfy({ $0 == " " || $0 == "\t" }) {
                statuses[slot] = .missing
            } else if let declared = attribute.declaredValue(text) {
                statuses[slot] = .compliant
                if rawIndex >= 0 { raw[rawIndex] = Double(EvaluationPlan.choiceCode(declared)) }
            } else {
                statuses[slot] = .unusable
            }
        }
        for (slot, attributeSlot) in judgedByAttribute where statuses[slot] == .compliant || statuses[slot] == .nonCompliant {
            guard case .compareBy(let comparison, let attribute, let thresholds, let otherwise) = violations[slot] else { continue }
            let value = rawIndexOfSlot[slot] >= 0 ? raw[rawIndexOfSlot[slot]] : .nan
            guard statuses[attributeSlot] == .compliant, attribute >= 0, let threshold = thresholds[raw[attribute]] ?? otherwise, !value.isNaN else {
                // Without the attribute the answer cannot be judged: incomplete data, never compliant.
                statuses[slot] = .unusable
                continue
            }
            statuses[slot] = EvaluationPlan.compare(value, comparison, threshold) ? .nonCompliant : .compliant
        }
    }

    /// Whether a raw answer to catalogue question `question`, which no rule of the plan asks,
    /// fits it as `Answer.read` would read it (true for a question not in force on the day).
    /// On the hot path of reading answers (publish's and the prepared evaluator's): yes-no,
    /// number and date answers by the evaluator's readers (compared with `Answer.read` in its
    /// tests), an ASCII choice as bytes, without the strings `Answer.read` makes.
    func fitsUnasked(_ raw: UnsafeBufferPointer<UInt8>, question index: Int) -> Bool {
        guard index < unaskedKinds.count else { return true }
        let entry = unaskedKinds[index]
        let answer: Answer?
        switch entry.kind {
        case .notInForce: return true
        case .choice: return fitsUnaskedChoice(raw, question: index)
        case .yesNo: answer = PreparedPlan.Entry.yesNo(raw)
        case .number: answer = PreparedPlan.Entry.number(raw)
        case .date: answer = PreparedPlan.Entry.date(raw)
        }
        switch answer {
        case nil: return false
        case .notApplicable?: return entry.allowsNotApplicable
        default: return true
        }
    }

    /// `fitsUnasked` for a choice question.
    private func fitsUnaskedChoice(_ raw: UnsafeBufferPointer<UInt8>, question index: Int) -> Bool {
        guard let question = unaskedQuestions[index] else { return true }
        if case .choice = question.kind, raw.allSatisfy({ $0 < 0x80 }) {
            var start = 0
            var end = raw.count
            while start < end, raw[start] == 0x20 || raw[start] == 0x09 { start += 1 }
            while end > start, raw[end - 1] == 0x20 || raw[end - 1] == 0x09 { end -= 1 }
            let text = UnsafeBufferPointer(rebasing: raw[start..<end])
            if Answer.isNotApplicable(text) { return question.allowsNotApplicable }
            return question.lowercasedChoices.contains { choice in
                choice.count == text.count && zip(choice, text).allSatisfy { $0 == ($1 >= 65 && $1 <= 90 ? $1 + 32 : $1) }
            }
        }
        switch Answer.read(raw, as: question.kind) {
        case nil: return false
        case .notApplicable?: return question.allowsNotApplicable
        case .yes?, .no?, .number?, .date?, .choice?: return true
        }
    }

    static func compare(_ value: Double, _ comparison: Comparison, _ threshold: Double) -> Bool {
        switch comparison {
        case .above, .after: value > threshold
        case .below, .before: value < threshold
        case .atLeast: value >= threshold
        case .atMost: value <= threshold
        }
    }

    /// Whether the issue at `position` is raised by the statuses and raw values of an assessment.
    func isRaised(_ position: Int, statuses: [AnswerStatus], raw: [Double]) -> Bool {
        evaluate(conditions[position], statuses, raw)
    }

    private func evaluate(_ condition: PlannedCondition, _ statuses: [AnswerStatus], _ raw: [Double]) -> Bool {
        switch condition {
        case .status(let slot, let status): statuses[slot] == status
        case .any(let slots, let status): slots.contains { statuses[$0] == status }
        case .all(let slots, let status): !slots.isEmpty && slots.allSatisfy { statuses[$0] == status }
        case .answer(let index, let code): index >= 0 && raw[index] == code
        case .compare(let index, let comparison, let threshold): index >= 0 && !raw[index].isNaN && EvaluationPlan.compare(raw[index], comparison, threshold)
        case .compareBy(let index, let comparison, let attribute, let thresholds, let otherwise):
            if index >= 0, attribute >= 0, !raw[index].isNaN, !raw[attribute].isNaN, let threshold = thresholds[raw[attribute]] ?? otherwise {
                EvaluationPlan.compare(raw[index], comparison, threshold)
            } else {
                false
            }
        case .not(let inner): !evaluate(inner, statuses, raw)
        case .and(let parts): parts.allSatisfy { evaluate($0, statuses, raw) }
        case .or(let parts): parts.contains { evaluate($0, statuses, raw) }
        case .never: false
        }
    }

    /// Critical slots answered "not applicable" where their question requires an answer: its
    /// `required when` holds, or cannot be told because an answer it reads is missing or
    /// unusable (so the assessment is incomplete, never silently compliant).
    package func requiredButNotApplicable(statuses: [AnswerStatus], raw: [Double]) -> [Int] {
        requirements.compactMap { requirement in
            guard statuses[requirement.slot] == .notApplicable else { return nil }
            let unknown = requirement.reads.contains { statuses[$0] == .missing || statuses[$0] == .unusable }
            return unknown || evaluate(requirement.condition, statuses, raw) ? requirement.slot : nil
        }
    }

    /// Critical slots without a usable answer: missing, unusable, or not applicable where an
    /// answer is required. Any one makes the assessment incomplete data.
    package func incompleteSlots(statuses: [AnswerStatus], raw: [Double]) -> [Int] {
        let notApplicable = requiredButNotApplicable(statuses: statuses, raw: raw)
        return criticalSlots.filter { statuses[$0] == .missing || statuses[$0] == .unusable || notApplicable.contains($0) }
    }

    /// The slot of a question index, if the question matters in this plan.
    package func slot(ofQuestion index: Int) -> Int? {
        index < slotOfQuestion.count && slotOfQuestion[index] >= 0 ? slotOfQuestion[index] : nil
    }
}

extension AnswerStatus {
    init(_ status: QuestionStatus) {
        switch status {
        case .compliant: self = .compliant
        case .nonCompliant: self = .nonCompliant
        case .notApplicable: self = .notApplicable
        }
    }
}

extension RuleBook {
    /// The days on which some rule of this book starts or stops being in force, sorted.
    package var ruleBoundaries: [Day] {
        var days: Set<Day> = []
        for timeline in questions { days.formUnion(timeline.boundaries) }
        for timeline in issues { days.formUnion(timeline.boundaries) }
        for timeline in parameters.values { days.formUnion(timeline.boundaries) }
        for timeline in zeroTolerance { days.formUnion(timeline.boundaries) }
        return days.sorted()
    }
}
