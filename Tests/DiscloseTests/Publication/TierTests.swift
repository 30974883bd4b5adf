@testable import Disclose
@testable import DisclosePortal
import Foundation
import Testing

/// Tiers: the rate's rounding, and `explain` with the real binary on a golden tier case. The
/// golden cases (`Golden/publish/tier-*`) show the boundary, too few assessments and equal rates.
@Suite struct TierTests {
    typealias CLI = CommandLineTests

    @Test(arguments: [
        (1, 3, "33.33%"), (2, 3, "66.67%"), (1, 8, "12.5%"), (1, 32, "3.13%"), (7, 10, "70%"), (0, 5, "0%"), (44, 44, "100%"),
        (32, 44, "72.73%"), (1, 16, "6.25%"), (1, 400, "0.25%"), (1, 80_000, "0%"), (1, 20_000, "0.01%"),
    ])
    func ratesAreHundredthsOfAPercentRoundedHalfUp(_ compliant: Int, _ applicable: Int, _ shown: String) {
        // The formula TierRun uses, in integers, so that no rate depends on floating point.
        let rate = (20_000 * compliant + applicable) / (2 * applicable)
        #expect(TierRun.percentText(rate) == shown)
    }

    static let caseFolder = Golden.packageRoot.appendingPathComponent("Tests/DiscloseTests/Golden/publish/tier-beyond-two-deviations")

    /// The portal shows a tier as BFC shows its low-compliance list: a panel on the country's
    /// page with the factories named and their compliance, and a notice on a named factory's page.
    @Test func portalShowsTheTierAndItsNamedFactory() throws {
        let folder = Self.caseFolder.path
        let publication = try #require(Publisher(project: folder + "/project", asOf: Day(iso: "2024-06-30")!).publish(data: folder).publication)
        let tier = try #require(publication.countries.first?.tiers.first)
        #expect(tier.named.map(\.id) == ["XT-5"])
        let pages = Dictionary(uniqueKeysWithValues: PortalSite.pages(publication).map { ($0.name, $0.text) })
        let start = try #require(pages[PortalSite.countryPage("XT", "en")])
        #expect(start.contains("<h2 id=\"tier-0-h\">Low compliance</h2>"))
        #expect(start.contains("6 factories measured: mean compliance 86.67%, standard deviation 7.45%; factories below 71.76% are named."))
        #expect(start.contains("Beyond Five Garments</bdi></a> <span class=\"id\">XT-5</span></th><td class=\"num\"><span dir=\"ltr\">70%</span>"))
        #expect(start.contains("<h2 id=\"tier-1-h\">Union compliance</h2>"))
        let named = try #require(pages[PortalSite.factoryPage("XT", "en", "XT-5")])
        #expect(named.contains("This factory is named in this list: compliance 70%."))
        let other = try #require(pages[PortalSite.factoryPage("XT", "en", "XT-1")])
        #expect(!other.contains("notice-tier"))
    }

    @Test func explainShowsTheTierComputationOfANamedFactory() throws {
        let folder = Self.caseFolder.path
        let run = try CLI.run(["explain", "XT-5", "--data", folder, "--rules", folder + "/project", "--as-of", "2024-06-30"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("tier XT-LOW (Low compliance; concerns the factory):"))
        #expect(run.stdout.contains("compliant 7, non-compliant 3, not applicable 0, unanswered 0"))
        #expect(run.stdout.contains("rate: 7 of 10 applicable = 70%"))
        #expect(run.stdout.contains("over 6 measured factories: mean 86.67%, population standard deviation 7.45%"))
        #expect(run.stdout.contains("named: 70% is more than 2 standard deviations below the mean"))
        let json = try CLI.run(["explain", "XT-1", "--data", folder, "--rules", folder + "/project", "--as-of", "2024-06-30", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.stdout.contains("\"rateHundredthsOfPercent\": 9000"))
    }
}
