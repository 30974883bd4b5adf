import Disclose

/// A checker diagnostic in the protocol's form, with the edit that fixes it when it has one.
struct PublishedDiagnostic {
    /// The protocol's `Diagnostic` object.
    var json: JSONValue
    /// The replacement that fixes it, if the diagnostic names one.
    var fix: Fix?
    /// Where it is, in the file it is in.
    var span: Span

    /// A replacement of the bytes of `span` with `text`.
    struct Fix {
        var title: String
        var span: Span
        var text: String
    }

    init(_ diagnostic: Diagnostic, workspace: Workspace, root: String) {
        let range = diagnostic.range!
        let lines = LineIndex(range.file)
        span = range.span
        // The headline, the label under the caret, notes and help: what `disclose check` prints
        // around the quoted line, in the same words.
        var message = diagnostic.message
        if let label = diagnostic.label, !label.isEmpty { message += "\n" + label }
        for note in diagnostic.notes { message += "\nnote: " + note }
        if let help = diagnostic.help { message += "\nhelp: " + help }
        var members: [(String, JSONValue)] = [
            ("range", lines.range(of: range.span)),
            ("severity", .int(diagnostic.severity == .error ? 1 : 2)),
            ("code", .string(diagnostic.code.code)),
            ("source", .string("disclose")),
            ("message", .string(message)),
        ]
        let related = diagnostic.secondary.map { label -> JSONValue in
            let path = label.range.file.path.hasPrefix("/") ? label.range.file.path : root + "/" + label.range.file.path
            return .object([
                ("location", .object([("uri", .string(workspace.uri(of: path))), ("range", LineIndex(label.range.file).range(of: label.range.span))])),
                ("message", .string(label.message)),
            ])
        }
        if !related.isEmpty { members.append(("relatedInformation", .array(related))) }
        json = .object(members)
        fix = PublishedDiagnostic.fix(for: diagnostic, in: range)
    }

    /// The fix a diagnostic carries: the one replacement of a "did you mean" help, or
    /// straight quotes for text written in curly ones.
    ///
    /// Diagnostics are plain data with their fix in words (`help: did you mean `X`?`), the
    /// one helper `Suggestion` writing it; the replacement is the word in backticks, put in
    /// place of the word the diagnostic points at.
    static func fix(for diagnostic: Diagnostic, in range: SourceRange) -> Fix? {
        let written = range.file.text(range.span)
        if let help = diagnostic.help, let start = help.range(of: "did you mean `") {
            let rest = help[start.upperBound...]
            guard let end = rest.firstIndex(of: "`") else { return nil }
            let replacement = String(rest[..<end])
            guard !replacement.isEmpty, replacement != written, !written.isEmpty,
                !written.contains(where: { $0 == " " || $0 == "\n" || $0 == "\"" })
            else { return nil }
            return Fix(title: "replace `\(written)` with `\(replacement)`", span: range.span, text: replacement)
        }
        let opening: Set<Character> = ["\u{201C}", "\u{201E}", "\u{00AB}", "\u{201D}"]
        let closing: Set<Character> = ["\u{201D}", "\u{00BB}", "\u{201C}"]
        if diagnostic.code == .unexpectedCharacter, let first = written.first, opening.contains(first) {
            var inner = String(written.dropFirst())
            if let last = inner.last, closing.contains(last) { inner.removeLast() }
            guard !inner.contains("\"") else { return nil }
            return Fix(title: "use straight quotes", span: range.span, text: "\"" + inner + "\"")
        }
        return nil
    }
}
