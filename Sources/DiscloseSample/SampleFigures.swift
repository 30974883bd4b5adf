import Disclose

/// Published figures the sample generator draws on, carried over from the project's domain
/// notes (`betterwork.md`, sections 4.1 and 4.2, which give the public source of each).
/// The project never reads those notes at build, test or run time; the numbers live here.
///
/// Labels as in the notes: [C] a public source states it; [I] an inference, used as a
/// plausible default for fixtures, not as fact.
enum SampleFigures {
    /// The first and last day of the sample's assessments: "dates between 2015 and 2025".
    static let firstDay = Day(year: 2015, month: 1, day: 5)!
    static let lastDay = Day(year: 2025, month: 12, day: 31)!

    /// Sample factories per factory of the real programme at scale 1: about 170 factories
    /// (including the fixed scenario factories) and 2-3 MB of CSV in all, most of it answers.
    static let factoriesPerProgrammeFactory = 0.085

    /// Factories in each country programme (betterwork.md 4.1).
    static func programmeSize(_ country: String) -> Int {
        switch country {
        case "VN": 400  // [C] ~400 factories, https://betterwork.org/vietnam/
        case "KH": 465  // [C] 465 registered and operating, BFC transparency database report, 11th cycle
        case "ID": 200  // [C] ">200", https://betterwork.org/indonesia/our-partners/
        case "BD": 450  // [C] ~450, https://betterwork.org/where-we-work/bangladesh
        case "JO": 91  // [C] 91 registered (2022), Better Work Jordan phase IV strategy page
        case "EG": 40  // [C] 40 enrolled by end 2020
        case "PK": 30  // [C] ">30 enrolled in year 1", https://betterwork.org/pakistan/
        case "NI": 25  // [C] 25 factories (2014-15), Nicaragua 2nd compliance synthesis report
        case "HT": 24  // [C] 23-25 assessed per biannual report (16th and 18th synthesis reports)
        default: 30  // [I] no published size (Ethiopia, for one): about the size of the newest programmes
        }
    }

    /// Share of footwear factories. [I] Vietnam and Indonesia have large footwear sectors;
    /// the portal shows the type (garment, footwear) per factory (portal-policy.md).
    static func footwearShare(_ country: String) -> Double {
        switch country {
        case "VN", "ID": 0.10
        default: 0.02
        }
    }

    /// A factory's attributes, for the optional columns of the factories table.
    ///
    /// - `sector`: the factory's type (garment, footwear, textile), which the sample already draws.
    /// - `province`: only for Pakistan, whose rules read it. [I] Pakistan's garment and textile
    ///   exporters are mostly in Punjab (Lahore, Faisalabad) and Sindh (Karachi); 70% Punjab.
    /// - `export_licence`: [C] Better Factories Cambodia covers exporting factories with an
    ///   export licence (betterwork.md 3.2), and Jordan's programme is mandatory for exporters to
    ///   the US and Israel (betterwork.md 4.1). [I] So nearly every factory has one; in Cambodia
    ///   and Jordan 3% do not (a domestic subcontractor), so that the sample shows the scope.
    static func attributes(country: String, type: String, random: inout SampleRandom) -> [String: String] {
        var attributes = ["sector": type]
        if country == "PK" { attributes["province"] = random.chance(0.7) ? "Punjab" : "Sindh" }
        let unlicensed = country == "KH" || country == "JO" ? 0.03 : 0
        attributes["export_licence"] = random.chance(unlicensed) ? "no" : "yes"
        return attributes
    }

    /// The share of factories non-compliant on a compliance point in their first cycle.
    ///
    /// Generic values are the fixture priors of betterwork.md 4.2 [I]: child and forced
    /// labour 0-3%, OSH points 50-90%, minimum wage under 10%. Country values are the
    /// published rates [C] cited beside them.
    static func nonComplianceRate(point: String, cluster: String, country: String) -> Double {
        switch (country, point) {
        // Vietnam 2014-15, 193 factories (8th synthesis report): interference and
        // discrimination 62%, collective bargaining ~50%, paid leave >80%, wage information
        // ~50%, OSH >= 70% in 6 of 8 points, contracts from 47% up, no forced labour.
        case ("VN", "FOA-INT"): return 0.62
        case ("VN", "FOA-CBA"): return 0.50
        // Vietnam 2017-18 (2019 annual report): union operations not free from management;
        // fixture prior for FoA in Vietnam 40-60% [I].
        case ("VN", "FOA-UOP"): return 0.50
        case ("VN", "FOA-ASC"): return 0.40
        case ("VN", "COM-LEA"): return 0.82
        case ("VN", "COM-WAG"): return 0.50
        case ("VN", "CON-EMP"), ("VN", "CON-PRO"): return 0.47
        // Highest: worker protection, overtime, OSH management systems (2019 annual report).
        case ("VN", "OSH-PRO"): return 0.88
        case ("VN", "OSH-MAN"): return 0.85
        case ("VN", "OSH-CHE"), ("VN", "OSH-EMR"), ("VN", "OSH-ENV"), ("VN", "OSH-ACC"): return 0.75
        case ("VN", "OSH-HEA"), ("VN", "OSH-WEL"): return 0.60
        // 93% over the annual overtime limits in 2012-13 (6th synthesis report).
        case ("VN", "WTI-OVT"): return 0.90
        case ("VN", _) where cluster == "FOR": return 0.005

        // Indonesia 2013 (3rd synthesis report): discrimination 92% (1% disability quota),
        // collective bargaining 55%, overtime pay 78%, social security 60%, contracts 88%,
        // bipartite committees missing 85%, every factory non-compliant on emergency
        // preparedness, no forced labour. 2015-16 (5th): child labour in 2 factories,
        // coercion in 1.
        case ("ID", "DIS-OTH"): return 0.92
        case ("ID", "FOA-CBA"): return 0.55
        case ("ID", "COM-OVT"): return 0.78
        case ("ID", "COM-SOC"): return 0.60
        case ("ID", "CON-EMP"): return 0.88
        case ("ID", "CON-DIA"): return 0.85
        case ("ID", "OSH-EMR"): return 0.98
        case ("ID", "CHL-DOC"): return 0.02
        case ("ID", _) where cluster == "FOR": return 0.005

        // Nicaragua 2014-16 (2nd and 3rd synthesis reports): wage information and social
        // security 24-29%, dialogue, discipline and disputes 48%, union operations 1 of 25
        // factories, 4 of 25 over the weekly overtime limit, no child labour, forced labour
        // or discrimination; contracts 81% in cycle 1 (see `improvement`).
        case ("NI", "COM-WAG"), ("NI", "COM-SOC"): return 0.26
        case ("NI", "CON-DIA"): return 0.48
        case ("NI", "FOA-UOP"): return 0.04
        case ("NI", "WTI-OVT"): return 0.16
        case ("NI", "CON-EMP"), ("NI", "CON-PRO"): return 0.81
        case ("NI", _) where cluster == "CHL" || cluster == "FOR": return 0.003
        case ("NI", _) where cluster == "DIS": return 0.01

        // Jordan: 100% compliance on minimum wage, paid leave and social security for
        // factories in the programme 2+ years (see `improvement`); 94% of workers keep their
        // own travel documents, so document retention in about 6% of workers' cases [C];
        // migrant workers are most of the workforce.
        case ("JO", "COM-MIN"), ("JO", "COM-LEA"), ("JO", "COM-SOC"): return 0.06
        case ("JO", "FOR-COE"): return 0.06
        case ("JO", "DIS-RAC"): return 0.10
        default: break
        }
        switch point {
        case "CHL-LAB": return 0.015
        case "CHL-DOC": return 0.06
        case "CHL-HAZ": return 0.01
        case "CHL-UWF": return 0.003
        case "FOR-COE": return 0.02
        case "FOR-BON": return 0.015
        case "FOR-OVT": return 0.03
        case "FOR-PRI": return 0.002
        case "DIS-GEN": return 0.12
        case "DIS-RAC": return 0.04
        case "DIS-REL": return 0.01
        case "DIS-OTH": return 0.05
        case "FOA-ASC": return 0.10
        case "FOA-INT": return 0.20
        case "FOA-CBA": return 0.25
        case "FOA-STR": return 0.05
        case "FOA-UOP": return 0.15
        case "COM-MIN": return 0.07
        case "COM-OVT": return 0.30
        case "COM-LEA": return 0.35
        case "COM-PRE": return 0.20
        case "COM-MET": return 0.08
        case "COM-SOC": return 0.30
        case "COM-WAG": return 0.35
        case "CON-PRO": return 0.20
        case "CON-EMP": return 0.50
        case "CON-DIA": return 0.40
        case "CON-TER": return 0.20
        case "OSH-CHE": return 0.65
        case "OSH-EMR": return 0.75
        case "OSH-HEA": return 0.55
        case "OSH-MAN": return 0.70
        case "OSH-WEL": return 0.50
        case "OSH-ACC": return 0.50
        case "OSH-PRO": return 0.75
        case "OSH-ENV": return 0.60
        case "WTI-REG": return 0.20
        case "WTI-OVT": return 0.50
        case "WTI-LEA": return 0.20
        default: break
        }
        switch cluster {
        case "CHL", "FOR": return 0.01
        case "OSH": return 0.6
        default: return 0.2
        }
    }

    /// The question behind a published point rate, where the source names it: that question
    /// carries the point's violations, rather than any question of the point.
    static func leadingQuestion(point: String, country: String) -> String? {
        switch (country, point) {
        case ("ID", "DIS-OTH"): "DIS-OTH-02"  // [C] the 1% disability quota (Indonesia 3rd synthesis report)
        case ("ID", "CON-DIA"): "CON-DIA-01"  // [C] bipartite committees missing or not effective (3rd and 5th reports)
        case ("VN", "WTI-OVT"): "WTI-OVT-04"  // [C] annual overtime limits, 93% (Vietnam 6th synthesis report)
        case ("VN", "FOA-UOP"): "FOA-UOP-04"  // [C] union operations not free from management (Vietnam 2019 annual report)
        case ("NI", "WTI-OVT"): "WTI-OVT-02"  // [C] 4 factories over the weekly limit (Nicaragua 3rd report)
        case ("JO", "FOR-COE"): "FOR-COE-03"  // [C] 6% of workers without their travel documents (Better Work Jordan)
        default: nil
        }
    }

    /// The factor by which a point's rate falls with each further cycle.
    ///
    /// [C] Nicaragua: contracts non-compliance fell from 81% in cycle 1 to 14% in cycle 4
    /// (a factor of about 0.56 a cycle). [C] Jordan: full compliance on minimum wage, paid
    /// leave and social security after two years. [C] Cambodia: factories compliant on all
    /// critical issues rose from 28% to 47% after public reporting. [I] Elsewhere 0.88 a
    /// cycle, never below 40% of the first cycle's rate; core labour standards do not improve
    /// in the sample, as they are rare to begin with.
    static func rate(point: String, cluster: String, country: String, cycle: Int) -> Double {
        let base = nonComplianceRate(point: point, cluster: cluster, country: country)
        if cluster == "CHL" || cluster == "FOR" { return base }
        let factor: Double
        var floor = 0.4
        switch (country, point) {
        case ("NI", "CON-EMP"), ("NI", "CON-PRO"):
            factor = 0.56
            floor = 0
        case ("JO", "COM-MIN"), ("JO", "COM-LEA"), ("JO", "COM-SOC"):
            factor = cycle > 2 ? 0 : 0.5
            floor = 0
        default:
            factor = 0.88
        }
        var multiplier = 1.0
        for _ in 1..<max(1, cycle) { multiplier *= factor }
        return base * max(floor, multiplier)
    }

    /// Whether a question that allows "not applicable" applies in a factory: the factory
    /// property it depends on and how common that property is. [I] Plausible shares; the
    /// published facts behind them: Jordan's workforce is mostly migrant and housed in
    /// dormitories (Jordan accommodation items, betterwork.md 2.3); Indonesia's disability
    /// quota (3rd synthesis report) and Cambodia's HIV/AIDS requirements are national law.
    static func applicability(question: String, country: String) -> (property: String, share: Double)? {
        switch question {
        case "CHL-LAB-05": return ("child-labour-found", 0)  // set from the answers themselves
        case "CHL-DOC-02", "CHL-DOC-03", "CHL-DOC-04", "CHL-DOC-05": return ("young-workers", 0.25)
        case "DIS-RAC-03", "FOR-BON-05": return ("migrant-workers", country == "JO" ? 0.95 : 0.05)
        case "CON-PRO-05": return ("recruitment-agencies", country == "JO" ? 0.9 : 0.3)
        case "DIS-OTH-02": return ("disability-quota", country == "ID" ? 1 : 0.2)
        case "DIS-OTH-05": return ("hiv-rules", country == "KH" ? 1 : 0.3)
        case "FOA-ASC-02", "FOA-ASC-04", "FOA-ASC-06", "FOA-UOP-01", "FOA-UOP-02", "FOA-UOP-03", "FOA-UOP-04", "FOA-UOP-05":
            return ("union", unionShare(country))
        case "FOA-CBA-01", "FOA-CBA-02", "FOA-CBA-03", "FOA-CBA-04", "FOA-CBA-05":
            return ("collective-agreement", unionShare(country) * 0.7)
        case "FOA-STR-01", "FOA-STR-02", "FOA-STR-03", "FOA-STR-04": return ("strike", country == "KH" ? 0.25 : 0.06)
        case "COM-MIN-02", "COM-OVT-03": return ("piece-rate", country == "KH" || country == "HT" ? 0.45 : 0.2)
        case "COM-MIN-04": return ("trainees", 0.6)
        case "COM-OVT-04": return ("rest-day-overtime", 0.75)
        case "COM-LEA-03", "WTI-LEA-02", "OSH-WEL-05", "OSH-WEL-06", "WTI-OVT-06": return ("mothers", 0.9)
        case "COM-LEA-04", "COM-LEA-06": return ("leavers", 0.9)
        case "COM-PRE-01", "WTI-REG-05": return ("night-work", 0.3)
        case "COM-PRE-02", "COM-PRE-03": return ("bonus-law", country == "KH" ? 1 : 0.4)
        case "COM-PRE-04": return ("allowance-law", 0.6)
        case "CON-PRO-04": return ("subcontracting", 0.2)
        case "CON-DIA-01", "CON-DIA-07", "OSH-MAN-03", "OSH-HEA-03", "OSH-EMR-10": return ("large-factory", 0.85)
        case "CON-DIA-08": return ("dispute", 0.3)
        case "CON-TER-01", "CON-TER-02", "CON-TER-03", "CON-TER-05": return ("terminations", 0.85)
        case "CON-TER-04": return ("collective-dismissal", 0.1)
        case "OSH-CHE-06": return ("chemicals", 0.6)
        case "OSH-ACC-01", "OSH-ACC-02", "OSH-ACC-03", "OSH-ACC-04", "OSH-ACC-05", "OSH-ACC-06":
            return ("dormitory", country == "JO" ? 0.8 : 0.1)
        case "WTI-OVT-05": return ("overtime-permit-law", 0.7)
        default: return nil
        }
    }

    /// [I] Share of factories with a union: Vietnamese law sets up a grassroots union in
    /// nearly every enterprise; Cambodian garment factories mostly have several; Jordan has
    /// one sectoral union; fewer in Haiti and Nicaragua.
    static func unionShare(_ country: String) -> Double {
        switch country {
        case "VN": 0.95
        case "KH", "JO": 0.85
        case "ID": 0.75
        default: 0.5
        }
    }
}
