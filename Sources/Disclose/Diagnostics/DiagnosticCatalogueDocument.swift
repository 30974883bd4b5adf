/// The catalogue of diagnostic codes as a Markdown page, `docs/diagnostics.md`.
///
/// Generated from `DiagnosticCode`, so the page and `disclose help` can never disagree;
/// a test regenerates it with `BLESS=1` and fails when it is stale.
package enum DiagnosticCatalogueDocument {
    /// The page's text.
    package static func markdown() -> String {
        var lines = [
            "# Diagnostic codes",
            "",
            "Every message `disclose` gives about a rule file has one of these codes. The first digit is the",
            "phase that finds it: 1 reading the file, 2 its structure, 3 names and clauses, 4 types and",
            "languages, 5 files, layers and dates, 6 content warnings. `E` codes are errors (the rules",
            "cannot be used until they are fixed); `W` codes are warnings. `disclose help CODE` prints the",
            "same explanation in a terminal.",
            "",
            "This page is generated from `Sources/Disclose/Diagnostics/DiagnosticCode.swift`;",
            "`BLESS=1 swift test` rewrites it.",
            "",
            "| code | severity | problem |",
            "|---|---|---|",
        ]
        for code in DiagnosticCode.allCases {
            lines.append("| [\(code.code)](#\(code.code.lowercased())) | \(code.severity.rawValue) | \(code.summary) |")
        }
        for code in DiagnosticCode.allCases {
            lines += ["", "## \(code.code)", "", "**\(code.severity.rawValue): \(code.summary)**", "", code.explanation]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
