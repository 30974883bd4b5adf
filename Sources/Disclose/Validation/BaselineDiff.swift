/// How a country's public list differs from the baseline, and why: each difference with its
/// reason and the decision behind it.
package struct BaselineDiff: Sendable {
    /// One difference.
    package struct Difference: Sendable {
        /// `withdrawn`, `changed`, `added`, `parameter`, `policy`, `titles`, `omitted`, `zero-tolerance`, `question`.
        package var kind: String
        package var item: String
        package var what: String
        package var reason: String?
        package var decision: String?
        package var location: String
    }

    package var country: String
    package var differences: [Difference]

    /// Lists the country's choices against what it inherits.
    package init(book: RuleBook) {
        country = book.country?.code ?? ""
        var differences: [Difference] = []
        for choice in book.choices {
            let (line, _) = choice.origin.file.location(of: choice.origin.span.start)
            let location = "\(choice.origin.file.path):\(line)"
            let item = choice.items[0]
            let issueTimeline = book.issues.first { $0.periods.first?.value.id == item }
            var what = choice.changes.joined(separator: ", ")
            var kind = ""
            switch choice.kind {
            case .withdraw:
                kind = "withdrawn"
                what = "no longer public"
            case .change(let target):
                kind = target == .issue ? "changed" : target.rawValue
                what = "changes " + what
            case .issue:
                kind = "added"
                if case .inForce(let issue)? = issueTimeline?.latest { what = "country issue: \(issue.titles["en"] ?? item) [\(issue.category.rawValue)]" }
            case .titles:
                kind = "titles"
                what = "national titles in `\(item)` for \(choice.items.count - 1) issue\(choice.items.count == 2 ? "" : "s")"
            case .omitCategory:
                kind = "omitted"
                what = "no public issue in category `\(item)`"
            case .omitConstraint:
                kind = "waived"
                what = "does not meet programme constraint `\(item)`"
            case .scope:
                kind = "scope"
                what = "the portal covers only some factories" + (what.isEmpty ? "" : ": " + what)
            case .parameter, .question, .policy, .zeroTolerance, .moderation:
                kind = "added"
                what = "country \(choice.kind.spelling)" + (what.isEmpty ? "" : ": " + what)
            case .heading:
                kind = "heading"
                what = "groups public issues under its own heading (display only)"
            case .tier:
                kind = "tier"
                what = "a public list computed over the country's factories"

            case .country, .include, .cluster, .point, .example, .decision, .constraint, .attribute:
                continue
            }
            switch (choice.from, choice.until) {
            case (let from?, let until?): what += " from \(from) until \(until)"
            case (let from?, nil): what += " from \(from)"
            case (nil, let until?): what += " until \(until)"
            case (nil, nil): break
            }
            let reason = choice.reason
            differences.append(Difference(kind: kind, item: item, what: what, reason: reason, decision: choice.decision, location: location))
        }
        self.differences = differences
    }

    /// The differences for people.
    package func text() -> String {
        guard !differences.isEmpty else { return "\(country): the same as the baseline" }
        var lines = ["\(country): \(differences.count) difference\(differences.count == 1 ? "" : "s") from the baseline"]
        for difference in differences {
            lines.append("  \(difference.kind)  \(difference.item): \(difference.what)")
            if let reason = difference.reason { lines.append("      because: \(reason)") }
            lines.append("      decided by \(difference.decision ?? "(no decision)"), \(difference.location)")
        }
        return lines.joined(separator: "\n")
    }

    /// The differences as data.
    package func json() -> JSONValue {
        .object([
            ("country", .string(country)),
            ("differences", .array(differences.map { difference in
                .object([
                    ("kind", .string(difference.kind)), ("item", .string(difference.item)), ("what", .string(difference.what)),
                    ("reason", .optional(difference.reason)), ("decision", .optional(difference.decision)), ("location", .string(difference.location)),
                ])
            })),
        ])
    }
}
