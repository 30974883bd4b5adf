// publish-bench: data and rule exports for the publish benchmark. bench/run.sh runs it.
//
//   publish-bench sample --project DIR --countries KH --assessments 100000 [--seed 1] --out DIR
//       The project's own sample generator (`SampleData`), for the named countries only, at
//       the scale that gives about N assessments; writes the four CSV tables.
//   publish-bench rules --project DIR --countries KH,VN --out FILE
//       Every period of each country's rules (between the days on which some rule starts or
//       stops, `RuleBook.ruleBoundaries`, as the publisher compiles them), each exported as
//       `disclose show CC --as-of DAY --format json` exports it, for the peer engines. The
//       peers pick, for each assessment, the period of its day.
import Disclose
import DiscloseSample
import Foundation

var arguments = Array(CommandLine.arguments.dropFirst())
let mode = arguments.isEmpty ? "help" : arguments.removeFirst()
var options: [String: String] = [:]
while !arguments.isEmpty {
    let key = arguments.removeFirst()
    guard key.hasPrefix("--"), !arguments.isEmpty else { fail("expected --option VALUE, found `\(key)`") }
    options[String(key.dropFirst(2))] = arguments.removeFirst()
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("publish-bench: \(message)\n".utf8))
    exit(1)
}

func log(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

@MainActor func required(_ name: String) -> String {
    guard let value = options[name] else { fail("\(mode) needs --\(name)") }
    return value
}

/// The checked rule books of the named countries; any error stops the benchmark. `publicView`:
/// the public view (only what adopted decisions stand behind), which `disclose publish`
/// evaluates and so the peers must too; else the whole book, drafts included.
func books(project: String, countries: [String], publicView: Bool = false) -> [RuleBook] {
    let paths = countries.map { (project as NSString).appendingPathComponent("countries/\($0).disclose") }
    return zip(countries, Checker.check(entries: paths)).map { code, result in
        guard let book = publicView ? result.publicRuleBook : result.ruleBook else {
            fail("countries/\(code).disclose has \(result.diagnostics.filter { $0.severity == .error }.count) error(s); run `disclose check`")
        }
        return book
    }
}

switch mode {
case "sample":
    let project = required("project")
    let target = Int(required("assessments")) ?? 0
    let seed = UInt64(options["seed"] ?? "1") ?? 1
    let out = required("out")
    let countryBooks = books(project: project, countries: required("countries").split(separator: ",").map(String.init))
    // The generator adds a fixed set of scenario factories on top of the scaled ones, so the
    // number of assessments is about a + b * scale: two small probes give a and b.
    func assessments(_ scale: Double) throws -> Int { try SampleData(seed: seed, scale: scale).generate(books: countryBooks).assessments.count }
    do {
        let base = try assessments(0)
        let perScale = Double(try assessments(10) - base) / 10
        let scale = min(SampleData.maximumScale, max(0, (Double(target - base) / perScale * 1000).rounded() / 1000))
        let data = try SampleData(seed: seed, scale: scale).generate(books: countryBooks)
        let written = try data.write(to: out, format: .csv)
        log("scale \(scale): \(data.factories.count) factories, \(data.assessments.count) assessments, \(data.answerCount) answers, "
            + "\(written.reduce(0) { $0 + $1.bytes } / 1_000_000) MB")
    } catch {
        fail("\(error)")
    }

case "rules":
    let project = required("project")
    let codes = required("countries").split(separator: ",").map(String.init)
    var countries: [(String, JSONValue)] = []
    for (code, book) in zip(codes, books(project: project, countries: codes, publicView: true)) {
        // One export per period: before the first boundary, and from each boundary on;
        // a period whose rules are those of the period before only extends it.
        let boundaries = book.ruleBoundaries
        var kept: [(start: Day?, text: String, rules: JSONValue)] = []
        for start in [nil] + boundaries.map({ Optional($0) }) {
            let day = start ?? (boundaries.first?.adding(days: -1) ?? Day(ordinal: 0))
            guard case .object(let members) = RuleBookExport.json(book, on: day) else { continue }
            let rules = JSONValue.object(members.filter { $0.0 != "asOf" })
            let text = rules.serialized(pretty: false)
            if text != kept.last?.text { kept.append((start, text, rules)) }
        }
        let periods = kept.indices.map { index -> JSONValue in
            let until = index + 1 < kept.count ? kept[index + 1].start : nil
            return .object([("from", .optional(kept[index].start?.description)), ("until", .optional(until?.description)),
                            ("rules", kept[index].rules)])
        }
        countries.append((code, .array(periods)))
    }
    let text = JSONValue.object(countries).serialized(pretty: false) + "\n"
    do { try text.write(toFile: required("out"), atomically: true, encoding: .utf8) } catch { fail("\(error)") }

default:
    log("usage: publish-bench sample|rules ... (see the comment at the top of main.swift)")
    exit(mode == "help" ? 0 : 1)
}
