@testable import Disclose
@testable import DisclosePortal
import Foundation
import Testing

extension Hardening.HostileDataTests {
    /// Control characters a terminal or spreadsheet would obey: C0 but tab, line feed and
    /// carriage return; DEL; the C1 range (U+0085 NEXT LINE, U+009B, a one-character CSI).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    /// The controls the tests put into data and rules: ESC (with a screen-clearing sequence),
    /// BEL, BS, DEL, NEXT LINE and the one-character CSI.
    static let controls = "\u{1B}[2J\u{07}\u{08}\u{7F}\u{85}\u{9B}31m"

    /// Every public file (CSV, JSON, portal pages), as text by name.
    static func publicFiles(_ outcome: Hardening.Outcome) -> [(name: String, text: String)] {
        outcome.csv + [("public.json", outcome.publicJSON)] + outcome.html
    }

    /// ESC, BEL, BS, DEL and C1 controls in a factory name and a response used to be written
    /// raw into the public CSV files (`cat public-factories.csv` cleared the screen). Now no
    /// public file holds one raw: the CSV files, still well formed, show U+FFFD in their place,
    /// as the portal pages do; the JSON escapes them, so that it holds the value exactly.
    @Test func controlCharactersInDataReachNoPublicFileRaw() throws {
        var tables = try Hardening.baseTables()
        tables["factories.csv"] = tables["factories.csv"]!.replacingOccurrences(of: "Sihanoukville Apparel", with: "Sihanoukville\(Self.controls) Apparel")
        tables["responses.csv"] = tables["responses.csv"]!.replacingOccurrences(of: "The blocked emergency exit", with: "The blocked\(Self.controls) emergency exit")
        let outcome = try Hardening.publish(tables.mapValues { Array($0.utf8) })
        #expect(!outcome.result.hasErrors, "\(outcome.summary)")
        #expect(outcome.html.count > 3)
        for file in Self.publicFiles(outcome) {
            #expect(!file.text.unicodeScalars.contains(where: Self.isControl), "\(file.name) holds a control character raw")
        }
        let shown = "\u{FFFD}[2J\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}31m"
        let factories = try #require(strictCSVRecords(outcome.csv.first { $0.name == "public-factories.csv" }!.text))
        #expect(factories.allSatisfy { $0.count == factories[0].count })
        #expect(factories[1][2] == "Sihanoukville\(shown) Apparel")
        let responses = try #require(strictCSVRecords(outcome.csv.first { $0.name == "public-responses.csv" }!.text))
        #expect(responses.contains { $0.count > 6 && $0[6].hasPrefix("The blocked\(shown) emergency exit") }, "\(responses)")
        // JSON: escaped, and read back exactly.
        #expect(outcome.publicJSON.contains("Sihanoukville\\u001b[2J\\u0007\\u0008\\u007f\\u0085\\u009b31m Apparel"))
        let factory = try Self.listedFactory(outcome)
        #expect(factory["name"] as? String == "Sihanoukville\(Self.controls) Apparel")
        let page = try #require(outcome.html.first { $0.name.contains(".factory.") })
        #expect(page.text.contains("Sihanoukville\(shown) Apparel"))
    }

    /// A title in a rule file holding ESC gets only a warning (W107), so it is published: it
    /// reaches the public CSV and the portal with the control replaced, the JSON escaped.
    @Test func controlCharactersInARuleTitleReachNoPublicFileRaw() throws {
        let project = try Hardening.temporaryFolder("title-controls")
        defer { try? FileManager.default.removeItem(at: project) }
        for folder in ["rules", "countries"] {
            try FileManager.default.copyItem(at: Hardening.root.appendingPathComponent(folder), to: project.appendingPathComponent(folder))
        }
        let country = project.appendingPathComponent("countries/KH.disclose")
        let text = try String(contentsOf: country, encoding: .utf8)
        let title = "title en \"Emergency exit doors are sufficient\""
        #expect(text.contains(title))
        try text.replacingOccurrences(of: title, with: "title en \"Emergency exit\(Self.controls) doors are sufficient\"")
            .write(to: country, atomically: true, encoding: .utf8)
        let data = try Hardening.temporaryFolder("title-controls-data")
        defer { try? FileManager.default.removeItem(at: data) }
        try Hardening.write(try Hardening.baseTables().mapValues { Array($0.utf8) }, under: data)
        var publisher = Publisher(project: project.path, asOf: Hardening.baseAsOf)
        publisher.displayBase = project.path
        let result = publisher.publish(data: data.path)
        let publication = try #require(result.publication, "\(Hardening.summary(result.diagnostics))")
        let outcome = Hardening.Outcome(result: result, publicJSON: PublicationExport.publicJSON(publication).serialized(),
                                        csv: PublicationExport.publicCSV(publication), html: PortalSite.pages(publication))
        for file in Self.publicFiles(outcome) {
            #expect(!file.text.unicodeScalars.contains(where: Self.isControl), "\(file.name) holds a control character raw")
        }
        let findings = try #require(strictCSVRecords(outcome.csv.first { $0.name == "public-findings.csv" }!.text))
        #expect(findings.contains { $0.count > 6 && $0[6] == "Emergency exit\u{FFFD}[2J\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}31m doors are sufficient" })
        #expect(outcome.publicJSON.contains("Emergency exit\\u001b[2J"))
    }

    @Test func csvWriterReplacesEveryControlCharacter() {
        for value in UInt32(0)...0x9F {
            let scalar = Unicode.Scalar(value)!
            let field = CSVWriter.field("a\(Character(scalar))b")
            if Self.isControl(scalar) {
                #expect(field == "a\u{FFFD}b", "U+\(String(value, radix: 16))")
            } else {
                #expect(field.unicodeScalars.contains(scalar), "U+\(String(value, radix: 16)) is text and must stay")
            }
        }
    }

    // MARK: Page file names

    /// Long ids used to become page names over the 255 bytes a file name may have: a factory
    /// id of 33 Khmer characters (each of its 99 bytes spelt `_XX`) or of 300 ASCII letters
    /// made `--format html` fail with a bare "Code=512". Each name part is now at most 64
    /// bytes (a readable prefix, `~`, and 16 hex digits of the id's SHA-256); the page still
    /// shows the whole id, and every link between pages leads to a page of the site.
    @Test(arguments: [String(repeating: "ក", count: 33), String(repeating: "A", count: 300)])
    func longFactoryIdGetsABoundedPageNameAndConsistentLinks(id: String) throws {
        var tables = try Hardening.baseTables()
        for table in tables.keys { tables[table] = tables[table]!.replacingOccurrences(of: "KH-130", with: id) }
        let outcome = try Hardening.publish(tables.mapValues { Array($0.utf8) })
        #expect(!outcome.result.hasErrors, "\(outcome.summary)")
        let names = Set(outcome.html.map(\.name))
        #expect(names.allSatisfy { $0.utf8.count <= 255 && !$0.contains("/") && !$0.hasPrefix(".") }, "\(names.filter { $0.utf8.count > 255 })")
        let factoryPages = outcome.html.filter { $0.name.contains(".factory.") }
        #expect(!factoryPages.isEmpty)
        for page in factoryPages {
            #expect(page.name.utf8.count < 120, "\(page.name)")
            #expect(page.text.contains(id), "\(page.name) does not show the whole id")
        }
        for page in outcome.html where page.name.hasSuffix(".html") {
            for link in Self.localLinks(page.text) {
                #expect(names.contains(link), "\(page.name) links to \(link), which is not a page of the site")
            }
        }

        // Through the real binary: the portal is written.
        let folder = try Hardening.temporaryFolder("long-id")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Hardening.write(tables.mapValues { Array($0.utf8) }, under: folder.appendingPathComponent("data"))
        let run = try Hardening.run(["publish", "--data", "data", "--out", "site", "--format", "html", "--as-of", "2024-06-01", "--rules", Hardening.root.path],
                                    in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let written = Set(Hardening.contents(of: folder.appendingPathComponent("site/public")).keys)
        #expect(written.isSuperset(of: names), "\(names.subtracting(written))")
    }

    /// Links to other pages of the site: `href` values that are file names.
    static func localLinks(_ html: String) -> [String] {
        html.components(separatedBy: "href=\"").dropFirst().compactMap { rest in
            guard let end = rest.firstIndex(of: "\"") else { return nil }
            let target = String(rest[..<end]).components(separatedBy: "#")[0]
            guard !target.isEmpty, !target.contains(":"), !target.hasPrefix("/") else { return nil }
            return target.replacingOccurrences(of: "&amp;", with: "&")
        }
    }

    /// Cut names stay distinct: two long ids that share their first hundred characters get
    /// different names; a name that is cut cannot equal one that is not (`~` occurs only in
    /// cut names); short ids keep their readable names.
    @Test func pageNamePartsAreBoundedAndDistinct() {
        let shared = String(repeating: "B", count: 100)
        let first = PortalHTML.fileNamePart(shared + "1"), second = PortalHTML.fileNamePart(shared + "2")
        #expect(first != second)
        #expect(first.utf8.count <= PortalHTML.maximumFileNamePart && second.utf8.count <= PortalHTML.maximumFileNamePart)
        #expect(first.hasPrefix("BBBB") && first.contains("~"))
        #expect(PortalHTML.fileNamePart("KH-130") == "KH-130")
        #expect(!PortalHTML.fileNamePart(String(repeating: "x", count: 64)).contains("~"))
        #expect(PortalHTML.fileNamePart(String(repeating: "x", count: 65)).contains("~"))
        // A cut never ends inside a `_XX` escape.
        for count in 10...40 {
            let part = PortalHTML.fileNamePart(String(repeating: "ក", count: count))
            let prefix = part.split(separator: "~").first.map(String.init) ?? part
            #expect(prefix.utf8.count % 3 == 0 && prefix.utf8.count <= PortalHTML.maximumFileNamePart, "\(part)")
        }
        // A huge id costs no more than a short one to name.
        #expect(PortalHTML.fileNamePart(String(repeating: "z", count: 1 << 20)).utf8.count <= PortalHTML.maximumFileNamePart)
    }
}
