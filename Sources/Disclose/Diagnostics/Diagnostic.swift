/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, Comparable {
    /// The rule files cannot be used until this is fixed.
    case error
    /// The rule files can be used, but something is probably not what was meant.
    case warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// A secondary place that a diagnostic points at, with what it says about it.
package struct DiagnosticLabel: Sendable, Hashable {
    /// Where.
    package var range: SourceRange
    /// What to say there.
    package var message: String

    /// Creates a label.
    package init(_ range: SourceRange, _ message: String) {
        self.range = range
        self.message = Diagnostic.boundingQuotes(message)
    }
}

/// One problem found in a rule or data file, as plain data.
///
/// Only the renderers know about lines, carets, colour and terminals; everything that
/// finds problems creates these and hands them on.
public struct Diagnostic: Sendable, Hashable {
    /// The stable code, with its severity and long explanation.
    package var code: DiagnosticCode
    /// The terse headline: lowercase, no final period, names in backticks.
    public var message: String
    /// The main place the problem is, if it has one.
    package var range: SourceRange?
    /// What to say under the caret at the main place.
    public var label: String?
    /// Other places that explain the problem (where something was first defined, and so on).
    package var secondary: [DiagnosticLabel]
    /// Facts that help understand the problem.
    public var notes: [String]
    /// What to do about it.
    public var help: String?

    /// Creates a diagnostic.
    package init(
        _ code: DiagnosticCode, _ message: String, at range: SourceRange?, label: String? = nil,
        secondary: [DiagnosticLabel] = [], notes: [String] = [], help: String? = nil
    ) {
        self.code = code
        self.message = Diagnostic.boundingQuotes(message)
        self.range = range
        self.label = label.map(Diagnostic.boundingQuotes)
        self.secondary = secondary
        self.notes = notes.map(Diagnostic.boundingQuotes)
        self.help = help.map(Diagnostic.boundingQuotes)
    }

    /// The most characters of one quoted name or text that a message shows.
    static let maximumQuote = 100
    /// The most characters of a whole message, note or help line.
    static let maximumText = 4000

    /// `text` with every part between backticks longer than `maximumQuote` characters cut to
    /// its first 80, an ellipsis and its full length, and the whole cut at `maximumText`.
    ///
    /// Messages quote what they are about, and that can be anything in the input: an id of
    /// 60 MiB used to be printed whole, three times, in one message (188 MB of diagnostics).
    /// Applied where a diagnostic is made and again where it is shown (notes can be added
    /// later); a bounded text passes unchanged, so the second time changes nothing.
    static func boundingQuotes(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.count > maximumQuote else { return text }
        let tick = UInt8(ascii: "`")
        var out = ""
        var scalars = 0
        var quote = String.UnicodeScalarView()
        var quoteLength = 0
        var inQuote = false
        func finishQuote(closed: Bool) {
            if quoteLength > maximumQuote {
                out.unicodeScalars.append(contentsOf: quote.prefix(maximumQuote - 20))
                out += "…" + (closed ? "`" : "") + " (\(quoteLength) characters)"
            } else {
                out.unicodeScalars.append(contentsOf: quote)
                if closed { out += "`" }
            }
            quote = String.UnicodeScalarView()
            quoteLength = 0
        }
        for scalar in text.unicodeScalars {
            if inQuote {
                if scalar.value == UInt32(tick) {
                    finishQuote(closed: true)
                    inQuote = false
                } else {
                    if quoteLength < maximumQuote { quote.append(scalar) }
                    quoteLength += 1
                }
                continue
            }
            if scalars >= maximumText { out += "…"; return out }
            out.unicodeScalars.append(scalar)
            scalars += 1
            if scalar.value == UInt32(tick) { inQuote = true }
        }
        if inQuote { finishQuote(closed: false) }
        return out
    }

    /// A run that reads data lists at most this many errors; the rest, and then every warning,
    /// are only counted (`PublishResult.unlisted`), and the summary says how many.
    static let maximumErrorsListed = 200

    /// The severity, which belongs to the code.
    public var severity: Severity { code.severity }

    /// The stable code, such as `E502`: what docs/diagnostics.md lists and `disclose help CODE`
    /// explains.
    public var codeName: String { code.code }

    /// Where the problem is, as a person counts: nil for a problem with no place (a missing file).
    public var location: DiagnosticLocation? {
        guard let range else { return nil }
        let (line, column) = range.file.location(of: range.span.start)
        return DiagnosticLocation(file: range.file.path, line: line, column: column)
    }

    /// A stable order for output: by file, then position, then code.
    package static func sortedForOutput(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted { lhs, rhs in
            let left = (lhs.range?.file.path ?? "", lhs.range?.span.start ?? -1, lhs.code.rawValue, lhs.message)
            let right = (rhs.range?.file.path ?? "", rhs.range?.span.start ?? -1, rhs.code.rawValue, rhs.message)
            return left < right
        }
    }
}

/// Where a diagnostic points: a file and the line and column where the problem starts.
public struct DiagnosticLocation: Sendable, Hashable, Codable {
    /// The file's path, as the messages show it (relative to the display base).
    public var file: String
    /// The line, from 1.
    public var line: Int
    /// The column, from 1, in characters (not bytes).
    public var column: Int
}

/// Collects diagnostics for one phase, dropping exact repeats.
struct DiagnosticSink {
    private(set) var diagnostics: [Diagnostic] = []
    private var seen: Set<Diagnostic> = []

    mutating func report(_ diagnostic: Diagnostic) {
        if seen.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
    }

    mutating func report(contentsOf others: [Diagnostic]) {
        for diagnostic in others { report(diagnostic) }
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
