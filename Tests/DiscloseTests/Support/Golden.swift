import Foundation
import Testing

/// Golden files: expected outputs kept beside the tests, rewritten with `BLESS=1 swift test`.
enum Golden {
    /// The package's root folder, found from this source file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The folder of golden files.
    static let folder = packageRoot.appendingPathComponent("Tests/DiscloseTests/Golden")

    /// True when the expected files should be rewritten from the actual output.
    static var isBlessing: Bool { ProcessInfo.processInfo.environment["BLESS"] == "1" }

    /// Compares `actual` with the file at `url`, or rewrites the file when blessing.
    static func check(_ actual: String, against url: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        if isBlessing {
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(url.lastPathComponent); run `BLESS=1 swift test` to create it", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record("\(url.lastPathComponent) differs from the output (run `BLESS=1 swift test` if the change is intended):\n\(lineDiff(expected, actual))",
                         sourceLocation: sourceLocation)
        }
    }

    /// A short line diff: the first differing lines, marked `-` expected and `+` actual.
    static func lineDiff(_ expected: String, _ actual: String) -> String {
        let left = expected.components(separatedBy: "\n")
        let right = actual.components(separatedBy: "\n")
        var output: [String] = []
        for index in 0..<max(left.count, right.count) where output.count < 20 {
            let a = index < left.count ? left[index] : "<end>"
            let b = index < right.count ? right[index] : "<end>"
            if a != b { output += ["line \(index + 1):", "- \(a)", "+ \(b)"] }
        }
        return output.joined(separator: "\n")
    }

    /// The names of the entries of a golden subfolder, sorted.
    static func entries(in subfolder: String) -> [String] {
        let url = folder.appendingPathComponent(subfolder)
        return ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
    }
}
