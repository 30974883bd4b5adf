import Disclose
import Foundation

/// Where a request's rules are: files held in memory, or a project folder on disk.
///
///     {"files": {"rules/catalogue.disclose": "…", "countries/KH.disclose": "…"}, "country": "KH"}
///     {"folder": "/path/to/disclose", "entry": "countries/KH.disclose"}
///
/// `files` are keyed by their paths in the project (the folder that holds `rules/` and
/// `countries/`), as the rule files' `include`s name them; with them, nothing is read from
/// disk. The rule book to check is named by `country` (`KH`: `countries/KH.disclose`) or by
/// `entry`, a path in the project.
struct RuleSource {
    let access: any RuleFileAccess
    /// The project folder: `memoryProject` for files in memory.
    let project: String
    let isInMemory: Bool

    /// The folder the files given in memory are under; messages name files relative to it.
    static let memoryProject = "/project"

    static let example = #"{"files": {"countries/KH.disclose": "…", "rules/catalogue.disclose": "…"}, "country": "KH"}"#

    init(_ request: RequestObject) throws(CallError) {
        switch (request.has("files"), request.has("folder")) {
        case (true, true):
            throw CallError(.invalidField, "give the rules as `files` or as a `folder`, not both")
        case (false, false):
            throw CallError(.invalidField, "the request gives no rules: add `files` (the rule files' texts by path) or `folder` (the folder that holds rules/ and countries/), such as \(Self.example)")
        case (true, false):
            let texts = try request.strings("files", example: #"{"countries/KH.disclose": "…"}"#) ?? [:]
            let memory = MemoryFileAccess([:])
            // Keyed by canonical absolute paths, as `MemoryFileAccess` looks them up, under a
            // project folder that exists only in memory. Not "/" itself: the publisher looks
            // for the folder that holds rules/ above a country's file, and stops before "/".
            access = MemoryFileAccess(Dictionary(texts.map { (memory.canonical(Self.memoryProject + "/" + $0.key), $0.value) }, uniquingKeysWith: { $1 }))
            project = Self.memoryProject
            isInMemory = true
        case (false, true):
            access = DiskFileAccess()
            project = try request.string("folder")!
            isInMemory = false
        }
    }

    /// The path of a project file.
    func path(_ relative: String) -> String { (project as NSString).appendingPathComponent(relative) }

    /// The entry file the request names by `country` or `entry`.
    func entry(_ request: RequestObject) throws(CallError) -> String {
        if let country = try request.string("country") {
            let code = country.uppercased()
            let known = access.fileNames(in: path("countries")).filter { $0.hasSuffix(".disclose") && !$0.contains("-") }.map { String($0.dropLast(".disclose".count)) }
            let entry = path("countries/\(code).disclose")
            guard !code.isEmpty, code.allSatisfy({ $0.isASCII && $0.isLetter }), access.contents(of: entry) != nil else {
                guard !known.isEmpty else {
                    throw CallError(.unknownCountry, "no rules for country `\(country)`: no country's rules are \(isInMemory ? "among the files given" : "in `\(path("countries"))`"); give the folder that holds rules/ and countries/, or the files countries/\(code).disclose and those it includes")
                }
                let hint = Suggestion.closest(to: code, among: known).map { "did you mean `\($0)`? " } ?? ""
                throw CallError(.unknownCountry, "no rules for country `\(country)`: \(hint)the countries with rules are \(known.joined(separator: ", "))")
            }
            return entry
        }
        guard let relative = try request.string("entry") else {
            throw CallError(.invalidField, "the request names no rule book: add `country` (such as \"KH\") or `entry` (such as \"countries/KH.disclose\")")
        }
        let entry = path(relative)
        guard access.contents(of: entry) != nil else {
            throw CallError(.unknownFile, "no rule file `\(relative)` in the rules given: check the path, which is relative to the folder that holds rules/ and countries/")
        }
        return entry
    }

    /// Checks the rule book whose entry is `entry`, naming files relative to the project.
    func check(_ entry: String) -> CheckResult {
        Checker.check(entry: entry, root: project, access: access, displayBase: project)
    }
}
