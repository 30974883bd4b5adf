@testable import Disclose
import Foundation
import Testing

extension Hardening.HostileRuleFileTests {
    /// A message quotes what it is about, and that can be an identifier of megabytes: a
    /// 60 MiB identifier used to print 188 MB of diagnostics (the id three times in each of
    /// three messages, and the whole line under each). Every quote is now cut to 80
    /// characters, an ellipsis and the full length, and the snippet is a window around the
    /// caret, so the report is a few kilobytes whatever the length. 1 MiB shows it as well as
    /// 60 (the report does not grow with the id) in a fraction of the time; the 60 MiB case is
    /// measured by bench/memory/run.sh.
    @Test func hugeIdentifierGivesASmallReport() {
        let id = String(repeating: "A", count: 1 << 20)
        let result = Hardening.check(texts: [
            "/p/rules/entry.disclose": "issue \(id)\n  title en \"t\"\n  category wages\n  raised when \(id)-Q is non-compliant\n",
        ])
        #expect(!result.diagnostics.isEmpty)
        let text = DiagnosticRenderer().render(result.diagnostics)
        let json = DiagnosticExport.json(result.diagnostics).serialized()
        let sarif = DiagnosticExport.sarif(result.diagnostics, toolVersion: "test").serialized()
        #expect(text.utf8.count < 4096, "the text report is \(text.utf8.count) bytes")
        #expect(json.utf8.count < 4096, "the JSON report is \(json.utf8.count) bytes")
        #expect(sarif.utf8.count < 16384, "the SARIF report is \(sarif.utf8.count) bytes")
        #expect(text.contains("unknown question `\(String(repeating: "A", count: 80))…` (1048578 characters)"), "\(text)")
        for diagnostic in result.diagnostics {
            #expect(diagnostic.message.count < 300, "\(diagnostic.message.prefix(300))")
        }
    }

    /// Quotes are cut once and only once: a cut message passes unchanged a second time, a
    /// short one is untouched, and an unclosed quote is cut too.
    @Test func boundingQuotesIsStableAndLeavesShortTextAlone() {
        let short = "unknown question `CHL-LAB-1`"
        #expect(Diagnostic.boundingQuotes(short) == short)
        let long = "issue `\(String(repeating: "ក", count: 500))` has no `title`"
        let cut = Diagnostic.boundingQuotes(long)
        #expect(cut == "issue `\(String(repeating: "ក", count: 80))…` (500 characters) has no `title`")
        #expect(Diagnostic.boundingQuotes(cut) == cut)
        let exactly = "`\(String(repeating: "x", count: 100))`"
        #expect(Diagnostic.boundingQuotes(exactly) == exactly)
        #expect(Diagnostic.boundingQuotes("`" + String(repeating: "y", count: 200)) == "`" + String(repeating: "y", count: 80) + "… (200 characters)")
        #expect(Diagnostic.boundingQuotes(String(repeating: "z ", count: 5000)).unicodeScalars.count == Diagnostic.maximumText + 1)
    }
}

extension Hardening.HostileDataTests {
    /// The same for data: an unknown factory id of 4 MiB in the assessments table is named in
    /// a report of a few kilobytes.
    @Test func hugeIdInDataGivesASmallReport() throws {
        let id = String(repeating: "F", count: 4 << 20)
        let outcome = try Hardening.publish(changing: "assessments.csv") { $0 + "KH-999-A1,\(id),2024-02-13,on-site,1,completed,,2024-03-25,\n" }
        #expect(outcome.publication == nil)
        let text = DiagnosticRenderer().render(outcome.result.diagnostics)
        #expect(text.contains("(4194304 characters)"), "\(text.prefix(600))")
        #expect(text.utf8.count < 4096, "the report is \(text.utf8.count) bytes")
    }
}
