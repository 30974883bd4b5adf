import Disclose

/// A country's tiers on the portal, as Better Factories Cambodia shows its "Low Compliance" and
/// "Union Compliance" lists beside the critical issues
/// (https://betterfactories.org/transparency/ch/issues/factory/415/critical_issues): on the
/// country's start page, one panel per tier with the factories it names and their compliance;
/// on a named factory's page, a notice for each tier that names it.
extension PortalCountryPages {
    /// The tier panels of the start page.
    func tierPanels() -> PortalMarkup {
        PortalMarkup.join(country.tiers.enumerated().map { index, tier in
            let heading = frame.issueTitle(tier.titles, language: language, fallback: tier.id)
            let measured: PortalMarkup
            if let mean = tier.mean, let deviation = tier.standardDeviation, let cutoff = tier.cutoff {
                measured = "<p>\(PortalMarkup.template(labels.tierMeasured, ["count": "\(tier.measuredFactories)", "mean": "\(Self.percent(mean))", "deviation": "\(Self.percent(deviation))", "cutoff": "\(Self.percent(cutoff))"]))</p>"
            } else {
                measured = .empty
            }
            let list: PortalMarkup = tier.named.isEmpty
                ? "<p class=\"empty\">\(labels.tierNone)</p>"
                : """
                    <table class="tier">
                    <thead><tr><th scope="col">\(labels.factory)</th><th scope="col" class="num">\(labels.tierCompliance)</th></tr></thead>
                    <tbody>
                    \(PortalMarkup.join(tier.named.map { named in
                        "<tr><th scope=\"row\"><a href=\"\(PortalSite.factoryPage(country.code, language, named.id))\"><bdi>\(named.name)</bdi></a> <span class=\"id\">\(named.id)</span></th><td class=\"num\"><span dir=\"ltr\">\(Self.percent(named.rate))</span></td></tr>\n"
                    }))</tbody>
                    </table>
                    """
            return """
                <section class="panel" id="tier-\(index)" aria-labelledby="tier-\(index)-h">
                <h2 id="tier-\(index)-h">\(heading)</h2>
                <p class="meta"><span class="id">\(tier.id)</span></p>
                \(measured)
                \(list)
                </section>

                """
        })
    }

    /// The notices on a factory's page for the tiers that name it.
    func tierNotices(_ factory: PublicFactory) -> PortalMarkup {
        PortalMarkup.join(country.tiers.compactMap { tier in
            guard let named = tier.named.first(where: { $0.id == factory.id }) else { return nil }
            let heading = frame.issueTitle(tier.titles, language: language, fallback: tier.id)
            return """
                <p class="notice notice-tier" role="note"><strong>\(heading)</strong> · \(PortalMarkup.template(labels.tierNamedNotice, ["rate": "\(Self.percent(named.rate))"]))</p>

                """
        })
    }

    /// A percentage to at most two decimals, as the public file gives it.
    static func percent(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return (hundredths < 0 ? "-" : "") + TierRun.percentText(abs(hundredths))
    }
}
