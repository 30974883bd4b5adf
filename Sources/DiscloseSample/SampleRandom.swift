import Disclose

/// The sample generator's own pseudo-random numbers: SplitMix64 (Steele, Lea and Flood,
/// "Fast splittable pseudorandom number generators", OOPSLA 2014).
///
/// Nothing here uses the standard library's random APIs (`Int.random(in:using:)`,
/// `shuffled(using:)`), whose algorithms may change between Swift versions, nor any libm
/// function (`pow`, `log`, `exp`), whose last bit may differ between platforms: only integer
/// arithmetic and correctly rounded `+ - * /` on doubles. So the same seed gives the same
/// bytes on every machine.
struct SampleRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A stream for one item, independent of how many numbers other items drew.
    init(seed: UInt64, key: String) {
        state = SampleRandom.mix(seed, SampleRandom.hash(key))
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SampleRandom.finalize(state)
    }

    /// A double in [0, 1), with 53 random bits.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    /// A whole number in `range`; the modulo bias (below 2^-40 for the ranges used) is irrelevant here.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % width)
    }

    /// A double in [low, high).
    mutating func double(_ low: Double, _ high: Double) -> Double { low + (high - low) * unit() }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// An index drawn with the given weights (which need not sum to 1).
    mutating func weighted(_ weights: [Double]) -> Int {
        var total = 0.0
        for weight in weights { total += weight }
        var target = unit() * total
        for (index, weight) in weights.enumerated() {
            if target < weight { return index }
            target -= weight
        }
        return weights.count - 1
    }

    /// A day drawn uniformly between two days, both included.
    mutating func day(_ from: Day, _ until: Day) -> Day {
        until <= from ? from : Day(ordinal: int(from.ordinal...until.ordinal))
    }

    /// A stable uniform number in [0, 1) for a key, without consuming the stream: for
    /// properties of a factory (has a union, has a dormitory) that must not depend on the
    /// order in which they are first asked about.
    static func unit(seed: UInt64, key: String) -> Double {
        Double(mix(seed, hash(key)) >> 11) * 0x1.0p-53
    }

    /// SplitMix64's output function.
    static func finalize(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Combines two 64-bit values into a well-mixed seed.
    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        finalize(finalize(a &+ 0x9E37_79B9_7F4A_7C15) ^ b)
    }

    /// FNV-1a over the UTF-8 bytes: a hash that, unlike `Hasher`, is the same in every process.
    static func hash(_ text: String) -> UInt64 {
        var result: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            result ^= UInt64(byte)
            result = result &* 0x0000_0100_0000_01B3
        }
        return result
    }
}
