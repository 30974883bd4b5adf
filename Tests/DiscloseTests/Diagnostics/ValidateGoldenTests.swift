import Disclose
import Foundation
import Testing

/// Countries checked against their PAC registers: each case folder holds rules/ and
/// countries/ (country `XX`), and `expected`: the rendered diagnostics and the summary.
@Suite struct ValidateGoldenTests {
    static let folder = Golden.folder.appendingPathComponent("validate")

    @Test(arguments: Golden.entries(in: "validate"))
    func validatesAsExpected(_ name: String) throws {
        let root = Self.folder.appendingPathComponent(name)
        let result = Checker.check(entry: root.appendingPathComponent("countries/XX.disclose").path, root: root.path, displayBase: Self.folder.path)
        let book = try #require(result.ruleBook, "\(DiagnosticRenderer().render(result.diagnostics))")
        let report = Validator.validate(book)
        if name.first == "E" || name.first == "W" {
            #expect(report.diagnostics.contains { $0.code.code == String(name.prefix(4)) }, "case \(name) must produce \(name.prefix(4))")
        }
        Golden.check(DiagnosticRenderer().render(report.diagnostics) + report.summary() + "\n", against: root.appendingPathComponent("expected"))
    }

    @Test func everyValidationCodeHasACase() {
        let names = Golden.entries(in: "validate")
        // E805 is no longer given: the checker reports a rule before its decision (E508), and
        // validation only sees rule books that check cleanly.
        for code in DiagnosticCode.allCases where code.rawValue.dropFirst().hasPrefix("8") && code != .ruleBeforeDecision {
            #expect(names.contains { $0.hasPrefix(code.code) }, "no validation golden case for \(code.code)")
        }
    }
}
