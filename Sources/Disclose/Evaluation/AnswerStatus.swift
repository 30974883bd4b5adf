/// What one answer means for its question, stored in a byte per question.
package enum AnswerStatus: UInt8, Sendable {
    /// No answer was given.
    case missing = 0
    case compliant = 1
    case nonCompliant = 2
    case notApplicable = 3
    /// An answer that does not fit the question (not used).
    case unusable = 4
}

extension Answer {
    /// Reads a raw answer as the question's answer kind; nil when it does not fit.
    ///
    /// `yes`, `no` and `not-applicable` (also `n/a`, `na`) are read without regard to case;
    /// numbers are plain decimals without a sign; dates are YYYY-MM-DD; a
    /// choice must be one of the question's, without regard to case.
    package static func read(_ raw: UnsafeBufferPointer<UInt8>, as kind: AnswerKind) -> Answer? {
        var start = 0
        var end = raw.count
        while start < end, raw[start] == 0x20 || raw[start] == 0x09 { start += 1 }
        while end > start, raw[end - 1] == 0x20 || raw[end - 1] == 0x09 { end -= 1 }
        let text = UnsafeBufferPointer(rebasing: raw[start..<end])
        if Answer.isNotApplicable(text) { return .notApplicable }
        switch kind {
        case .yesNo:
            if Answer.equalsIgnoringCase(text, "yes") { return .yes }
            if Answer.equalsIgnoringCase(text, "no") { return .no }
            return nil
        case .number:
            // No sign: no CAT quantity (an age, hours, days, a count) is negative, and `-0` or
            // `-5` in a sheet is a typing slip to report, not a value to judge.
            return Lexer.decimal(text).map(Answer.number)
        case .date:
            return Day(isoBytes: text).map(Answer.date)
        case .choice(let options):
            let word = String(decoding: text, as: UTF8.self)
            return options.first { $0.lowercased() == word.lowercased() }.map(Answer.choice)
        }
    }

    /// Whether the (trimmed) bytes are a word for not applicable: `not-applicable`, `n/a` or `na`, in any case.
    static func isNotApplicable(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        Answer.equalsIgnoringCase(text, "not-applicable") || Answer.equalsIgnoringCase(text, "n/a") || Answer.equalsIgnoringCase(text, "na")
    }

    /// Whether a raw answer is a word for not applicable, spaces around it aside.
    static func isNotApplicable(_ raw: String) -> Bool {
        Array(raw.utf8).withUnsafeBufferPointer { Answer.read($0, as: .yesNo) == .notApplicable }
    }

    static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        let expected = word.utf8Start
        for index in 0..<bytes.count where bytes[index] | 0x20 != expected[index] | 0x20 { return false }
        return true
    }

    /// The answer as it would be written in data.
    package var text: String {
        switch self {
        case .yes: "yes"
        case .no: "no"
        case .notApplicable: "not-applicable"
        case .number(let value): ConditionPrinter.number(value)
        case .date(let day): day.description
        case .choice(let choice): choice
        }
    }
}
