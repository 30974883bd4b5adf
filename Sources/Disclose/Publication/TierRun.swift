/// Computes a country's tiers on its publication day (grammar.md, "tier", states the same
/// arithmetic for people).
///
/// For each tier: a factory is *measured* when it has at least the tier's number of finalised
/// assessments by the publication day and its latest one answers every requirement usably;
/// its rate is the share of its applicable requirements answered compliantly, in hundredths of
/// a percent rounded half up (0 to 10,000). Over the measured factories, the mean and the
/// *population* standard deviation of the rates (the measured factories are all of the
/// country's, not a sample of them). A factory is named when its rate is more than k standard
/// deviations below the mean, decided exactly in integers: with P measured rates r summing to S
/// and their squares to Q, when D = S − P·r > 0 and D² > k²·(P·Q − S²); at exactly k standard
/// deviations it is not named, and when every rate is equal (deviation 0) nobody is. A rate
/// threshold names a factory whose rate is below the percentage. Only a factory listed on the
/// portal is named; an unmeasured one is not, and the reason is kept for `explain`.
package enum TierRun {
    /// One factory's measure against one tier, for the internal report and `explain`.
    struct Input {
        var factory: FactoryRecord
        var sheets: [Publisher.Sheet]
        var listed: Bool
    }

    static func compute(_ tier: Tier, book: RuleBook, on day: Day, factories: [Input]) -> (PublicTier, [TierMeasure]) {
        var measures: [TierMeasure] = []
        for input in factories {
            measures.append(measure(tier, book: book, on: day, input))
        }
        let rates = measures.compactMap(\.rate)
        var result = PublicTier(tier: tier, requirements: tier.questions.map { book.questions[$0].periods.first?.value.id ?? "" })
        result.measuredFactories = rates.count
        guard !rates.isEmpty else { return (result, measures) }
        let population = rates.count
        let sum = rates.reduce(0, +)
        let squares = rates.reduce(0) { $0 + $1 * $1 }
        // P·Q − S² is P² times the population variance: never negative.
        let spread = population * squares - sum * sum
        result.mean = Double(sum) / Double(population) / 100
        result.standardDeviation = Double(spread).squareRoot() / Double(population) / 100
        switch tier.threshold {
        case .deviationsBelowMean(let count):
            result.cutoff = result.mean.map { $0 - Double(count) * result.standardDeviation! }
        case .rateBelow(let percent):
            result.cutoff = Double(percent)
        }
        for index in measures.indices {
            guard let rate = measures[index].rate else { continue }
            let below: Bool
            switch tier.threshold {
            case .deviationsBelowMean(let count):
                let distance = sum - population * rate
                let (distanceSquared, overflowA) = distance.multipliedReportingOverflow(by: distance)
                let (bound, overflowB) = (count * count).multipliedReportingOverflow(by: spread)
                if overflowA || overflowB {
                    // Too many factories for exact integers: name nobody rather than guess.
                    measures[index].because = "not named: too many factories to compute the tier exactly"
                    continue
                }
                below = distance > 0 && distanceSquared > bound
            case .rateBelow(let percent):
                below = rate < percent * 100
            }
            let shown = percentText(rate)
            if !below {
                measures[index].because = "not named: \(shown) is not \(tier.threshold.phrase)"
            } else if !input(measures[index], in: factories).listed {
                measures[index].because = "not named: \(shown) is \(tier.threshold.phrase), but the factory is not listed on the portal"
            } else {
                measures[index].named = true
                measures[index].because = "named: \(shown) is \(tier.threshold.phrase)"
                result.named.append(PublicTier.Named(id: measures[index].factory, name: measures[index].factoryName, rate: Double(rate) / 100))
            }
        }
        result.named.sort { ($0.rate, $0.name, $0.id) < ($1.rate, $1.name, $1.id) }
        return (result, measures)
    }

    private static func input(_ measure: TierMeasure, in inputs: [Input]) -> Input {
        inputs.first { $0.factory.id == measure.factory }!
    }

    /// A rate in hundredths of a percent as people read it: "87.5%".
    package static func percentText(_ rate: Int) -> String {
        let whole = rate / 100, part = rate % 100
        if part == 0 { return "\(whole)%" }
        return part % 10 == 0 ? "\(whole).\(part / 10)%" : "\(whole).\(part < 10 ? "0" : "")\(part)%"
    }

    private static func measure(_ tier: Tier, book: RuleBook, on day: Day, _ input: Input) -> TierMeasure {
        var measure = TierMeasure(tier: tier.id, factory: input.factory.id, factoryName: input.factory.name, country: input.factory.country)
        // The same assessments count as for the listing: completed, assessed and finalised by the day.
        let counting = input.sheets.filter { sheet in
            guard sheet.record.status == .completed, sheet.record.date <= day, let finalised = sheet.record.finalisedOn else { return false }
            return finalised <= day
        }
        measure.assessments = counting.count
        guard counting.count >= tier.minimumAssessments else {
            measure.because = "not measured: \(counting.count) finalised assessment\(counting.count == 1 ? "" : "s"); the tier counts factories with \(tier.minimumAssessments) or more"
            return measure
        }
        guard let current = counting.max(by: { ($0.record.date, $0.record.finalisedOn!, $0.record.id) < ($1.record.date, $1.record.finalisedOn!, $1.record.id) }),
              let plan = current.plan
        else {
            measure.because = "not measured: no assessment could be evaluated"
            return measure
        }
        measure.assessment = current.record.id
        var compliant = 0, nonCompliant = 0, notApplicable = 0
        for index in tier.questions {
            let id = book.questions[index].periods.first?.value.id ?? ""
            guard let slot = plan.slot(ofQuestion: index) else {
                measure.missing.append(id)
                continue
            }
            switch current.statuses.indices.contains(slot) ? current.statuses[slot] : .missing {
            case .compliant: compliant += 1
            case .nonCompliant:
                nonCompliant += 1
                measure.nonCompliant.append(id)
            case .notApplicable: notApplicable += 1
            case .missing, .unusable: measure.missing.append(id)
            }
        }
        measure.compliant = compliant
        measure.notApplicable = notApplicable
        guard measure.missing.isEmpty else {
            // Fail closed: a rate over the answers given could name, or spare, a factory wrongly.
            measure.because = "not measured: no usable answer to \(measure.missing.count) requirement\(measure.missing.count == 1 ? "" : "s") in \(current.record.id): " + measure.missing.joined(separator: ", ")
            return measure
        }
        let applicable = compliant + nonCompliant
        guard applicable > 0 else {
            measure.because = "not measured: no requirement applies in \(current.record.id)"
            return measure
        }
        // Hundredths of a percent, rounded half up, in integers.
        measure.rate = (20_000 * compliant + applicable) / (2 * applicable)
        measure.because = "measured"
        return measure
    }
}

/// A tier as published for one country.
package struct PublicTier: Sendable, Equatable, Codable {
    /// A factory the tier names.
    package struct Named: Sendable, Equatable, Codable {
        package var id: String
        package var name: String
        /// Its compliance rate, in percent, to two decimals.
        package var rate: Double
    }

    package var id: String
    package var titles: [String: String]
    package var subject: Tier.Subject
    package var minimumAssessments: Int
    package var requirements: [String]
    package var threshold: String
    package var measuredFactories = 0
    /// Mean and population standard deviation of the measured rates, in percent; nil when none is measured.
    package var mean: Double?
    package var standardDeviation: Double?
    /// The rate below which a factory is named, in percent (mean − k deviations, or the percentage).
    package var cutoff: Double?
    /// Named factories, lowest rate first.
    package var named: [Named] = []

    init(tier: Tier, requirements: [String]) {
        id = tier.id
        titles = tier.titles
        subject = tier.subject
        minimumAssessments = tier.minimumAssessments
        self.requirements = requirements
        threshold = tier.threshold.phrase
    }
}

/// One factory measured (or not) against one tier: what `explain` shows.
package struct TierMeasure: Sendable, Equatable {
    package var tier: String
    package var factory: String
    package var factoryName: String
    package var country: String
    /// Finalised assessments by the publication day.
    package var assessments = 0
    /// The assessment measured.
    package var assessment: String?
    package var compliant = 0
    package var notApplicable = 0
    package var nonCompliant: [String] = []
    package var missing: [String] = []
    /// In hundredths of a percent; nil when not measured.
    package var rate: Int?
    package var named = false
    package var because = ""
}
