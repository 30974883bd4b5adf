/// What a rule change would change on the portal: two publications of the same data compared.
public struct PublicationDiff: Sendable {
    /// A factory whose public status or findings differ.
    public struct FactoryChange: Sendable {
        public var country: String
        public var factory: String
        public var name: String
        /// "not listed", "compliant", "non-compliant (3)", "refused".
        public var before: String
        public var after: String
        public var addedIssues: [String]
        public var removedIssues: [String]
    }

    /// The change in one issue's country figure.
    public struct IssueChange: Sendable {
        public var country: String
        public var issue: String
        public var before: Int
        public var after: Int
    }

    public var factories: [FactoryChange]
    public var issues: [IssueChange]

    /// True when the portal would look the same.
    public var isEmpty: Bool { factories.isEmpty && issues.isEmpty }

    /// Compares the publication under the old rules with the one under the new rules.
    public init(before: Publication, after: Publication) {
        func index(_ publication: Publication) -> [String: PublicFactory] {
            var result: [String: PublicFactory] = [:]
            for country in publication.countries { for factory in country.factories { result[country.code + "\u{0}" + factory.id] = factory } }
            return result
        }
        func describe(_ factory: PublicFactory?) -> String {
            guard let factory else { return "not listed" }
            switch factory.status {
            case .compliant: return "compliant"
            case .refused: return "refused"
            case .nonCompliant: return "non-compliant (\(factory.findings.count))"
            }
        }
        let old = index(before)
        let new = index(after)
        factories = Set(old.keys).union(new.keys).sorted().compactMap { key in
            let a = old[key]
            let b = new[key]
            let oldIssues = Set(a?.findings.map(\.issue) ?? [])
            let newIssues = Set(b?.findings.map(\.issue) ?? [])
            guard describe(a) != describe(b) || oldIssues != newIssues else { return nil }
            let parts = key.split(separator: "\u{0}", maxSplits: 1).map(String.init)
            return FactoryChange(country: parts[0], factory: parts[1], name: (b ?? a)!.name, before: describe(a), after: describe(b),
                                 addedIssues: newIssues.subtracting(oldIssues).sorted(), removedIssues: oldIssues.subtracting(newIssues).sorted())
        }
        func figures(_ publication: Publication) -> [String: Int] {
            var result: [String: Int] = [:]
            for country in publication.countries { for figure in country.figures { result[country.code + "\u{0}" + figure.issue] = figure.nonCompliantFactories } }
            return result
        }
        let oldFigures = figures(before)
        let newFigures = figures(after)
        issues = Set(oldFigures.keys).union(newFigures.keys).sorted().compactMap { key in
            let a = oldFigures[key] ?? 0
            let b = newFigures[key] ?? 0
            guard a != b || (oldFigures[key] == nil) != (newFigures[key] == nil) else { return nil }
            let parts = key.split(separator: "\u{0}", maxSplits: 1).map(String.init)
            return IssueChange(country: parts[0], issue: parts[1], before: a, after: b)
        }
    }

    /// The diff for people: per country, the factories that change and the figures that move.
    public func text() -> String {
        guard !isEmpty else { return "no change on the portal" }
        var lines: [String] = []
        for country in Set(factories.map(\.country) + issues.map(\.country)).sorted() {
            let changed = factories.filter { $0.country == country }
            let moved = issues.filter { $0.country == country }
            lines.append("\(country): \(changed.count) factor\(changed.count == 1 ? "y" : "ies") change, \(moved.count) issue figure\(moved.count == 1 ? "" : "s") move")
            for change in changed {
                var line = "  \(change.factory)  \(change.name): \(change.before) -> \(change.after)"
                if !change.addedIssues.isEmpty { line += "; + \(change.addedIssues.joined(separator: ", "))" }
                if !change.removedIssues.isEmpty { line += "; - \(change.removedIssues.joined(separator: ", "))" }
                lines.append(line)
            }
            for issue in moved {
                lines.append("  issue \(issue.issue): \(issue.before) -> \(issue.after) non-compliant factories")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The diff as data.
    public func json() -> JSONValue {
        .object([
            ("factories", .array(factories.map { change in
                .object([
                    ("country", .string(change.country)), ("factory", .string(change.factory)), ("name", .string(change.name)),
                    ("before", .string(change.before)), ("after", .string(change.after)),
                    ("addedIssues", .array(change.addedIssues.map(JSONValue.string))), ("removedIssues", .array(change.removedIssues.map(JSONValue.string))),
                ])
            })),
            ("issues", .array(issues.map { change in
                .object([("country", .string(change.country)), ("issue", .string(change.issue)), ("before", .int(change.before)), ("after", .int(change.after))])
            })),
        ])
    }
}
