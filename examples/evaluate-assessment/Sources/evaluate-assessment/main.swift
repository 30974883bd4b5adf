// Evaluates one Cambodian assessment with the disclose library and prints what the portal
// would show for it. Run from this folder: swift run evaluate-assessment
import Disclose
import Foundation

let project = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path
let result = Checker.check(entry: project + "/countries/KH.disclose", displayBase: project)
guard let book = result.ruleBook else {
    print(DiagnosticRenderer().render(result.diagnostics))
    exit(1)
}

// Every question behind a public issue answered compliantly, then two findings.
let day = Day(iso: "2024-05-14")!
var answers: [String: String] = [:]
for issue in book.publicIssues(on: day) {
    for index in issue.condition.questions {
        guard let question = book.questions[index].value(on: day) else { continue }
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
answers["OSH-EMR-02"] = "no"   // "Are emergency exit doors unlocked during working hours?"
answers["CHL-LAB-02"] = "13"   // the youngest worker is 13
answers["CHL-LAB-05"] = "no"   // and it was not remediated

let outcome = book.evaluate(answers: answers, on: day)
print("complete: \(outcome.isComplete)")
for issue in outcome.raised {
    print("raised \(issue.id): \(issue.titles["en"] ?? "") / \(issue.titles["km"] ?? "")")
}
for (category, questions) in outcome.zeroTolerance {
    print("zero tolerance \(category.id): \(questions.joined(separator: ", ")), report within \(category.deadlineHours ?? 0) hours")
}
