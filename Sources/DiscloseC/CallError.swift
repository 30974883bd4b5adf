import Disclose

/// What went wrong in a call, returned to the C caller as a JSON value instead of a result:
///
///     {"error": {"code": "unknown-country", "message": "no rules for country `KX` …"}}
///
/// with `diagnostics` beside `error` when rules or data had problems. The codes are part of
/// the library's contract (include/disclose.h lists them); the messages may be reworded.
struct CallError: Error {
    /// Why the call failed.
    enum Code: String {
        /// A string argument is NULL.
        case nullArgument = "null-argument"
        /// A string argument is not UTF-8.
        case invalidUTF8 = "invalid-utf8"
        case invalidJSON = "invalid-json"
        case notAnObject = "not-an-object"
        /// A field is missing or of the wrong type.
        case invalidField = "invalid-field"
        case unknownField = "unknown-field"
        case unknownQuestion = "unknown-question"
        /// The request names no country the rules have.
        case unknownCountry = "unknown-country"
        /// The request's entry file is not among the rule files.
        case unknownFile = "unknown-file"
        /// The rules do not check: `diagnostics` says where and why.
        case rulesHaveErrors = "rules-have-errors"
        /// The data given to `disclose_publish` has errors: nothing is published.
        case notPublished = "not-published"
        /// The handle was never given by `disclose_prepare`, or has been released.
        case unknownHandle = "unknown-handle"
    }

    var code: Code
    var message: String
    /// The diagnostics behind the error, as `disclose check --format json` writes them.
    var diagnostics: [Diagnostic]? = nil

    init(_ code: Code, _ message: String, diagnostics: [Diagnostic]? = nil) {
        self.code = code
        self.message = message
        self.diagnostics = diagnostics
    }

    /// A request's problem as the C library reports it: the same code and message as
    /// `disclose evaluate` gives the line.
    init(_ problem: EvaluationRequest.Problem) {
        let code: Code = switch problem.code {
        case .invalidUTF8: .invalidUTF8
        case .invalidJSON: .invalidJSON
        case .notAnObject: .notAnObject
        case .invalidField: .invalidField
        case .unknownField: .unknownField
        case .unknownQuestion: .unknownQuestion
        }
        self.init(code, problem.message)
    }

    /// The error as a JSON value.
    var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("error", .object([("code", .string(code.rawValue)), ("message", .string(message))])),
        ]
        if let diagnostics {
            members.append(("diagnostics", DiagnosticExport.json(diagnostics)))
            members.append(("rendered", .string(DiagnosticRenderer().render(diagnostics))))
        }
        return .object(members)
    }
}
