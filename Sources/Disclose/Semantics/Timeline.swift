/// An item's definitions over time: each in force from a day until a day, inclusive.
///
/// Every dated thing in a rule book (issues, questions, parameters, policy settings,
/// zero-tolerance categories) is a timeline, so the rules in force on any day can be
/// read off exactly. Periods never overlap: the checker rejects overlapping definitions
/// before a timeline is built.
package struct Timeline<Value: Sendable>: Sendable {
    /// One period and the definition in force during it.
    package struct Period: Sendable {
        /// The first day in force, or nil for "always before".
        package var from: Day?
        /// The last day in force, inclusive, or nil for "from then on".
        package var until: Day?
        /// The definition.
        package var value: Value

        var lower: Int { from?.ordinal ?? Int.min }
        var upper: Int { until?.ordinal ?? Int.max }

        /// True if the period includes `day`.
        package func contains(_ day: Day) -> Bool { lower <= day.ordinal && day.ordinal <= upper }
    }

    /// The periods, in date order.
    package private(set) var periods: [Period]

    /// Creates a timeline from non-overlapping periods.
    init(_ periods: [Period]) {
        self.periods = periods.sorted { $0.lower < $1.lower }
    }

    /// The definition in force on `day`, if any.
    package func value(on day: Day) -> Value? {
        periods.first { $0.contains(day) }?.value
    }

    /// The definition in force from the last boundary on: the current rules.
    package var latest: Value? {
        periods.last(where: { $0.until == nil })?.value
    }

    /// Applies `transform` to what is in force between `from` and `until`, splitting periods
    /// at those days. Returns false if nothing was in force in that window.
    mutating func apply(from: Day?, until: Day?, _ transform: (Value) -> Value) -> Bool {
        let lower = from?.ordinal ?? Int.min
        let upper = until?.ordinal ?? Int.max
        var result: [Period] = []
        var touched = false
        for period in periods {
            guard period.upper >= lower, period.lower <= upper else {
                result.append(period)
                continue
            }
            touched = true
            if period.lower < lower {
                result.append(Period(from: period.from, until: Day(ordinal: lower - 1), value: period.value))
            }
            let start = max(period.lower, lower)
            let end = min(period.upper, upper)
            result.append(Period(from: start == Int.min ? nil : Day(ordinal: start),
                                 until: end == Int.max ? nil : Day(ordinal: end),
                                 value: transform(period.value)))
            if period.upper > upper {
                result.append(Period(from: Day(ordinal: upper + 1), until: period.until, value: period.value))
            }
        }
        periods = result
        return touched
    }

    /// Every day on which some period starts or the day after one ends.
    var boundaries: [Day] {
        periods.flatMap { period -> [Day] in
            var days: [Day] = []
            if let from = period.from { days.append(from) }
            if let until = period.until { days.append(until.adding(days: 1)) }
            return days
        }
    }
}

/// A span of days written as `from` and `until` clauses.
struct DateRange: Sendable, Hashable {
    var from: Day?
    var until: Day?
    /// True when `until` is before `from`; already reported.
    var isBroken = false

    var lower: Int { from?.ordinal ?? Int.min }
    var upper: Int { until?.ordinal ?? Int.max }

    func overlaps(_ other: DateRange) -> Bool { lower <= other.upper && other.lower <= upper }

    var isUnbounded: Bool { from == nil && until == nil }

    /// Words for messages: "from 2020-01-01 until 2021-12-31", "always".
    var phrase: String {
        switch (from, until) {
        case (nil, nil): "always"
        case (let from?, nil): "from \(from)"
        case (nil, let until?): "until \(until)"
        case (let from?, let until?): "from \(from) until \(until)"
        }
    }
}
