import Disclose
import Foundation

/// The Transparency Portal as a static site: plain HTML files, one stylesheet and one small
/// script, that work from the file system with no server and nothing fetched from elsewhere.
///
/// The files, all in one folder (so that the names are also the links):
/// - `index.html`: the countries, with their figures and languages;
/// - `CC.LL.html`: a country's start page in language `LL` (each declared language): the
///   listed factories, the country figures per issue as a chart, and what is (not) shown;
/// - `CC.LL.issue.ISSUE.html`: the factories non-compliant on one public issue;
/// - `CC.LL.factory.ID.html`: a factory's details, findings and published responses;
/// - `portal.css`, `portal.js` (the script only adds filtering and sorting);
/// - in a preview made over an earlier publication, `changes.html`: what changed on the
///   portal since (`PublicChanges`), linked from the start page, for the PAC.
/// Ids from data enter names through `PortalHTML.fileNamePart`. Same publication, same bytes.
public enum PortalSite: Sendable {
    /// The shared stylesheet's name.
    package static let stylesheet = "portal.css"
    /// The shared script's name.
    package static let script = "portal.js"

    /// Every file of the site for `publication`, the start page first: what `disclose publish
    /// --format html` writes into `public/`. Same publication, same pages, byte for byte.
    public static func pages(of publication: Publication) -> [PortalPage] {
        pages(publication).map { PortalPage(name: $0.name, text: $0.text) }
    }

    /// Every file of the site, by name, as UTF-8 bytes: the start page first.
    package static func files(_ publication: Publication, changes: PublicChanges? = nil) -> [(name: String, bytes: [UInt8])] {
        pages(publication, changes: changes).map { ($0.name, Array($0.text.utf8)) }
    }

    /// Every file of the site, by name, as text.
    package static func pages(_ publication: Publication, changes: PublicChanges? = nil) -> [(name: String, text: String)] {
        makers(publication, changes: changes).map { ($0.name, $0.make()) }
    }

    /// The page of what changed since the previous publication: only in a preview.
    package static let changesPage = "changes.html"

    /// Every file of the site, by name, with a function that writes it into an open file when
    /// called: for `PublicationFolder.files`, so that a site of tens of
    /// thousands of pages is made a page at a time, on every core, never whole in memory.
    package static func writers(_ publication: Publication, changes: PublicChanges? = nil) -> [(name: String, write: @Sendable (FileHandle) throws -> Void)] {
        makers(publication, changes: changes).map { page in (page.name, { try $0.write(contentsOf: Array(page.make().utf8)) }) }
    }

    /// The file names of the site's pages for `publication`, without making them: what
    /// `disclose diff` compares.
    package static func pageNames(_ publication: Publication) -> [String] {
        makers(publication).map(\.name)
    }

    /// Every file of the site, by name, with the function that makes its text.
    /// `changes` (what changed since the previous publication) makes a page only in a preview:
    /// the public portal never shows it.
    static func makers(_ publication: Publication, changes: PublicChanges? = nil) -> [(name: String, make: @Sendable () -> String)] {
        let changes = publication.isPreview ? changes : nil
        var pages: [(name: String, make: @Sendable () -> String)] = [
            ("index.html", { PortalHome(publication: publication, changes: changes).render() }),
            (stylesheet, { PortalAssets.stylesheet }),
            (script, { PortalAssets.script }),
        ]
        if let changes { pages.append((changesPage, { PortalHome(publication: publication, changes: changes).changesPage() })) }
        for country in publication.countries {
            for language in languages(country) {
                let page = PortalCountryPages(publication: publication, country: country, language: language)
                pages.append((countryPage(country.code, language), { page.start() }))
                for index in country.figures.indices {
                    pages.append((issuePage(country.code, language, country.figures[index].issue), { page.issue(index) }))
                }
                for factory in country.factories {
                    pages.append((factoryPage(country.code, language, factory.id), { page.factory(factory) }))
                }
            }
        }
        return pages
    }

    /// The languages a country's pages are made in: its declared ones, first the default.
    package static func languages(_ country: CountryPublication) -> [String] {
        var seen: Set<String> = []
        let languages = country.languages.filter { seen.insert($0).inserted }
        return languages.isEmpty ? ["en"] : languages
    }

    /// A country's start page in a language.
    package static func countryPage(_ country: String, _ language: String) -> String {
        "\(PortalHTML.fileNamePart(country)).\(PortalHTML.fileNamePart(language)).html"
    }

    /// The page of the factories non-compliant on one issue.
    package static func issuePage(_ country: String, _ language: String, _ issue: String) -> String {
        "\(PortalHTML.fileNamePart(country)).\(PortalHTML.fileNamePart(language)).issue.\(PortalHTML.fileNamePart(issue)).html"
    }

    /// A factory's page.
    package static func factoryPage(_ country: String, _ language: String, _ factory: String) -> String {
        "\(PortalHTML.fileNamePart(country)).\(PortalHTML.fileNamePart(language)).factory.\(PortalHTML.fileNamePart(factory)).html"
    }
}

// MARK: - Page frame

/// What every page shares: the document, the header, the language switch and the footer.
struct PortalFrame {
    var publication: Publication
    /// The language of the page's own words (`lang` of the document).
    var labels: PortalLabels
    /// The page in each language: (language, file name), when there is a choice.
    var alternates: [(language: String, page: String)] = []
    var currentLanguage: String = "en"

    var pageLanguage: String { labels.language }

    /// Text in some language, marked with `lang` (and `dir`) where it differs from the page's.
    func text(_ text: String, language: String) -> PortalMarkup {
        if language == pageLanguage { return "\(text)" }
        let direction = PortalHTML.direction(language)
        if direction != PortalHTML.direction(pageLanguage) {
            return "<span lang=\"\(language)\" dir=\"\(direction)\">\(text)</span>"
        }
        return "<span lang=\"\(language)\">\(text)</span>"
    }

    /// A title from the rules in `language`, or else in English, or else in any language.
    func title(_ titles: [String: String], language: String, fallback: String) -> PortalMarkup {
        if let value = titles[language] { return text(value, language: language) }
        if let value = titles["en"] { return text(value, language: "en") }
        if let key = titles.keys.sorted().first, let value = titles[key] { return text(value, language: key) }
        return "\(fallback)"
    }

    /// An issue's title: when the page's language has none adopted, the English one, marked
    /// visibly as such (grammar.md §5: a draft title falls back to the adopted English title).
    func issueTitle(_ titles: [String: String], language: String, fallback: String) -> PortalMarkup {
        let shown = title(titles, language: language, fallback: fallback)
        guard language != "en", titles[language] == nil, titles["en"] != nil else { return shown }
        return shown + " <span class=\"tag tag-fallback\">\(labels.englishTitleNote)</span>"
    }

    /// The marker every page of a preview carries at its top, and nothing on a public page.
    func previewBanner() -> PortalMarkup {
        guard publication.isPreview else { return .empty }
        return "<div class=\"preview-banner\" role=\"note\"><strong>\(PublicationExport.previewNotice)</strong> · a preview for the Project Advisory Committee: drafts and countries not launched are included, each marked</div>\n"
    }

    /// In a preview, what about an issue is a draft, each with the decision it awaits.
    func draftTags(_ notes: [String]) -> PortalMarkup {
        guard publication.isPreview, !notes.isEmpty else { return .empty }
        return PortalMarkup.join(notes.map { " <span class=\"tag tag-draft\">Draft · \($0)</span>" })
    }

    /// The same, as plain text (for `<title>`).
    func plainTitle(_ titles: [String: String], language: String, fallback: String) -> String {
        titles[language] ?? titles["en"] ?? titles.keys.sorted().first.flatMap { titles[$0] } ?? fallback
    }

    /// A day as a `<time>` element.
    func day(_ day: Day) -> PortalMarkup {
        "<time datetime=\"\(day.description)\" dir=\"ltr\">\(day.description)</time>"
    }

    /// The whole document. Only the start page shows the rules digest: on every page, it made
    /// every page of two publications differ when one rule did, hiding what really changed.
    func document(title: String, breadcrumb: [(label: PortalMarkup, href: String?)], hero: PortalMarkup, body: PortalMarkup,
                  showsRulesDigest: Bool = false) -> String {
        let direction = PortalHTML.direction(pageLanguage)
        var head: PortalMarkup = """
            <!DOCTYPE html>
            <html lang="\(pageLanguage)" dir="\(direction)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(publication.isPreview ? PublicationExport.previewNotice + " – " : "")\(title)</title>
            <link rel="stylesheet" href="\(PortalSite.stylesheet)">

            """
        for alternate in alternates {
            head += "<link rel=\"alternate\" hreflang=\"\(alternate.language)\" href=\"\(alternate.page)\">\n"
        }
        head += "</head>\n"
        let crumbs = PortalMarkup.join(breadcrumb.enumerated().map { index, crumb in
            let last = index == breadcrumb.count - 1
            if let href = crumb.href, !last { return "<li><a href=\"\(href)\">\(crumb.label)</a></li>" }
            return "<li><span aria-current=\"page\">\(crumb.label)</span></li>"
        })
        return (head + """
            <body>
            <a class="skip" href="#main">\(labels.skipToContent)</a>
            \(previewBanner())            <header class="site-header">
            <div class="wrap header-row">
            \(brand())
            \(languageSwitch())
            </div>
            </header>
            <nav class="breadcrumb" aria-label="\(labels.breadcrumb)"><div class="wrap"><ol>\(crumbs)</ol></div></nav>
            <main id="main">
            \(hero)
            \(body)
            </main>
            \(footer(showsRulesDigest: showsRulesDigest))
            <script src="\(PortalSite.script)"></script>
            </body>
            </html>

            """).text
    }

    func brand() -> PortalMarkup {
        """
        <a class="brand" href="index.html">\(PortalAssets.logo)<span class="brand-text"><span class="brand-org">Better Work</span><span class="brand-name">\(labels.portalName)</span></span></a>
        """
    }

    func languageSwitch() -> PortalMarkup {
        guard alternates.count > 1 else { return .empty }
        let items = PortalMarkup.join(alternates.map { alternate in
            let name = PortalHTML.endonym(alternate.language)
            let current: PortalMarkup = alternate.language == currentLanguage ? " aria-current=\"page\"" : .empty
            return "<li><a href=\"\(alternate.page)\" hreflang=\"\(alternate.language)\" lang=\"\(alternate.language)\" dir=\"\(PortalHTML.direction(alternate.language))\"\(current)>\(name)</a></li>"
        })
        return "<nav class=\"languages\" aria-label=\"\(labels.languageSwitch)\"><ul>\(items)</ul></nav>"
    }

    func footer(showsRulesDigest: Bool) -> PortalMarkup {
        let digest: PortalMarkup = showsRulesDigest
            ? " · \(labels.rulesDigest): <code>sha256:\(String(publication.rulesDigest.prefix(12)))</code>" : .empty
        return """
            <footer class="site-footer">
            <div class="wrap">
            <p>\(labels.footerAbout)</p>
            <p class="small">\(PortalMarkup.template(labels.asOf, ["date": day(publication.asOf)]))\(digest)</p>
            </div>
            </footer>
            """
    }

    /// A hero band: eyebrow, heading, then more.
    func hero(eyebrow: PortalMarkup, heading: PortalMarkup, more: PortalMarkup) -> PortalMarkup {
        """
        <div class="hero"><div class="wrap">
        <p class="eyebrow">\(eyebrow)</p>
        <h1>\(heading)</h1>
        \(more)
        </div></div>
        """
    }
}

// MARK: - Start page of the portal

/// `index.html`: every country, with its figures and its languages (in English).
struct PortalHome {
    var publication: Publication
    /// What changed since the previous publication, in a preview made over one.
    var changes: PublicChanges? = nil

    func render() -> String {
        let frame = PortalFrame(publication: publication, labels: .english)
        let labels = frame.labels
        let cards = PortalMarkup.join(publication.countries.map { country in
            let languages = PortalSite.languages(country)
            let name = frame.title(country.titles, language: "en", fallback: country.code)
            let others = PortalMarkup.join(languages.filter { $0 != "en" }.compactMap { language in
                country.titles[language].map { frame.text($0, language: language) }
            }, separator: " · ")
            let compliant = country.factories.filter { $0.status == .compliant }.count
            let refused = country.factories.filter { $0.status == .refused }.count
            let nonCompliant = country.factories.count - compliant - refused
            let links = PortalMarkup.join(languages.map { language in
                "<li><a href=\"\(PortalSite.countryPage(country.code, language))\" hreflang=\"\(language)\" lang=\"\(language)\" dir=\"\(PortalHTML.direction(language))\">\(PortalHTML.endonym(language))</a></li>"
            })
            let draft: PortalMarkup = country.launch.isLaunched(on: publication.asOf) ? .empty
                : "<p class=\"tag tag-draft\">Draft · not launched</p>"
            let first = languages[0]
            let native: PortalMarkup = others.text.isEmpty ? .empty : "<p class=\"native\">\(others)</p>"
            return """
                <li class="country-card">
                <h3><a href="\(PortalSite.countryPage(country.code, first))">\(name)</a></h3>
                \(native)\(draft)
                <dl class="mini-stats">
                <div><dt>\(labels.factoriesListed)</dt><dd>\(country.factories.count)</dd></div>
                <div class="ok"><dt>\(labels.noNonCompliance)</dt><dd>\(compliant)</dd></div>
                <div class="nc"><dt>\(labels.withNonCompliance)</dt><dd>\(nonCompliant)</dd></div>
                </dl>
                \(PortalChart.split(compliant: compliant, nonCompliant: nonCompliant, refused: refused))
                <ul class="lang-links" aria-label="\(labels.languageSwitch)">\(links)</ul>
                </li>
                """
        })
        let hero = frame.hero(
            eyebrow: "Better Work",
            heading: "\(labels.portalName)",
            more: """
                <p class="lead">\(labels.tagline). \(labels.firstNotPublished)</p>
                <p class="meta">\(PortalMarkup.template(labels.asOf, ["date": frame.day(publication.asOf)]))</p>
                """)
        let body: PortalMarkup = """
            <div class="wrap">
            <section class="panel" aria-labelledby="countries-h">
            <h2 id="countries-h">\(labels.allCountries)</h2>
            <ul class="country-grid">
            \(cards)
            </ul>
            </section>
            \(changesPanel())<section class="panel about" aria-labelledby="about-h">
            <h2 id="about-h">\(labels.aboutHeading)</h2>
            <ul>
            <li>\(labels.firstNotPublished)</li>
            <li>\(labels.latestOnly)</li>
            <li>\(labels.greenNote)</li>
            <li>\(labels.responsesNote)</li>
            </ul>
            </section>
            </div>
            """
        return frame.document(title: "Better Work – \(labels.portalName)", breadcrumb: [("\(labels.allCountries)", nil)],
                              hero: hero, body: body, showsRulesDigest: true)
    }

    /// On a preview's start page, the link to what changed since the previous publication.
    private func changesPanel() -> PortalMarkup {
        guard let changes else { return .empty }
        let count = changes.lines.count
        let summary = count == 0 ? "No change since the previous publication (as of \(changes.previousAsOf))."
            : "\(count) change\(count == 1 ? "" : "s") since the previous publication (as of \(changes.previousAsOf))."
        return """
            <section class="panel" aria-labelledby="changes-h">
            <h2 id="changes-h">What changed</h2>
            <p>\(summary) <a href="\(PortalSite.changesPage)">See every change</a></p>
            </section>

            """
    }

    /// `changes.html`: every change since the previous publication, by country.
    func changesPage() -> String {
        let frame = PortalFrame(publication: publication, labels: .english)
        let labels = frame.labels
        let lines = changes?.lines ?? []
        let list: PortalMarkup = lines.isEmpty ? "<p>No change.</p>"
            : "<ul class=\"changes\">" + PortalMarkup.join(lines.map { "<li>\($0)</li>" }) + "</ul>"
        let hero = frame.hero(
            eyebrow: "Better Work",
            heading: "What changed since the previous publication",
            more: "<p class=\"meta\">From the publication as of \(changes?.previousAsOf ?? "") to this one, as of \(publication.asOf.description).</p>")
        let body: PortalMarkup = """
            <div class="wrap">
            <section class="panel" aria-labelledby="changes-h">
            <h2 id="changes-h">Changes</h2>
            \(list)
            </section>
            </div>
            """
        return frame.document(title: "What changed – \(labels.portalName)",
                              breadcrumb: [("\(labels.allCountries)", "index.html"), ("What changed", nil)], hero: hero, body: body)
    }
}

// MARK: - Country pages

/// The pages of one country in one language.
struct PortalCountryPages {
    var publication: Publication
    var country: CountryPublication
    var language: String
    var frame: PortalFrame
    /// Each issue's index among the country's figures.
    var figureIndex: [String: Int]

    init(publication: Publication, country: CountryPublication, language: String) {
        self.publication = publication
        self.country = country
        self.language = language
        frame = PortalFrame(publication: publication, labels: PortalLabels.forLanguage(language),
                            alternates: [], currentLanguage: language)
        var index: [String: Int] = [:]
        for (position, figure) in country.figures.enumerated() where index[figure.issue] == nil { index[figure.issue] = position }
        figureIndex = index
    }

    var labels: PortalLabels { frame.labels }

    var countryName: PortalMarkup { frame.title(country.titles, language: language, fallback: country.code) }
    var countryPlainName: String { frame.plainTitle(country.titles, language: language, fallback: country.code) }
    var startPage: String { PortalSite.countryPage(country.code, language) }

    /// Listed factories with a published assessment: the base of the figures.
    var assessedCount: Int {
        country.figures.first?.assessedFactories ?? country.factories.filter { $0.assessment != nil }.count
    }

    func withAlternates(_ page: (String) -> String) -> PortalFrame {
        var frame = frame
        frame.alternates = PortalSite.languages(country).map { ($0, page($0)) }
        return frame
    }

    func title(_ parts: String...) -> String {
        (parts + ["Better Work \(labels.portalName)"]).joined(separator: " – ")
    }

    // MARK: Start page

    func start() -> String {
        let frame = withAlternates { PortalSite.countryPage(country.code, $0) }
        let compliant = country.factories.filter { $0.status == .compliant }.count
        let refused = country.factories.filter { $0.status == .refused }.count
        let nonCompliant = country.factories.count - compliant - refused
        let draft: PortalMarkup = country.launch.isLaunched(on: publication.asOf) ? .empty
            : "<p class=\"notice notice-draft\" role=\"note\"><strong>!</strong> \(labels.draftNotice) (\(country.launch.description))</p>"
        let hero = frame.hero(
            eyebrow: "\(labels.countryEyebrow)",
            heading: countryName,
            more: """
                <p class="lead">\(labels.intro)</p>
                <p class="lead">\(labels.firstNotPublished)</p>
                <p class="meta">\(PortalMarkup.template(labels.asOf, ["date": frame.day(country.schedule.asOf)]))</p>
                \(draft)
                """)
        let greenClass: PortalMarkup = country.greenHighlight ? " ok" : .empty
        let refusedStat: PortalMarkup = refused > 0
            ? "<div class=\"rf\"><dt>\(labels.refusedAssessment)</dt><dd>\(refused)</dd></div>" : .empty
        let stats: PortalMarkup = """
            <dl class="stats">
            <div><dt>\(labels.factoriesListed)</dt><dd>\(country.factories.count)</dd></div>
            <div class="stat\(greenClass)"><dt>\(labels.noNonCompliance)</dt><dd>\(compliant)</dd></div>
            <div class="nc"><dt>\(labels.withNonCompliance)</dt><dd>\(nonCompliant)</dd></div>
            \(refusedStat)
            </dl>
            """
        let list: PortalMarkup
        if country.factories.isEmpty {
            list = "<p class=\"empty\">\(labels.noFactories)</p>"
        } else {
            list = filters() + factoryTable(country.factories, caption: "\(labels.tableCaption)")
                + "<p class=\"empty\" data-empty hidden>\(labels.noMatch)</p>"
        }
        let green: PortalMarkup = country.greenHighlight ? "<li>\(labels.greenNote)</li>" : .empty
        let body: PortalMarkup = """
            <div class="wrap">
            \(stats)
            <section class="panel" id="factories" aria-labelledby="factories-h">
            <h2 id="factories-h">\(labels.factoriesHeading)</h2>
            \(list)
            </section>
            <section class="panel" id="issues" aria-labelledby="issues-h">
            <h2 id="issues-h">\(labels.figuresHeading)</h2>
            <p>\(PortalMarkup.template(labels.figuresIntro, ["assessed": "\(assessedCount)"]))</p>
            \(figuresChart())
            </section>
            \(tierPanels())<section class="panel about" aria-labelledby="about-h">
            <h2 id="about-h">\(labels.aboutHeading)</h2>
            <ul>
            <li>\(labels.firstNotPublished)</li>
            <li>\(labels.latestOnly)</li>
            \(green)<li>\(labels.responsesNote)</li>
            <li>\(labels.refusalNote)</li>
            </ul>
            </section>
            </div>
            """
        return frame.document(title: title(countryPlainName), breadcrumb: breadcrumb([]), hero: hero, body: body)
    }

    func breadcrumb(_ more: [(label: PortalMarkup, href: String?)]) -> [(label: PortalMarkup, href: String?)] {
        [("\(labels.allCountries)", "index.html"), (countryName, startPage)] + more
    }

    /// The filter form: shown by the script, which does the filtering.
    func filters() -> PortalMarkup {
        let issues = PortalMarkup.join(country.figures.enumerated().map { index, figure in
            let name = frame.plainTitle(figure.titles, language: language, fallback: figure.issue)
            return "<option value=\"\(index)\" data-issue=\"\(figure.issue)\">\(name) (\(figure.nonCompliantFactories))</option>"
        })
        return """
            <form class="filters" hidden>
            <fieldset>
            <legend>\(labels.filterLegend)</legend>
            <div class="field"><label for="filter-status">\(labels.status)</label>
            <select id="filter-status" name="status">
            <option value="">\(labels.allStatuses)</option>
            <option value="compliant">\(labels.noNonCompliance)</option>
            <option value="non-compliant">\(labels.withNonCompliance)</option>
            <option value="refused">\(labels.refusedAssessment)</option>
            </select></div>
            <div class="field"><label for="filter-issue">\(labels.nonCompliantOnIssue)</label>
            <select id="filter-issue" name="issue">
            <option value="">\(labels.allIssues)</option>
            \(issues)
            </select></div>
            <p class="count" aria-live="polite" data-template="\(labels.showing)"></p>
            </fieldset>
            </form>
            """
    }

    /// The table of factories, sortable by the script.
    func factoryTable(_ factories: [PublicFactory], caption: PortalMarkup, hideCaption: Bool = false) -> PortalMarkup {
        let rows = PortalMarkup.join(factories.map(row))
        return """
            <div class="table-wrap">
            <table class="factories" data-factories>
            <caption\(hideCaption ? " class=\"visually-hidden\"" : PortalMarkup.empty)>\(caption)</caption>
            <thead><tr>
            <th scope="col" data-sort="text" aria-sort="ascending">\(labels.factory)</th>
            <th scope="col" data-sort="text">\(labels.type)</th>
            <th scope="col" data-sort="text">\(labels.latestAssessment)</th>
            <th scope="col" data-sort="text">\(labels.method)</th>
            <th scope="col" data-sort="number" class="num">\(labels.cycle)</th>
            <th scope="col" data-sort="number">\(labels.status)</th>
            </tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>
            </div>
            """
    }

    func row(_ factory: PublicFactory) -> PortalMarkup {
        let issues = factory.findings.compactMap { figureIndex[$0.issue] }.map(String.init).joined(separator: " ")
        let highlight: PortalMarkup = factory.status == .compliant && country.greenHighlight ? " class=\"is-compliant\"" : .empty
        let date: PortalMarkup = factory.assessment.map { "<td data-value=\"\($0.date.description)\">\(frame.day($0.date))</td>" }
            ?? "<td data-value=\"\">–</td>"
        let method: PortalMarkup = factory.assessment.map { "<td>\(methodName($0.method))</td>" } ?? "<td>–</td>"
        let cycle: PortalMarkup = factory.assessment.map { "<td class=\"num\" data-value=\"\($0.cycle)\">\($0.cycle)</td>" }
            ?? "<td class=\"num\" data-value=\"0\">–</td>"
        return """
            <tr\(highlight) data-status="\(factory.status.rawValue)" data-issues="\(issues)">
            <th scope="row" data-value="\(factory.name.lowercased())"><a href="\(PortalSite.factoryPage(country.code, language, factory.id))"><bdi>\(factory.name)</bdi></a> <span class="id">\(factory.id)</span></th>
            <td>\(typeName(factory.type))</td>
            \(date)
            \(method)
            \(cycle)
            <td data-value="\(statusRank(factory))">\(badges(factory))</td>
            </tr>

            """
    }

    /// Sorts compliant first, then by the number of issues, refusals last.
    func statusRank(_ factory: PublicFactory) -> Int {
        switch factory.status {
        case .compliant: 0
        case .nonCompliant: 1 + factory.findings.count
        case .refused: 10_000 + factory.findings.count
        }
    }

    /// The status as badges: words and a symbol, never colour alone.
    func badges(_ factory: PublicFactory) -> PortalMarkup {
        let count: PortalMarkup = PortalMarkup.template(labels.nonCompliant(factory.findings.count),
                                                        ["count": "<strong>\(factory.findings.count)</strong>"])
        switch factory.status {
        case .compliant:
            let kind: PortalMarkup = country.greenHighlight ? "ok" : "neutral"
            return "<span class=\"badge badge-\(kind)\"><span class=\"icon\" aria-hidden=\"true\">✓</span><span>\(labels.noNonCompliance)</span></span>"
        case .nonCompliant:
            return "<span class=\"badge badge-nc\"><span class=\"icon\" aria-hidden=\"true\">!</span><span>\(count)</span></span>"
        case .refused:
            let findings: PortalMarkup = factory.findings.isEmpty ? .empty
                : " <span class=\"badge badge-nc\"><span class=\"icon\" aria-hidden=\"true\">!</span><span>\(count)</span></span>"
            return "<span class=\"badge badge-rf\"><span class=\"icon\" aria-hidden=\"true\">×</span><span>\(labels.refusedAssessment)</span></span>\(findings)"
        }
    }

    func methodName(_ method: AssessmentMethod) -> PortalMarkup {
        "\(labels.methods[method.rawValue] ?? method.rawValue)"
    }

    func typeName(_ type: String) -> PortalMarkup {
        if let name = labels.types[type.lowercased()] { return "\(name)" }
        return "<bdi>\(type)</bdi>"
    }

    func categoryName(_ category: IssueCategory) -> PortalMarkup {
        "\(labels.categories[category.rawValue] ?? category.rawValue)"
    }

    /// The groups issues are shown in: the country's own headings in their order, each with
    /// its issues in the heading's order; then, by category, every issue under no heading (all
    /// of them, for a country without headings).
    func issueGroups<Item>(_ items: [Item], issue: (Item) -> String, category: (Item) -> IssueCategory) -> [(title: PortalMarkup, items: [Item])] {
        var groups: [(title: PortalMarkup, items: [Item])] = []
        var placed: Set<String> = []
        for heading in country.headings {
            let under = heading.issues.flatMap { id in items.filter { issue($0) == id } }
            placed.formUnion(heading.issues)
            guard !under.isEmpty else { continue }
            groups.append((frame.issueTitle(heading.titles, language: language, fallback: heading.id), under))
        }
        for kind in IssueCategory.allCases {
            let rest = items.filter { category($0) == kind && !placed.contains(issue($0)) }
            if !rest.isEmpty { groups.append((categoryName(kind), rest)) }
        }
        return groups
    }

    /// The figures per issue, grouped under the country's headings or by category, each with a bar.
    func figuresChart() -> PortalMarkup {
        guard !country.figures.isEmpty else { return .empty }
        var groups = PortalMarkup.empty
        for (groupTitle, figures) in issueGroups(Array(country.figures.enumerated()), issue: \.element.issue, category: \.element.category) {
            let rows = PortalMarkup.join(figures.map { index, figure in
                """
                <tr>
                <th scope="row"><a href="\(PortalSite.issuePage(country.code, language, figure.issue))">\(frame.issueTitle(figure.titles, language: language, fallback: figure.issue))</a>\(frame.draftTags(figure.drafts))</th>
                <td class="num"><span dir="ltr"><strong>\(figure.nonCompliantFactories)</strong> / \(figure.assessedFactories)</span></td>
                <td class="bar">\(PortalChart.bar(figure.nonCompliantFactories, of: figure.assessedFactories))</td>
                </tr>

                """
            })
            groups += """
                <tbody>
                <tr class="group"><th scope="rowgroup" colspan="3">\(groupTitle)</th></tr>
                \(rows)</tbody>

                """
        }
        return """
            <figure class="chart">
            <table class="figures">
            <caption class="visually-hidden">\(labels.figuresHeading)</caption>
            <thead><tr><th scope="col">\(labels.issue)</th><th scope="col" class="num">\(labels.nonCompliantFactories)</th><th scope="col"><span class="visually-hidden">\(labels.share)</span></th></tr></thead>
            \(groups)</table>
            </figure>
            """
    }

    // MARK: Issue page

    func issue(_ index: Int) -> String {
        let figure = country.figures[index]
        let frame = withAlternates { PortalSite.issuePage(country.code, $0, figure.issue) }
        let factories = country.factories.filter { factory in factory.findings.contains { $0.issue == figure.issue } }
        let heading = frame.issueTitle(figure.titles, language: language, fallback: figure.issue) + frame.draftTags(figure.drafts)
        let hero = frame.hero(
            eyebrow: "\(labels.issueEyebrow) · \(countryName)",
            heading: heading,
            more: """
                <p class="meta"><span class="tag">\(categoryName(figure.category))</span> <span class="id">\(figure.issue)</span></p>
                """)
        let summary = PortalMarkup.template(labels.issueSummary, [
            "count": "<strong>\(figure.nonCompliantFactories)</strong>", "total": "\(figure.assessedFactories)",
        ])
        let list: PortalMarkup = factories.isEmpty
            ? "<p class=\"empty\">\(labels.issueNone)</p>"
            : factoryTable(factories, caption: "\(labels.issueTableCaption)", hideCaption: true)
        let body: PortalMarkup = """
            <div class="wrap">
            <section class="panel" aria-labelledby="issue-factories-h">
            <h2 id="issue-factories-h">\(labels.issueTableCaption)</h2>
            <div class="issue-summary"><p>\(summary)</p>\(PortalChart.bar(figure.nonCompliantFactories, of: figure.assessedFactories))</div>
            \(list)
            <p class="back"><a href="\(startPage)#issues">\(labels.backToList)</a></p>
            </section>
            </div>
            """
        let plain = frame.plainTitle(figure.titles, language: language, fallback: figure.issue)
        return frame.document(title: title(plain, countryPlainName), breadcrumb: breadcrumb([(heading, nil)]), hero: hero, body: body)
    }

    // MARK: Factory page

    func factory(_ factory: PublicFactory) -> String {
        let frame = withAlternates { PortalSite.factoryPage(country.code, $0, factory.id) }
        let name: PortalMarkup = "<bdi>\(factory.name)</bdi>"
        let hero = frame.hero(
            eyebrow: "\(labels.factory) · \(countryName)",
            heading: name,
            more: "<p class=\"status-line\">\(badges(factory))</p>")

        var details: [(PortalMarkup, PortalMarkup)] = [
            ("\(labels.factoryID)", "<span class=\"id\">\(factory.id)</span>"),
            ("\(labels.country)", countryName),
            ("\(labels.type)", typeName(factory.type)),
        ]
        if let assessment = factory.assessment {
            details += [
                ("\(labels.latestAssessment)", frame.day(assessment.date)),
                ("\(labels.assessmentMethod)", methodName(assessment.method)),
                ("\(labels.cycle)", "\(assessment.cycle)"),
            ]
        } else {
            details.append(("\(labels.latestAssessment)", "\(labels.noAssessment)"))
        }
        details.append(("\(labels.status)", badges(factory)))
        let detailList = PortalMarkup.join(details.map { "<div><dt>\($0.0)</dt><dd>\($0.1)</dd></div>" })
        let refused: PortalMarkup = factory.status == .refused
            ? "<p class=\"notice notice-refused\" role=\"note\"><strong>×</strong> \(PortalMarkup.template(labels.refusedNotice, ["count": "\(factory.refusals ?? 0)"]))</p>"
            : .empty

        let findingIssues = Set(factory.findings.map(\.issue))
        var responsesByIssue: [String: [PublicResponse]] = [:]
        var general: [PublicResponse] = []
        for response in factory.responses {
            if let issue = response.issue, findingIssues.contains(issue) {
                responsesByIssue[issue, default: []].append(response)
            } else {
                general.append(response)
            }
        }

        let findings: PortalMarkup
        if factory.findings.isEmpty {
            findings = factory.assessment == nil ? .empty : """
                <p class="panel-ok"><span class="icon" aria-hidden="true">✓</span> \(labels.compliantPanel)</p>
                """
        } else {
            var groups = PortalMarkup.empty
            for (groupTitle, inCategory) in issueGroups(factory.findings, issue: \.issue, category: \.category) {
                let items = PortalMarkup.join(inCategory.map { finding in
                    let link: PortalMarkup = figureIndex[finding.issue] != nil
                        ? "<a href=\"\(PortalSite.issuePage(country.code, language, finding.issue))\">\(frame.issueTitle(finding.titles, language: language, fallback: finding.issue))</a>"
                        : frame.issueTitle(finding.titles, language: language, fallback: finding.issue)
                    let responses = PortalMarkup.join((responsesByIssue[finding.issue] ?? []).map(response))
                    return """
                        <li class="finding">
                        <h4><span class="icon" aria-hidden="true">!</span> \(link)</h4>
                        <p class="id">\(finding.issue)</p>
                        \(responses)</li>

                        """
                })
                groups += """
                    <section class="category">
                    <h3>\(groupTitle)</h3>
                    <ul class="findings">
                    \(items)</ul>
                    </section>

                    """
            }
            let summary = PortalMarkup.template(labels.findingsSummary, [
                "count": "<strong>\(factory.findings.count)</strong>", "total": "\(country.figures.count)",
            ])
            findings = "<p>\(summary)</p>\n" + groups
        }

        let generalSection: PortalMarkup
        if !general.isEmpty {
            let heading: PortalMarkup = factory.findings.isEmpty ? "\(labels.responsesHeading)" : "\(labels.generalResponses)"
            generalSection = """
                <section class="panel" aria-labelledby="responses-h">
                <h2 id="responses-h">\(heading)</h2>
                \(PortalMarkup.join(general.map(response)))
                </section>
                """
        } else if factory.responses.isEmpty {
            generalSection = """
                <section class="panel" aria-labelledby="responses-h">
                <h2 id="responses-h">\(labels.responsesHeading)</h2>
                <p class="empty">\(labels.noResponses)</p>
                </section>
                """
        } else {
            generalSection = .empty
        }

        let body: PortalMarkup = """
            <div class="wrap">
            \(refused)
            \(tierNotices(factory))<section class="panel" aria-labelledby="details-h">
            <h2 id="details-h">\(labels.detailsHeading)</h2>
            <dl class="details">\(detailList)</dl>
            </section>
            <section class="panel" aria-labelledby="findings-h">
            <h2 id="findings-h">\(labels.findingsHeading)</h2>
            \(findings)
            </section>
            \(generalSection)
            <p class="back"><a href="\(startPage)#factories">\(labels.backToList)</a></p>
            </div>
            """
        return frame.document(title: title(factory.name, countryPlainName), breadcrumb: breadcrumb([(name, nil)]), hero: hero,
                              body: body)
    }

    /// A published response: quoted, dated, and marked as not verified.
    func response(_ response: PublicResponse) -> PortalMarkup {
        let attachments: PortalMarkup = response.attachments.isEmpty ? .empty : """
            <div class="attachments"><span>\(labels.attachments):</span> <ul>\(PortalMarkup.join(response.attachments.map { "<li><bdi>\($0)</bdi></li>" }))</ul></div>
            """
        return """
            <figure class="response">
            <figcaption><span class="who">\(labels.factoryResponse)</span> <span class="date">\(frame.day(response.date))</span> <span class="unverified"><span class="icon" aria-hidden="true">i</span> \(labels.notVerified)</span></figcaption>
            <blockquote dir="auto"><p>\(response.text)</p></blockquote>
            \(attachments)
            </figure>

            """
    }
}

// MARK: - Charts

/// Inline SVG bars: drawn in integer units so that the bytes do not depend on float printing.
enum PortalChart {
    /// A horizontal bar: `part` of `whole`, over a track. Decorative: the numbers are beside it.
    static func bar(_ part: Int, of whole: Int) -> PortalMarkup {
        let width = whole > 0 ? min(1000, max(0, part * 1000 / whole)) : 0
        return """
            <svg class="bar-svg" viewBox="0 0 1000 16" preserveAspectRatio="none" width="100%" height="16" aria-hidden="true" focusable="false"><rect class="track" width="1000" height="16"/><rect class="fill" width="\(width)" height="16"/></svg>
            """
    }

    /// A stacked bar of compliant, non-compliant and refusing factories.
    static func split(compliant: Int, nonCompliant: Int, refused: Int) -> PortalMarkup {
        let total = compliant + nonCompliant + refused
        guard total > 0 else { return .empty }
        let ok = compliant * 1000 / total
        let nc = nonCompliant * 1000 / total
        let rf = 1000 - ok - nc
        return """
            <svg class="split-svg" viewBox="0 0 1000 10" preserveAspectRatio="none" width="100%" height="10" aria-hidden="true" focusable="false"><rect class="ok" width="\(ok)" height="10"/><rect class="nc" x="\(ok)" width="\(nc)" height="10"/><rect class="rf" x="\(ok + nc)" width="\(rf)" height="10"/></svg>
            """
    }
}
