/// A date known to the day, or only to the month or the year: how precisely a source dates a
/// PAC decision.
///
/// Sources often say only "in 2014". Writing that as 1 January would invent a day; a
/// `PartialDate` keeps what is known. A check that an item does not start before its decision
/// uses `latestDay`, the last day the date could be, so that an imprecise date never lets
/// anything take effect earlier than the source supports. Shown, it reads as written: `2014`,
/// `2014-10` or `2014-10-01`.
package struct PartialDate: Hashable, Sendable, CustomStringConvertible {
    /// How much of the date is known.
    package enum Precision: String, Hashable, Sendable, CaseIterable {
        case year, month, day
    }

    /// How much of the date is known.
    package let precision: Precision
    /// The first day the date could be (the day itself, when known to the day).
    package let earliestDay: Day

    /// A date known to the day.
    package init(_ day: Day) {
        precision = .day
        earliestDay = day
    }

    /// A date known only to the year, or nil for a year outside 1…9999.
    package init?(year: Int) {
        guard let first = Day(year: year, month: 1, day: 1) else { return nil }
        precision = .year
        earliestDay = first
    }

    /// A date known only to the month, or nil for a month that does not exist.
    package init?(year: Int, month: Int) {
        guard let first = Day(year: year, month: month, day: 1) else { return nil }
        precision = .month
        earliestDay = first
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` exactly; nil for anything else or a date that
    /// does not exist.
    package init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte) - 48
            }
            return value
        }
        switch bytes.count {
        case 4:
            guard let year = number(0..<4) else { return nil }
            self.init(year: year)
        case 7:
            guard bytes[4] == UInt8(ascii: "-"), let year = number(0..<4), let month = number(5..<7) else { return nil }
            self.init(year: year, month: month)
        case 10:
            guard let day = Day(isoBytes: bytes) else { return nil }
            self.init(day)
        default:
            return nil
        }
    }

    /// The day, when the date is known to the day.
    package var day: Day? { precision == .day ? earliestDay : nil }

    /// The last day the date could be: 31 December of a year, the last day of a month, or the
    /// day itself.
    package var latestDay: Day {
        let (year, month, _) = earliestDay.parts
        switch precision {
        case .year: return Day(year: year, month: 12, day: 31) ?? earliestDay
        case .month: return Day(year: year, month: month, day: Day.daysIn(month: month, year: year)) ?? earliestDay
        case .day: return earliestDay
        }
    }

    /// As written: `2014`, `2014-10` or `2014-10-01`.
    package var description: String {
        let full = earliestDay.description
        switch precision {
        case .year: return String(full.prefix(4))
        case .month: return String(full.prefix(7))
        case .day: return full
        }
    }
}
