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
public struct DiagnosticLabel: Sendable, Hashable {
    /// Where.
    public var range: SourceRange
    /// What to say there.
    public var message: String

    /// Creates a label.
    public init(_ range: SourceRange, _ message: String) {
        self.range = range
        self.message = message
    }
}

/// One problem found in a rule or data file, as plain data.
///
/// Only the renderers know about lines, carets, colour and terminals; everything that
/// finds problems creates these and hands them on.
public struct Diagnostic: Sendable, Hashable {
    /// The stable code, with its severity and long explanation.
    public var code: DiagnosticCode
    /// The terse headline: lowercase, no final period, names in backticks.
    public var message: String
    /// The main place the problem is, if it has one.
    public var range: SourceRange?
    /// What to say under the caret at the main place.
    public var label: String?
    /// Other places that explain the problem (where something was first defined, and so on).
    public var secondary: [DiagnosticLabel]
    /// Facts that help understand the problem.
    public var notes: [String]
    /// What to do about it.
    public var help: String?

    /// Creates a diagnostic.
    public init(
        _ code: DiagnosticCode, _ message: String, at range: SourceRange?, label: String? = nil,
        secondary: [DiagnosticLabel] = [], notes: [String] = [], help: String? = nil
    ) {
        self.code = code
        self.message = message
        self.range = range
        self.label = label
        self.secondary = secondary
        self.notes = notes
        self.help = help
    }

    /// A run that reads data lists at most this many errors; the rest, and then every warning,
    /// are only counted (`PublishResult.unlisted`), and the summary says how many.
    static let maximumErrorsListed = 200

    /// The severity, which belongs to the code.
    public var severity: Severity { code.severity }

    /// A stable order for output: by file, then position, then code.
    public static func sortedForOutput(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted { lhs, rhs in
            let left = (lhs.range?.file.path ?? "", lhs.range?.span.start ?? -1, lhs.code.rawValue, lhs.message)
            let right = (rhs.range?.file.path ?? "", rhs.range?.span.start ?? -1, rhs.code.rawValue, rhs.message)
            return left < right
        }
    }
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
