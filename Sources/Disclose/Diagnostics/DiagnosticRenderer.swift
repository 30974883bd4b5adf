/// Turns diagnostics into text for people, in the style of rustc and Elm.
///
/// ```
/// error[E301]: unknown question `CHL-LAB-1`
///   --> countries/KH.disclose:12:15
///    |
/// 12 |   raised when CHL-LAB-1 is non-compliant
///    |               ^^^^^^^^^ not in the catalogue
///    |
///    = help: did you mean `CHL-LAB-01`?
/// ```
public struct DiagnosticRenderer: Sendable {
    /// Whether to use ANSI colours; the CLI decides (terminal, `NO_COLOR`).
    public var usesColor: Bool

    /// Creates a renderer.
    public init(usesColor: Bool = false) {
        self.usesColor = usesColor
    }

    /// All diagnostics, each followed by a blank line, then a one-line summary of the errors
    /// and warnings: the messages as the `disclose` command prints them.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        render(diagnostics, unlisted: UnlistedCount())
    }

    /// All diagnostics, then the summary; `unlisted` counts problems found but not in the list
    /// (a run lists at most `Diagnostic.maximumErrorsListed` errors): a line says how many, and
    /// the summary counts them.
    package func render(_ diagnostics: [Diagnostic], unlisted: UnlistedCount) -> String {
        var output = diagnostics.map { render($0) + "\n" }.joined()
        let listedErrors = diagnostics.filter { $0.severity == .error }.count
        let errors = listedErrors + unlisted.errors
        let warnings = diagnostics.count - listedErrors + unlisted.warnings
        if unlisted.errors + unlisted.warnings > 0 {
            let counts = [(unlisted.errors, "error"), (unlisted.warnings, "warning")].filter { $0.0 > 0 }.map { plural($0.0, $0.1) }
            output += paint("not shown: \(counts.joined(separator: " and ")); fix the errors above and run again", "1") + "\n\n"
        }
        if errors + warnings > 0 {
            output += paint("\(plural(errors, "error")), \(plural(warnings, "warning"))", errors > 0 ? "1;31" : "1;33") + "\n"
        }
        return output
    }

    private func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    /// One diagnostic.
    public func render(_ diagnostic: Diagnostic) -> String {
        let severityColor = diagnostic.severity == .error ? "1;31" : "1;33"
        var lines = [paint("\(diagnostic.severity.rawValue)[\(diagnostic.code.code)]", severityColor) + paint(": \(Diagnostic.boundingQuotes(diagnostic.message).safeForTerminal)", "1")]
        var gutter = 1
        if let range = diagnostic.range {
            gutter = String(range.file.location(of: range.span.start).line).count
            for label in diagnostic.secondary {
                gutter = max(gutter, String(label.range.file.location(of: label.range.span.start).line).count)
            }
        }
        let pad = String(repeating: " ", count: gutter)
        if let range = diagnostic.range {
            let (line, column) = range.file.location(of: range.span.start)
            lines.append("\(pad)\(paint("-->", "1;34")) \(range.file.path.safeForTerminal):\(line):\(column)")
            lines += snippet(range, label: diagnostic.label, gutter: gutter, primary: true)
            // Labels in the same file come right under; others get their own `:::` header.
            for label in diagnostic.secondary {
                if label.range.file != range.file {
                    let (otherLine, otherColumn) = label.range.file.location(of: label.range.span.start)
                    lines.append("\(pad)\(paint(":::", "1;34")) \(label.range.file.path.safeForTerminal):\(otherLine):\(otherColumn)")
                }
                lines += snippet(label.range, label: label.message, gutter: gutter, primary: false)
            }
        }
        if !diagnostic.notes.isEmpty || diagnostic.help != nil {
            lines.append("\(pad) \(paint("|", "1;34"))")
        }
        for note in diagnostic.notes { lines.append("\(pad) \(paint("=", "1;34")) \(paint("note", "1")): \(Diagnostic.boundingQuotes(note).safeForTerminal)") }
        if let help = diagnostic.help { lines.append("\(pad) \(paint("=", "1;34")) \(paint("help", "1;32")): \(Diagnostic.boundingQuotes(help).safeForTerminal)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The most bytes of a line decoded for a snippet, either side of the caret: a line of
    /// 60 MiB is shown as a window around the problem without decoding it whole.
    static let snippetReach = 1024

    private func snippet(_ range: SourceRange, label: String?, gutter: Int, primary: Bool) -> [String] {
        let file = range.file
        guard !file.bytes.isEmpty else { return [] }
        let (line, column) = file.location(of: range.span.start)
        let (endLine, endColumn) = file.location(of: range.span.end)
        // Only the bytes near the caret, cut at character boundaries.
        let bounds = file.lineBounds(line)
        let caretByte = min(max(range.span.start, bounds.lowerBound), bounds.upperBound)
        var from = max(bounds.lowerBound, caretByte - Self.snippetReach)
        while from > bounds.lowerBound, file.bytes[from] & 0xC0 == 0x80 { from -= 1 }
        var to = min(bounds.upperBound, caretByte + Self.snippetReach)
        while to < bounds.upperBound, file.bytes[to] & 0xC0 == 0x80 { to += 1 }
        let text = String(decoding: file.bytes[from..<to], as: UTF8.self).replacingTabs().safeForTerminal
        let localColumn = from == bounds.lowerBound ? column : file.bytes[from..<caretByte].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        let lineNumber = String(line)
        let pad = String(repeating: " ", count: gutter)
        let numberPad = String(repeating: " ", count: gutter - lineNumber.count)
        // Long lines are shown as a window around the caret, so the problem is always visible.
        var shown = text
        var caretColumn = localColumn
        let scalars = text.unicodeScalars
        let cutBefore = from > bounds.lowerBound, cutAfter = to < bounds.upperBound
        if scalars.count > 160 || cutBefore || cutAfter {
            let skip = max(0, min(localColumn - 60, scalars.count - 160))
            var window = String.UnicodeScalarView()
            window.append(contentsOf: scalars.dropFirst(skip).prefix(160))
            let dotsBefore = skip > 0 || cutBefore
            shown = (dotsBefore ? "…" : "") + String(window) + (skip + 160 < scalars.count || cutAfter ? "…" : "")
            caretColumn = localColumn - skip + (dotsBefore ? 1 : 0)
        }
        let width = endLine == line ? max(1, endColumn - column) : max(1, scalars.count - localColumn + 1)
        let marker = String(repeating: primary ? "^" : "-", count: max(1, min(width, shown.unicodeScalars.count - caretColumn + 1)))
        let underline = String(repeating: " ", count: max(0, caretColumn - 1)) + paint(marker + (label.map { " " + Diagnostic.boundingQuotes($0).safeForTerminal } ?? ""), primary ? "1;31" : "1;34")
        return [
            "\(pad) \(paint("|", "1;34"))",
            "\(paint(numberPad + lineNumber, "1;34")) \(paint("|", "1;34")) \(shown)",
            "\(pad) \(paint("|", "1;34")) \(underline)",
        ]
    }

    private func paint(_ text: String, _ code: String) -> String {
        usesColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

extension String {
    /// The text with what a terminal would obey, reorder or hide made visible, one character
    /// for one, so that carets still line up: C0 controls as their control pictures (ESC as
    /// `␛`), DEL as `␡`; C1 controls and every invisible or format character the lexer flags
    /// (W107: text-direction controls, soft hyphen, tag characters, U+2028/2029, the Hangul
    /// fillers…) as `�`. A rule file or a data field quoted in a message can then never move
    /// the cursor, erase a line, reverse the text around it or hide a message in it. The
    /// zero-width space and joiners stay: Khmer, Thai, Sinhala and Bengali text needs them,
    /// and they move nothing.
    package var safeForTerminal: String {
        guard unicodeScalars.contains(where: { String.isUnsafeForTerminal($0) }) else { return self }
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0x0A: result.append(scalar)
            case 0x00...0x1F: result.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: result.append("\u{2421}")
            default: result.append(String.isUnsafeForTerminal(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return String(result)
    }

    static func isUnsafeForTerminal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        // Printable, most of every script the programmes write in: no table lookup.
        case 0x20...0x7E, 0xA0...0xAC, 0xAE...0x5FF: false
        case 0x200B...0x200D: false
        default: Lexer.isInvisibleControl(scalar)
        }
    }

    /// Tabs shown as one space, so that carets line up with what they point at.
    func replacingTabs() -> String {
        String(map { $0 == "\t" ? " " : $0 })
    }
}

/// Diagnostics as data for machines: plain JSON, or SARIF 2.1.0 for CI systems and editors.
package enum DiagnosticExport {
    /// A JSON array, one object per diagnostic.
    package static func json(_ diagnostics: [Diagnostic]) -> JSONValue {
        .array(diagnostics.map { diagnostic in
            var members: [(String, JSONValue)] = [
                ("code", .string(diagnostic.code.code)),
                ("severity", .string(diagnostic.severity.rawValue)),
                ("message", .string(Diagnostic.boundingQuotes(diagnostic.message))),
            ]
            if let range = diagnostic.range { members.append(("location", location(range))) }
            if let label = diagnostic.label { members.append(("label", .string(Diagnostic.boundingQuotes(label)))) }
            if !diagnostic.secondary.isEmpty {
                members.append(("related", .array(diagnostic.secondary.map {
                    .object([("location", location($0.range)), ("message", .string(Diagnostic.boundingQuotes($0.message)))])
                })))
            }
            if !diagnostic.notes.isEmpty { members.append(("notes", .array(diagnostic.notes.map { .string(Diagnostic.boundingQuotes($0)) }))) }
            if let help = diagnostic.help { members.append(("help", .string(Diagnostic.boundingQuotes(help)))) }
            return .object(members)
        })
    }

    private static func location(_ range: SourceRange) -> JSONValue {
        let (line, column) = range.file.location(of: range.span.start)
        let (endLine, endColumn) = range.file.location(of: range.span.end)
        return .object([
            ("file", .string(range.file.path)), ("line", .int(line)), ("column", .int(column)),
            ("endLine", .int(endLine)), ("endColumn", .int(endColumn)),
            ("offset", .int(range.span.start)), ("length", .int(range.span.end - range.span.start)),
        ])
    }

    /// A SARIF 2.1.0 log with one run; rules list every code used, with its explanation.
    package static func sarif(_ diagnostics: [Diagnostic], toolVersion: String) -> JSONValue {
        let codes = Array(Set(diagnostics.map(\.code))).sorted { $0.rawValue < $1.rawValue }
        let rules: [JSONValue] = codes.map { code in
            .object([
                ("id", .string(code.code)),
                ("name", .string(code.summary)),
                ("shortDescription", .object([("text", .string(code.summary))])),
                ("fullDescription", .object([("text", .string(code.explanation))])),
                ("defaultConfiguration", .object([("level", .string(code.severity.rawValue))])),
            ])
        }
        let results: [JSONValue] = diagnostics.map { diagnostic in
            var text = Diagnostic.boundingQuotes(diagnostic.message)
            if let help = diagnostic.help { text += "\nhelp: " + Diagnostic.boundingQuotes(help) }
            var members: [(String, JSONValue)] = [
                ("ruleId", .string(diagnostic.code.code)),
                ("ruleIndex", .int(codes.firstIndex(of: diagnostic.code)!)),
                ("level", .string(diagnostic.severity.rawValue)),
                ("message", .object([("text", .string(text))])),
            ]
            if let range = diagnostic.range { members.append(("locations", .array([sarifLocation(range, message: diagnostic.label)]))) }
            if !diagnostic.secondary.isEmpty {
                members.append(("relatedLocations", .array(diagnostic.secondary.enumerated().map { index, label in
                    var location = sarifLocation(label.range, message: label.message)
                    if case .object(var fields) = location { fields.insert(("id", .int(index + 1)), at: 0); location = .object(fields) }
                    return location
                })))
            }
            return .object(members)
        }
        return .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object([
                    ("name", .string("disclose")),
                    ("version", .string(toolVersion)),
                    ("rules", .array(rules)),
                ]))])),
                ("results", .array(results)),
            ])])),
        ])
    }

    private static func sarifLocation(_ range: SourceRange, message: String?) -> JSONValue {
        let (line, column) = range.file.location(of: range.span.start)
        let (endLine, endColumn) = range.file.location(of: range.span.end)
        var members: [(String, JSONValue)] = [
            ("physicalLocation", .object([
                ("artifactLocation", .object([("uri", .string(range.file.path))])),
                ("region", .object([
                    ("startLine", .int(line)), ("startColumn", .int(column)),
                    ("endLine", .int(endLine)), ("endColumn", .int(max(endColumn, endLine == line ? column + 1 : endColumn))),
                ])),
            ])),
        ]
        if let message { members.append(("message", .object([("text", .string(Diagnostic.boundingQuotes(message)))]))) }
        return .object(members)
    }
}

/// How many errors and warnings a run found beyond those it lists.
package struct UnlistedCount: Sendable, Equatable {
    package var errors = 0
    package var warnings = 0

    /// Creates a count; none by default.
    package init(errors: Int = 0, warnings: Int = 0) {
        self.errors = errors
        self.warnings = warnings
    }
}
