import Foundation
import Testing

/// What a programme officer reads from `check`, `show` and `validate`, with the real binary, as
/// golden text in `Golden/officer/`: `project/` is a small country (en and fr titles, a draft
/// translation, an adopted withdrawal from 2027).
@Suite struct OfficerMessagesTests {
    static let project = Golden.folder.appendingPathComponent("officer/project")

    @Test(arguments: [
        // Files are counted the same way with and without paths: every file read.
        ("check-one-country", ["check", "countries/XX.disclose"], "officer/project"),
        ("check-everything", ["check"], "officer/project"),
        // Every title in every language, with the decision behind each item and whether it is a draft.
        ("show-titles-decisions-drafts", ["show", "XX", "--as-of", "2025-06-30"], "officer/project"),
        // The issue count says from which day it holds; published then withdrawn later is no E806.
        ("validate-says-the-day", ["validate", "XX", "--as-of", "2025-06-30"], "officer/project"),
        // A suspension decided with `withdraws`: E806 points to `covers`.
        ("validate-suspension-decided-as-withdrawal", ["validate", "XX", "--as-of", "2019-06-30"], "validate/E806-suspension-decided-as-withdrawal"),
        // A Khmer title pasted with curly quotes: the cause (E103) alone, not the missing title (E403).
        ("check-curly-quotes-in-a-title", ["check", "entry.disclose"], "diagnostics/E103-curly-quotes-around-a-khmer-title"),
        // Finding a question: by wording in any language, without case or accents, and by legal reference.
        ("questions-by-french-wording-and-legal-reference", ["questions", "AGE", "légal", "article", "--as-of", "2025-06-30"], "officer/project"),
        ("questions-by-english-wording", ["questions", "emergency", "exits", "--as-of", "2025-06-30"], "officer/project"),
        ("questions-nothing-matches", ["questions", "sewing", "needles", "--as-of", "2025-06-30"], "officer/project"),
    ])
    func officerReadsWhatToDo(name: String, arguments: [String], folder: String) throws {
        let run = try CommandLineTests.run(arguments, in: Golden.folder.appendingPathComponent(folder), environment: ["NO_COLOR": "1"])
        let text = "$ disclose \(arguments.joined(separator: " "))\nexit status \(run.status)\n--- stdout\n\(run.stdout)--- stderr\n\(run.stderr)"
        Golden.check(text, against: Golden.folder.appendingPathComponent("officer/\(name).txt"))
    }

    /// The officer's search in the shipped catalogue: the annual overtime question says "last
    /// twelve months", and comes first.
    @Test func annualOvertimeFindsTheTwelveMonthQuestion() throws {
        let run = try CommandLineTests.run(["questions", "annual", "overtime"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("WTI-OVT-04  Working Time > Overtime\n"), "\(run.stdout)")
        #expect(run.stdout.contains("non-compliant when above annual-overtime-cap"))
    }
}
