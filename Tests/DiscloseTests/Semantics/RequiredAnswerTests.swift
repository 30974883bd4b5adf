import Disclose
import Foundation
import Testing

/// `required when` and the check for answers that silence an issue (E310): the KH-01 shape.
@Suite struct RequiredAnswerTests {
    static let rules = """
        parameter minimum-working-age
          value 15 years

        cluster CHL
          title en "Child Labour"

        point CHL-LAB in CHL
          title en "Child Labourers"

        question CHL-LAB-01 in CHL-LAB
          text en "Are there workers under the legal minimum working age?"
          answer yes-no
          non-compliant when yes

        question CHL-LAB-02 in CHL-LAB
          text en "How old is the youngest worker?"
          answer number in years
          non-compliant when below minimum-working-age

        question CHL-LAB-05 in CHL-LAB
          text en "Where child labour was found, has the employer remediated it?"
          answer yes-no
          non-compliant when no
          not-applicable allowed
        """

    static let issue = """

        issue CHILD-NOT-REMEDIATED
          title en "Child labour not remediated"
          category child-labour
          raised when (CHL-LAB-01 is yes or CHL-LAB-02 is below minimum-working-age) and CHL-LAB-05 is no

        """

    static func check(_ text: String) -> CheckResult {
        Checker.check(entry: "/p/rules/all.disclose", root: "/p", access: MemoryFileAccess(["/p/rules/all.disclose": text]), displayBase: "/p")
    }

    static func codes(_ result: CheckResult) -> [String] { result.diagnostics.map(\.code.code) }

    /// Each `required when` and whether it leaves the issue silenced.
    @Test(arguments: [
        ("", true),
        ("  required when CHL-LAB-01 is yes or CHL-LAB-02 is below minimum-working-age\n", false),
        // Only one of the two ways a child is found: a 14-year-old with CHL-LAB-01 "no" stays silent.
        ("  required when CHL-LAB-01 is yes\n", true),
        // Broader than needed: harmless.
        ("  required when CHL-LAB-01 is yes or CHL-LAB-02 is below 18 years\n", false),
        // The threshold a year short of the parameter: a 14-year-old is covered, but not one of 14.5.
        ("  required when CHL-LAB-01 is yes or CHL-LAB-02 is below 14 years\n", true),
    ])
    func requiredWhenCoversTheSilencedCases(_ clause: String, silenced: Bool) {
        let result = Self.check(Self.rules + "\n" + clause + Self.issue)
        #expect(Self.codes(result) == (silenced ? ["E310"] : []), "\(DiagnosticRenderer().render(result.diagnostics))")
    }

    @Test func aQuestionAloneIsNotReported() {
        let result = Self.check(Self.rules + "\n\nissue NOT-REMEDIATED\n  title en \"Not remediated\"\n  category child-labour\n  raised when CHL-LAB-05 is no\n")
        #expect(Self.codes(result) == [])
    }

    @Test func anotherWayToRaiseTheIssueIsNotReported() {
        let result = Self.check(Self.rules + "\n\nissue CHILD\n  title en \"Child\"\n  category child-labour\n  raised when CHL-LAB-01 is yes or CHL-LAB-05 is no\n")
        #expect(Self.codes(result) == [])
    }

    @Test func aConditionThatTestsNotApplicableItselfIsNotReported() {
        let result = Self.check(Self.rules + "\n\nissue CHILD\n  title en \"Child\"\n  category child-labour\n  raised when CHL-LAB-01 is yes and not CHL-LAB-05 is not-applicable\n")
        #expect(Self.codes(result) == [])
    }

    @Test func requiredWhenReadingItsOwnQuestionIsAnError() {
        let result = Self.check(Self.rules + "\n  required when CHL-LAB-05 is no\n" + Self.issue)
        #expect(Self.codes(result).contains("E311"))
        #expect(result.ruleBook == nil)
    }

    /// Answers and whether the assessment is incomplete: not applicable is refused only where
    /// the condition holds, or cannot be told.
    @Test(arguments: [
        (["CHL-LAB-01": "yes", "CHL-LAB-02": "30", "CHL-LAB-05": "not-applicable"], ["CHL-LAB-05"]),
        (["CHL-LAB-01": "no", "CHL-LAB-02": "14", "CHL-LAB-05": "n/a"], ["CHL-LAB-05"]),
        (["CHL-LAB-01": "no", "CHL-LAB-02": "30", "CHL-LAB-05": "not-applicable"], []),
        (["CHL-LAB-01": "yes", "CHL-LAB-02": "30", "CHL-LAB-05": "no"], []),
        // CHL-LAB-01 unanswered: whether remediation is required cannot be told.
        (["CHL-LAB-02": "30", "CHL-LAB-05": "not-applicable"], ["CHL-LAB-01", "CHL-LAB-05"]),
    ])
    func notApplicableWhereRequiredIsIncompleteData(_ answers: [String: String], incomplete: [String]) throws {
        let clause = "  required when CHL-LAB-01 is yes or CHL-LAB-02 is below minimum-working-age\n"
        let book = try #require(Self.check(Self.rules + "\n" + clause + Self.issue).ruleBook)
        let outcome = book.evaluate(answers: answers, on: Day(iso: "2024-05-14")!)
        #expect(outcome.incomplete.sorted() == incomplete)
        if !incomplete.isEmpty { #expect(!outcome.isComplete) }
    }

    /// The shipped rules hold no issue that a not-applicable answer silences: the checker
    /// reports none for any country.
    @Test func shippedRulesHaveNoSilencedIssue() throws {
        let root = Golden.packageRoot.path
        let folder = root + "/countries"
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".disclose") && !$0.contains("-") }.sorted()
        #expect(entries.count >= 10)
        for result in Checker.check(entries: entries.map { folder + "/" + $0 }, displayBase: root) {
            #expect(!result.diagnostics.contains { $0.code == .notApplicableSilencesIssue }, "\(DiagnosticRenderer().render(result.diagnostics))")
        }
    }
}
