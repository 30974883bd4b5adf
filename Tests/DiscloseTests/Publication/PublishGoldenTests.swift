@testable import Disclose
import DisclosePortal
import Foundation
import Testing

/// End-to-end golden cases of the publication policy and of bad data.
///
/// Each case is a folder `Golden/publish/NAME/` holding a tiny data set (`factories`,
/// `assessments`, `answers` and optionally `responses`, as CSV or JSON Lines), a file `as-of`
/// with the day, and the expected outputs:
/// - `expected-public.json` and `expected-internal.json` (the internal report) for a case that
///   publishes; optionally `expected-public-*.csv` for the public CSV files;
/// - `expected-diagnostics.txt` alone for a case that must fail (nothing published).
///
/// The data is published with the shipped rules (countries/ and rules/ of the package). The
/// rules digest is masked in the expected JSON, so that editing a comment in a rule file does
/// not change every case; `rulesDigestIsAHexDigest` checks it. `make-cases.py` beside the cases
/// writes their input data; the expected files are checked by hand (see README.md there).
@Suite struct PublishGoldenTests {
    static let folder = Golden.folder.appendingPathComponent("publish")

    /// The case folders, sorted.
    static var cases: [String] {
        Golden.entries(in: "publish").filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }
    }

    /// A case run through the publisher.
    struct Run {
        var name: String
        var result: PublishResult
        /// The public finding set and the internal report, rules digest masked; nil when nothing was published.
        var publicJSON: String?
        var internalJSON: String?
        var publicCSV: [(name: String, text: String)]

        /// Every text value of the public JSON, decoded.
        var publicStrings: Set<String> {
            guard let text = publicJSON, let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) else { return [] }
            return PublishGoldenTests.strings(in: object)
        }
    }

    static func url(_ name: String, _ file: String) -> URL {
        folder.appendingPathComponent(name).appendingPathComponent(file)
    }

    static func exists(_ name: String, _ file: String) -> Bool {
        FileManager.default.fileExists(atPath: url(name, file).path)
    }

    /// The as-of day of a case.
    static func asOf(_ name: String) -> Day? {
        (try? String(contentsOf: url(name, "as-of"), encoding: .utf8)).flatMap { Day(iso: $0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// The rules a case is published with: its own `project/` folder (with `rules/` and
    /// `countries/`) if it has one, else the shipped rules.
    static func project(_ name: String) -> String {
        exists(name, "project") ? url(name, "project").path : Golden.packageRoot.path
    }

    /// Publishes a case's data with its rules, as the CLI would; as a preview when asked.
    static func run(_ name: String, preview: Bool = false) -> Run {
        let day = asOf(name) ?? Day(year: 2000, month: 1, day: 1)!
        var publisher = Publisher(project: project(name), asOf: day)
        publisher.preview = preview
        publisher.displayBase = folder.path
        let result = publisher.publish(data: folder.appendingPathComponent(name).path)
        guard let publication = result.publication else { return Run(name: name, result: result, publicCSV: []) }
        return Run(name: name, result: result,
                   publicJSON: masked(PublicationExport.publicJSON(publication).serialized()),
                   internalJSON: masked(PublicationExport.internalJSON(publication).serialized()),
                   publicCSV: PublicationExport.publicCSV(publication))
    }

    static let digestMask = "sha256:(digest of the rule files)"

    /// The JSON with its rules digest replaced by `digestMask`.
    static func masked(_ json: String) -> String {
        json.replacing(/"rulesDigest": "sha256:[0-9a-f]{64}"/, with: "\"rulesDigest\": \"\(digestMask)\"")
    }

    /// Every string value (not key) in a decoded JSON value.
    static func strings(in value: Any) -> Set<String> {
        switch value {
        case let text as String: return [text]
        case let array as [Any]: return array.reduce(into: []) { $0.formUnion(strings(in: $1)) }
        case let object as [String: Any]: return object.values.reduce(into: []) { $0.formUnion(strings(in: $1)) }
        default: return []
        }
    }

    /// The number of records of a case's assessments table (no field of it spans lines).
    static func assessmentRecords(_ name: String) -> Int? {
        for file in ["assessments.csv", "assessments.jsonl"] where exists(name, file) {
            guard let data = try? Data(contentsOf: url(name, file)) else { return nil }
            let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).filter { !$0.allSatisfy(\.isWhitespace) }
            return file.hasSuffix(".csv") ? lines.count - 1 : lines.count
        }
        return nil
    }

    static func rendered(_ diagnostics: [Diagnostic]) -> String { DiagnosticRenderer().render(diagnostics) }

    // MARK: The goldens

    @Test(arguments: cases)
    func publishesTheExpectedOutput(_ name: String) throws {
        #expect(Self.asOf(name) != nil, "\(name)/as-of must hold one day, YYYY-MM-DD")
        let mustFail = Self.exists(name, "expected-diagnostics.txt") && !Self.exists(name, "expected-public.json")
        let run = Self.run(name)
        if mustFail {
            #expect(run.result.publication == nil, "bad data must publish nothing")
            #expect(run.result.hasErrors)
            Golden.check(Self.rendered(run.result.diagnostics), against: Self.url(name, "expected-diagnostics.txt"))
            return
        }
        guard let publicJSON = run.publicJSON, let internalJSON = run.internalJSON else {
            Issue.record("\(name) published nothing:\n\(Self.rendered(run.result.diagnostics))")
            return
        }
        Golden.check(publicJSON, against: Self.url(name, "expected-public.json"))
        Golden.check(internalJSON, against: Self.url(name, "expected-internal.json"))
        for (file, text) in run.publicCSV where Self.exists(name, "expected-\(file)") {
            Golden.check(text, against: Self.url(name, "expected-\(file)"))
        }
        // A case with a file `preview` is published as a preview too.
        if Self.exists(name, "preview") {
            let preview = Self.run(name, preview: true)
            Golden.check(preview.publicJSON ?? "", against: Self.url(name, "expected-preview-public.json"))
            Golden.check(preview.internalJSON ?? "", against: Self.url(name, "expected-preview-internal.json"))
        }
        // Both files are JSON, and every input assessment is accounted for once.
        #expect((try? JSONSerialization.jsonObject(with: Data(publicJSON.utf8))) != nil, "public JSON does not parse")
        let report = try #require(run.result.publication?.report)
        #expect(Set(report.assessments.map(\.assessment)).count == report.assessments.count, "an assessment is accounted twice")
        #expect(report.assessments.count == Self.assessmentRecords(name), "not every input assessment is in the internal report")
    }

    @Test func everyCaseHasItsFiles() {
        #expect(Self.cases.count >= 40, "there are \(Self.cases.count) cases")
        for name in Self.cases {
            let publishes = Self.exists(name, "expected-public.json")
            #expect(publishes == Self.exists(name, "expected-internal.json"), "\(name): expected-public.json and expected-internal.json go together")
            #expect(publishes || Self.exists(name, "expected-diagnostics.txt"), "\(name) has no expected output")
            #expect(Self.exists(name, "as-of"), "\(name) has no as-of file")
        }
    }

    @Test func rulesDigestIsAHexDigest() throws {
        var publisher = Publisher(project: Golden.packageRoot.path, asOf: try #require(Self.asOf("green-compliant")))
        publisher.displayBase = Self.folder.path
        let publication = try #require(publisher.publish(data: Self.folder.appendingPathComponent("green-compliant").path).publication)
        #expect(publication.rulesDigest.wholeMatch(of: /[0-9a-f]{64}/) != nil)
        #expect(Self.run("green-compliant").publicJSON?.contains(Self.digestMask) == true)
    }

    // MARK: What the goldens must also say

    /// Escalations are internal only: factories known only through them are not public.
    @Test func zeroToleranceEscalationsStayInternal() throws {
        let run = Self.run("zero-tolerance-first-assessment")
        let publicJSON = try #require(run.publicJSON)
        for hidden in ["KH-126", "KH-127", "KH-128", "Prey Veng", "Kampong Speu", "Ratanakiri", "ZT-", "Ministry"] {
            #expect(!publicJSON.contains(hidden), "the public JSON mentions \(hidden)")
        }
        for (file, text) in run.publicCSV {
            #expect(!text.contains("KH-126") && !text.contains("ZT-"), "\(file) mentions an escalation")
        }
        let escalations = try #require(run.result.publication?.report.escalations)
        // KH-127's prison labour (FOR-PRI-01) is not a zero-tolerance category in the 2018
        // generic protocol; its imminent danger is.
        #expect(escalations.map { "\($0.factory) \($0.category)" }.sorted()
            == ["KH-126 ZT-CHILD-LABOUR", "KH-127 ZT-IMMINENT-DANGER", "KH-129 ZT-CHILD-LABOUR"])
        // The generic protocol asks for immediate reporting and sets no number of hours: one
        // step, due on the assessment day.
        #expect(escalations.allSatisfy { $0.deadlineHours == 0 && $0.dueBy == $0.assessedOn })
        #expect(escalations.allSatisfy { $0.steps.map(\.step) == ["notify-ministry"] && $0.steps[0].limit == "immediately" })
        // The remediated case is listed, green, with no trace of the escalation.
        #expect(run.result.publication?.countries.first?.factories.map(\.id) == ["KH-129"])
        #expect(run.result.publication?.countries.first?.factories.first?.status == .compliant)
    }

    /// A category with the older `deadline` (written in place of its steps) still has a due
    /// day: the assessment day plus the deadline, rounded up to whole days, and no steps. (The
    /// shipped categories have one step, `immediately`: the generic protocol asks for immediate
    /// reporting.)
    @Test func aCategoryWithADeadlineHasADueDay() throws {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-deadline-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: project) }
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        for folder in ["rules", "countries"] {
            try FileManager.default.copyItem(at: Golden.packageRoot.appendingPathComponent(folder), to: project.appendingPathComponent(folder))
        }
        let policy = project.appendingPathComponent("rules/policy.disclose")
        let text = try String(contentsOf: policy, encoding: .utf8)
        let line = "  questions CHL-LAB-01, CHL-LAB-02, CHL-LAB-03, CHL-UWF-01, CHL-UWF-02, CHL-UWF-03, CHL-UWF-04\n"
        try #require(text.contains(line))
        let step = "  step notify-ministry by better-work immediately\n"
        try #require(text.contains(line + step))
        try text.replacingOccurrences(of: line + step, with: line + "  deadline 36 hours\n").write(to: policy, atomically: true, encoding: .utf8)
        let publisher = Publisher(project: project.path, asOf: try #require(Self.asOf("zero-tolerance-first-assessment")))
        let publication = try #require(publisher.publish(data: Self.folder.appendingPathComponent("zero-tolerance-first-assessment").path).publication)
        let childLabour = publication.report.escalations.filter { $0.category == "ZT-CHILD-LABOUR" }
        try #require(!childLabour.isEmpty)
        for escalation in childLabour {
            #expect(escalation.deadlineHours == 36)
            #expect(escalation.dueBy == escalation.assessedOn.adding(days: 2))
            #expect(escalation.steps.isEmpty)
        }
        #expect(publication.report.escalations.filter { $0.category != "ZT-CHILD-LABOUR" }.allSatisfy { $0.dueBy == $0.assessedOn })
    }

    static let heldTexts = ["+855 12 345 678", "hr.manager@sihanoukville-apparel.com.kh", "Mr. Nguyen", "liars"]

    /// Held responses are in the internal report (for moderators) and nowhere public.
    @Test func heldResponsesStayInternal() throws {
        let run = Self.run("responses-published-and-held")
        let publicJSON = try #require(run.publicJSON)
        let internalJSON = try #require(run.internalJSON)
        for text in Self.heldTexts {
            #expect(!publicJSON.contains(text), "held text `\(text)` is in the public JSON")
            for (file, csv) in run.publicCSV { #expect(!csv.contains(text), "held text `\(text)` is in \(file)") }
            #expect(internalJSON.contains(text), "held text `\(text)` is missing from the internal report")
        }
        let accounts = try #require(run.result.publication?.report.responses)
        #expect(accounts.filter { $0.disposition == .held }.map(\.response) == ["KH-130-R3", "KH-130-R4", "KH-130-R5", "KH-130-R6"])
        #expect(accounts.filter { $0.disposition == .published }.map(\.response) == ["KH-130-R1", "KH-130-R2"])
        let factory = try #require(run.result.publication?.countries.first?.factories.first)
        #expect(factory.responses.map(\.id) == ["KH-130-R1", "KH-130-R2"])
        // Published responses are marked as not verified, in JSON and CSV.
        #expect(publicJSON.components(separatedBy: "\"verified\": false").count - 1 == factory.responses.count)
        #expect(publicJSON.contains(PublicationExport.unverifiedNotice))
        let responsesCSV = try #require(run.publicCSV.first { $0.name == "public-responses.csv" }?.text)
        #expect(responsesCSV.components(separatedBy: PublicationExport.unverifiedNotice).count - 1 == factory.responses.count)
    }

    /// A response to an assessment that is not shown (superseded or first) is not published.
    @Test func responsesToAssessmentsNotShownStayInternal() throws {
        let run = Self.run("response-to-superseded-assessment")
        let strings = run.publicStrings
        #expect(strings.contains("Unpaid annual leave was paid to the workers concerned."))
        for text in ["Protective equipment was handed out to all sewing lines.", "We welcome the first assessment.", "Two water filters were installed."] {
            #expect(!strings.contains(text))
        }
    }

    /// Names and texts that are markup or formulas: JSON keeps them as text, CSV defuses formulas.
    @Test func hostileTextIsEscapedAndDefused() throws {
        let run = Self.run("hostile-factory-names")
        let publicJSON = try #require(run.publicJSON)
        let strings = run.publicStrings
        for name in ["<script>alert(\"pwned\")</script> Garments", "=HYPERLINK(\"http://example.com\",\"Click here\")", "+Plus Apparel",
                     "@Home Textiles", "-Minus Knitwear", "Star \"Quality\" \\ Garments"] {
            #expect(strings.contains(name), "the name \(name) does not come back from the public JSON")
        }
        #expect(publicJSON.contains(#""name": "<script>alert(\"pwned\")</script> Garments""#))
        #expect(publicJSON.contains(#""name": "Star \"Quality\" \\ Garments""#))
        #expect(publicJSON.contains(#"Line one,\nline \"two\"."#))
        let factoriesCSV = try #require(run.publicCSV.first { $0.name == "public-factories.csv" }?.text)
        #expect(factoriesCSV.contains(#"KH,KH-135,"'=HYPERLINK(""http://example.com"",""Click here"")",garment,"#))
        #expect(factoriesCSV.contains("KH,KH-136,'+Plus Apparel,"))
        #expect(factoriesCSV.contains("KH,KH-137,'@Home Textiles,"))
        #expect(factoriesCSV.contains("KH,KH-138,'-Minus Knitwear,"))
        #expect(factoriesCSV.contains(#"KH,KH-134,"<script>alert(""pwned"")</script> Garments","#))
        let responsesCSV = try #require(run.publicCSV.first { $0.name == "public-responses.csv" }?.text)
        #expect(responsesCSV.contains(",'=SUM(A1:A9) Two water filters were installed.,'=cmd|' /C calc'!A0,"))
        for (file, text) in run.publicCSV {
            for line in text.components(separatedBy: "\r\n") {
                for field in line.components(separatedBy: ",") {
                    #expect(!(field.first.map { "=+-@".contains($0) } ?? false), "\(file): a field starts with a formula character: \(field)")
                }
            }
        }
    }

    /// The same data as JSON Lines and as CSV give the same bytes out.
    @Test func jsonLinesReadAsCSV() throws {
        let jsonl = Self.run("jsonl-input")
        let csv = Self.run("non-compliant-count")
        #expect(jsonl.result.diagnostics.isEmpty && csv.result.diagnostics.isEmpty)
        #expect(try #require(jsonl.publicJSON) == #require(csv.publicJSON))
        #expect(try #require(jsonl.internalJSON) == #require(csv.internalJSON))
        #expect(jsonl.publicCSV.map(\.text) == csv.publicCSV.map(\.text))
    }

    /// A byte-order mark and CRLF line ends (a quoted line break among them) read fine.
    @Test func byteOrderMarkAndCRLFReadFine() throws {
        let bom = Self.run("bom-crlf-reads-fine")
        #expect(bom.result.diagnostics.isEmpty, "\(Self.rendered(bom.result.diagnostics))")
        let plain = Self.run("green-compliant")
        #expect(try #require(bom.publicJSON) == #require(plain.publicJSON))
        #expect(try #require(bom.internalJSON) == #require(plain.internalJSON))
    }

    /// A second run gives the same bytes.
    @Test func publishingIsDeterministic() {
        for name in ["non-compliant-count", "refusals-counted", "responses-published-and-held"] {
            let first = Self.run(name)
            let second = Self.run(name)
            #expect(first.publicJSON == second.publicJSON && first.internalJSON == second.internalJSON)
        }
    }
}

/// Drafts never reach the public set (grammar.md §5): the case `drafts-every-way` has a draft
/// of every kind, each absent from every public file and page, present in the preview and
/// listed in the internal report.
@Suite struct DraftGoldenTests {
    static let name = "drafts-every-way"

    /// What each draft would put in a public output: ids and texts only it introduces.
    static let draftTexts: [(kind: String, id: String, texts: [String])] = [
        ("issue", "B-NO-DECISION", ["B-NO-DECISION", "Baseline issue no decision publishes"]),
        ("issue", "XA-PROPOSED", ["XA-PROPOSED", "Own issue on a proposed decision"]),
        ("issue", "XA-REJECTED", ["XA-REJECTED", "Own issue on a rejected decision"]),
        ("issue", "XA-SUPERSEDED", ["XA-SUPERSEDED", "Own issue on a superseded decision"]),
        ("change issue", "B-CHANGED", ["Baseline issue as a draft would reword it"]),
        ("title", "B-TITLED fr", ["Question de base au titre français en projet"]),
        ("launch", "YB", ["YB-1", "Unlaunched Apparel", "Other Land"]),
    ]

    /// Every text of a publication a reader could see: the public JSON, the CSV files, the portal.
    static func outputs(_ publication: Publication) -> [(name: String, text: String)] {
        [("public.json", PublicationExport.publicJSON(publication).serialized())]
            + PublicationExport.publicCSV(publication).map { ($0.name, $0.text) }
            + PortalSite.pages(publication).map { ($0.name, $0.text) }
    }

    @Test func draftsAreAbsentFromEveryPublicFileAndPagePresentInThePreviewAndReported() throws {
        let shown = try #require(PublishGoldenTests.run(Self.name).result.publication)
        let preview = try #require(PublishGoldenTests.run(Self.name, preview: true).result.publication)
        #expect(!shown.isPreview && preview.isPreview)
        let publicOutputs = Self.outputs(shown)
        let previewText = Self.outputs(preview).map(\.text).joined(separator: "\n")
        for draft in Self.draftTexts {
            for text in draft.texts {
                for output in publicOutputs {
                    #expect(!output.text.contains(text) && !output.name.contains(text), "\(draft.kind) \(draft.id): `\(text)` in public \(output.name)")
                }
                #expect(previewText.contains(text), "\(draft.kind) \(draft.id): `\(text)` missing from the preview")
            }
            #expect(shown.report.drafts.contains { $0.kind == draft.kind && $0.id == draft.id }, "\(draft.kind) \(draft.id) not in the internal report")
        }
        // A draft withdrawal leaves the issue public; a draft parameter leaves the adopted value.
        let factories = try #require(shown.countries.first { $0.code == "XA" }).factories
        #expect(factories.first { $0.id == "XA-1" }?.findings.map(\.issue).contains("B-WITHDRAWN") == true)
        #expect(factories.first { $0.id == "XA-2" }?.findings.map(\.issue) == ["B-AGE"], "14 years is under the adopted 15")
        let previewFactories = try #require(preview.countries.first { $0.code == "XA" }).factories
        #expect(previewFactories.first { $0.id == "XA-1" }?.findings.map(\.issue).contains("B-WITHDRAWN") == false)
        #expect(previewFactories.first { $0.id == "XA-2" }?.findings.isEmpty == true, "14 years is not under the draft 14")
        #expect(shown.report.drafts.contains { $0.kind == "withdraw issue" && $0.id == "B-WITHDRAWN" && $0.awaits == "XA-PROP-2024-01" })
        #expect(shown.report.drafts.contains { $0.kind == "change parameter" && $0.id == "minimum-age" })
        // The country not launched: every assessment accounted for, withheld for that reason.
        let unlaunched = shown.report.assessments.filter { $0.country == "YB" }
        #expect(unlaunched.count == 2 && unlaunched.allSatisfy { $0.reason == .countryNotLaunched })
        // The French page of the draft-titled issue shows the English title, marked.
        let page = try #require(PortalSite.pages(shown).first { $0.name == PortalSite.issuePage("XA", "fr", "B-TITLED") }?.text)
        #expect(page.contains("Baseline issue with a draft French title</span> <span class=\"tag tag-fallback\">"))
        // Every preview page and file says what it is; no public one does.
        for output in Self.outputs(preview) where output.name.hasSuffix(".html") || output.name.hasSuffix(".json") {
            #expect(output.text.contains(PublicationExport.previewNotice), "preview \(output.name) is not marked")
        }
        #expect(PublicationExport.publicCSV(preview).allSatisfy { $0.name.hasPrefix("preview-") })
        for output in publicOutputs { #expect(!output.text.contains(PublicationExport.previewNotice), "public \(output.name) says preview") }
    }

    /// The drafts' account of a public run comes from the answers read once and judged by both
    /// rule books; it must be what a separate preview run of the same data gives, draft by draft.
    @Test(arguments: [Self.name, "shipped sample"])
    func draftAccountsEqualThoseOfASeparatePreviewRun(_ name: String) throws {
        let shipped = name == "shipped sample"
        let project = shipped ? Golden.packageRoot.path : PublishGoldenTests.project(name)
        let data = shipped ? Golden.packageRoot.appendingPathComponent("examples/sample").path : PublishGoldenTests.folder.appendingPathComponent(name).path
        let day = shipped ? Day(iso: "2025-06-30")! : try #require(PublishGoldenTests.asOf(name))
        var publisher = Publisher(project: project, asOf: day)
        let shown = try #require(publisher.publish(data: data).publication)
        publisher.preview = true
        let preview = try #require(publisher.publish(data: data).publication)
        let codes = shown.report.assessments.map(\.country)
        let books = Checker.check(entries: Set(codes).sorted().map { "\(project)/countries/\($0).disclose" }).compactMap(\.publicRuleBook)
        let separate = DraftAccount.accounts(books, public: shown, preview: preview)
        try #require(!separate.isEmpty, "the case has drafts")
        #expect(shown.report.drafts.map { String(describing: $0) } == separate.map { String(describing: $0) })
        #expect(separate.contains { ($0.factoriesAffected ?? 0) > 0 }, "some draft changes a listed factory")
    }

    /// A question of Example Land's own that rests on a proposed decision, and an issue reading it.
    static let draftQuestion = """

        question XA-Q-OWN in TST-ONE
          text en "A question of Example Land's own"
          answer yes-no
          non-compliant when yes
          decided by XA-PROP-2024-01

        issue XA-OWN-Q
          title en "Own issue on an own draft question"
          title fr "Question propre sur une question en projet"
          category wages
          raised when XA-Q-OWN is non-compliant
          decided by XA-PROP-2024-01

        """

    /// A question only a draft defines (the PAC is considering it) may already be answered in
    /// the data: the public run passes over those answers (they used to be "unknown question"
    /// errors, and nothing was published), the question and the issue reading it stay out of
    /// the public set, and the drafts' account, made here by a separate preview run because the
    /// two catalogues differ, is what a preview gives.
    @Test func answersToADraftQuestionAreKnownAndStayOutOfThePublicSet() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("draft-question-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: PublishGoldenTests.folder.appendingPathComponent(Self.name), to: folder)
        let country = folder.appendingPathComponent("project/countries/XA.disclose")
        try Data((try String(contentsOf: country, encoding: .utf8) + Self.draftQuestion).utf8).write(to: country)
        let answers = folder.appendingPathComponent("answers.csv")
        let rows = try String(contentsOf: answers, encoding: .utf8).split(separator: "\n").map(String.init)
        let assessments = Set(rows.dropFirst().map { $0.components(separatedBy: ",")[0] }.filter { $0.hasPrefix("XA-") }).sorted()
        try Data((rows + assessments.map { "\($0),XA-Q-OWN,yes" }).joined(separator: "\n").appending("\n").utf8).write(to: answers)

        var publisher = Publisher(project: folder.appendingPathComponent("project").path, asOf: try #require(PublishGoldenTests.asOf(Self.name)))
        let result = publisher.publish(data: folder.path)
        let shown = try #require(result.publication, "\(DiagnosticRenderer().render(result.diagnostics))")
        #expect(!result.diagnostics.contains { $0.message.contains("XA-Q-OWN") })
        #expect(!shown.publicJSON.contains("XA-Q-OWN") && !shown.publicJSON.contains("XA-OWN-Q"))
        #expect(shown.report.drafts.contains { $0.kind == "question" && $0.id == "XA-Q-OWN" })
        publisher.preview = true
        let preview = try #require(publisher.publish(data: folder.path).publication)
        #expect(preview.publicJSON.contains("XA-OWN-Q"))
        let books = Checker.check(entries: ["XA", "YB"].map { folder.appendingPathComponent("project/countries/\($0).disclose").path }).compactMap(\.publicRuleBook)
        #expect(shown.report.drafts.map { String(describing: $0) } == DraftAccount.accounts(books, public: shown, preview: preview).map { String(describing: $0) })
        #expect(shown.report.drafts.contains { $0.id == "XA-OWN-Q" && ($0.factoriesAffected ?? 0) > 0 }, "the preview raises the draft issue")
    }

    /// `disclose validate` counts the items that rest on adopted decisions and the drafts.
    @Test func validateCountsAdoptedItemsAndDrafts() throws {
        let project = PublishGoldenTests.url(Self.name, "project")
        let results = Checker.check(entries: ["XA", "YB"].map { project.appendingPathComponent("countries/\($0).disclose").path })
        let launched = try #require(results[0].ruleBook)
        let count = try #require(Validator.validate(launched, on: Day(iso: "2024-06-30")!).provenance)
        // The launch and six issues; four draft issues, and a draft change, withdrawal, title and value.
        // (An item dated before its adopted decision is refused by `check`, E508: it cannot be a draft.)
        #expect((count.adopted, count.adoptedLater, count.drafts) == (7, 0, 8))
        #expect(count.summary == "public view on 2024-06-30: launched by XA-PAC-2020-01 on 2020-01-01; 7 public items rest on adopted decisions, 8 are drafts")
        let before = try #require(Validator.validate(launched, on: Day(iso: "2019-12-31")!).provenance)
        #expect((before.adopted, before.adoptedLater) == (0, 7) && !before.launch.isLaunched(on: before.day))
        let other = try #require(results[1].ruleBook)
        let unlaunched = try #require(Validator.validate(other, on: Day(iso: "2024-06-30")!).provenance)
        #expect(unlaunched.adopted == 0 && unlaunched.summary.contains("not launched: awaits YB-PROP-2024-01 (proposed)"))
        #expect(Validator.validate(launched).provenance == nil, "without a day, no counts")
    }
}
