import Foundation
import Testing

/// The public API of each library product, kept in `api/MODULE.txt`: one line per public
/// symbol, from the symbol graph of the module `swift test` has just built. A change to what
/// linking tools see is then always a visible diff, made on purpose with
/// `BLESS=1 swift test --filter PublicAPI`.
///
/// The test runs `swift symbolgraph-extract` on the built module rather than `swift package
/// dump-symbol-graph`, which would wait for the build lock that `swift test` holds.
@Suite struct PublicAPITests {
    /// The library products tools link, each with its API file.
    static let modules = ["Disclose", "DisclosePortal"]

    @Test(arguments: modules)
    func publicAPIMatchesTheCommittedFile(module: String) throws {
        let actual = try Self.publicAPI(of: module)
        let url = Golden.packageRoot.appendingPathComponent("api/\(module).txt")
        if Golden.isBlessing {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        let bless = "if the change is intended, run `BLESS=1 swift test --filter PublicAPI` and commit api/\(module).txt"
            + " (and say what changed for tools in CHANGELOG.md)"
        if expected != actual {
            let old = Set(expected.split(separator: "\n")), new = Set(actual.split(separator: "\n"))
            let removed: [String] = old.subtracting(new).sorted().prefix(20).map { "- \($0)" }
            let added: [String] = new.subtracting(old).sorted().prefix(20).map { "+ \($0)" }
            let diff = (removed + added).joined(separator: "\n")
            Issue.record("the public API of \(module) differs from api/\(module).txt; \(bless):\n\(diff)")
        }
    }

    @Test func theCoreStaysSmall() throws {
        // Issue 18: at most a third of the 1,060 public symbols there were (docs/library.md).
        let count = try Self.publicAPI(of: "Disclose").split(separator: "\n").filter { !$0.hasPrefix("conformance ") }.count
        #expect(count <= 350, "Disclose has \(count) public symbols; at most 350")
    }

    /// The public symbols of `module`, one a line, sorted: the kind, the path, and the
    /// declaration as written; then a line per conformance of a public type (`Sendable`,
    /// `Codable`…). Symbols the compiler makes from a protocol's default implementations
    /// (`!=`, `localizedDescription`) are left out: they follow from the conformance lines.
    static func publicAPI(of module: String) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: output) }
        let modules = try #require(modulesFolder(holding: module), "cannot find \(module).swiftmodule near the test binary; run `swift build` first")
        let extract = try run(["swift", "symbolgraph-extract", "-module-name", module, "-I", modules.path,
                               "-target", hostTriple(), "-minimum-access-level", "public", "-output-dir", output.path])
        #expect(extract.status == 0, "swift symbolgraph-extract failed: \(extract.stderr)")
        var lines: Set<String> = []
        let files = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasPrefix(module) && $0.hasSuffix(".symbols.json") }
        for file in files {
            let data = try Data(contentsOf: output.appendingPathComponent(file))
            let graph = try JSONDecoder().decode(SymbolGraph.self, from: data)
            var names: [String: String] = [:]
            for symbol in graph.symbols where !symbol.identifier.precise.contains("::SYNTHESIZED::") {
                let path = symbol.pathComponents.joined(separator: ".")
                names[symbol.identifier.precise] = path
                let declaration = (symbol.declarationFragments ?? []).map(\.spelling).joined()
                    .split(whereSeparator: \.isWhitespace).joined(separator: " ")
                let kind = symbol.kind.identifier.hasPrefix("swift.") ? String(symbol.kind.identifier.dropFirst(6)) : symbol.kind.identifier
                lines.insert("\(kind) \(path): \(declaration)")
            }
            for relation in graph.relationships where relation.kind == "conformsTo" {
                guard let source = names[relation.source] else { continue }
                let target = relation.targetFallback.map { $0.split(separator: ".").last.map(String.init) ?? $0 } ?? names[relation.target] ?? relation.target
                lines.insert("conformance \(source): \(target)")
            }
        }
        return lines.sorted().joined(separator: "\n") + "\n"
    }

    /// The folder with `MODULE.swiftmodule` that this test binary was built beside (SwiftPM puts
    /// modules in `Modules/` next to the products), found from the binary's own location.
    static func modulesFolder(holding module: String) -> URL? {
        var starts = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(), Bundle.main.bundleURL]
        starts += Bundle.allBundles.map(\.bundleURL)
        starts.append(Golden.packageRoot.appendingPathComponent(".build/debug"))
        for start in starts {
            var folder = start.standardizedFileURL
            for _ in 0..<5 {
                for candidate in [folder.appendingPathComponent("Modules"), folder]
                where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("\(module).swiftmodule").path) {
                    return candidate
                }
                folder = folder.deletingLastPathComponent()
            }
        }
        return nil
    }

    /// The triple of this machine, as the compiler names it.
    static func hostTriple() throws -> String {
        let info = try run(["swiftc", "-print-target-info"])
        struct TargetInfo: Decodable {
            struct Target: Decodable { var triple: String }
            var target: Target
        }
        return try JSONDecoder().decode(TargetInfo.self, from: Data(info.stdout.utf8)).target.triple
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// What the test reads of a symbol graph file.
    struct SymbolGraph: Decodable {
        struct Symbol: Decodable {
            struct Identifier: Decodable { var precise: String }
            struct Kind: Decodable { var identifier: String }
            struct Fragment: Decodable { var spelling: String }
            var identifier: Identifier
            var kind: Kind
            var pathComponents: [String]
            var declarationFragments: [Fragment]?
        }
        struct Relationship: Decodable {
            var kind: String
            var source: String
            var target: String
            var targetFallback: String?
        }
        var symbols: [Symbol]
        var relationships: [Relationship]
    }
}
