import Disclose
import Foundation

/// A JSON object of a request, read field by field: every mistake becomes a `CallError` that
/// names the field by its path (`assessments[2].date`) and says what it should be.
struct RequestObject {
    let fields: [String: Any]
    /// Where the object is in the request: "" for the request itself.
    let path: String

    /// The object a C string holds: NULL, bytes that are not UTF-8, text that is not JSON and
    /// JSON that is not an object are each their own error.
    init(_ pointer: UnsafePointer<CChar>?, argument: String, example: String) throws(CallError) {
        guard let pointer else {
            throw CallError(.nullArgument, "\(argument) is NULL: pass a JSON object as a UTF-8 C string, such as \(example)")
        }
        guard let text = String(validatingCString: pointer) else {
            throw CallError(.invalidUTF8, "\(argument) is not UTF-8: encode the JSON text as UTF-8")
        }
        guard let value = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) else {
            throw CallError(.invalidJSON, "\(argument) is not valid JSON: pass a JSON object, such as \(example)")
        }
        try self.init(value, path: "", example: example)
    }

    /// `value` as an object found at `path`.
    init(_ value: Any?, path: String, example: String) throws(CallError) {
        guard let fields = value as? [String: Any] else {
            throw CallError(path.isEmpty ? .notAnObject : .invalidField,
                            "\(path.isEmpty ? "the request" : "`\(path)`") is not a JSON object: write it as one, such as \(example)")
        }
        self.fields = fields
        self.path = path
    }

    /// The full path of one of the object's fields.
    func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Refuses a field not among `known`, with a "did you mean" when one is close.
    func allowOnly(_ known: [String]) throws(CallError) {
        guard let unknown = fields.keys.sorted().first(where: { !known.contains($0) }) else { return }
        let hint = Suggestion.closest(to: unknown, among: known).map { "did you mean `\($0)`? " } ?? ""
        throw CallError(.unknownField, "unknown field `\(name(unknown))`: \(hint)the fields here are \(known.joined(separator: ", "))")
    }

    func has(_ key: String) -> Bool { fields[key] != nil && !(fields[key] is NSNull) }

    /// A string field; nil when absent or null.
    func string(_ key: String) throws(CallError) -> String? {
        guard has(key) else { return nil }
        guard let text = fields[key] as? String, !(fields[key] is NSNumber) else {
            throw CallError(.invalidField, "`\(name(key))` must be a string")
        }
        return text
    }

    /// A string field that must be there.
    func required(_ key: String, example: String) throws(CallError) -> String {
        guard let text = try string(key) else { throw CallError(.invalidField, "`\(name(key))` is missing: give it, such as \(example)") }
        return text
    }

    /// A day field, `YYYY-MM-DD`; nil when absent.
    func day(_ key: String) throws(CallError) -> Day? {
        guard let text = try string(key) else { return nil }
        guard let day = Day(iso: text) else { throw CallError(.invalidField, "`\(name(key))` must be a day written YYYY-MM-DD, such as \"2025-06-30\"") }
        return day
    }

    /// A whole number field; nil when absent.
    func int(_ key: String) throws(CallError) -> Int? {
        guard has(key) else { return nil }
        guard let number = fields[key] as? NSNumber, !Self.isBoolean(number), let value = Int(exactly: number.doubleValue) else {
            throw CallError(.invalidField, "`\(name(key))` must be a whole number")
        }
        return value
    }

    /// A boolean field; nil when absent.
    func bool(_ key: String) throws(CallError) -> Bool? {
        guard has(key) else { return nil }
        guard let number = fields[key] as? NSNumber, Self.isBoolean(number) else {
            throw CallError(.invalidField, "`\(name(key))` must be true or false")
        }
        return number.boolValue
    }

    /// True for JSON's `true` and `false`: JSONSerialization reads them as NSNumber, and on
    /// Linux `is Bool` is true of the number 1 as well, so the number's type says which it was.
    static func isBoolean(_ number: NSNumber) -> Bool { String(cString: number.objCType) == "c" }

    /// An object of strings; nil when absent.
    func strings(_ key: String, example: String) throws(CallError) -> [String: String]? {
        guard has(key) else { return nil }
        guard let object = fields[key] as? [String: Any] else {
            throw CallError(.invalidField, "`\(name(key))` must be an object of strings, such as \(example)")
        }
        var result: [String: String] = [:]
        for (name, value) in object {
            guard let text = value as? String, !(value is NSNumber) else {
                throw CallError(.invalidField, "`\(self.name(key)).\(name)` must be a string, such as \(example)")
            }
            result[name] = text
        }
        return result
    }

    /// An array of objects; empty when absent.
    func objects(_ key: String, example: String) throws(CallError) -> [RequestObject] {
        guard has(key) else { return [] }
        guard let array = fields[key] as? [Any] else { throw CallError(.invalidField, "`\(name(key))` must be an array of objects, such as [\(example)]") }
        var result: [RequestObject] = []
        for (index, value) in array.enumerated() {
            result.append(try RequestObject(value, path: "\(name(key))[\(index)]", example: example))
        }
        return result
    }
}
