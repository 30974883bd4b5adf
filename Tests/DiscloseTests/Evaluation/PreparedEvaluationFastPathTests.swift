@testable import Disclose
import Testing

/// The prepared evaluator's fast paths read every answer as `Answer.read` does, and see the
/// same bytes of every string: on each answer of the shipped sample and on edge cases.
@Suite struct PreparedEvaluationFastPathTests {
    static let edgeCases = [
        "", " ", "\t", "0", "4", "39.5", "1.", ".5", "01.50", "-3", "+3", " 4", "4 ", "4\t", "\t4", "1..2", "1.2.3", "1e5", "0x10",
        "0.1", "0.3", "2.675", "123456789", "1234567890", "999999999999999", "1000000000000000", "999999999999999.9",
        "123456789012345678901234567890", "0.000000000000000000001", "3.14159265358979323846264338327950288",
        "０", "4٫5", "yes", "no", "YES", "No", " yes", "no ", "n/a", "N/A", "na", "NA", "not-applicable", " Not-Applicable ",
        "NOT-APPLICABLE", "Not-Applicable", "not-applicablx", "not_applicable", "not-applicable.", "n\u{0F}a", "Na", "nA", "YeS", "nO",
        "y", "yess", "no\u{0}", "nope", "N/A ",
        "2024-02-29", "2023-02-29", "2024-02-30", "2024-2-3", "2024-02-3", "2024-13-01", "0000-01-01", "9999-12-31",
        " 2024-01-01", "2024-01-01 ", "2024/01/01", "20240101", "2024-01-011", "2024-01-0a",
    ]

    /// Every answer text of the shipped sample, and the edge cases.
    static func texts() throws -> [String] {
        let sample = try PreparedEvaluationTests.assessments(in: PreparedEvaluationTests.sample)
        return Array(Set(sample.flatMap(\.answers.values))) + edgeCases
    }

    static func bytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        Array(text.utf8).withUnsafeBufferPointer(body)
    }

    @Test func numbersAndDatesAreReadAsAnswerReadReadsThem() throws {
        let texts = try Self.texts()
        #expect(texts.count > 100)
        for text in texts {
            Self.bytes(text) { bytes in
                #expect(PreparedPlan.Entry.number(bytes) == Answer.read(bytes, as: .number(unit: "")), "number: \(text.debugDescription)")
                #expect(PreparedPlan.Entry.date(bytes) == Answer.read(bytes, as: .date), "date: \(text.debugDescription)")
                #expect(PreparedPlan.Entry.yesNo(bytes) == Answer.read(bytes, as: .yesNo), "yes or no: \(text.debugDescription)")
            }
        }
    }

    @Test func stringBytesAreTheUTF8Bytes() throws {
        #if _endian(little) && _pointerBitWidth(_64)
        // On the platforms the project builds for, the fast path is the one taken.
        #expect(StringBytes.isSmallLayoutAsExpected)
        #endif
        let sample = try PreparedEvaluationTests.assessments(in: PreparedEvaluationTests.sample)
        let ids = Array(Set(sample.flatMap(\.answers.keys)))
        var texts = try Self.texts() + ids + ["ABCDEFGHIJKLMNO", "ABCDEFGHIJKLMNOP", "né", "日本語のテキスト", String(repeating: "ü", count: 7),
                                            String(repeating: "long answer ", count: 20)]
        // A string that shares storage with a larger one, and one built by appending.
        texts.append(String("prefix OSH-EMR-02".dropFirst(7)))
        var built = "OSH"
        built += "-EMR-02"
        texts.append(built)
        for text in texts {
            for smallLayout in [true, false] where smallLayout == false || StringBytes.isSmallLayoutAsExpected {
                let read = StringBytes.with(text, smallLayout: smallLayout) { Array($0) }
                #expect(read == Array(text.utf8), "\(text.debugDescription), small layout \(smallLayout)")
            }
        }
    }
}
