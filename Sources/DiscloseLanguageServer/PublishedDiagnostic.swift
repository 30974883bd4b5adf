import Disclose

/// A checker diagnostic in the protocol's form, and the diagnostic itself, for its quick fix.
struct PublishedDiagnostic {
    /// The protocol's `Diagnostic` object.
    var json: JSONValue
    /// The checker's diagnostic, as found in the text it checked.
    var diagnostic: Diagnostic
    /// Where it is, in the file it is in.
    var span: Span

    init(_ diagnostic: Diagnostic, workspace: Workspace, root: String) {
        let range = diagnostic.range!
        let lines = LineIndex(range.file)
        span = range.span
        self.diagnostic = diagnostic
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
    }
}
