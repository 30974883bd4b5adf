/// A country's tiers (grammar.md, "tier"): public lists computed over its factories.
///
/// Better Factories Cambodia measures factories with three or more assessments against 52
/// legal requirements and names those more than two standard deviations below the mean
/// compliance; it also publishes unions' compliance with the legal requirements for strikes
/// (https://betterfactories.org/transparency/pages/view/18).
extension Checker {
    /// Checks the tiers of the country file.
    mutating func buildTiers(issues: [Timeline<IssueState>], questions: [String: Timeline<Question>]) -> [Tier] {
        guard let country else { return [] }
        var tiers: [Tier] = []
        var seen: [String: SourceRange] = [:]
        for definition in tierDefinitions {
            let name = definition.name
            if let previous = seen[name.text] {
                reportDuplicate("tier", name, definition, previous: previous)
                continue
            }
            seen[name.text] = definition.at(name.span)
            let titles = titles(of: definition.declaration, in: definition.file)
            let missing = country.languages.filter { titles[$0] == nil }
            if !missing.isEmpty, definition.declaration.isComplete {
                report(.headingTitleMissing, "tier `\(name.text)` has no title in \(missing.map { "`\($0)`" }.joined(separator: ", "))",
                       definition.at(name.span), label: "country `\(country.code)` publishes in \(country.languages.joined(separator: ", "))",
                       help: "add a line such as `title \(missing[0]) \"…\"` with the tier's name in that language")
            }
            var tier = Tier(id: name.text, titles: titles, subject: .factory, minimumAssessments: 0, questions: [],
                            threshold: .rateBelow(percent: 100), decision: decision(of: definition.declaration), from: nil,
                            origin: definition.at(name.span))
            var ok = definition.declaration.isComplete
            for clause in definition.declaration.clauses {
                let at = definition.at(clause.span)
                switch clause.body {
                case .concerns(let subject):
                    guard let value = Tier.Subject(rawValue: subject.text) else {
                        report(.unknownValue, "unknown subject `\(subject.text)`", definition.at(subject.span), label: "not whose compliance a tier measures",
                               help: suggestionHelp(subject.text, among: Tier.Subject.allCases.map(\.rawValue), listing: "a tier concerns"))
                        ok = false
                        continue
                    }
                    tier.subject = value
                case .assessments(let count, _):
                    guard count >= 1, count <= 100, count == count.rounded() else {
                        report(.typeMismatch, "a tier counts a whole number of assessments, from 1", at, label: "not a whole number from 1",
                               help: "for example `assessments at least 3`")
                        ok = false
                        continue
                    }
                    tier.minimumAssessments = Int(count)
                case .threshold(let threshold):
                    guard let value = tierThreshold(threshold, file: definition.file) else { ok = false; continue }
                    tier.threshold = value
                case .questions(let names):
                    for question in names {
                        guard let index = resolveQuestion(question, file: definition.file) else { ok = false; continue }
                        if tier.questions.contains(index) {
                            report(.duplicateDefinition, "requirement `\(question.text)` is listed twice in tier `\(name.text)`", definition.at(question.span),
                                   label: "again here", help: "list each requirement once: it would count twice in the rate")
                            ok = false
                            continue
                        }
                        tier.questions.append(index)
                    }
                default:
                    break
                }
            }
            if ok, tier.subject == .union { checkUnionTierStaysApart(tier, definition: definition, issues: issues) }
            if ok { tiers.append(tier) }
        }
        return tiers
    }

    private mutating func tierThreshold(_ syntax: ThresholdSyntax, file: SourceFile) -> Tier.Threshold? {
        switch syntax {
        case .deviations(let amount, let unit, let reference, let span):
            guard Units.same(unit.text, "deviations"), reference.text == "mean" else {
                report(.unknownValue, "unknown threshold `\(file.text(span))`", SourceRange(file, span), label: "not a threshold",
                       help: "write `threshold 2 deviations below mean` or `threshold below 100 percent`")
                return nil
            }
            // Whole numbers keep the comparison exact: rate differences are compared squared.
            guard amount >= 1, amount <= 10, amount == amount.rounded() else {
                report(.typeMismatch, "a tier's threshold is a whole number of standard deviations, from 1 to 10", SourceRange(file, span),
                       label: "not a whole number from 1 to 10", help: "for example `threshold 2 deviations below mean`")
                return nil
            }
            return .deviationsBelowMean(Int(amount))
        case .rate(let amount, let unit, let span):
            guard Units.same(unit.text, "percent") else {
                report(.unknownValue, "unknown threshold `\(file.text(span))`", SourceRange(file, span), label: "not a threshold",
                       help: "write `threshold below 100 percent` or `threshold 2 deviations below mean`")
                return nil
            }
            guard amount >= 1, amount <= 100, amount == amount.rounded() else {
                report(.typeMismatch, "a tier's rate threshold is a whole percentage from 1 to 100", SourceRange(file, span),
                       label: "not a whole percentage from 1 to 100", help: "for example `threshold below 100 percent`")
                return nil
            }
            return .rateBelow(percent: Int(amount))
        }
    }

    /// A union tier lists the union's conduct: a public issue that reads the same question would
    /// count the union's finding against the factory.
    private mutating func checkUnionTierStaysApart(_ tier: Tier, definition: Definition, issues: [Timeline<IssueState>]) {
        for timeline in issues {
            guard case .inForce(let issue)? = timeline.latest else { continue }
            let shared = Set(issue.condition.questions).intersection(tier.questions)
            for index in shared.sorted() {
                let id = questionOrder[index]
                report(.unionRequirementCountedAgainstFactory, "public issue `\(issue.id)` reads `\(id)`, a requirement of union tier `\(tier.id)`",
                       definition.at(definition.name.span), label: "the union's conduct", secondary: [DiagnosticLabel(issue.origin, "counts it against the factory")],
                       help: "keep `\(id)` out of the factory's public issues, or make the tier `concerns factory`")
            }
        }
    }
}
