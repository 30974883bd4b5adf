import Disclose
import Foundation

// The C interface of the library, for tools not written in Swift (include/disclose.h is its
// contract). Every function takes and returns UTF-8 JSON as C strings; every string returned
// is allocated with malloc and is the caller's to free with `disclose_free`. No input can
// crash a call: NULL, bytes that are not UTF-8, JSON that is not the expected shape, unknown
// countries, questions and handles each come back as {"error": {"code": …, "message": …}}.
// The functions are safe to call from any thread.

/// The version of the library, and of this interface's contract (`abi`: raised when a
/// function's signature or a JSON shape changes incompatibly).
let version = DiscloseLibrary.version
let abiVersion = 1

/// `{"abi": 1, "version": "0.18.0"}`: the library's version (`DiscloseLibrary.version`).
@_cdecl("disclose_version")
public func discloseVersion() -> UnsafeMutablePointer<CChar>? {
    returned(.object([("abi", .int(abiVersion)), ("version", .string(version))]))
}

/// Checks the rule book a request names; the diagnostics as `disclose check --format json`
/// gives them, and as it prints them.
@_cdecl("disclose_check_rules")
public func discloseCheckRules(_ request: UnsafePointer<CChar>?) -> UnsafeMutablePointer<CChar>? {
    answering { () throws(CallError) -> JSONValue in
        let object = try RequestObject(request, argument: "request", example: RuleSource.example)
        try object.allowOnly(["country", "entry", "files", "folder"])
        let rules = try RuleSource(object)
        let result = rules.check(try rules.entry(object))
        let errors = result.diagnostics.count { $0.severity == .error }
        return .object([
            ("diagnostics", DiagnosticExport.json(result.diagnostics)),
            ("errors", .int(errors)),
            ("ok", .bool(errors == 0)),
            ("rendered", .string(DiagnosticRenderer().render(result.diagnostics))),
            ("warnings", .int(result.diagnostics.count - errors)),
        ])
    }
}

/// Checks a country's rules and prepares them for evaluating assessments: a handle (from 1),
/// or 0 with the error in `*error` when `error` is not NULL.
@_cdecl("disclose_prepare")
public func disclosePrepare(_ request: UnsafePointer<CChar>?, _ errorOut: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> UInt64 {
    errorOut?.pointee = nil
    do throws(CallError) {
        let object = try RequestObject(request, argument: "request", example: RuleSource.example)
        try object.allowOnly(["asOf", "country", "entry", "files", "folder", "preview"])
        let rules = try RuleSource(object)
        let entry = try rules.entry(object)
        let asOf = try object.day("asOf") ?? .today
        let preview = try object.bool("preview") ?? false
        let result = rules.check(entry)
        guard let book = preview ? result.ruleBook : result.publicRuleBook else {
            let errors = result.diagnostics.count { $0.severity == .error }
            throw CallError(.rulesHaveErrors, "the rules have \(errors) error\(errors == 1 ? "" : "s"): correct them (see diagnostics), then prepare again",
                            diagnostics: result.diagnostics)
        }
        return Evaluators.shared.add(PreparedEvaluator(book: book, asOf: asOf))
    } catch {
        errorOut?.pointee = returned(error.json)
        return 0
    }
}

/// Evaluates one assessment with a prepared evaluator: the outcome, as `disclose evaluate`
/// writes it for a line, or an error.
@_cdecl("disclose_evaluate")
public func discloseEvaluate(_ handle: UInt64, _ assessment: UnsafePointer<CChar>?) -> UnsafeMutablePointer<CChar>? {
    guard let evaluator = Evaluators.shared.evaluator(handle) else {
        return returned(CallError(.unknownHandle, "no prepared rules have handle \(handle): it was released, or never given by disclose_prepare; prepare the rules again").json)
    }
    let example = #"{"id": "KH-A", "date": "2024-05-14", "answers": {"OSH-EMR-02": "no"}}"#
    guard let assessment else {
        return returned(CallError(.nullArgument, "the assessment is NULL: pass a JSON object as a UTF-8 C string, such as \(example)").json)
    }
    guard let text = String(validatingCString: assessment) else {
        return returned(CallError(.invalidUTF8, "the assessment is not UTF-8: encode the JSON text as UTF-8").json)
    }
    return copied(Array(EvaluationReply.answering(Data(text.utf8), with: evaluator).json))
}

/// Publishes data given as values: the public finding set and the internal report, as
/// `disclose publish` writes them, with the diagnostics.
@_cdecl("disclose_publish")
public func disclosePublish(_ request: UnsafePointer<CChar>?) -> UnsafeMutablePointer<CChar>? {
    answering { () throws(CallError) -> JSONValue in
        let object = try RequestObject(request, argument: "request", example: #"{"folder": "/path/to/disclose", "asOf": "2025-06-30", "factories": […], "assessments": […], "answers": {…}}"#)
        let request = try PublishRequest(object)
        var publisher = Publisher(project: request.rules.project, asOf: request.asOf)
        publisher.rules = request.rules.access
        publisher.displayBase = request.rules.project
        publisher.preview = request.preview
        let result = publisher.publish(request.input)
        guard let publication = result.publication else {
            let errors = result.diagnostics.count { $0.severity == .error }
            throw CallError(.notPublished, "nothing was published: \(errors) error\(errors == 1 ? "" : "s") in the rules or the data; correct them (see diagnostics) and publish again",
                            diagnostics: result.diagnostics)
        }
        return .object([
            ("diagnostics", DiagnosticExport.json(result.diagnostics)),
            ("internal", PublicationExport.internalJSON(publication)),
            ("public", PublicationExport.publicJSON(publication)),
        ])
    }
}

/// Lets go of prepared rules: 1 when the handle was held, 0 when it was not (released
/// already, or never given); the handle is never given again.
@_cdecl("disclose_release")
public func discloseRelease(_ handle: UInt64) -> Int32 {
    Evaluators.shared.remove(handle) ? 1 : 0
}

/// Frees a string a disclose function returned; NULL is ignored.
@_cdecl("disclose_free")
public func discloseFree(_ string: UnsafeMutablePointer<CChar>?) {
    free(string)
}

/// The result of `body`, or its error, as a string for the caller.
private func answering(_ body: () throws(CallError) -> JSONValue) -> UnsafeMutablePointer<CChar>? {
    do throws(CallError) {
        return returned(try body())
    } catch {
        return returned(error.json)
    }
}

/// `value` as compact JSON in a string for the caller.
private func returned(_ value: JSONValue) -> UnsafeMutablePointer<CChar>? {
    copied(value.serializedBytes(pretty: false))
}

/// `bytes` in a new NUL-terminated string from malloc; nil only if there is no memory. JSON
/// escapes NUL, so the string holds all of the text.
private func copied(_ bytes: [UInt8]) -> UnsafeMutablePointer<CChar>? {
    guard let memory = malloc(bytes.count + 1)?.assumingMemoryBound(to: UInt8.self) else { return nil }
    bytes.withUnsafeBufferPointer { memory.initialize(from: $0.baseAddress!, count: bytes.count) }
    memory[bytes.count] = 0
    return UnsafeMutableRawPointer(memory).assumingMemoryBound(to: CChar.self)
}
