// Evaluates one Cambodian assessment with the disclose library and prints what the portal
// would show for it. Run from this folder: swift run evaluate-assessment
import Disclose
import Foundation

let project = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path
let result = Checker.check(entry: project + "/countries/KH.disclose", displayBase: project)
// The public view: only what adopted PAC decisions stand behind, as the portal shows it
// (`result.ruleBook` has the drafts too, for a preview).
guard let book = result.publicRuleBook else {
    print(DiagnosticRenderer().render(result.diagnostics))
    exit(1)
}

// Every question behind a public issue answered compliantly, then two findings.
let day = Day(iso: "2024-05-14")!
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
answers["OSH-EMR-02"] = "no"   // "Are emergency exit doors unlocked during working hours?"
answers["CHL-LAB-02"] = "13"   // the youngest worker is 13
answers["CHL-LAB-05"] = "no"   // and it was not remediated

// Prepare the rules once (the analogue of OPA's PrepareForEval), then evaluate as many
// assessments as needed: as of 30 June 2025, as the portal would show them on that day.
let evaluator = PreparedEvaluator(book: book, asOf: Day(iso: "2025-06-30")!)
let outcome = evaluator.evaluate(answers: answers, on: day)
print("withheld as incomplete data: \(outcome.withheldAsIncomplete)")
for issue in outcome.raised {
    print("raised \(issue.issue): \(issue.title) (\(issue.category))")
    print("  because \(issue.because)")
    for answer in issue.answers where answer.status != "compliant" {
        print("  \(answer.question) = \(answer.answer) (\(answer.status))")
    }
    for parameter in issue.parameters { print("  parameter \(parameter.name) = \(parameter.value)") }
    print("  rule \(issue.rule)" + (issue.decision.map { ", decided by \($0)" } ?? ""))
}
for hit in outcome.zeroTolerance {
    print("zero tolerance \(hit.category) (\(hit.title)): \(hit.questions.joined(separator: ", "))")
}

// A mistyped question id and an answer that does not fit are reported, never ignored.
answers["CHL-LAB-1"] = "no"
answers["OSH-EMR-02"] = "sometimes"
let flawed = evaluator.evaluate(answers: answers, on: day)
print("unknown questions: \(flawed.unknownQuestions.joined(separator: ", "))")
print("unusable: " + flawed.unusable.map { "\($0.question) = \($0.answer)" }.joined(separator: ", "))
print("incomplete: " + flawed.incomplete.map { "\($0.question) (\($0.problem.rawValue))" }.joined(separator: ", ")
    + "; withheld as incomplete data: \(flawed.withheldAsIncomplete)")
