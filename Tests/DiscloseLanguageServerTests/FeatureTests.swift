import Disclose
import DiscloseSample
import Foundation
import Testing
@testable import DiscloseLanguageServer

/// Every request the server answers, on the shipped rule files.
@Suite struct FeatureTests {
    static let kh = "countries/KH.disclose"
    static let vn = "countries/VN.disclose"

    @Test func hoversAQuestionWithItsWordingAnswerAndLegalReference() {
        let session = Session()
        session.open(Self.kh)
        let text = session.request("textDocument/hover", session.at(Self.kh, "(CHL-LAB-01 is yes", offset: 3)).hoverText
        #expect(text.contains("**question `CHL-LAB-01`** in `CHL-LAB`"))
        #expect(text.contains("en: Are there workers under the legal minimum working age?"))
        #expect(text.contains("`answer yes-no`"))
        #expect(text.contains("`non-compliant when yes`"))
        #expect(text.contains("legal: ILO Minimum Age Convention, 1973 (No. 138)"))
        #expect(text.contains("rules/catalogue.disclose:"))
    }

    @Test func hoversAnIssueWithTitlesCategoryDecisionAndDocComment() {
        let session = Session()
        session.open(Self.kh)
        let text = session.request("textDocument/hover", session.at(Self.kh, "issue KH-01", offset: 7)).hoverText
        #expect(text.contains("**issue `KH-01`**"))
        #expect(text.contains("en: No unremediated child labour"))
        #expect(text.contains("km: គ្មានពលកម្មកុមារដែលមិនទាន់បានដោះស្រាយ"))
        #expect(text.contains("category: `child-labour`"))
        let decision = Session.first(#"^issue KH-01\n(?:  .*\n)*?  decided by (\S+)"#, in: Self.kh)
        let status = Session.first("^decision \(decision)\n(?:  .*\n)*?  status (\\S+)", in: "countries/KH-decisions.disclose")
        #expect(text.contains("decided by `\(decision)` (status \(status))"))
        #expect(text.contains("Child labour found at the factory and not remediated"))
    }

    @Test func hoversAnIssueWithTheDayItIsInForceFrom() {
        let session = Session()
        session.open(Self.vn)
        let text = session.request("textDocument/hover", session.at(Self.vn, "issue FIXED-TERM-CONTRACTS", offset: 7)).hoverText
        let from = Session.first(#"^issue FIXED-TERM-CONTRACTS\n(?:  .*\n)*?  from (\S+)"#, in: Self.vn)
        #expect(text.contains("- in force from \(from)"))
        #expect(text.contains("decided by `VN-PAC-2015-01` (status adopted)"))
        #expect(text.contains("vi: Không tuân thủ giới hạn"))
    }

    @Test func hoversAnInheritedIssueWithItsWithdrawal() {
        let session = Session()
        session.open(Self.vn)
        let text = session.request("textDocument/hover", session.at(Self.vn, "withdraw issue UNION-CHOICE", offset: 16)).hoverText
        #expect(text.contains("**issue `UNION-CHOICE`**"))
        #expect(text.contains("category: `freedom-of-association`"))
        #expect(text.contains("withdraw issue in `countries/VN.disclose`"))
    }

    @Test func hoversAParameterWithTodaysValueAndItsPeriods() {
        let session = Session()
        session.open(Self.vn)
        let text = session.request("textDocument/hover", session.at(Self.vn, "change parameter monthly-overtime-cap", offset: 20)).hoverText
        #expect(text.contains("value today (2025-06-30): `40 hours`"))
        #expect(text.contains("`52 hours` (`rules/catalogue.disclose`)"))
        #expect(text.contains("`30 hours` until 2020-12-31"))
        #expect(text.contains("`40 hours` from 2021-01-01"))
        #expect(text.contains("Most overtime hours allowed in one month."))
    }

    @Test func hoversADecisionWithStatusDateAndSource() {
        let session = Session()
        session.open(Self.vn)
        let text = session.request("textDocument/hover", session.at(Self.vn, "decided by VN-PAC-2015-01", offset: 12)).hoverText
        #expect(text.contains("**decision `VN-PAC-2015-01`**"))
        #expect(text.contains("`status adopted`"))
        let on = Session.first(#"^decision VN-PAC-2015-01\n(?:  .*\n)*?  (on \S+)"#, in: "countries/VN-decisions.disclose")
        #expect(text.contains("`\(on)`"))
        let source = Session.first(#"^decision VN-PAC-2015-01\n(?:  .*\n)*?  source "([^"]*)""#, in: "countries/VN-decisions.disclose")
        #expect(text.contains("- source: \(source)"))
    }

    @Test(arguments: [("raised when (CHL", "raised"), ("  category child", "category"), ("include \"../rules", "include")])
    func hoversAKeywordWithItsMeaning(needle: String, keyword: String) throws {
        let session = Session()
        session.open(Self.kh)
        let text = session.request("textDocument/hover", session.at(Self.kh, needle, offset: needle.hasPrefix(" ") ? 3 : 1)).hoverText
        let meaning = try #require(Keyword(rawValue: keyword)?.meaning)
        #expect(text == "**`\(keyword)`**: \(meaning)")
    }

    @Test func hoverOnNothingIsNull() {
        let session = Session()
        session.open(Self.kh)
        #expect(session.request("textDocument/hover", session.at(Self.kh, "# ")) == .null)
    }

    @Test func goesToTheDefinitionOfEveryKindOfId() throws {
        let session = Session()
        session.open(Self.kh)
        let khDecision = Session.first(#"^issue KH-01\n(?:  .*\n)*?  decided by (\S+)"#, in: Self.kh)
        let cases: [(needle: String, offset: Int, file: String, declaration: String)] = [
            ("(CHL-LAB-01 is yes", 3, "rules/catalogue.disclose", "question CHL-LAB-01"),
            ("below minimum-working-age", 8, "rules/catalogue.disclose", "parameter minimum-working-age"),
            ("decided by \(khDecision)", 13, "countries/KH-decisions.disclose", "decision \(khDecision)"),
            ("include \"../rules/catalogue.disclose\"", 12, "rules/catalogue.disclose", ""),
            ("include \"KH-decisions.disclose\"", 12, "countries/KH-decisions.disclose", ""),
            ("expect KH-01", 8, Self.kh, "issue KH-01"),
        ]
        for item in cases {
            let result = session.request("textDocument/definition", session.at(Self.kh, item.needle, offset: item.offset))
            let location = try #require(result.arrayValue?.first, "\(item.needle)")
            #expect(location["uri"]?.stringValue == Session.uri(item.file))
            let expected = item.declaration.isEmpty ? Position(line: 0, character: 0)
                : Session.position(of: item.declaration, in: Session.text(item.file), offset: item.declaration.split(separator: " ")[0].count + 1)
            #expect(Position(location["range"]?["start"]) == expected, "\(item.needle)")
        }
    }

    /// Clusters and compliance points, named where a point or a question is declared.
    @Test(arguments: [("point CHL-LAB in CHL", "cluster CHL\n"), ("question CHL-LAB-01 in CHL-LAB", "point CHL-LAB in")])
    func goesToTheDefinitionOfAClusterOrPoint(needle: String, declaration: String) throws {
        let catalogue = "rules/catalogue.disclose"
        let session = Session()
        session.open(catalogue)
        let parent = String(needle.split(separator: " ").last!)
        let offset = needle.utf16.count - parent.utf16.count + 1
        let location = try #require(session.request("textDocument/definition", session.at(catalogue, needle, offset: offset)).arrayValue?.first)
        #expect(location["uri"]?.stringValue == Session.uri(catalogue))
        let expected = Session.position(of: declaration, in: Session.text(catalogue), offset: declaration.split(separator: " ")[0].count + 1)
        #expect(Position(location["range"]?["start"]) == expected)
    }

    /// On the path of an `include`: every file of the rules root that includes the same file,
    /// however the path is written from its folder (`../rules/catalogue.disclose` in a country,
    /// `catalogue.disclose` in rules/), and the file itself when the declaration is asked for.
    @Test(arguments: [("countries/VN.disclose", "rules/baseline.disclose"), ("countries/KH.disclose", "rules/catalogue.disclose"),
                      ("countries/KH.disclose", "countries/KH-decisions.disclose")])
    func findsEveryIncludeOfAFile(from file: String, included: String) throws {
        let session = Session()
        session.open(file)
        let written = Session.first(#"^include "([^"]*\#(URL(fileURLWithPath: included).lastPathComponent))""#, in: file)
        // What the shipped files include, worked out here from their text.
        var expected: Set<String> = []
        for folder in ["rules", "countries"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: Session.packageRoot.appendingPathComponent(folder).path) where name.hasSuffix(".disclose") {
                let relative = folder + "/" + name
                for line in Session.text(relative).split(separator: "\n") where line.hasPrefix("include \"") {
                    let path = line.dropFirst("include \"".count).prefix { $0 != "\"" }
                    let target = URL(fileURLWithPath: folder + "/" + path, relativeTo: Session.packageRoot).standardizedFileURL
                    if target == Session.packageRoot.appendingPathComponent(included).standardizedFileURL {
                        expected.insert("\(Session.uri(relative)) \(Session.position(of: line + "\n", in: Session.text(relative), offset: 8))")
                    }
                }
            }
        }
        #expect(expected.count >= 1)
        let position = session.at(file, "include \"\(written)\"", offset: 10, extra: [("context", .object([("includeDeclaration", .bool(false))]))])
        let found = (session.request("textDocument/references", position).arrayValue ?? []).map {
            "\($0["uri"]?.stringValue ?? "") \(Position($0["range"]?["start"]).map { "\($0)" } ?? "")"
        }
        #expect(Set(found) == expected)
        #expect(found.count == expected.count)
        let withFile = session.request("textDocument/references", session.at(file, "include \"\(written)\"", offset: 10,
                                                                             extra: [("context", .object([("includeDeclaration", .bool(true))]))]))
        #expect(withFile.arrayValue?.first?["uri"]?.stringValue == Session.uri(included))
        #expect(withFile.arrayValue?.count == expected.count + 1)
    }

    @Test func findsReferencesAcrossTheRulesRoot() throws {
        let session = Session()
        session.open(Self.kh)
        let result = session.request("textDocument/references", session.at(Self.kh, "(CHL-LAB-01 is yes", offset: 3,
                                                                          extra: [("context", .object([("includeDeclaration", .bool(true))]))]))
        let uris = Set((result.arrayValue ?? []).compactMap { $0["uri"]?.stringValue })
        #expect(uris.contains(Session.uri("rules/catalogue.disclose")))
        #expect(uris.contains(Session.uri("rules/baseline.disclose")))
        #expect(uris.contains(Session.uri(Self.kh)))
        let without = session.request("textDocument/references", session.at(Self.kh, "(CHL-LAB-01 is yes", offset: 3,
                                                                           extra: [("context", .object([("includeDeclaration", .bool(false))]))]))
        #expect((without.arrayValue?.count ?? 0) == (result.arrayValue?.count ?? 0) - 1)
    }

    /// "overtime" offers the overtime questions, by the words of their wording.
    @Test func completesIdsByWordsOfTheirWording() throws {
        let session = Session()
        let text = Session.text(Self.vn).replacingOccurrences(of: "raised when CON-EMP-03 is no", with: "raised when overtime")
        session.open(Self.vn, text: text)
        let result = session.request("textDocument/completion", session.at(Self.vn, "raised when overtime", offset: 20, text: text))
        let labels = (result["items"]?.arrayValue ?? []).compactMap { $0["label"]?.stringValue }
        for id in ["WTI-OVT-01", "WTI-OVT-02", "WTI-OVT-04"] { #expect(labels.contains(id), "\(labels)") }
        #expect(!labels.contains("CHL-LAB-01"))
        let item = try #require(result["items"]?.arrayValue?.first { $0["label"]?.stringValue == "WTI-OVT-04" })
        #expect(item["filterText"]?.stringValue == "overtime")
        #expect(item["textEdit"]?["newText"]?.stringValue == "WTI-OVT-04")
        let detail = item["detail"]?.stringValue ?? ""
        #expect(detail.contains("overtime hours"))
    }

    @Test func completesIdsByPrefix() {
        let session = Session()
        let text = Session.text(Self.vn).replacingOccurrences(of: "raised when CON-EMP-03 is no", with: "raised when CHL-LA")
        session.open(Self.vn, text: text)
        let result = session.request("textDocument/completion", session.at(Self.vn, "raised when CHL-LA", offset: 18, text: text))
        let labels = (result["items"]?.arrayValue ?? []).compactMap { $0["label"]?.stringValue }
        #expect(labels.contains("CHL-LAB-01"))
        #expect(labels.allSatisfy { $0.hasPrefix("CHL-LA") })
    }

    @Test(arguments: [
        ("\nis", ["issue"], ["title"]),
        ("\n  rai", ["raised when"], ["raised", "issue"]),
        ("\n  ", ["category", "title", "raised when", "decided by"], ["given", "answer"]),
        ("\n  title k", ["km", "ko"], ["KH-01"]),
        ("\n  category ch", ["child-labour"], ["wages"]),
    ])
    func completesKeywordsLanguagesAndCategoriesInContext(typed: String, expected: [String], unexpected: [String]) {
        let session = Session()
        // A new issue at the end of the file, with the cursor after what is typed.
        let text = Session.text(Self.kh) + "\nissue KH-99" + typed
        session.open(Self.kh, text: text)
        let lines = LineIndex(bytes: Array(text.utf8))
        let params = JSONValue.object([("textDocument", .object([("uri", .string(Session.uri(Self.kh)))])),
                                       ("position", lines.position(of: text.utf8.count).json)])
        let labels = (session.request("textDocument/completion", params)["items"]?.arrayValue ?? []).compactMap { $0["label"]?.stringValue }
        for label in expected { #expect(labels.contains(label), "\(typed): \(labels)") }
        for label in unexpected { #expect(!labels.contains(label), "\(typed): \(labels)") }
    }

    /// In a condition, the keywords valid after what is written: `is` after a question id, the
    /// tests after `is`, `and`/`or` after a whole test, and no ids where an id cannot stand.
    @Test(arguments: [
        ("raised when ", ["not", "any of", "all of", "CHL-LAB-01"], ["is", "and"]),
        ("raised when CHL-LAB-01 ", ["is"], ["CHL-LAB-01", "and", "are"]),
        ("raised when CHL-LAB-01 is ", ["non-compliant", "yes", "no", "at least", "below"], ["and", "CHL-LAB-01"]),
        ("raised when CHL-LAB-01 is n", ["non-compliant", "no", "not-applicable"], ["yes", "CHL-LAB-01"]),
        ("raised when CHL-LAB-01 is yes ", ["and", "or"], ["is", "CHL-LAB-01"]),
        ("raised when CHL-LAB-02 is below minimum-working-age ", ["and", "or"], ["is"]),
        ("raised when WTI-OVT-04 is at ", ["least", "most"], ["and"]),
        ("raised when WTI-OVT-04 is at least 60 hours ", ["and", "or"], ["is"]),
        ("raised when CHL-LAB-02 is below ", [], ["and", "is"]),
        ("raised when any ", ["of"], ["CHL-LAB-01"]),
        ("raised when any of CHL-LAB-01, ", ["CHL-LAB-02"], ["is", "and"]),
        ("raised when any of CHL-LAB-01, CHL-LAB-02 ", ["is", "are"], ["and", "CHL-LAB-01"]),
        ("raised when all of CHL-LAB-01, CHL-LAB-02 are ", ["non-compliant", "compliant"], ["yes", "above"]),
        ("raised when (CHL-LAB-01 is yes) ", ["and", "or"], ["is"]),
        ("raised when CHL-LAB-01 is yes and not ", ["any of", "CHL-LAB-01"], ["and", "is"]),
        // Factory attributes: `factory`, then an attribute's name, then `is`.
        ("raised when CHL-LAB-01 is yes and ", ["factory"], ["is"]),
        ("raised when factory ", ["sector", "province", "export_licence"], ["is", "CHL-LAB-01"]),
        ("raised when factory sector ", ["is"], ["CHL-LAB-01", "and"]),
    ])
    func completesTheKeywordsOfACondition(written: String, expected: [String], unexpected: [String]) {
        let session = Session()
        let text = Session.text(Self.kh) + "\nissue KH-99\n  " + written
        session.open(Self.kh, text: text)
        let lines = LineIndex(bytes: Array(text.utf8))
        let params = JSONValue.object([("textDocument", .object([("uri", .string(Session.uri(Self.kh)))])),
                                       ("position", lines.position(of: text.utf8.count).json)])
        let labels = (session.request("textDocument/completion", params)["items"]?.arrayValue ?? []).compactMap { $0["label"]?.stringValue }
        for label in expected { #expect(labels.contains(label), "\(written): \(labels)") }
        for label in unexpected { #expect(!labels.contains(label), "\(written): \(labels)") }
    }

    @Test func formatsAsDiscloseFmtDoes() throws {
        let session = Session()
        let messy = Session.text(Self.vn).replacingOccurrences(of: "  title en \"Vietnam\"", with: "     title   en   \"Vietnam\"")
        session.open(Self.vn, text: messy)
        let edits = session.request("textDocument/formatting", .object([
            ("textDocument", .object([("uri", .string(Session.uri(Self.vn)))])), ("options", .object([("tabSize", .int(2)), ("insertSpaces", .bool(true))])),
        ])).arrayValue ?? []
        #expect(edits.count == 1)
        let formatted = try #require(RuleFormatter.format(Parser.parse(SourceFile(path: "x", text: messy))))
        #expect(apply(edits, to: messy) == formatted)
        #expect(formatted == Session.text(Self.vn))
        // A formatted file needs no edit; a file with syntax errors is not formatted, and says why.
        session.change(Self.vn, text: Session.text(Self.vn))
        #expect(session.request("textDocument/formatting", Session.document(Self.vn)) == .array([]))
        session.change(Self.vn, text: "issue \"", version: 3)
        let failure = session.send("textDocument/formatting", Session.document(Self.vn))
        let message = failure["error"]?["message"]?.stringValue ?? ""
        #expect(message.contains("syntax errors"))
    }

    @Test func outlinesEveryDeclaration() throws {
        let session = Session()
        session.open(Self.kh)
        let symbols = session.request("textDocument/documentSymbol", Session.document(Self.kh)).arrayValue ?? []
        let syntax = Parser.parse(SourceFile(path: "x", text: Session.text(Self.kh)))
        #expect(symbols.count == syntax.declarations.count)
        let first = try #require(symbols.first { $0["name"]?.stringValue == "KH-01" })
        #expect(first["detail"]?.stringValue == "issue")
        #expect(Position(first["selectionRange"]?["start"]) == Session.position(of: "issue KH-01", in: Session.text(Self.kh), offset: 6))
        #expect(symbols.contains { $0["name"]?.stringValue == "A 14-year-old found and not remediated" })
    }

    @Test func foldsDeclarationsAndCommentBlocks() {
        let session = Session()
        session.open(Self.kh)
        let ranges = session.request("textDocument/foldingRange", Session.document(Self.kh)).arrayValue ?? []
        let issue = Session.position(of: "issue KH-01", in: Session.text(Self.kh)).line
        // The issue folds from its header to its last clause: the first line after it that is not a clause.
        let following = Session.text(Self.kh).components(separatedBy: "\n").dropFirst(issue + 1).prefix { $0.hasPrefix("  ") }.count
        #expect(following >= 3)
        #expect(ranges.contains { $0["startLine"]?.intValue == issue && $0["endLine"]?.intValue == issue + following })
        #expect(ranges.contains { $0["kind"]?.stringValue == "comment" && $0["startLine"]?.intValue == 0 })
    }

    @Test func hintsTheWordingAfterQuestionIdsInConditions() throws {
        let session = Session()
        session.open(Self.kh)
        let hints = session.request("textDocument/inlayHint", .object([
            ("textDocument", .object([("uri", .string(Session.uri(Self.kh)))])),
            ("range", .object([("start", Position(line: 0, character: 0).json), ("end", Position(line: 100_000, character: 0).json)])),
        ])).arrayValue ?? []
        let after = Session.position(of: "(CHL-LAB-01 is yes", in: Session.text(Self.kh), offset: 11)
        let hint = try #require(hints.first { Position($0["position"]) == after })
        #expect(hint["label"]?.stringValue == "Are there workers under the legal …")
        #expect(hint["tooltip"]?.stringValue == "Are there workers under the legal minimum working age?")
    }

    @Test func showsEachExamplesResultAboveIt() throws {
        let session = Session()
        session.open(Self.kh)
        session.flush()
        let lenses = session.request("textDocument/codeLens", Session.document(Self.kh)).arrayValue ?? []
        let line = Session.position(of: "example \"A 14-year-old found and not remediated\"", in: Session.text(Self.kh)).line
        let lens = try #require(lenses.first { Position($0["range"]?["start"])?.line == line })
        #expect(lens["command"]?["title"]?.stringValue == "pass: raises KH-01")

        // A failing example says what it expected and what was raised, as `disclose test` does.
        let failing = Session.text(Self.kh).replacingOccurrences(of: "  given CHL-LAB-02 14 years, CHL-LAB-05 no\n  expect KH-01",
                                                               with: "  given CHL-LAB-02 14 years, CHL-LAB-05 no\n  expect KH-02")
        session.change(Self.kh, text: failing)
        let after = session.request("textDocument/codeLens", Session.document(Self.kh)).arrayValue ?? []
        #expect(after.contains { $0["command"]?["title"]?.stringValue == "FAIL: expected KH-02, raised KH-01" })
    }

    @Test func countsFactoriesOnTheSampleDataWhenTheEditorNamesIt() throws {
        let plain = Session()
        plain.open(Self.kh)
        plain.flush()
        let lenses = plain.request("textDocument/codeLens", Session.document(Self.kh)).arrayValue ?? []
        #expect(!lenses.contains { ($0["command"]?["title"]?.stringValue ?? "").hasPrefix("on the sample data") })

        let session = Session(initializationOptions: .object([("sampleData", .string("examples/sample"))]))
        session.open(Self.kh)
        session.flush()
        let withData = session.request("textDocument/codeLens", Session.document(Self.kh)).arrayValue ?? []
        let titles = withData.compactMap { $0["command"]?["title"]?.stringValue }.filter { $0.hasPrefix("on the sample data") }
        let issues = Parser.parse(SourceFile(path: "x", text: Session.text(Self.kh))).declarations.filter { $0.kind == .issue }
        #expect(titles.count == issues.count)
        #expect(titles.contains { !$0.hasPrefix("on the sample data: 0 ") }, "\(titles)")
    }
}
