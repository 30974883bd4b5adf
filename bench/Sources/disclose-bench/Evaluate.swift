// disclose-bench evaluate: assessments per second of `PreparedEvaluator.evaluate`, one thread,
// in memory, over every completed assessment of a data folder (the shipped sample by
// default); beside it `RuleBook.evaluate` (which compiles the rules on every call) and a
// whole `Publisher.publish` of the same folder in process, per completed assessment.
import Disclose
import Foundation

/// A completed assessment as the evaluator takes it: read from the tables once, before timing.
struct LoadedAssessment {
    var date: Day
    var country: String
    var answers: [String: String] = [:]
    var factory: [String: String] = [:]
}

/// Every completed assessment of `folder` whose country has rules, with its answers and its
/// factory's attributes, and each country's public rule book (as `publish` uses them).
func loadAssessments(folder: String, project: String) -> (assessments: [LoadedAssessment], books: [String: RuleBook], answers: Int) {
    func rows(_ name: String, _ schema: TableSchema, _ body: (TableRow) -> Void) {
        guard let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(name)) else { fail("cannot read \(folder)/\(name)") }
        let reader = TableReader(bytes: [UInt8](data), displayPath: name, schema: schema, isJSONLines: false)
        reader.forEachRow(body)
        if !reader.diagnostics.isEmpty { fail("\(name): \(reader.diagnostics.count) problems, first: \(reader.diagnostics[0].message)") }
    }
    var factories: [String: (country: String, attributes: [String: String])] = [:]
    rows("factories.csv", DataTables.factories) { row in
        var attributes: [String: String] = [:]
        for (offset, column) in DataTables.factories.columns.enumerated().dropFirst(5) where !row.isEmpty(offset) { attributes[column] = row.text(offset) }
        factories[row.text(0)] = (row.text(3), attributes)
    }
    var books: [String: RuleBook] = [:]
    for code in Set(factories.values.map(\.country)).sorted() {
        let path = (project as NSString).appendingPathComponent("countries/\(code).disclose")
        guard FileManager.default.fileExists(atPath: path) else { continue }
        guard let book = Checker.check(entry: path).publicRuleBook else { fail("countries/\(code).disclose has errors") }
        books[code] = book
    }
    var list: [LoadedAssessment] = []
    var index: [String: Int] = [:]
    rows("assessments.csv", DataTables.assessments) { row in
        guard row.text(5) == "completed", let factory = factories[row.text(1)], books[factory.country] != nil,
              let day = Day(iso: row.text(2)) else { return }
        index[row.text(0)] = list.count
        list.append(LoadedAssessment(date: day, country: factory.country, factory: factory.attributes))
    }
    var answers = 0
    rows("answers.csv", DataTables.answers) { row in
        guard let position = index[row.text(0)] else { return }
        list[position].answers[row.text(1)] = row.text(2)
        answers += 1
    }
    return (list, books, answers)
}

@MainActor func runEvaluateBenchmark() {
    let project = option("project") ?? FileManager.default.currentDirectoryPath
    let folder = option("data") ?? (project as NSString).appendingPathComponent("examples/sample")
    let runs = intOption("runs", 11)
    let repeats = intOption("repeats", 20)
    guard let asOf = Day(iso: option("as-of") ?? "2025-06-30") else { fail("--as-of needs YYYY-MM-DD") }

    let (assessments, books, answerCount) = loadAssessments(folder: folder, project: project)
    log("\(assessments.count) completed assessments, \(answerCount) answers, \(books.count) countries with rules; as of \(asOf)")

    // One evaluator per country, prepared outside the timing; the warm-up run compiles each rule period once.
    let evaluators = books.mapValues { PreparedEvaluator(book: $0, asOf: asOf) }
    let prepared = assessments.map { evaluators[$0.country]! }
    var raised = 0
    for (index, assessment) in assessments.enumerated() {
        raised += prepared[index].evaluate(answers: assessment.answers, on: assessment.date, factory: assessment.factory).raised.count
    }
    log("issues raised (public as of \(asOf)) over one pass: \(raised)")

    let perRun = assessments.count * repeats
    let evaluate = measure("PreparedEvaluator.evaluate, \(repeats) passes", runs: runs) {
        var total = 0
        for _ in 0..<repeats {
            for (index, assessment) in assessments.enumerated() {
                let outcome = prepared[index].evaluate(answers: assessment.answers, on: assessment.date, factory: assessment.factory)
                total &+= outcome.raised.count &+ outcome.incomplete.count
            }
        }
        return total
    }
    // The floor any evaluator taking `[String: String]` pays: iterating each assessment's
    // answers and the length of each id and answer.
    let floor = measure("iterating the answers dictionaries only, \(repeats) passes", runs: runs) {
        var total = 0
        for _ in 0..<repeats {
            for assessment in assessments {
                for (id, text) in assessment.answers {
                    total &+= id.utf8.count &+ text.utf8.count
                }
            }
        }
        return total
    }
    // `--only prepared`: nothing else, for profiling.
    if option("only") == "prepared" { return }
    let wrapped = measure("RuleBook.evaluate (compiles the rules every call), 1 pass", runs: max(3, runs / 3)) {
        var total = 0
        for assessment in assessments {
            total &+= books[assessment.country]!.evaluate(answers: assessment.answers, on: assessment.date, factory: assessment.factory).raised.count
        }
        return total
    }
    // Publish in process over the same folder: reading, evaluating, the policy, and (the
    // rules having drafts) the preview run publish makes to account for them.
    let publishRuns = max(3, runs / 3)
    let publish = measure("Publisher.publish of the folder", runs: publishRuns) {
        Publisher(project: project, asOf: asOf).publish(data: folder).publication?.countries.count ?? 0
    }

    let rate = Double(perRun) / evaluate.median
    let cpuRate = Double(perRun) / evaluate.cpuMedian
    let wrappedRate = Double(assessments.count) / wrapped.median
    let publishRate = Double(assessments.count) / publish.median
    func thousands(_ value: Double) -> String { String(format: "%.1fk", value / 1000) }
    func micro(_ seconds: Double) -> String { String(format: "%.2f µs", seconds * 1e6) }
    let target = 100_000.0
    var lines: [String] = []
    lines.append("| measure | assessments/s (median) | by CPU time | per assessment | runs |")
    lines.append("|---|---:|---:|---:|---:|")
    lines.append("| `PreparedEvaluator.evaluate` (reasons included), \(repeats) passes a run | \(thousands(rate)) | \(thousands(cpuRate)) | \(micro(1 / rate)) | \(runs) |")
    let floorRate = Double(perRun) / floor.median
    lines.append("| floor: iterating each assessment's answers dictionary (the length of each id and answer), no evaluation | \(thousands(floorRate)) | \(thousands(Double(perRun) / floor.cpuMedian)) | \(micro(1 / floorRate)) | \(runs) |")
    lines.append("| `RuleBook.evaluate` (compiles the rules every call) | \(thousands(wrappedRate)) | \(thousands(Double(assessments.count) / wrapped.cpuMedian)) | \(micro(1 / wrappedRate)) | \(wrapped.times.count) |")
    lines.append("| `Publisher.publish` of the folder, in process, per completed assessment | \(thousands(publishRate)) | \(thousands(Double(assessments.count) / publish.cpuMedian)) | \(micro(1 / publishRate)) | \(publishRuns) |")
    lines.append("")
    lines.append("Data: `\(folder.replacingOccurrences(of: project + "/", with: ""))`, \(assessments.count) completed assessments of countries with rules, \(answerCount) answers, "
        + "\(books.count) rule books; as of \(asOf). Target ≥ \(Int(target / 1000))k assessments/s: **\(rate >= target ? "met" : "NOT met")** "
        + String(format: "(%.0f assessments/s).", rate))
    print(lines.joined(separator: "\n"))
    if blackHole == 42 { log("") }
}
