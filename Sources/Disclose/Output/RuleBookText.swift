/// The rules of a country as plain text, for people reading a terminal.
package enum RuleBookText {
    /// A readable summary of the rules in force on `day`.
    package static func render(_ book: RuleBook, on day: Day) -> String {
        var lines: [String] = []
        if let country = book.country {
            lines.append("\(country.titles["en"] ?? country.code) (\(country.code)), rules in force on \(day)")
            lines.append("status: \(country.status.rawValue)" + (country.decision.map { ", decided by \($0)" } ?? ""))
            lines.append("launch: \(book.standing.launch.description)\(book.standing.launch.isLaunched(on: day) ? "" : " (nothing is published on \(day))")")
            if country.publishesNothing {
                lines.append("publishes nothing: \(country.reason ?? "")")
                return lines.joined(separator: "\n")
            }
            lines.append("languages: \(country.languages.joined(separator: ", "))")
        }
        let policy = book.publicationPolicy(on: day)
        lines.append("listed after \(policy.minimumAssessments) assessments; \(policy.refusalsToList) unexcused refusals are shown")
        let languages = book.country?.languages ?? ["en"]
        let parameters = book.parameters.keys.sorted().compactMap { name in
            book.parameter(name, on: day).map { "  \(name) = \(describe($0))" + notes(book, kinds: ["parameter", "change parameter"], id: name, on: day).map { "  (\($0))" }.joined() }
        }
        if !parameters.isEmpty { lines += ["", "parameters:"] + parameters }
        let issues = book.publicIssues(on: day)
        let drafts = issues.filter { issue in book.standing.drafts.contains { $0.kind == "issue" && $0.id == issue.id } }.count
        lines += ["", "\(issues.count) public issues, \(issues.count - drafts) adopted and \(drafts) draft\(drafts == 1 ? "" : "s") (a draft is published only once its decision is adopted):"]
        for issue in issues {
            lines.append("  \(issue.id)  [\(issue.category.rawValue)]")
            for code in languages {
                let title = issue.titles[code].map(ConditionPrinter.quoted) ?? "(no title)"
                let note = notes(book, kinds: ["title"], id: "\(issue.id) \(code)", on: day).map { "  (\($0))" }.joined()
                lines.append("      title \(code) \(title)\(note)")
            }
            lines.append("      raised when \(issue.conditionText)")
            for note in notes(book, kinds: ["issue", "change issue", "withdraw issue"], id: issue.id, on: day) { lines.append("      \(note)") }
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

    /// The standing of the items of `kinds` about `id` that matter on `day`: "issue: adopted by
    /// VN-PAC-2015-01, public from 2015-12-31", "title vi: draft, awaits VN-PROP-2026-02 (proposed)".
    private static func notes(_ book: RuleBook, kinds: [String], id: String, on day: Day) -> [String] {
        var seen: Set<String> = []
        return book.standing.items.filter { kinds.contains($0.kind) && $0.id == id }.compactMap { item in
            let what = item.kind == "title" ? "" : "\(item.kind): "
            let note: String
            switch item.standing {
            case .adopted(let decision, let from):
                note = "\(what)adopted by \(decision)" + (from <= day ? "" : ", in force from \(from)")
            case .draft(.noDecision) where item.kind == "issue":
                note = "\(what)draft, no decision of the country publishes it"
            case .draft(let reason):
                note = "\(what)draft, \(reason.description)"
            }
            return seen.insert(note).inserted ? note : nil
        }
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
