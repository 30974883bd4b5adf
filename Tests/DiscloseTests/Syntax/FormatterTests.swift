import Disclose
import Foundation
import Testing

/// The canonical layout: golden inputs and outputs, idempotence, and the shipped files.
@Suite struct FormatterTests {
    static let folder = Golden.folder.appendingPathComponent("format")
    static var cases: [String] { Golden.entries(in: "format").filter { $0.hasSuffix(".input.disclose") } }

    static func format(_ text: String, path: String = "t.disclose") -> String? {
        RuleFormatter.format(Parser.parse(SourceFile(path: path, text: text)))
    }

    @Test(arguments: cases)
    func formatsToGolden(_ name: String) throws {
        let input = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        let formatted = try #require(Self.format(input))
        Golden.check(formatted, against: Self.folder.appendingPathComponent(name.replacingOccurrences(of: ".input.", with: ".output.")))
        #expect(Self.format(formatted) == formatted, "formatting is not idempotent for \(name)")
    }

    static var shippedFiles: [String] {
        let root = Golden.packageRoot.path
        return RuleFiles.collect([root + "/rules", root + "/countries"]).files
    }

    @Test(arguments: shippedFiles)
    func shippedFileIsFormattedAndStable(_ path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let formatted = try #require(Self.format(text, path: path), "\(path) has syntax errors")
        #expect(formatted == text, "\(path) is not in the canonical layout; run `disclose fmt`")
        #expect(Self.format(formatted) == formatted)
    }

    @Test func refusesFilesWithSyntaxErrors() {
        #expect(Self.format("issue X\n  titel en \"t\"\n") == nil)
    }

    @Test func formattingKeepsEveryCommentAndMeaning() throws {
        let input = "# head\n\n## doc\nissue   X # trailing\n  # inner\n  title en   \"t\"\n  raised when not (A is yes or B is no)\n  category wages\n# tail\n"
        let output = try #require(Self.format(input))
        for comment in ["# head", "## doc", "# trailing", "# inner", "# tail"] { #expect(output.contains(comment)) }
        #expect(output.contains("  raised when not (A is yes or B is no)"))
        #expect(Self.format(output) == output)
    }
}
