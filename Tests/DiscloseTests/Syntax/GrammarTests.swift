import Disclose
import Foundation
import Testing

/// Keeps grammar.md and the parser in step.
@Suite struct GrammarTests {
    static let grammar = (try? String(contentsOf: Golden.packageRoot.appendingPathComponent("grammar.md"), encoding: .utf8)) ?? ""

    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The productions in the parser's doc comments: lines from `name = ` to the closing ` ;`.
    static var parserProductions: [String] {
        let source = (try? String(contentsOf: Golden.packageRoot.appendingPathComponent("Sources/Disclose/Syntax/Parser.swift"), encoding: .utf8)) ?? ""
        var productions: [String] = []
        var current: String?
        for line in source.components(separatedBy: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("///") else { current = nil; continue }
            let text = String(trimmed.dropFirst(3))
            if current == nil, text.range(of: #"^ [a-z-]+ = "#, options: .regularExpression) != nil { current = "" }
            guard current != nil else { continue }
            current! += " " + text
            if text.hasSuffix(" ;") {
                productions.append(normalized(current!))
                current = nil
            }
        }
        return productions
    }

    /// The text of every fenced block of a kind in grammar.md.
    static func blocks(_ kind: String) -> [String] {
        var result: [String] = []
        var current: [String]?
        for line in grammar.components(separatedBy: "\n") {
            if current == nil, line == "```" + kind { current = []; continue }
            if current != nil, line == "```" { result.append(current!.joined(separator: "\n") + "\n"); current = nil; continue }
            current?.append(line)
        }
        return result
    }

    @Test func everyParserProductionIsInGrammar() {
        let ebnf = Self.normalized(Self.blocks("ebnf").joined(separator: " "))
        #expect(Self.parserProductions.count >= 15)
        for production in Self.parserProductions {
            #expect(ebnf.contains(production), "grammar.md lacks: \(production)")
        }
    }

    @Test(arguments: blocks("disclose").enumerated().map { $0 })
    func everyExampleInGrammarParses(_ index: Int, _ example: String) {
        let syntax = Parser.parse(SourceFile(path: "grammar.md example \(index + 1)", text: example))
        #expect(syntax.diagnostics.isEmpty, "example \(index + 1) does not parse:\n\(example)\n\(DiagnosticRenderer().render(syntax.diagnostics))")
        #expect(!syntax.declarations.isEmpty)
    }

    @Test func keywordListMatchesTheLexer() {
        let section = Self.grammar.components(separatedBy: "### Keywords")[1].components(separatedBy: "## 3.")[0]
        let listed = Set(section.matches(of: /`([a-z-]+)`/).map { String($0.1) })
        #expect(listed == Set(Keyword.allCases.map(\.rawValue)))
    }
}
