/// The rules of a country as in force on a day, as data for other tools and for people.
package enum RuleBookExport {
    /// The schema id of `json(_:on:)`'s output.
    package static let schema = "https://disclose.example/schemas/rules-v1.json"

    /// The resolved rule set in force on `day`: country, parameters, policy, public issues and zero tolerance.
    package static func json(_ book: RuleBook, on day: Day) -> JSONValue {
        let questionIds = book.questions.map { $0.periods.first?.value.id ?? "" }
        var members: [(String, JSONValue)] = [("schema", .string(schema)), ("asOf", .string(day.description))]
        if let country = book.country {
            members.append(("country", .object([
                ("code", .string(country.code)),
                ("titles", titles(country.titles)),
                ("languages", .array(country.languages.map(JSONValue.string))),
                ("status", .string(country.status.rawValue)),
                ("decision", .optional(country.decision)),
                ("publishesNothing", .bool(country.publishesNothing)),
                ("reason", .optional(country.reason)),
            ])))
        }
        members.append(("parameters", .object(book.parameters.keys.sorted().compactMap { name in
            book.parameter(name, on: day).map { (name, value($0)) }
        })))
        let policy = book.publicationPolicy(on: day)
        members.append(("policy", .object([
            ("minimumAssessments", .int(policy.minimumAssessments)),
            ("refusalsToList", .int(policy.refusalsToList)),
            ("excusedRefusalReasons", .array(RefusalReason.allCases.filter(policy.excusedRefusalReasons.contains).map { .string($0.rawValue) })),
            ("exitRetention", .string(policy.exitRetention.rawValue)),
            ("cycleLengthMonths", .int(policy.cycleLengthMonths)),
            ("greenHighlight", .bool(policy.greenHighlight)),
        ])))
        members.append(("issues", .array(book.publicIssues(on: day).map { issue in
            var questions: [String] = []
            for index in issue.condition.questions where !questions.contains(questionIds[index]) { questions.append(questionIds[index]) }
            return .object([
                ("id", .string(issue.id)),
                ("titles", titles(issue.titles)),
                ("category", .string(issue.category.rawValue)),
                ("questions", .array(questions.map(JSONValue.string))),
                ("condition", .string(issue.conditionText)),
                ("expression", condition(issue.condition, questionIds: questionIds, attributeNames: book.attributes.map(\.name))),
                ("decision", .optional(issue.changes.last?.decision ?? issue.decision)),
            ])
        })))
        members.append(("zeroTolerance", .array(book.zeroTolerance.compactMap { $0.value(on: day) }.map { category in
            .object([
                ("id", .string(category.id)),
                ("titles", titles(category.titles)),
                ("questions", .array(category.questions.map { .string(questionIds[$0]) })),
                ("deadlineHours", category.deadlineHours.map(JSONValue.int) ?? .null),
                ("steps", .array(category.steps.map { step in
                    .object([
                        ("step", .string(step.id)),
                        ("by", .array(step.actors.map { .string($0.rawValue) })),
                        ("limit", .string(step.phrase)),
                        ("dueHours", step.dueHours.map(JSONValue.int) ?? .null),
                    ])
                })),
            ])
        })))
        members.append(("questions", .array(book.questions.compactMap { $0.value(on: day) }.map { question in
            .object([
                ("id", .string(question.id)),
                ("point", .string(question.point)),
                ("answer", answerKind(question.answer)),
                ("nonCompliantWhen", violation(question.violation)),
                ("notApplicableAllowed", .bool(question.allowsNotApplicable)),
            ])
        })))
        return .object(members)
    }

    private static func titles(_ titles: [String: String]) -> JSONValue {
        .object(titles.keys.sorted().map { ($0, .string(titles[$0]!)) })
    }

    private static func value(_ value: ParameterValue) -> JSONValue {
        switch value {
        case .quantity(let amount, let unit): .object([("value", .number(amount)), ("unit", .optional(unit))])
        case .date(let day): .string(day.description)
        case .flag(let flag): .bool(flag)
        case .text(let text): .string(text)
        case .words(let words): .array(words.map(JSONValue.string))
        case .byAttribute(let attribute, let values, let otherwise):
            .object([("byAttribute", .string(attribute)),
                     ("values", .object(values.keys.sorted().map { ($0, self.value(values[$0]!)) })),
                     ("otherwise", otherwise.map { self.value($0) } ?? .null)])
        }
    }

    private static func operand(_ operand: Operand) -> JSONValue {
        switch operand {
        case .number(let amount, let unit): .object([("number", .number(amount)), ("unit", .optional(unit))])
        case .date(let day): .object([("date", .string(day.description))])
        case .parameter(let name): .object([("parameter", .string(name))])
        }
    }

    private static func answerKind(_ kind: AnswerKind) -> JSONValue {
        switch kind {
        case .yesNo: .object([("kind", .string("yes-no"))])
        case .number(let unit): .object([("kind", .string("number")), ("unit", .string(unit))])
        case .date: .object([("kind", .string("date"))])
        case .choice(let options): .object([("kind", .string("choice")), ("options", .array(options.map(JSONValue.string)))])
        }
    }

    private static func violation(_ violation: Violation) -> JSONValue {
        switch violation {
        case .yes: .object([("answer", .string("yes"))])
        case .no: .object([("answer", .string("no"))])
        case .comparison(let comparison, let value): .object([("compare", .string(comparison.rawValue)), ("with", operand(value))])
        case .choices(let choices): .object([("choices", .array(choices.sorted().map(JSONValue.string)))])
        case .informational: .null
        }
    }

    /// A condition as a JSON tree that other engines can translate.
    static func condition(_ condition: RuleCondition, questionIds: [String], attributeNames: [String] = []) -> JSONValue {
        switch condition {
        case .status(let question, let status):
            return .object([("question", .string(questionIds[question])), ("is", .string(status.rawValue))])
        case .quantified(let quantifier, let questions, let status):
            return .object([(quantifier.rawValue, .array(questions.map { .string(questionIds[$0]) })), ("is", .string(status.rawValue))])
        case .answer(let question, let test):
            let answer: String = switch test {
            case .yes: "yes"
            case .no: "no"
            case .choice(let text): text
            }
            return .object([("question", .string(questionIds[question])), ("answer", .string(answer))])
        case .comparison(let question, let comparison, let value):
            return .object([("question", .string(questionIds[question])), ("compare", .string(comparison.rawValue)), ("with", operand(value))])
        case .attribute(let index, let value):
            return .object([("factory", .string(attributeNames.indices.contains(index) ? attributeNames[index] : "")), ("is", .string(value))])
        case .not(let inner):
            return .object([("not", self.condition(inner, questionIds: questionIds, attributeNames: attributeNames))])
        case .and(let parts):
            return .object([("and", .array(parts.map { self.condition($0, questionIds: questionIds, attributeNames: attributeNames) }))])
        case .or(let parts):
            return .object([("or", .array(parts.map { self.condition($0, questionIds: questionIds, attributeNames: attributeNames) }))])
        }
    }
}
