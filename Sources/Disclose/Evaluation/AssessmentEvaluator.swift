/// The verdict on one assessment's answers under a country's rules.
package struct AssessmentOutcome: Sendable {
    /// The public issues raised, in declaration order.
    package var raised: [Issue]
    /// Critical questions with no usable answer (missing, unusable, or not applicable where
    /// `required when` needs an answer): if any, the assessment must not be shown.
    package var incomplete: [String]
    /// Answers that do not fit their question, by question id.
    package var unusable: [String: String]
    /// Zero-tolerance categories triggered, with the questions that triggered them.
    package var zeroTolerance: [(category: ZeroToleranceCategory, questions: [String])]
    /// Unknown question ids among the answers.
    package var unknownQuestions: [String]

    /// True when the assessment may be shown: complete, and every answer known.
    package var isComplete: Bool { incomplete.isEmpty && unknownQuestions.isEmpty }
}

extension RuleBook {
    /// Evaluates one assessment: raw answers by question id (as they appear in data: `yes`,
    /// `no`, `not-applicable`, a number, a date, a choice), under the rules in force on `day`.
    ///
    /// This compiles the rules for the day on every call: to evaluate many assessments, make
    /// one `PreparedEvaluator` and call its `evaluate`, which also says why each issue is
    /// raised and takes an as-of day. `Publisher` does the same over whole data sets.
    ///
    /// `factory` gives the factory's attributes by name (`sector`, `province`, `export_licence`),
    /// as in the factories table; an attribute a public issue reads and that is missing here
    /// makes the outcome incomplete (`incomplete` lists it as `factory NAME`).
    package func evaluate(answers: [String: String], on day: Day, factory: [String: String] = [:]) -> AssessmentOutcome {
        let judged = PreparedEvaluator(book: self, asOf: nil, reasons: false).judge(answers: answers, on: day, factory: factory)
        let plan = judged.prepared.plan
        let zeroTolerance = judged.prepared.zeroTolerance.indices.compactMap { position -> (ZeroToleranceCategory, [String])? in
            let hits = judged.prepared.zeroTolerance[position].slots.filter { judged.statuses[$0] == .nonCompliant }.map { plan.questions[$0].id }
            return hits.isEmpty ? nil : (plan.zeroTolerance[position], hits)
        }
        return AssessmentOutcome(raised: judged.raised.map { plan.issues[$0] }, incomplete: judged.incomplete.map { plan.questions[$0].id },
                                 unusable: Dictionary(judged.unusable.map { ($0.question, $0.answer) }, uniquingKeysWith: { first, _ in first }),
                                 zeroTolerance: zeroTolerance, unknownQuestions: judged.unknown.sorted())
    }
}
