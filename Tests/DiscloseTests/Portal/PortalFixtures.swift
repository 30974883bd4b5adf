import Foundation

@testable import Disclose
@testable import DisclosePortal
@testable import DiscloseSample

/// Publications for the portal tests: the sample data published with the shipped rules, and
/// a small hand-built one full of markup in every text field.
enum PortalFixtures {
    /// The sample (seed 1, scale 1) published as of 2025-06-30 with the package's rules.
    static let sample: Publication = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-portal-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try SampleData(seed: 1, scale: 1).generate(rulesRoot: Golden.packageRoot.path).write(to: folder.path)
        } catch {
            fatalError("cannot write the sample data: \(error)")
        }
        let result = Publisher(project: Golden.packageRoot.path, asOf: Day(iso: "2025-06-30")!).publish(data: folder.path)
        guard let publication = result.publication else {
            fatalError("the sample does not publish: \(result.diagnostics.map(\.message))")
        }
        return publication
    }()

    /// The sample site, by file name.
    static let sampleSite: [String: String] = site(sample)

    static func site(_ publication: Publication) -> [String: String] {
        var site: [String: String] = [:]
        for page in PortalSite.pages(publication) { site[page.name] = page.text }
        return site
    }

    // MARK: Hostile data

    static let script = "<script>alert(1)</script>"
    static let image = "<img src=x onerror=alert(1)>"
    static let attribute = "\" onmouseover=\"alert(1)"
    static let hostileIssue = "WAGE-1\"><b>x</b>"
    static let hostileFactoryID = "../ZZ-1\" onclick=\"alert(1)"

    /// Every text that the portal shows, from data or rules, holds markup or quotes.
    static let hostile: Publication = {
        let day = Day(iso: "2025-03-01")!
        let titles = ["en": "Minimum wage </title><script>alert(2)</script>", "ar": "الحد الأدنى للأجور <b>غامق</b>"]
        let second = ["en": "Overtime & 'premium' pay", "ar": "أجر العمل الإضافي"]
        let nonCompliant = PublicFactory(
            id: hostileFactoryID, name: script, type: "<b>knitwear</b>", country: "ZZ", status: .nonCompliant,
            assessment: PublicAssessment(id: "ZZ-A1", date: day, method: .hybrid, cycle: 3), refusals: 0,
            findings: [PublicFinding(issue: hostileIssue, titles: titles, category: .wages)],
            responses: [
                PublicResponse(id: "R1", issue: hostileIssue, date: day, text: image + " We paid 'all' workers & more " + attribute,
                               attachments: ["javascript:alert(1)", "\"><svg onload=alert(1)>"]),
                PublicResponse(id: "R2", issue: nil, date: day, text: "</blockquote><script>alert(3)</script>\nSecond line", attachments: []),
            ])
        let compliant = PublicFactory(
            id: "ZZ-2", name: "Fine & Sons <Ltd>", type: "garment", country: "ZZ", status: .compliant,
            assessment: PublicAssessment(id: "ZZ-A2", date: day, method: .onSite, cycle: 2), refusals: 0, findings: [], responses: [])
        let refused = PublicFactory(
            id: "ZZ-3", name: "Refusing Mill 'Ltd'", type: "textile", country: "ZZ", status: .refused,
            assessment: PublicAssessment(id: "ZZ-A3", date: day, method: .virtual, cycle: 4), refusals: 2,
            findings: [PublicFinding(issue: "WAGE-2", titles: second, category: .wages)], responses: [])
        let country = CountryPublication(
            code: "ZZ", titles: ["en": "Zed <land> & co", "ar": "زد"], languages: ["en", "ar"], status: .draft, greenHighlight: true,
            factories: [nonCompliant, compliant, refused],
            figures: [
                IssueFigure(issue: hostileIssue, titles: titles, category: .wages, nonCompliantFactories: 1, assessedFactories: 3),
                IssueFigure(issue: "WAGE-2", titles: second, category: .wages, nonCompliantFactories: 1, assessedFactories: 3),
            ], launch: .notLaunched(.proposed("ZZ-PROP-2025-01")))
        // A preview: only a preview shows a country that is not launched.
        return Publication(asOf: Day(iso: "2025-06-30")!, rulesDigest: String(repeating: "ab", count: 32), isPreview: true, countries: [country],
                           report: InternalReport(assessments: [], escalations: [], responses: [], dataProblems: []))
    }()

    /// A country without green highlighting, in a language the portal has no words for.
    static let plain: Publication = {
        let day = Day(iso: "2025-03-01")!
        let factory = PublicFactory(
            id: "QQ-1", name: "Kabul Cotton", type: "garment", country: "QQ", status: .compliant,
            assessment: PublicAssessment(id: "QQ-A1", date: day, method: .onSite, cycle: 2), refusals: 0, findings: [], responses: [])
        let country = CountryPublication(
            code: "QQ", titles: ["en": "Qland", "ps": "کيولنډ"], languages: ["ps", "en"], status: .decided, greenHighlight: false,
            factories: [factory],
            figures: [IssueFigure(issue: "Q-1", titles: ["en": "Wages paid on time", "ps": "معاش په وخت"], category: .wages,
                                  nonCompliantFactories: 0, assessedFactories: 1)],
            launch: .launched(decision: "XX-PAC-2020-01", on: Day(iso: "2020-01-01")!))
        return Publication(asOf: Day(iso: "2025-06-30")!, rulesDigest: String(repeating: "cd", count: 32), countries: [country],
                           report: InternalReport(assessments: [], escalations: [], responses: [], dataProblems: []))
    }()

    // MARK: Reading pages

    /// The values of every `href` and `src` attribute.
    static func links(_ html: String) -> [String] {
        matches(#"(?:href|src)="([^"]*)""#, in: html)
    }

    /// The first capture group of every match.
    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// How often `needle` occurs in `text`.
    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// The table row (`<tr …>…</tr>`) that links to `page`.
    static func row(linking page: String, in html: String) -> String? {
        guard let link = html.range(of: "href=\"\(page)\""),
            let start = html.range(of: "<tr", options: .backwards, range: html.startIndex..<link.lowerBound),
            let end = html.range(of: "</tr>", range: link.upperBound..<html.endIndex)
        else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }
}
