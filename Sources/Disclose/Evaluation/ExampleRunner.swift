/// Runs the examples written in rule files: given these answers on this day, these issues.
package enum ExampleRunner {
    /// The outcome of one example.
    package struct Outcome: Sendable {
        package var example: Example
        /// The issues raised, sorted.
        package var raised: [String]
        /// For each raised issue, the questions found non-compliant that it reads.
        package var reasons: [String: [String]]
        /// True when the raised issues are exactly the expected ones.
        package var passed: Bool { raised == example.expected }
    }

    /// Evaluates one example under the rules in force on its day.
    ///
    /// Questions the example does not answer count as compliant: a yes-no question takes its
    /// compliant answer, and comparisons on unanswered numbers and dates are false. A factory
    /// attribute the example does not give is missing: tests of it are false, and an answer
    /// compared with a parameter that differs by it cannot be judged (it raises nothing).
    package static func run(_ example: Example, in book: RuleBook) -> Outcome {
        let plan = EvaluationPlan(book: book, day: example.day)
        var statuses = [AnswerStatus](repeating: .compliant, count: plan.questions.count)
        var raw = [Double](repeating: .nan, count: plan.rawSlots.count)
        for (slot, question) in plan.questions.enumerated() where plan.rawIndexOfSlot[slot] >= 0 {
            switch question.violation {
            case .yes: raw[plan.rawIndexOfSlot[slot]] = 0
            case .no: raw[plan.rawIndexOfSlot[slot]] = 1
            default: break
            }
        }
        for (index, answer) in example.answers {
            guard let slot = plan.slot(ofQuestion: index) else { continue }
            let (status, value) = plan.judge(answer, slot: slot)
            statuses[slot] = status
            if plan.rawIndexOfSlot[slot] >= 0 { raw[plan.rawIndexOfSlot[slot]] = value }
        }
        plan.applyFactory(example.factory, statuses: &statuses, raw: &raw)
        var raised: [String] = []
        var reasons: [String: [String]] = [:]
        for (position, issue) in plan.issues.enumerated() where plan.isRaised(position, statuses: statuses, raw: raw) {
            raised.append(issue.id)
            reasons[issue.id] = Array(Set(issue.condition.questions)).compactMap { index -> String? in
                guard let slot = plan.slot(ofQuestion: index), statuses[slot] == .nonCompliant else { return nil }
                return plan.questions[slot].id
            }.sorted()
        }
        return Outcome(example: example, raised: raised.sorted(), reasons: reasons)
    }

    /// Public issues that no example of the book raises, in declaration order.
    package static func uncovered(_ outcomes: [Outcome], in book: RuleBook) -> [String] {
        let raised = Set(outcomes.flatMap(\.raised))
        return book.issues.compactMap { timeline -> String? in
            guard case .inForce(let issue)? = timeline.latest, !raised.contains(issue.id) else { return nil }
            return issue.id
        }
    }
}
