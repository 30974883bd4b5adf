// Fuzz target 3: the whole publish pipeline over arbitrary data files, with the shipped rules.
//
// Input layout (seeds are written this way by fuzz/run.sh): five segments separated by the
// byte 0x1E. The first is a header, `YYYY-MM-DD ffff`: the as-of day (2024-06-30 when it is
// not a date) and, per table, `c` for CSV, `j` for JSON Lines, anything else for "no file".
// The other four are the factories, assessments, answers and responses tables. They are
// written into a data folder of this process and published with `Publisher`, as
// `disclose publish` does, against the project's rules/ and countries/.
//
// Rule checking is the same for every run (the shipped files do not change while the
// fuzzer runs; fuzz target 1 covers rule files), so its result is computed once per
// process: the library is built with implicit dynamic replacement and
// `Checker.check(entries:…)` (which `check(entry:…)` and the publisher call) is replaced
// below by a cache in front of the original.
//
// Beyond "no crash, no hang, no sanitizer report", each published run checks:
// - every public CSV is well formed, rectangular, and has no field a spreadsheet would read
//   as a formula; for one input in sixteen, public and internal JSON parse, and the portal's
//   pages have safe file names and show no name or response holding `<` unescaped;
// - privacy: a listed factory's assessment is the one the report shows, never one that is
//   first, withheld or superseded, and it has at least the policy's minimum of counting
//   assessments; its findings are among the issues that assessment raises; only responses
//   the report publishes are public, never a held one;
// - every input assessment and response is accounted for once in the internal report;
// - for one input in sixteen, an explanation of the first factory builds and renders.

@testable import Disclose
import DisclosePortal
import Foundation

nonisolated(unsafe) var checkCache: [String: [CheckResult]] = [:]

extension Checker {
    @_dynamicReplacement(for: check(entries:root:access:displayBase:))
    static func fuzzCachedCheck(entries paths: [String], root: String?, access: (any RuleFileAccess)?, displayBase: String) -> [CheckResult] {
        let key = paths.joined(separator: "\u{0}") + "\u{0}\(root ?? "")\u{0}\(displayBase)"
        if let cached = checkCache[key] { return cached }
        let result = check(entries: paths, root: root, access: access, displayBase: displayBase)
        checkCache[key] = result
        return result
    }
}

let tableNames = ["factories", "assessments", "answers", "responses"]
let dataFolder = scratchFolder("publish")
let defaultAsOf = Day(year: 2024, month: 6, day: 30)!

/// Splits the input at 0x1E into the header and up to four tables.
func segments(_ bytes: [UInt8]) -> [[UInt8]] {
    var parts = bytes.split(separator: 0x1E, maxSplits: 4, omittingEmptySubsequences: false).map(Array.init)
    while parts.count < 5 { parts.append([]) }
    return parts
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let parts = segments(Array(UnsafeBufferPointer(start: data, count: size)))
    let header = parts[0]
    let asOf = header.count >= 10 ? Day(isoBytes: header[0..<10]) ?? defaultAsOf : defaultAsOf
    for (index, table) in tableNames.enumerated() {
        let format = header.count > 11 + index ? header[11 + index] : UInt8(ascii: "c")
        for ext in ["csv", "jsonl"] { unlink("\(dataFolder)/\(table).\(ext)") }
        let ext: String
        switch format {
        case UInt8(ascii: "c"): ext = "csv"
        case UInt8(ascii: "j"): ext = "jsonl"
        default: continue
        }
        writeFile("\(dataFolder)/\(table).\(ext)", parts[index + 1])
    }

    var publisher = Publisher(project: fuzzProjectRoot, asOf: asOf)
    publisher.displayBase = dataFolder
    let factoryId = firstFactoryId(parts[1], jsonLines: header.count > 11 && header[11] == UInt8(ascii: "j"))
    if let factoryId { publisher.explaining = [factoryId] }
    let result = publisher.publish(data: dataFolder)
    let thorough = isThorough(data, size)
    checkDiagnostics(result.diagnostics, thorough: thorough)
    fuzzRequire((result.publication == nil) == result.hasErrors, "publication present \(result.publication != nil) with errors \(result.hasErrors)")
    guard let publication = result.publication else { return 0 }

    // Outputs: safe CSV always; for one input in sixteen, JSON that parses and the portal.
    for file in PublicationExport.publicCSV(publication) { checkPublicCSV(name: file.name, text: file.text) }
    if thorough {
        fuzzRequire(isValidJSON(PublicationExport.publicJSON(publication).serialized()), "public JSON does not parse")
        fuzzRequire(isValidJSON(PublicationExport.internalJSON(publication).serialized()), "internal JSON does not parse")
        checkPortal(publication)
    }

    // Privacy invariants.
    let report = publication.report
    let accountsByFactory = Dictionary(grouping: report.assessments, by: \.factory)
    let publishedResponses = Set(report.responses.filter { $0.disposition == .published }.map(\.response))
    for country in publication.countries {
        for factory in country.factories {
            let accounts = accountsByFactory[factory.id] ?? []
            if let assessment = factory.assessment {
                let shown = accounts.filter { $0.disposition == .shown }
                fuzzRequire(shown.count == 1 && shown[0].assessment == assessment.id,
                            "factory \(factory.id) is public with assessment \(assessment.id); the report shows \(shown.map(\.assessment))")
                let counting = accounts.filter { $0.disposition == .shown || $0.disposition == .superseded }.count
                let minimum = minimumAssessments(country.code, on: asOf)
                fuzzRequire(counting >= minimum && counting >= 2,
                            "factory \(factory.id) is public with \(counting) counting assessment(s) (minimum \(minimum)): a first assessment is public")
                // Findings are the issues the shown assessment raises that are public on the as-of
                // day (docs/policy.md), in the same order.
                let raised = shown.first?.raisedIssues ?? []
                fuzzRequire(factory.findings.map(\.issue) == raised.filter { id in factory.findings.contains { $0.issue == id } },
                            "factory \(factory.id): public findings \(factory.findings.map(\.issue)) are not among the shown assessment's \(raised)")
            } else {
                fuzzRequire(factory.status == .refused && factory.findings.isEmpty && factory.responses.isEmpty,
                            "factory \(factory.id) is public with no assessment and is not refusing")
            }
            for response in factory.responses {
                fuzzRequire(publishedResponses.contains(response.id), "response \(response.id) is public but the report does not publish it")
            }
        }
    }
    let shownIds = Set(report.assessments.filter { $0.disposition == .shown }.map(\.assessment))
    let publicAssessments = Set(publication.countries.flatMap(\.factories).compactMap(\.assessment?.id))
    fuzzRequire(shownIds == publicAssessments, "shown assessments \(shownIds.sorted()) differ from the public ones \(publicAssessments.sorted())")
    let accounted = Set(report.assessments.map(\.assessment))
    fuzzRequire(accounted.count == report.assessments.count, "an assessment is accounted twice")
    fuzzRequire(Set(report.responses.map(\.response)).count == report.responses.count, "a response is accounted twice")

    // Explanations build and render.
    if thorough, let factoryId,
       let explanation = Explanation(factory: factoryId, issue: nil, publication: publication, evaluations: result.evaluations, project: fuzzProjectRoot) {
        _ = explanation.text()
        fuzzRequire(isValidJSON(explanation.json().serialized()), "explanation JSON does not parse")
    }
    return 0
}

/// The portal's pages: file names that stay inside the site, and no factory name or response
/// text that holds markup appearing unescaped.
func checkPortal(_ publication: Publication) {
    let pages = PortalSite.pages(publication)
    var names: Set<String> = []
    for page in pages {
        fuzzRequire(!page.name.isEmpty && !page.name.contains("/") && !page.name.hasPrefix("."), "portal file name \(page.name.debugDescription)")
        fuzzRequire(names.insert(page.name).inserted, "two portal files named \(page.name)")
    }
    let texts = publication.countries.flatMap(\.factories).flatMap { [$0.name] + $0.responses.map(\.text) }
        // Long enough that the page template cannot hold the same characters by chance.
        .filter { $0.contains("<") && $0.count >= 16 }
    for text in Set(texts) {
        for page in pages where page.name.hasSuffix(".html") {
            fuzzRequire(!page.text.contains(text), "\(page.name) holds \(text.debugDescription) unescaped")
        }
    }
}

/// The country's `minimum-assessments` on the day, from the checked rules.
func minimumAssessments(_ code: String, on day: Day) -> Int {
    for result in checkCache.values.joined() {
        if let book = result.ruleBook, book.country?.code == code { return book.publicationPolicy(on: day).minimumAssessments }
    }
    return 2
}

/// The id of the first factory row, to explain.
func firstFactoryId(_ table: [UInt8], jsonLines: Bool) -> String? {
    let reader = TableReader(bytes: table, displayPath: "factories", schema: DataTables.factories, isJSONLines: jsonLines)
    var id: String?
    reader.forEachRow { row in if id == nil { id = row.text(0).trimmingCharacters(in: .whitespaces) } }
    return id?.isEmpty == false ? id : nil
}
