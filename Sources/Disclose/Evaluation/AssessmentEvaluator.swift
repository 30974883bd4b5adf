/// The verdict on one assessment's answers under a country's rules.
public struct AssessmentOutcome: Sendable {
    /// The public issues raised, in declaration order.
    public var raised: [Issue]
    /// Critical questions with no usable answer (missing, unusable, or not applicable where
    /// `required when` needs an answer): if any, the assessment must not be shown.
    public var incomplete: [String]
    /// Answers that do not fit their question, by question id.
    public var unusable: [String: String]
    /// Zero-tolerance categories triggered, with the questions that triggered them.
    public var zeroTolerance: [(category: ZeroToleranceCategory, questions: [String])]
    /// Unknown question ids among the answers.
    public var unknownQuestions: [String]

    /// True when the assessment may be shown: complete, and every answer known.
    public var isComplete: Bool { incomplete.isEmpty && unknownQuestions.isEmpty }
}

extension RuleBook {
    /// Evaluates one assessment: raw answers by question id (as they appear in data: `yes`,
    /// `no`, `not-applicable`, a number, a date, a choice), under the rules in force on `day`.
    ///
    /// This is the library's entry point for tools that evaluate assessments one at a time;
    /// `Publisher` does the same over whole data sets.
    ///
    /// `factory` gives the factory's attributes by name (`sector`, `province`, `export_licence`),
    /// as in the factories table; an attribute a public issue reads and that is missing here
    /// makes the outcome incomplete (`incomplete` lists it as `factory NAME`).
    public func evaluate(answers: [String: String], on day: Day, factory: [String: String] = [:]) -> AssessmentOutcome {
        let plan = EvaluationPlan(book: self, day: day)
        var statuses = [AnswerStatus](repeating: .missing, count: plan.questions.count)
        var raw = [Double](repeating: .nan, count: plan.rawSlots.count)
        var unusable: [String: String] = [:]
        var unknown: [String] = []
        for (id, text) in answers.sorted(by: { $0.key < $1.key }) {
            guard let index = questionIndex[id] else { unknown.append(id); continue }
            guard let slot = plan.slot(ofQuestion: index) else { continue }
            let bytes = Array(text.utf8)
            guard let answer = bytes.withUnsafeBufferPointer({ Answer.read($0, as: plan.questions[slot].answer) }) else {
                statuses[slot] = .unusable
                unusable[id] = text
                continue
            }
            let (status, value) = plan.judge(answer, slot: slot)
            statuses[slot] = status
            if status == .unusable { unusable[id] = text }
            if plan.rawIndexOfSlot[slot] >= 0 { raw[plan.rawIndexOfSlot[slot]] = value }
        }
        plan.applyFactory(factory, statuses: &statuses, raw: &raw)
        let raised = plan.issues.indices.filter { plan.isRaised($0, statuses: statuses, raw: raw) }.map { plan.issues[$0] }
        let incomplete = plan.incompleteSlots(statuses: statuses, raw: raw).map { plan.questions[$0].id }
        let zeroTolerance = plan.zeroTolerance.compactMap { category -> (ZeroToleranceCategory, [String])? in
            let hits = category.questions.compactMap { plan.slot(ofQuestion: $0) }.filter { statuses[$0] == .nonCompliant }.map { plan.questions[$0].id }
            return hits.isEmpty ? nil : (category, hits)
        }
        return AssessmentOutcome(raised: raised, incomplete: incomplete, unusable: unusable, zeroTolerance: zeroTolerance, unknownQuestions: unknown)
    }
}
