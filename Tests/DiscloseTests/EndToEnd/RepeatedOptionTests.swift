import Foundation
import Testing

/// An option given twice is a usage error that names it, whichever command and spelling; it used
/// to be taken once and the second left over as an "unknown option".
@Suite struct RepeatedOptionTests {
    /// The option given twice, and the command line.
    static let cases: [(String, [String])] = [
        ("--as-of", ["publish", "--data", "examples/sample", "--as-of", "2024-06-01", "--as-of", "2024-07-01"]),
        ("--as-of", ["publish", "--data", "examples/sample", "--as-of=2024-06-01", "--as-of", "2024-07-01"]),
        ("--data", ["publish", "--data", "examples/sample", "--data", "examples/sample"]),
        ("--as-of", ["explain", "KH-001", "--data", "examples/sample", "--as-of", "2024-06-01", "--as-of=2024-06-01"]),
        ("--as-of", ["show", "KH", "--as-of", "2024-06-01", "--as-of", "2024-06-01"]),
        ("--format", ["check", "--format", "json", "--format", "text"]),
    ]

    @Test(arguments: cases)
    func optionGivenTwiceIsAUsageErrorNamingIt(_ option: String, _ arguments: [String]) throws {
        let run = try CommandLineTests.run(arguments)
        #expect(run.status == 64)
        #expect(run.stderr.contains("`\(option)` is given twice; give it once"), "\(run.stderr)")
        #expect(!run.stderr.contains("unknown option"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }
}
