/// Writes conditions back as text in the canonical layout.
///
/// Shared by the formatter and by explanations, so that a condition always reads the same.
package enum ConditionPrinter {
    /// The canonical text of a condition.
    package static func text(of condition: Condition) -> String {
        switch condition {
        case .quantified(let quantifier, let names, let status, _):
            let verb = quantifier == .all ? "are" : "is"
            return "\(quantifier.rawValue) of \(names.map(\.text).joined(separator: ", ")) \(verb) \(status.rawValue)"
        case .question(let name, let test, _):
            return "\(name.text) is \(text(of: test))"
        case .attribute(let name, let value, _):
            // `"yes"` and `yes` are the same value; the canonical form is the bare word.
            return "factory \(name.text) is \(attributeValue(value.text))"
        case .not(let inner, _):
            return "not " + grouped(inner)
        case .and(let parts):
            return parts.map(grouped).joined(separator: " and ")
        case .or(let parts):
            return parts.map(grouped).joined(separator: " or ")
        }
    }

    private static func grouped(_ condition: Condition) -> String {
        switch condition {
        case .and, .or: "(" + text(of: condition) + ")"
        default: text(of: condition)
        }
    }

    /// A factory attribute's value: `yes` and `no` bare (the same values as `"yes"` and `"no"`), others quoted.
    static func attributeValue(_ value: String) -> String {
        value == "yes" || value == "no" ? value : quoted(value)
    }

    static func text(of test: QuestionTest) -> String {
        switch test {
        case .status(let status): status.rawValue
        case .yes: "yes"
        case .no: "no"
        case .choice(let text): quoted(text.text)
        case .comparison(let comparison, let operand): "\(comparison.rawValue) \(text(of: operand))"
        }
    }

    static func text(of operand: OperandSyntax) -> String {
        switch operand {
        case .literal(let value): text(of: value.literal)
        case .parameter(let name): name.text
        }
    }

    /// A value as written in canonical form.
    static func text(of literal: Literal) -> String {
        switch literal {
        case .yes: "yes"
        case .no: "no"
        case .notApplicable: "not-applicable"
        case .quantity(let amount, let unit): number(amount) + (unit.map { " " + $0 } ?? "")
        case .date(let day): day.description
        case .text(let text): quoted(text)
        case .words(let words): words.joined(separator: ", ")
        }
    }

    /// A number without a needless `.0`.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// Text in double quotes, with `"` and `\` escaped.
    package static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            if character == "\"" || character == "\\" { result.append("\\") }
            result.append(character)
        }
        return result + "\""
    }
}
