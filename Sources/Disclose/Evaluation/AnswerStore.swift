/// The answers of every assessment while the answers table is read.
///
/// Per assessment: one status byte per slot of its plan, one raw value per slot whose answer
/// conditions test directly, and one bit per catalogue question saying whether it has been
/// answered yet (a second answer is an error). All assessments share three flat arrays,
/// rather than each having arrays of its own, so that recording an answer is a few array
/// writes; and so that each thread reading a part of the table can keep a store of its own,
/// merged at the end (`merge`).
struct AnswerStore: Sendable {
    /// Where each assessment's part of the arrays starts; one layout serves every store of a run.
    final class Layout: Sendable {
        /// The plan of each assessment (nil: refused, or no rules for its country).
        let plans: [EvaluationPlan?]
        let statusStart: [Int]
        let rawStart: [Int]
        let answeredStart: [Int]
        /// For each assessment, the assessment that records every answer it is given as well,
        /// by its own plan, or -1. A run that accounts for drafts gives each assessment a
        /// preview twin (the rules with drafts), so that the answers are read once for both.
        /// A twin keeps no answered bits: only the assessment it follows reports duplicates.
        let twins: [Int]

        /// `questionCounts`: the number of catalogue questions of each assessment's country
        /// (0 for a twin); `twins`: see `twins`, empty for none.
        init(plans: [EvaluationPlan?], questionCounts: [Int], twins: [Int] = []) {
            self.plans = plans
            self.twins = twins.isEmpty ? [Int](repeating: -1, count: plans.count) : twins
            var statusStart = [0]
            var rawStart = [0]
            var answeredStart = [0]
            for (plan, questions) in zip(plans, questionCounts) {
                statusStart.append(statusStart.last! + (plan?.questions.count ?? 0))
                rawStart.append(rawStart.last! + (plan?.rawSlots.count ?? 0))
                answeredStart.append(answeredStart.last! + (plan == nil ? 0 : (questions + 63) / 64))
            }
            self.statusStart = statusStart
            self.rawStart = rawStart
            self.answeredStart = answeredStart
        }
    }

    /// What recording one answer did. (No payload: the reading loop copies no answer.)
    enum Outcome: Sendable {
        /// Judged and stored in its slot.
        case stored
        /// Noted as answered; no rule of the plan asks the question.
        case notNeeded
        /// The question was answered before for this assessment: nothing changes.
        case duplicate
        /// The answer does not fit the question's kind; its slot is marked unusable.
        case unreadable
        /// Read, but judged unusable (not-applicable where it is not allowed); stored so.
        case unusable
        /// No rule of the plan asks the question, and the answer does not fit it (or is
        /// not-applicable where that is not allowed): reported (W711), and changes nothing.
        case unusableNotNeeded
    }

    /// An answer the scanner recorded that has something to report (it does not fit its
    /// question, or is not-applicable where that is not allowed): where it is in the file, so
    /// that its warning can be written once the table is read. By file offset.
    struct Remark: Sendable {
        /// The byte offsets of the row's start and of its answer field.
        var row: Int
        var answer: Range<Int>
        var sheet: Int
        var question: Int
        var outcome: Outcome
    }

    let layout: Layout
    /// The scanner's remarks, in the order of the file (the parts merge in order).
    var remarks: [Remark] = []
    private(set) var statuses: [AnswerStatus]
    private(set) var raw: [Double]
    private var answered: [UInt64]

    init(layout: Layout) {
        self.layout = layout
        statuses = [AnswerStatus](repeating: .missing, count: layout.statusStart.last!)
        raw = [Double](repeating: .nan, count: layout.rawStart.last!)
        answered = [UInt64](repeating: 0, count: layout.answeredStart.last!)
    }

    /// Records the raw answer of assessment `sheet` (which has a plan) to catalogue question `question`.
    @inline(__always)
    mutating func record(_ answer: UnsafeBufferPointer<UInt8>, question: Int, sheet: Int, plan: EvaluationPlan) -> Outcome {
        let word = layout.answeredStart[sheet] + question >> 6
        let bit = UInt64(1) << UInt64(question & 63)
        if answered[word] & bit != 0 { return .duplicate }
        answered[word] |= bit
        let twin = layout.twins[sheet]
        if twin >= 0 { _ = store(answer, question: question, sheet: twin, plan: layout.plans[twin]!, checksUnasked: false) }
        return store(answer, question: question, sheet: sheet, plan: plan, checksUnasked: true)
    }

    /// Judges the answer by `plan` and stores it in the slots of assessment `sheet`. Whether an
    /// answer no rule asks fits its question is checked only when `checksUnasked`: a twin's
    /// outcome is not reported, so it need not know.
    @inline(__always)
    private mutating func store(_ answer: UnsafeBufferPointer<UInt8>, question: Int, sheet: Int, plan: EvaluationPlan,
                                checksUnasked: Bool) -> Outcome {
        guard let slot = plan.slot(ofQuestion: question) else {
            return !checksUnasked || plan.fitsUnasked(answer, question: question) ? .notNeeded : .unusableNotNeeded
        }
        let position = layout.statusStart[sheet] + slot
        guard let read = Answer.read(answer, as: plan.answerKinds[slot]) else {
            statuses[position] = .unusable
            return .unreadable
        }
        let (status, value) = plan.judge(read, slot: slot)
        statuses[position] = status
        let rawIndex = plan.rawIndexOfSlot[slot]
        if rawIndex >= 0 { raw[layout.rawStart[sheet] + rawIndex] = value }
        return status == .unusable ? .unusable : .stored
    }

    /// The statuses of assessment `sheet`, by slot of its plan.
    func statuses(of sheet: Int) -> [AnswerStatus] {
        Array(statuses[layout.statusStart[sheet]..<layout.statusStart[sheet + 1]])
    }

    /// The raw values of assessment `sheet`, by raw index of its plan.
    func raw(of sheet: Int) -> [Double] {
        Array(raw[layout.rawStart[sheet]..<layout.rawStart[sheet + 1]])
    }

    /// Adds what `other` (another part of the same table) recorded; false when both recorded an
    /// answer to the same question of the same assessment, which only a careful reading can report.
    ///
    /// Each store holds only the answers of its part, so a slot is set in at most one of them,
    /// and the result does not depend on which part came first.
    mutating func merge(_ other: AnswerStore) -> Bool {
        for index in answered.indices {
            if answered[index] & other.answered[index] != 0 { return false }
            answered[index] |= other.answered[index]
        }
        remarks += other.remarks
        for sheet in layout.plans.indices {
            guard let plan = layout.plans[sheet] else { continue }
            let statusStart = layout.statusStart[sheet]
            let rawStart = layout.rawStart[sheet]
            for slot in 0..<plan.questions.count where other.statuses[statusStart + slot] != .missing {
                statuses[statusStart + slot] = other.statuses[statusStart + slot]
                let rawIndex = plan.rawIndexOfSlot[slot]
                if rawIndex >= 0 { raw[rawStart + rawIndex] = other.raw[rawStart + rawIndex] }
            }
        }
        return true
    }
}
