/// A country's own headings over its public issues (grammar.md, "heading").
///
/// Better Factories Cambodia shows its 21 critical issues under its own headings
/// ("Fundamental Rights", "OSH/Emergency", "Wages", "Contracts"), which do not follow the
/// programme's categories: issue 21 is about money owed but sits under "Contracts"
/// (betterfactories.org/transparency/en/issues/introduction/critical_issues). A heading
/// changes only how the portal groups the issues; each issue keeps its category.
extension Checker {
    /// Checks the headings of the country file against its public issues and languages.
    mutating func buildHeadings(issues: [String: Timeline<IssueState>]) -> [Heading] {
        guard let country else { return [] }
        var headings: [Heading] = []
        var placed: [String: (heading: String, at: SourceRange)] = [:]
        var seenIds: [String: SourceRange] = [:]
        var misspelt: Set<String> = []
        for definition in headingDefinitions {
            let name = definition.name
            if let previous = seenIds[name.text] {
                reportDuplicate("heading", name, definition, previous: previous)
                continue
            }
            seenIds[name.text] = definition.at(name.span)
            let titles = titles(of: definition.declaration, in: definition.file)
            checkHeadingLanguages(definition, titles: titles, country: country)
            var listed: [String] = []
            for clause in definition.declaration.clauses {
                guard case .issues(let ids) = clause.body else { continue }
                for id in ids {
                    guard issues[id.text] != nil else {
                        report(.unknownIssueUnderHeading, "unknown issue `\(id.text)` under heading `\(name.text)`", definition.at(id.span),
                               label: "no such public issue", help: suggestionHelp(id.text, among: issueOrder, listing: "public issues include"))
                        // The issue meant is then under no heading too: one message is enough.
                        if let meant = Suggestion.closest(to: id.text, among: issueOrder) { misspelt.insert(meant) }
                        continue
                    }
                    if let earlier = placed[id.text] {
                        report(.issueUnderTwoHeadings, "issue `\(id.text)` is under two headings", definition.at(id.span),
                               label: "again under `\(name.text)`", secondary: [DiagnosticLabel(earlier.at, "first under `\(earlier.heading)`")],
                               help: "keep the issue under one heading: a heading groups issues for display, each issue in one place")
                        continue
                    }
                    placed[id.text] = (name.text, definition.at(id.span))
                    listed.append(id.text)
                }
            }
            headings.append(Heading(id: name.text, titles: titles, issues: listed, decision: decision(of: definition.declaration),
                                    from: nil, origin: definition.at(name.span)))
        }
        // Once a country groups its issues, an issue left out of every heading is most likely forgotten.
        guard !headings.isEmpty, let first = headingDefinitions.first else { return headings }
        for id in issueOrder where placed[id] == nil && !misspelt.contains(id) {
            guard let timeline = issues[id], timeline.periods.contains(where: { if case .inForce = $0.value { true } else { false } }) else { continue }
            report(.issueUnderNoHeading, "public issue `\(id)` is under no heading", first.at(first.name.span),
                   label: "the country's headings leave out `\(id)`",
                   help: "add `\(id)` to the `issues` line of one heading; the portal shows it after the headings, under its category")
        }
        return headings
    }

    /// Each of the country's languages needs the heading's title; a title in a language the
    /// country does not publish would never be shown.
    private mutating func checkHeadingLanguages(_ definition: Definition, titles: [String: String], country: Country) {
        let name = definition.name
        let missing = country.languages.filter { titles[$0] == nil }
        if !missing.isEmpty, definition.declaration.isComplete {
            let list = missing.map { "`\($0)`" }.joined(separator: ", ")
            report(.headingTitleMissing, "heading `\(name.text)` has no title in \(list)", definition.at(name.span),
                   label: "country `\(country.code)` publishes in \(country.languages.joined(separator: ", "))",
                   help: "add a line such as `title \(missing[0]) \"…\"` with the heading in that language")
        }
        for clause in definition.declaration.clauses {
            guard case .title(let language, _) = clause.body, !country.languages.contains(language.text),
                  LanguageCodes.all.contains(language.text) else { continue }
            report(.unknownReference, "language `\(language.text)` is not declared by country `\(country.code)`", definition.at(language.span),
                   label: "not in `languages`", help: "add `\(language.text)` to the country's `languages` line, or correct the code")
        }
    }
}
