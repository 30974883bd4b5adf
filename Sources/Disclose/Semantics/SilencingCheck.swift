/// Finds public issues that a "not applicable" answer keeps from ever being raised (E310).
///
/// The shape is KH-01's: `(child labour found) and CHL-LAB-05 is no`, where CHL-LAB-05 allows
/// "not applicable". Precisely, for an issue in force on some day and a question Q of its
/// condition whose not-applicable answer is allowed that day, the check reports when
/// - with Q not applicable, no answers to the other questions raise the issue;
/// - with Q answered, some answers do;
/// - the condition reads another question (the situation Q's answer is about), and does not
///   test `Q is not-applicable` itself (then it says in words what the answer does);
/// - and Q's `required when` (if any) does not hold in every case in which the other answers
///   would raise the issue with Q answered: there, "not applicable" would be silent.
///
/// Only complete assessments matter: a missing or unusable answer to a question behind a
/// public issue already withholds the assessment. So each question ranges over a few answer
/// classes: not applicable (where allowed), yes and no, each choice, and for numbers and dates
/// one value on, between, below and above each threshold the conditions compare with. The
/// search assigns one question at a time and stops as soon as the condition is decided; a
/// budget bounds it, and a condition too large to decide within it is not reported.
struct SilencingCheck {
    let book: RuleBook
    /// The syntax of each issue condition, to point at the question in it.
    let syntax: [RuleCondition: (Condition, SourceFile)]

    /// Search steps allowed per question: the shipped conditions need a few dozen.
    static let budget = 20_000

    /// What a question's answer is, for one class of answers.
    enum Value: Equatable {
        /// The question is not in force that day: every test of it is false.
        case absent
        case notApplicable
        case answered(Answer, nonCompliant: Bool)
    }

    func diagnostics() -> [Diagnostic] {
        var result: [Diagnostic] = []
        var reported: Set<String> = []
        let boundaries = book.ruleBoundaries
        let days = boundaries.isEmpty ? [Day(ordinal: 0)] : [boundaries[0].adding(days: -1)] + boundaries
        for day in days {
            for issue in book.publicIssues(on: day) {
                var seen: Set<Int> = []
                for index in issue.condition.questions where seen.insert(index).inserted {
                    let key = issue.id + "\u{0}" + String(index)
                    guard !reported.contains(key), let question = book.questions[index].value(on: day), question.allowsNotApplicable,
                        let diagnostic = check(issue, question: question, on: day)
                    else { continue }
                    reported.insert(key)
                    result.append(diagnostic)
                }
            }
        }
        return result
    }

    private func check(_ issue: Issue, question: Question, on day: Day) -> Diagnostic? {
        let q = question.index
        let others = unique(issue.condition.questions).filter { $0 != q }
        // A condition that tests `Q is not-applicable` says in words what the answer does.
        guard !others.isEmpty, !Self.testsNotApplicable(issue.condition, q) else { return nil }
        var search = Search(book: book, day: day)
        let answered = search.domain(q, thresholdsFrom: issue.condition).filter { $0 != .notApplicable }
        guard search.satisfiable(issue.condition, fixed: [q: [.notApplicable]]) == false,
            search.satisfiable(issue.condition, fixed: [q: answered]) == true
        else { return nil }
        if let required = question.requiredWhen {
            // Covered when no case raises the issue with Q answered while `required when` fails.
            guard search.satisfiable(.and([issue.condition, .not(required)]), fixed: [q: answered]) == true else { return nil }
        }
        return diagnostic(issue, question: question)
    }

    private func diagnostic(_ issue: Issue, question: Question) -> Diagnostic {
        let found = syntax[issue.condition]
        let at = found.flatMap { condition, file in
            condition.names.first { $0.text == question.id }.map { SourceRange(file, $0.span) }
        } ?? issue.origin
        let fix = found.flatMap { Self.requirement(in: $0.0, without: question.id) }
        let line = "\"  required when \(fix ?? "…")\""
        let place = question.origin.file == issue.origin.file
            ? "to question `\(question.id)`"
            : "to question `\(question.id)` in \(question.origin.file.path), or in the country file to `change question \(question.id)` with a `reason` and `decided by`"
        var help = "make an answer required where `\(issue.id)` could apply: add the line \(line) \(place)"
        if fix == nil { help += ", naming the other answers in which `\(question.id)` must be answered" }
        if let existing = question.requiredWhenText {
            help = "its `required when \(existing)` does not cover every case that raises `\(issue.id)`: write \(line) instead"
                + (fix == nil ? ", naming every case in which `\(question.id)` must be answered" : "")
        }
        return Diagnostic(.notApplicableSilencesIssue, "a \"not applicable\" answer to `\(question.id)` keeps issue `\(issue.id)` from ever being raised", at: at,
                          label: "not applicable here makes the condition false, whatever the other answers",
                          secondary: [DiagnosticLabel(question.origin, "`\(question.id)` allows not-applicable")],
                          notes: ["where the other answers raise `\(issue.id)` and `\(question.id)` is answered not applicable, the factory shows no `\(issue.id)`: a false green"],
                          help: help)
    }

    /// The conditions that make `question` apply, for a `required when` line: the parts of a
    /// top-level `and` that do not read the question (`X and Q is no` gives `X`).
    static func requirement(in condition: Condition, without question: String) -> String? {
        guard case .and(let parts) = condition else { return nil }
        let rest = parts.filter { part in !part.names.contains { $0.text == question } }
        guard !rest.isEmpty, rest.count < parts.count else { return nil }
        return rest.count == 1 ? ConditionPrinter.text(of: rest[0]) : ConditionPrinter.text(of: .and(rest))
    }

    static func testsNotApplicable(_ condition: RuleCondition, _ question: Int) -> Bool {
        switch condition {
        case .status(let asked, let status): asked == question && status == .notApplicable
        case .quantified(_, let asked, let status): status == .notApplicable && asked.contains(question)
        case .answer, .comparison, .attribute: false
        case .not(let inner): testsNotApplicable(inner, question)
        case .and(let parts), .or(let parts): parts.contains { testsNotApplicable($0, question) }
        }
    }

    private func unique(_ indices: [Int]) -> [Int] {
        var seen: Set<Int> = []
        return indices.filter { seen.insert($0).inserted }
    }

    /// A search for answers that make a condition true, on one day.
    struct Search {
        let book: RuleBook
        let day: Day
        var steps = 0
        var domains: [Int: [Value]] = [:]

        init(book: RuleBook, day: Day) {
            self.book = book
            self.day = day
        }

        /// True or false when decided; nil when the budget ran out.
        mutating func satisfiable(_ condition: RuleCondition, fixed: [Int: [Value]]) -> Bool? {
            steps = 0
            var order: [Int] = []
            var seen: Set<Int> = []
            for index in condition.questions where seen.insert(index).inserted { order.append(index) }
            // Domains depend on the thresholds the condition compares with: made afresh per query.
            domains = [:]
            for index in order { domains[index] = domain(index, thresholdsFrom: condition) }
            // A factory attribute is a variable too (keyed -1 - its index), ranging over its declared values.
            for attribute in condition.attributes where seen.insert(-1 - attribute).inserted {
                order.append(-1 - attribute)
                domains[-1 - attribute] = book.attributes[attribute].values.map { .answered(.choice($0), nonCompliant: false) }
            }
            var assignment: [Int: Value] = [:]
            return solve(condition, order: order, position: 0, fixed: fixed, assignment: &assignment)
        }

        private mutating func solve(_ condition: RuleCondition, order: [Int], position: Int, fixed: [Int: [Value]],
                                    assignment: inout [Int: Value]) -> Bool? {
            steps += 1
            guard steps <= SilencingCheck.budget else { return nil }
            if let decided = evaluate(condition, assignment) { return decided }
            guard position < order.count else { return false }
            let index = order[position]
            var exhausted = false
            for value in fixed[index] ?? domains[index] ?? [] {
                assignment[index] = value
                switch solve(condition, order: order, position: position + 1, fixed: fixed, assignment: &assignment) {
                case true?: assignment[index] = nil; return true
                case false?: break
                case nil: exhausted = true
                }
                if exhausted { break }
            }
            assignment[index] = nil
            return exhausted ? nil : false
        }

        /// The answer classes of a question on the day; thresholds from the violation and from
        /// the comparisons of `condition` (numbers and dates).
        mutating func domain(_ index: Int, thresholdsFrom condition: RuleCondition? = nil) -> [Value] {
            guard let question = book.questions[index].value(on: day) else { return [.absent] }
            var values: [Value] = question.allowsNotApplicable ? [.notApplicable] : []
            func value(_ operand: Operand) -> Double? {
                switch operand {
                case .number(let amount, _): return amount
                case .date(let day): return Double(day.ordinal)
                case .parameter(let name):
                    // A value by attribute: the search uses one of its values (the one for other factories).
                    switch book.parameter(name, on: day)?.representative {
                    case .quantity(let amount, _)?: return amount
                    case .date(let day)?: return Double(day.ordinal)
                    default: return nil
                    }
                }
            }
            func judged(_ answer: Answer, _ raw: Double) -> Value? {
                switch question.violation {
                case .yes: return .answered(answer, nonCompliant: answer == .yes)
                case .no: return .answered(answer, nonCompliant: answer == .no)
                case .choices(let choices):
                    guard case .choice(let choice) = answer else { return nil }
                    return .answered(answer, nonCompliant: choices.contains(choice))
                case .informational:
                    return .answered(answer, nonCompliant: false)
                case .comparison(let comparison, let operand):
                    // A threshold with no value that day makes every answer unusable.
                    guard let threshold = value(operand) else { return nil }
                    return .answered(answer, nonCompliant: EvaluationPlan.compare(raw, comparison, threshold))
                }
            }
            switch question.answer {
            case .yesNo:
                values += [judged(.yes, 1), judged(.no, 0)].compactMap { $0 }
            case .choice(let options):
                values += options.compactMap { judged(.choice($0), 0) }
            case .number, .date:
                var thresholds: Set<Double> = []
                if case .comparison(_, let operand) = question.violation, let threshold = value(operand) { thresholds.insert(threshold) }
                func collect(_ condition: RuleCondition) {
                    switch condition {
                    case .comparison(let asked, _, let operand): if asked == index, let threshold = value(operand) { thresholds.insert(threshold) }
                    case .not(let inner): collect(inner)
                    case .and(let parts), .or(let parts): parts.forEach(collect)
                    case .status, .quantified, .answer, .attribute: break
                    }
                }
                if let condition { collect(condition) }
                let sorted = thresholds.sorted()
                var points: [Double] = []
                for (position, threshold) in sorted.enumerated() {
                    points.append(position == 0 ? threshold - 1 : (sorted[position - 1] + threshold) / 2)
                    points.append(threshold)
                }
                points.append((sorted.last ?? 0) + 1)
                let isDate = question.answer == .date
                for point in points where isDate || point >= 0 {
                    let answer: Answer = isDate ? .date(Day(ordinal: Int(point.rounded(.down)))) : .number(point)
                    if let judged = judged(answer, isDate ? point.rounded(.down) : point) { values.append(judged) }
                }
            }
            return values
        }

        /// The condition under a partial assignment: nil while undecided.
        func evaluate(_ condition: RuleCondition, _ assignment: [Int: Value]) -> Bool? {
            switch condition {
            case .status(let question, let status):
                return assignment[question].map { Self.has($0, status) }
            case .quantified(let quantifier, let questions, let status):
                let inForce = questions.filter { assignment[$0] != .absent }
                var unknown = false
                for question in inForce {
                    guard let value = assignment[question] else { unknown = true; continue }
                    let holds = Self.has(value, status)
                    if quantifier == .any, holds { return true }
                    if quantifier == .all, !holds { return false }
                }
                if unknown { return nil }
                return quantifier == .any ? false : !inForce.isEmpty
            case .answer(let question, let test):
                guard let value = assignment[question] else { return nil }
                guard case .answered(let answer, _) = value else { return false }
                switch (test, answer) {
                case (.yes, .yes), (.no, .no): return true
                case (.choice(let expected), .choice(let given)): return expected.lowercased() == given.lowercased()
                default: return false
                }
            case .comparison(let question, let comparison, let operand):
                guard let value = assignment[question] else { return nil }
                guard case .answered(let answer, _) = value else { return false }
                let raw: Double
                switch answer {
                case .number(let amount): raw = amount
                case .date(let day): raw = Double(day.ordinal)
                case .yes, .no, .notApplicable, .choice: return false
                }
                let threshold: Double?
                switch operand {
                case .number(let amount, _): threshold = amount
                case .date(let day): threshold = Double(day.ordinal)
                case .parameter(let name):
                    switch book.parameter(name, on: day)?.representative {
                    case .quantity(let amount, _)?: threshold = amount
                    case .date(let day)?: threshold = Double(day.ordinal)
                    default: threshold = nil
                    }
                }
                return threshold.map { EvaluationPlan.compare(raw, comparison, $0) } ?? false
            case .attribute(let attribute, let expected):
                guard let value = assignment[-1 - attribute] else { return nil }
                guard case .answered(.choice(let given), _) = value else { return false }
                return given.lowercased() == expected.lowercased()
            case .not(let inner):
                return evaluate(inner, assignment).map { !$0 }
            case .and(let parts):
                var unknown = false
                for part in parts {
                    switch evaluate(part, assignment) {
                    case false?: return false
                    case nil: unknown = true
                    case true?: break
                    }
                }
                return unknown ? nil : true
            case .or(let parts):
                var unknown = false
                for part in parts {
                    switch evaluate(part, assignment) {
                    case true?: return true
                    case nil: unknown = true
                    case false?: break
                    }
                }
                return unknown ? nil : false
            }
        }

        private static func has(_ value: Value, _ status: QuestionStatus) -> Bool {
            switch value {
            case .absent: false
            case .notApplicable: status == .notApplicable
            case .answered(_, let nonCompliant): status == (nonCompliant ? .nonCompliant : .compliant)
            }
        }
    }
}
