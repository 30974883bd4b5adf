/// The rules of a country as plain text, for people reading a terminal.
public enum RuleBookText {
    /// A readable summary of the rules in force on `day`.
    public static func render(_ book: RuleBook, on day: Day) -> String {
        var lines: [String] = []
        let language = book.country?.languages.first ?? "en"
        if let country = book.country {
            lines.append("\(country.titles["en"] ?? country.code) (\(country.code)), rules in force on \(day)")
            lines.append("status: \(country.status.rawValue)" + (country.decision.map { ", decided by \($0)" } ?? ""))
            if country.publishesNothing {
                lines.append("publishes nothing: \(country.reason ?? "")")
                return lines.joined(separator: "\n")
            }
            lines.append("languages: \(country.languages.joined(separator: ", "))")
        }
        let policy = book.publicationPolicy(on: day)
        lines.append("listed after \(policy.minimumAssessments) assessments; \(policy.refusalsToList) unexcused refusals are shown")
        let parameters = book.parameters.keys.sorted().compactMap { name in
            book.parameter(name, on: day).map { "  \(name) = \(describe($0))" }
        }
        if !parameters.isEmpty { lines += ["", "parameters:"] + parameters }
        let issues = book.publicIssues(on: day)
        lines += ["", "\(issues.count) public issues:"]
        for issue in issues {
            lines.append("  \(issue.id)  [\(issue.category.rawValue)]  \(issue.titles["en"] ?? issue.titles[language] ?? "")")
            lines.append("      raised when \(issue.conditionText)")
        }
        let zeroTolerance = book.zeroTolerance.compactMap { $0.value(on: day) }
        if !zeroTolerance.isEmpty {
            lines += ["", "zero tolerance:"]
            for category in zeroTolerance {
                // No deadline: the protocol asks for immediate reporting and sets no number of hours.
                let deadline = category.deadlineHours.map { ", report within \($0) hours" } ?? ", report immediately"
                lines.append("  \(category.id)  \(category.titles["en"] ?? "")  (\(category.questions.count) questions\(category.steps.isEmpty ? deadline : ""))")
                for (number, step) in category.steps.enumerated() {
                    lines.append("      \(number + 1). \(step.id) by \(step.actors.map(\.rawValue).joined(separator: ", ")): \(step.phrase)")
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    static func describe(_ value: ParameterValue) -> String {
        switch value {
        case .quantity(let amount, let unit): ConditionPrinter.number(amount) + (unit.map { " " + $0 } ?? "")
        case .date(let day): day.description
        case .flag(let flag): flag ? "yes" : "no"
        case .text(let text): ConditionPrinter.quoted(text)
        case .words(let words): words.joined(separator: ", ")
        case .byAttribute(let attribute, let values, let otherwise):
            (values.keys.sorted().map { "\(describe(values[$0]!)) for \(attribute) \(ConditionPrinter.attributeValue($0))" }
                + (otherwise.map { ["\(describe($0)) otherwise"] } ?? [])).joined(separator: "; ")
        }
    }
}
