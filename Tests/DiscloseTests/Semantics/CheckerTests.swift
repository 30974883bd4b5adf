import Disclose
import Foundation
import Testing

/// Checker behaviour that golden files do not show well: counts, limits, layering over time.
@Suite struct CheckerTests {
    static let catalogue = """
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

        issue UNDERAGE-WORKERS
          title en "Workers under the legal minimum working age"
          category child-labour
          raised when any of CHL-LAB-01, CHL-LAB-02 is non-compliant

        """

    static func check(_ files: [String: String], entry: String = "/p/countries/XX.disclose") -> CheckResult {
        Checker.check(entry: entry, root: "/p", access: MemoryFileAccess(files), displayBase: "/p")
    }

    /// Rules held in memory (a database's, an editor's) are checked without the disk: with no
    /// root given, the root is the folder above that holds `rules/` among the files given. (The
    /// disk was asked, so a country file including `../rules/` got a false E502.)
    @Test func rulesHeldInMemoryFindTheirRootWithoutTheDisk() {
        let base = "/held-in-memory-\(UUID().uuidString)"
        #expect(!FileManager.default.fileExists(atPath: base))
        let files = [
            "\(base)/rules/catalogue.disclose": Self.catalogue,
            "\(base)/countries/XX.disclose": "include \"../rules/catalogue.disclose\"\n",
        ]
        let result = Checker.check(entry: "\(base)/countries/XX.disclose", access: MemoryFileAccess(files), displayBase: base)
        #expect(result.diagnostics.map(\.code) == [])
        #expect(MemoryFileAccess(files).isFolder(base + "/rules"))
        #expect(!MemoryFileAccess(files).isFolder(base + "/rul"))
    }

    /// Rules held in memory at the top of the file names (`/rules/…`, `/countries/…`, as a
    /// database or the C library names them) have `/` as their root: no false E502.
    @Test func rulesHeldInMemoryAtTheTopHaveTheRootAsTheirFolder() {
        let files = [
            "/rules/catalogue.disclose": Self.catalogue,
            "/countries/XX.disclose": "include \"../rules/catalogue.disclose\"\n",
        ]
        let result = Checker.check(entry: "/countries/XX.disclose", access: MemoryFileAccess(files), displayBase: "/")
        #expect(result.diagnostics.map(\.code) == [])
    }

    @Test func tenIndependentMistakesGiveTenDiagnostics() {
        let text = Self.catalogue + """
            issue A
              titel en "a"
              category wages
              raised when CHL-LAB-01 is non-compliant

            issue B
              title en "b"
              category wage
              raised when CHL-LAB-01 is non-compliant

            issue C
              title en "c"
              category wages
              raised when CHL-LAB-1 is non-compliant

            issue D
              title en "d"
              category wages
              raised when CHL-LAB-01 is above 3 years

            issue E
              title en "e"
              category wages
              raised when CHL-LAB-02 is above 3 hours

            issue F
              title en "f"
              category wages
              raised when CHL-LAB-01 is non-compliant or CHL-LAB-02 is compliant and CHL-LAB-01 is yes

            issue G
              title kh "g"
              category wages
              raised when CHL-LAB-01 is non-compliant

            issue H
              title en "h"
              category wages
              raised when CHL-LAB-01 is non-compliant
              from 2020-01-01
              until 2019-01-01

            issue UNDERAGE-WORKERS
              title en "again"
              category wages
              raised when CHL-LAB-01 is non-compliant

            issue I
              title en "i"
              category wages
              raised when CHL-LAB-02 is below not-a-parameter

            """
        let result = Self.check(["/p/rules/all.disclose": text], entry: "/p/rules/all.disclose")
        #expect(result.diagnostics.map(\.code.code) == ["E202", "E303", "E301", "E401", "E402", "E205", "E301", "E506", "E302", "E301"],
                "\(DiagnosticRenderer().render(result.diagnostics))")
        #expect(result.ruleBook == nil)
    }

    @Test func oversizedFileIsRefused() {
        var access = MemoryFileAccess([:])
        access.files["/p/rules/big.disclose"] = [UInt8](repeating: UInt8(ascii: " "), count: 64 << 20 + 1)
        let result = Checker.check(entry: "/p/rules/big.disclose", root: "/p", access: access, displayBase: "/p")
        #expect(result.diagnostics.map(\.code) == [.fileTooLarge])
    }

    @Test func tooManyIncludedFilesIsALimitNotACrash() {
        var files: [String: String] = [:]
        for index in 0..<1005 { files["/p/rules/f\(index).disclose"] = "include \"f\(index + 1).disclose\"\n" }
        files["/p/rules/f1005.disclose"] = "cluster X\n  title en \"x\"\n"
        let result = Self.check(files, entry: "/p/rules/f0.disclose")
        #expect(result.diagnostics.map(\.code) == [.tooManyFiles])
    }

    static let country = """
        country XX
          title en "Testland"
          languages en
          status draft

        include "../rules/base.disclose"
        include "XX-decisions.disclose"

        """
    static let decisions = "decision XX-1\n  status proposed\n  on 2019-01-01\n"

    @Test func datedChangeAndWithdrawalSplitTheTimeline() throws {
        let text = Self.country + """
            change issue UNDERAGE-WORKERS
              title en "Workers under 16"
              reason "national law"
              decided by XX-1
              from 2018-01-01
              until 2019-12-31

            withdraw issue UNDERAGE-WORKERS
              reason "reported nationally"
              decided by XX-1
              from 2022-01-01

            change parameter minimum-working-age
              value 16 years
              reason "national law"
              decided by XX-1
              from 2018-01-01

            """
        let result = Self.check(["/p/rules/base.disclose": Self.catalogue, "/p/countries/XX.disclose": text, "/p/countries/XX-decisions.disclose": Self.decisions])
        let book = try #require(result.ruleBook, "\(DiagnosticRenderer().render(result.diagnostics))")
        #expect(book.publicIssues(on: Day(iso: "2017-12-31")!).map { $0.titles["en"] } == ["Workers under the legal minimum working age"])
        #expect(book.publicIssues(on: Day(iso: "2018-01-01")!).map { $0.titles["en"] } == ["Workers under 16"])
        #expect(book.publicIssues(on: Day(iso: "2019-12-31")!).first?.changes.first?.decision == "XX-1")
        #expect(book.publicIssues(on: Day(iso: "2020-01-01")!).map { $0.titles["en"] } == ["Workers under the legal minimum working age"])
        #expect(book.publicIssues(on: Day(iso: "2022-01-01")!).isEmpty)
        #expect(book.parameter("minimum-working-age", on: Day(iso: "2017-06-01")!) == .quantity(15, unit: "years"))
        #expect(book.parameter("minimum-working-age", on: Day(iso: "2018-06-01")!) == .quantity(16, unit: "years"))
    }

    @Test func changingWhatIsNotInheritedIsAnError() {
        let text = Self.country + """
            withdraw issue UNDERAGE-WORKER
              reason "typo"
              decided by XX-1

            issue OWN
              title en "Own"
              category wages
              raised when CHL-LAB-01 is non-compliant
              decided by XX-1

            change issue OWN
              title en "Own, renamed"
              reason "edit"
              decided by XX-1

            """
        let result = Self.check(["/p/rules/base.disclose": Self.catalogue, "/p/countries/XX.disclose": text, "/p/countries/XX-decisions.disclose": Self.decisions])
        let codes = result.diagnostics.filter { $0.severity == .error }.map(\.code)
        #expect(codes == [.nothingToChange, .nothingToChange])
        #expect(result.diagnostics.first { $0.code == .nothingToChange }?.help == "did you mean `UNDERAGE-WORKERS`?")
    }

    @Test func examplesResolveAgainstTheirRules() throws {
        let text = Self.catalogue + """
            example "fourteen"
              on 2024-01-01
              given CHL-LAB-02 14 years
              expect UNDERAGE-WORKERS

            """
        let result = Self.check(["/p/rules/base.disclose": text], entry: "/p/rules/base.disclose")
        let book = try #require(result.ruleBook)
        #expect(book.examples.count == 1)
        #expect(book.examples[0].expected == ["UNDERAGE-WORKERS"])
    }
}
