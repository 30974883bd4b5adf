import Foundation

/// Text written for people (titles, wordings, reasons, legal references, sources, screened
/// words) as it should be stored: Unicode NFC, plain spaces, no soft hyphens, nothing around it.
///
/// Text pasted from a word processor or a web page often carries what the eye cannot see: a
/// decomposed accent (`e` and a combining acute instead of `é`), a non-breaking space, a soft
/// hyphen, a space at the end. Two titles that look the same then differ in bytes, in the
/// public files and in every comparison. Prose is stored in NFC; the rest is reported (W110)
/// and `disclose fmt` removes it. Choices, patterns and paths are left exactly as written:
/// they are matched against data, regular expressions or file names.
package enum ProseText {
    /// Non-breaking spaces, written as plain spaces.
    static let nonBreakingSpaces: Set<Unicode.Scalar> = ["\u{00A0}", "\u{202F}"]
    static let softHyphen: Unicode.Scalar = "\u{00AD}"

    /// The text in NFC.
    static func nfc(_ text: String) -> String {
        // ASCII is always NFC: most texts skip the conversion.
        text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping
    }

    /// The text as `disclose fmt` writes it: plain spaces, no soft hyphens, in NFC, trimmed.
    package static func normalised(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where scalar != softHyphen {
            scalars.append(nonBreakingSpaces.contains(scalar) ? " " : scalar)
        }
        return nfc(String(scalars)).trimmingCharacters(in: .whitespaces)
    }

    /// What differs from the normalised form, in words; empty when nothing does.
    static func problems(_ text: String, softHyphensReported: Bool = false) -> [String] {
        var found: [String] = []
        if !nfc(text).unicodeScalars.elementsEqual(text.unicodeScalars) { found.append("not in Unicode NFC (a letter and its accent stored apart)") }
        if text.unicodeScalars.contains(where: nonBreakingSpaces.contains) { found.append("a non-breaking space") }
        if !softHyphensReported, text.unicodeScalars.contains(softHyphen) { found.append("a soft hyphen") }
        if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
            first.properties.isWhitespace || last.properties.isWhitespace
        {
            found.append("spaces at the start or end")
        }
        return found
    }
}
