// Fuzz target 4: moderation with country-supplied patterns and responses.
//
// Input layout: the patterns, one a line (at most four), then the byte 0x1E, then a factory
// response. The patterns are written, as a country would write them, into a `moderation` rule
// of an in-memory country file (with its words, name cues and PAC decision) and checked; when
// the file checks cleanly (a pattern that cannot be read is E404, one that could backtrack
// exponentially E405, a back-reference E406), the response is screened with the country's
// rule book, as publishing does.
//
// Beyond "no crash, no hang, no sanitizer report" (a pattern that passes the checker and still
// backtracks must be stopped by the moderator's work allowance, well inside libFuzzer's
// timeout), each screened run checks:
// - screening reads the folded text: the response with a zero-width space after every third
//   character, and the response in fullwidth letters and digits, get exactly the same reasons;
// - a response holding an abusive word of the rule is held for it, whatever the patterns;
// - the reasons are the same when the response is screened again (the work bound counts
//   steps, not time).

@testable import Disclose
import Foundation

let decisions = "decision FZ-PAC-2020-01\n  status adopted\n  on 2020-01-01\n"
let countryHead = """
    country FZ
      title en "Fuzzland"
      title km "ហ្វាស"
      languages en, km
      status decided
      decided by FZ-PAC-2020-01

    include "FZ-decisions.disclose"


    """

/// A pattern as it is written between quotes in a rule file.
func quoted(_ pattern: String) -> String {
    "\"" + pattern.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}

/// Every third character followed by a zero-width space.
func interleavedWithZeroWidthSpaces(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    for (index, scalar) in text.unicodeScalars.enumerated() {
        result.append(scalar)
        if index % 3 == 2 { result.append("\u{200B}") }
    }
    return String(result)
}

/// Printable ASCII (not the space) as its fullwidth form.
func fullwidth(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        if scalar.value >= 0x21 && scalar.value <= 0x7E, let wide = Unicode.Scalar(scalar.value - 0x21 + 0xFF01) {
            result.append(wide)
        } else {
            result.append(scalar)
        }
    }
    return String(result)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let parts = bytes.split(separator: 0x1E, maxSplits: 1, omittingEmptySubsequences: false)
    let patterns = String(decoding: parts[0], as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true).prefix(4)
    let response = parts.count > 1 ? String(decoding: parts[1], as: UTF8.self) : ""
    var rule = "moderation FZ-SCREEN\n  title en \"Screen\"\n  words en \"idiot\", \"go back\"\n  words km \"ឆ្កួត\"\n"
        + "  name-cues en \"mr\", \"contact\"\n  name-cues km \"លោក\"\n"
    for pattern in patterns { rule += "  pattern \(quoted(String(pattern)))\n" }
    rule += "  decided by FZ-PAC-2020-01\n"
    let result = Checker.check(entry: "/p/countries/FZ.disclose", root: "/p",
                               access: MemoryFileAccess(["/p/countries/FZ.disclose": countryHead + rule, "/p/countries/FZ-decisions.disclose": decisions]),
                               displayBase: "/p")
    checkDiagnostics(result.diagnostics, thorough: isThorough(data, size))
    guard let book = result.ruleBook else { return 0 }
    for pattern in book.moderation.flatMap(\.patterns) {
        fuzzRequire(PatternHazard.first(in: pattern) == nil, "a pattern the checker should refuse reached the rule book: \(pattern)")
    }
    let moderator = Moderator(book: book)
    let reasons = moderator.reasons(for: response)
    fuzzRequire(moderator.reasons(for: response) == reasons, "screening the same response twice gave different reasons")
    guard response.unicodeScalars.count * 4 / 3 + 1 <= Moderator.maximumScreenedLength else { return 0 }
    let hidden = moderator.reasons(for: interleavedWithZeroWidthSpaces(response))
    fuzzRequire(hidden == reasons, "zero-width spaces changed the reasons: \(reasons) became \(hidden)")
    let wide = moderator.reasons(for: fullwidth(response))
    fuzzRequire(wide == reasons, "fullwidth forms changed the reasons: \(reasons) became \(wide)")
    let abusive = moderator.reasons(for: response + " idiot")
    fuzzRequire(abusive.contains("Screen"), "an abusive word was not flagged: \(abusive)")
    return 0
}
