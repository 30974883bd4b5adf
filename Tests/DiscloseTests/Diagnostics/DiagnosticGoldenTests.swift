import Disclose
import Foundation
import Testing

/// Broken rule files with the exact diagnostics they must produce.
///
/// Each case is either a single file `NAME.disclose` with `NAME.expected` beside it, or a
/// folder `NAME/` holding `entry.disclose`, the files it includes, and `expected`. The rules
/// root of a case is its own folder, so includes cannot leave it.
@Suite struct DiagnosticGoldenTests {
    static let folder = Golden.folder.appendingPathComponent("diagnostics")

    static var cases: [String] {
        Golden.entries(in: "diagnostics").filter { $0.hasSuffix(".disclose") || !$0.contains(".") }
    }

    static func render(_ name: String) -> (text: String, codes: Set<DiagnosticCode>) {
        let url = folder.appendingPathComponent(name)
        let isFolder = !name.hasSuffix(".disclose")
        let entry = isFolder ? url.appendingPathComponent("entry.disclose") : url
        let root = isFolder ? url : folder
        let result = Checker.check(entry: entry.path, root: root.path, displayBase: folder.path)
        return (DiagnosticRenderer().render(result.diagnostics), Set(result.diagnostics.map(\.code)))
    }

    @Test(arguments: cases)
    func rendersExpectedDiagnostics(_ name: String) {
        let isFolder = !name.hasSuffix(".disclose")
        let expected = isFolder
            ? Self.folder.appendingPathComponent(name).appendingPathComponent("expected")
            : Self.folder.appendingPathComponent(String(name.dropLast(".disclose".count)) + ".expected")
        let (text, codes) = Self.render(name)
        #expect(!codes.isEmpty, "a broken-file case must produce at least one diagnostic")
        Golden.check(text, against: expected)
    }

    /// Codes that need inputs too large or too many to keep as files; their own tests cover them.
    /// Data-file codes (7xx) are covered by the publish golden tests, validation codes (8xx) by
    /// the validation golden tests.
    static let coveredElsewhere: Set<DiagnosticCode> = Set(DiagnosticCode.allCases.filter { $0.rawValue.dropFirst().hasPrefix("7") || $0.rawValue.dropFirst().hasPrefix("8") })
        .union([.fileTooLarge, .tooManyFiles])

    @Test func everyDiagnosticCodeHasAGoldenCase() {
        var seen = Self.coveredElsewhere
        for name in Self.cases { seen.formUnion(Self.render(name).codes) }
        let missing = DiagnosticCode.allCases.filter { !seen.contains($0) }.map(\.code)
        #expect(missing.isEmpty, "no golden case produces: \(missing.joined(separator: ", "))")
        #expect(Self.cases.count >= 40, "keep at least 40 broken-file cases; there are \(Self.cases.count)")
    }

    @Test func everyCodeIsDocumented() throws {
        Golden.check(DiagnosticCatalogueDocument.markdown(), against: Golden.packageRoot.appendingPathComponent("docs/diagnostics.md"))
        let docs = try String(contentsOf: Golden.packageRoot.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        for code in DiagnosticCode.allCases {
            #expect(docs.contains("## \(code.code)"), "docs/diagnostics.md does not document \(code.code)")
            #expect(!code.explanation.isEmpty)
        }
    }
}
