/// A calendar day in the proleptic Gregorian calendar, independent of time zones.
///
/// Rule files and data speak of days, not instants, so nothing here depends on the
/// machine's clock settings: the same inputs give the same answer anywhere.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    package let ordinal: Int

    /// Creates a day from its number of days since 1970-01-01.
    package init(ordinal: Int) { self.ordinal = ordinal }

    /// Creates a day from its parts, or nil if there is no such day (2024-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= Day.daysIn(month: month, year: year)
        else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        ordinal = era * 146097 + dayOfEra - 719468
    }

    /// Parses `YYYY-MM-DD` exactly; nil for anything else or a day that does not exist.
    public init?(iso text: some StringProtocol) {
        self.init(isoBytes: Array(text.utf8))
    }

    /// Parses `YYYY-MM-DD` from bytes.
    init?(isoBytes bytes: some Collection<UInt8>) {
        guard bytes.count == 10 else { return nil }
        // Digits accumulated into year, month and day as they come: no array per date.
        var fields = (0, 0, 0)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= 48, byte <= 57 else { return nil }
            let digit = Int(byte) - 48
            switch index {
            case 0..<4: fields.0 = fields.0 * 10 + digit
            case 5, 6: fields.1 = fields.1 * 10 + digit
            default: fields.2 = fields.2 * 10 + digit
            }
        }
        self.init(year: fields.0, month: fields.1, day: fields.2)
    }

    /// The year, month and day.
    package var parts: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let dayOfEra = z - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The day `count` days later (or earlier, when negative).
    public func adding(days count: Int) -> Day { Day(ordinal: ordinal + count) }

    /// The same day of the month `count` months later, clamped to the month's last day.
    package func adding(months count: Int) -> Day {
        let (year, month, day) = parts
        let total = year * 12 + (month - 1) + count
        let newYear = total / 12
        let newMonth = total % 12 + 1
        let clamped = min(day, Day.daysIn(month: newMonth, year: newYear))
        return Day(year: newYear, month: newMonth, day: clamped) ?? self
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (year, month, day) = parts
        guard (0...9999).contains(year) else {
            func pad(_ value: Int, _ width: Int) -> String {
                let text = String(value)
                return String(repeating: "0", count: max(0, width - text.count)) + text
            }
            return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        }
        // Ten ASCII bytes, written directly: days are written for every row of the outputs.
        let digit = { (value: Int) in UInt8(ascii: "0") + UInt8(value) }
        let bytes: [UInt8] = [digit(year / 1000), digit(year / 100 % 10), digit(year / 10 % 10), digit(year % 10), UInt8(ascii: "-"),
                              digit(month / 10), digit(month % 10), UInt8(ascii: "-"), digit(day / 10), digit(day % 10)]
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension Day: Codable {
    /// Reads a day written as `YYYY-MM-DD`, as every data file and JSON output writes it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a day written YYYY-MM-DD: \(text)")
        }
        self = day
    }

    /// Writes the day as `YYYY-MM-DD`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
