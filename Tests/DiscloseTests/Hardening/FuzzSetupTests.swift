@testable import Disclose
import Foundation
import Testing

extension Hardening {
    /// The fuzzing set-up stays in step with the language: the dictionary knows every keyword, and
    /// the miniature project the rule-file target includes from is valid rules.
    @Suite struct FuzzSetupTests {
        static let fuzz = Hardening.root.appendingPathComponent("fuzz")

        /// The values of a libFuzzer dictionary (`name="value"` lines, `\xNN` escapes).
        static func dictionaryValues(_ url: URL) throws -> Set<String> {
            let text = try String(contentsOf: url, encoding: .utf8)
            var values: Set<String> = []
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                guard let open = line.firstIndex(of: "\""), line.last == "\"" else { continue }
                var bytes: [UInt8] = []
                var scalars = Array(line[line.index(after: open)..<line.index(before: line.endIndex)].utf8)[...]
                while let byte = scalars.popFirst() {
                    if byte == UInt8(ascii: "\\"), let next = scalars.popFirst() {
                        if next == UInt8(ascii: "x"), scalars.count >= 2, let value = UInt8(String(decoding: scalars.prefix(2), as: UTF8.self), radix: 16) {
                            bytes.append(value)
                            scalars = scalars.dropFirst(2)
                        } else {
                            bytes.append(next)
                        }
                    } else {
                        bytes.append(byte)
                    }
                }
                values.insert(String(decoding: bytes, as: UTF8.self))
            }
            return values
        }

        @Test func dictionaryHoldsEveryKeyword() throws {
            let values = try Self.dictionaryValues(Self.fuzz.appendingPathComponent("dictionaries/disclose.dict"))
            let missing = Keyword.allCases.map(\.rawValue).filter { !values.contains($0) }
            #expect(missing.isEmpty, "add to fuzz/dictionaries/disclose.dict: \(missing)")
        }

        @Test func dataDictionaryHoldsEveryColumn() throws {
            let values = try Self.dictionaryValues(Self.fuzz.appendingPathComponent("dictionaries/data.dict"))
            let columns = [DataTables.factories, DataTables.assessments, DataTables.answers, DataTables.responses].flatMap(\.columns)
            #expect(columns.filter { !values.contains($0) }.isEmpty)
        }

        /// fuzz/project is what fuzzed country files include; it must itself be valid, or the
        /// fuzzer would spend its time on errors in the shared files. Its country file uses every
        /// kind of country-level declaration, including a moderation rule of its own.
        @Test func miniatureProjectChecksCleanly() throws {
            let project = Self.fuzz.appendingPathComponent("project")
            let names = try FileManager.default.contentsOfDirectory(atPath: project.appendingPathComponent("rules").path).sorted().map { "rules/\($0)" }
                + ["countries/FZ.disclose"]
            let results = Checker.check(entries: names.map { project.appendingPathComponent($0).path }, displayBase: project.path)
            for (name, result) in zip(names, results) {
                #expect(result.diagnostics.isEmpty, "\(name): \(Hardening.summary(result.diagnostics))")
            }
        }

        /// Found while writing fuzz/project: grammar.md says a country adds moderation rules of
        /// its own, with `decided by` (required in a country file, E305 without it), but the
        /// clause table does not allow `decided by` in `moderation` (E304): no country can.
        @Test func countryModerationRuleWithItsDecisionChecks() {
            let country = "country FZ\n  title en \"Fuzzland\"\n  languages en\n  status decided\n  decided by FZ-PAC-2020-01\n\n"
                + "include \"FZ-decisions.disclose\"\n\n"
            let register = "decision FZ-PAC-2020-01\n  status adopted\n  on 2020-01-01\n"
            let rule = "moderation FZ-ABUSE\n  title en \"Abuse\"\n  words en \"idiot\"\n"
            let with = Hardening.check(texts: ["/p/countries/FZ.disclose": country + rule + "  decided by FZ-PAC-2020-01\n",
                                               "/p/countries/FZ-decisions.disclose": register], entry: "/p/countries/FZ.disclose")
            #expect(Hardening.summary(with.diagnostics.filter { $0.severity == .error }) == [])
            let without = Hardening.check(texts: ["/p/countries/FZ.disclose": country + rule, "/p/countries/FZ-decisions.disclose": register],
                                          entry: "/p/countries/FZ.disclose")
            #expect(Hardening.summary(without.diagnostics.filter { $0.severity == .error })
                == ["E305 moderation `FZ-ABUSE` is a country-level choice without `decided by`"])
        }

        @Test func runScriptAndTargetsArePresent() throws {
            #expect(FileManager.default.isExecutableFile(atPath: Self.fuzz.appendingPathComponent("run.sh").path))
            for target in ["lex_parse_check", "read_tables", "publish_pipeline", "moderation"] {
                #expect(FileManager.default.fileExists(atPath: Self.fuzz.appendingPathComponent("targets/\(target).swift").path))
            }
        }
    }
}
