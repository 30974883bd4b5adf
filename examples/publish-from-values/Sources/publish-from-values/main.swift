// Publishes a few Cambodian factories held in memory with the disclose library, as a tool that
// keeps its data in a database would, and prints the summary and the size of the public
// JSON. Writes no file. Run from this folder: swift run publish-from-values
import Disclose
import Foundation

let project = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

// Every question behind Cambodia's public issues answered compliantly (as the rules say on the
// day), so that each assessment is complete; the findings are added below.
let rules = Checker.check(entry: project + "/countries/KH.disclose", displayBase: project)
guard let book = rules.ruleBook else {
    print(DiagnosticRenderer().render(rules.diagnostics))
    exit(1)
}
func compliantAnswers(on day: Day) -> [String: String] {
    var answers: [String: String] = [:]
    for issue in book.publicIssues(on: day) {
        for question in book.questions(readBy: issue, on: day) {
            answers[question.id] = switch (question.answer, question.violation) {
            case (.yesNo, .yes): "no"
            case (.yesNo, _): "yes"
            case (.number, .comparison(.below, _)), (.number, .comparison(.atMost, _)): "99"
            case (.number, _): "0"
            case (.date, _): "2024-05-01"
            case (.choice(let options), .choices(let bad)): options.first { !bad.contains($0) } ?? options[0]
            case (.choice(let options), _): options[0]
            }
        }
    }
    return answers
}

// Three factories, each assessed twice (a first assessment is never published) and once
// refused a visit.
let firstDay = Day(iso: "2024-03-12")!
let secondDay = Day(iso: "2025-03-18")!
let factories = [
    FactoryRecord(id: "KH-DEMO-1", name: "Mekong River Garments", type: "garment", country: "KH"),
    FactoryRecord(id: "KH-DEMO-2", name: "Angkor Knitwear", type: "garment", country: "KH"),
    FactoryRecord(id: "KH-DEMO-3", name: "Tonle Sap Footwear", type: "footwear", country: "KH"),
]
var assessments: [AssessmentRecord] = []
var answers: [String: [String: String]] = [:]
for factory in factories {
    for (cycle, day) in [firstDay, secondDay].enumerated() {
        let id = "\(factory.id)-A\(cycle + 1)"
        assessments.append(AssessmentRecord(id: id, factory: factory.id, date: day, method: .onSite, cycle: cycle + 1,
                                            finalisedOn: day.adding(days: 30)))
        answers[id] = compliantAnswers(on: day)
    }
}
assessments.append(AssessmentRecord(id: "KH-DEMO-3-R1", factory: "KH-DEMO-3", date: Day(iso: "2025-05-02")!,
                                    status: .refused(.forceMajeure)))
answers["KH-DEMO-2-A2"]!["OSH-EMR-02"] = "no"    // "Are emergency exit doors unlocked during working hours?"
let responses = [
    ResponseRecord(id: "KH-DEMO-2-R", factory: "KH-DEMO-2", assessment: "KH-DEMO-2-A2", date: Day(iso: "2025-05-20")!,
                   text: "The emergency exits are now unlocked during every shift."),
]

var publisher = Publisher(project: project, asOf: Day(iso: "2025-06-30")!)
publisher.displayBase = project
let input = PublicationInput(factories: factories, assessments: assessments, answers: answers, responses: responses)
let result = publisher.publish(input)
guard let publication = result.publication else {
    print(DiagnosticRenderer().render(result.diagnostics))
    exit(1)
}
for country in publication.countries {
    let compliant = country.factories.filter { $0.status == .compliant }.count
    print("\(country.code): \(country.factories.count) factories listed, \(compliant) compliant")
    for factory in country.factories where !factory.findings.isEmpty {
        print("  \(factory.name): " + factory.findings.map { "\($0.issue) \($0.titles["en"] ?? "")" }.joined(separator: "; "))
    }
}
// The internal report: what became of every assessment, and why.
for account in publication.report.assessments {
    print("  \(account.assessment): \(account.disposition.rawValue)" + (account.reason.map { " (\($0.rawValue))" } ?? ""))
}
print("public JSON: \(publication.publicJSON.utf8.count) bytes")

// A mistake in the values comes back as a diagnostic, as a bad row of a table would.
var mistaken = input
mistaken.answers["KH-DEMO-9-A1"] = ["OSH-EMR-02": "yes"]
let refused = publisher.publish(mistaken)
print("with an answer to an assessment that does not exist: \(refused.publication == nil ? "nothing published" : "published")")
print(DiagnosticRenderer().render(refused.diagnostics))
