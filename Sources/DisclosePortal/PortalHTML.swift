import Disclose

/// HTML for the portal: one escaping function, and a string type that escapes by default.
///
/// Every text that comes from data or rules (factory names, responses, titles, ids, dates)
/// reaches a page through `PortalHTML.escape`, in element content and attribute values
/// alike: `PortalMarkup` interpolation escapes every `String`, and only other
/// `PortalMarkup` values, built from literals in this code, go in unescaped.
package enum PortalHTML {
    /// Escapes `& < > " '` for element content and quoted attribute values; control
    /// characters HTML does not allow (NUL, other C0 but tab and line breaks, DEL, C1)
    /// become U+FFFD.
    package static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    out.unicodeScalars.append("\u{FFFD}")
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// The longest file-name part, in bytes: a page name holds up to three parts (country,
    /// language, id) and must stay under the 255 bytes most file systems allow.
    static let maximumFileNamePart = 64

    /// A file-name part for an id from data: letters, digits and `-` stay, every other
    /// byte of the UTF-8 (`_` included) becomes `_XX`, so that different ids give different
    /// names and no id can name a path outside the site (`../`, `/`, a leading dot).
    ///
    /// A part longer than `maximumFileNamePart` bytes (300 ASCII letters, or 33 Khmer
    /// characters at 9 bytes each once encoded) is cut to a readable prefix followed by `~`
    /// and 16 hex digits of the SHA-256 of the whole id. `~` never occurs in an uncut part, so
    /// a cut name cannot equal an uncut one, and two long ids with the same prefix differ in
    /// their hash. The page itself still shows the whole id.
    package static func fileNamePart(_ id: String) -> String {
        var out = ""
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF".unicodeScalars)
                out += "_"
                out.unicodeScalars.append(digits[Int(byte >> 4)])
                out.unicodeScalars.append(digits[Int(byte & 0x0F)])
            }
            // Past the limit the rest is not encoded: the name is cut anyway, and an id of
            // megabytes must not cost megabytes here.
            if out.utf8.count > maximumFileNamePart { break }
        }
        guard out.utf8.count > maximumFileNamePart else { return out.isEmpty ? "_" : out }
        var hash = SHA256()
        hash.update(Array(id.utf8))
        let suffix = "~" + hash.hexDigest().prefix(16)
        var prefix = Array(out.utf8.prefix(maximumFileNamePart - suffix.utf8.count))
        // Never end inside a `_XX` escape: the prefix stays a prefix of the uncut name.
        if let underscore = prefix.suffix(2).lastIndex(of: UInt8(ascii: "_")) { prefix.removeSubrange(underscore...) }
        return String(decoding: prefix, as: UTF8.self) + suffix
    }

    /// Languages written right to left (ISO 639-1).
    static let rightToLeft: Set<String> = ["ar", "dv", "fa", "he", "ks", "ku", "ps", "sd", "ug", "ur", "yi"]

    /// `rtl` or `ltr` for a language code.
    static func direction(_ language: String) -> String {
        rightToLeft.contains(baseLanguage(language)) ? "rtl" : "ltr"
    }

    static func baseLanguage(_ language: String) -> String {
        String(language.lowercased().split(separator: "-").first ?? "")
    }

    /// Each language's name in itself, for the language switch.
    static let endonyms: [String: String] = [
        "am": "አማርኛ", "ar": "العربية", "bn": "বাংলা", "en": "English", "es": "Español", "fa": "فارسی",
        "fr": "Français", "hi": "हिन्दी", "ht": "Kreyòl ayisyen", "id": "Bahasa Indonesia", "km": "ខ្មែរ",
        "lo": "ລາວ", "my": "မြန်မာ", "ne": "नेपाली", "pt": "Português", "si": "සිංහල", "sw": "Kiswahili",
        "ta": "தமிழ்", "th": "ไทย", "tr": "Türkçe", "ur": "اردو", "vi": "Tiếng Việt", "zh": "中文",
    ]

    /// The name of a language in itself, or its code.
    static func endonym(_ language: String) -> String {
        endonyms[baseLanguage(language)] ?? language
    }
}

/// A piece of HTML. Literal parts are markup; interpolated `String`s are escaped.
struct PortalMarkup: ExpressibleByStringInterpolation, Sendable {
    private(set) var text: String

    init(stringLiteral value: String) { text = value }
    init(stringInterpolation: Interpolation) { text = stringInterpolation.text }
    /// Markup already escaped (from another `PortalMarkup`).
    private init(raw: String) { text = raw }

    static let empty = PortalMarkup(stringLiteral: "")

    /// The pieces one after the other.
    static func join(_ parts: [PortalMarkup], separator: PortalMarkup = .empty) -> PortalMarkup {
        PortalMarkup(raw: parts.map(\.text).joined(separator: separator.text))
    }

    static func + (lhs: PortalMarkup, rhs: PortalMarkup) -> PortalMarkup { PortalMarkup(raw: lhs.text + rhs.text) }
    static func += (lhs: inout PortalMarkup, rhs: PortalMarkup) { lhs.text += rhs.text }

    /// A label template, escaped, with each `{name}` replaced by its markup.
    static func template(_ template: String, _ values: [String: PortalMarkup]) -> PortalMarkup {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += PortalHTML.escape(String(rest[..<open]))
            let name = String(rest[rest.index(after: open)..<close])
            if let value = values[name] {
                out += value.text
            } else {
                out += PortalHTML.escape(String(rest[open...close]))
            }
            rest = rest[rest.index(after: close)...]
        }
        out += PortalHTML.escape(String(rest))
        return PortalMarkup(raw: out)
    }

    struct Interpolation: StringInterpolationProtocol {
        var text = ""
        init(literalCapacity: Int, interpolationCount: Int) { text.reserveCapacity(literalCapacity + interpolationCount * 16) }
        mutating func appendLiteral(_ literal: String) { text += literal }
        mutating func appendInterpolation(_ value: String) { text += PortalHTML.escape(value) }
        mutating func appendInterpolation(_ value: PortalMarkup) { text += value.text }
        mutating func appendInterpolation(_ value: Int) { text += String(value) }
        mutating func appendInterpolation(_ values: [PortalMarkup]) { for value in values { text += value.text } }
    }
}
