/// The UTF-8 bytes of a `String` for the evaluator's hot path, without a call the optimiser
/// cannot see through.
///
/// Why: `String.utf8.withContiguousStorageIfAvailable` is opaque to the optimiser, so a loop
/// over a `[String: String]` that hands each key and value to it keeps the reference counting
/// of every string it copies out of the dictionary (about a quarter of an evaluation). Almost
/// every question id and answer is at most 15 bytes, which Swift stores inline ("small
/// strings", on 64-bit platforms: the bytes, then one byte of flags and count); their bytes
/// are read here from the string's two words. Any other string (large, bridged, or a
/// standard library whose layout is not the one checked once by `isSmallLayoutAsExpected`)
/// goes through `withContiguousStorageIfAvailable` as before.
enum StringBytes {
    /// Whether small strings are laid out as this file reads them: checked once, on known strings.
    static let isSmallLayoutAsExpected: Bool = {
        #if _endian(little) && _pointerBitWidth(_64)
        let samples = ["", "a", "yes", "OSH-EMR-02", "2024-05-14", "ABCDEFGHIJKLMNO", "né"]
        for sample in samples {
            var words = unsafeBitCast(sample, to: (UInt64, UInt64).self)
            guard words.1 >> 56 & 0xF0 == (sample.utf8.allSatisfy { $0 < 0x80 } ? 0xE0 : 0xA0) else { return false }
            let count = Int(words.1 >> 56 & 0x0F)
            let bytes = withUnsafeBytes(of: &words) { Array($0.prefix(count)) }
            guard bytes == Array(sample.utf8) else { return false }
        }
        // A large string must not pass for a small one.
        let large = String(repeating: "x", count: 40)
        return unsafeBitCast(large, to: (UInt64, UInt64).self).1 >> 56 & 0xA0 != 0xA0
        #else
        return false
        #endif
    }()

    /// The two words of `text`, copied: the caller holds no reference to its storage, so
    /// taking them retains and releases nothing once the optimiser has seen the copy end here.
    /// Only `withSmall` may read them, and only a small string's.
    @inline(__always)
    static func words(_ text: String) -> (UInt64, UInt64) {
        unsafeBitCast(text, to: (UInt64, UInt64).self)
    }

    /// Calls `body` with the UTF-8 bytes of the string whose `words` are given, if it is small
    /// and `smallLayout` (`isSmallLayoutAsExpected`, read once by the caller); nil otherwise,
    /// and the caller reads the string itself.
    @inline(__always)
    static func withSmall<R>(_ words: (UInt64, UInt64), smallLayout: Bool, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        #if _endian(little) && _pointerBitWidth(_64)
        // Top nibble 1x10: immortal and small (bit 62 says ASCII, which does not matter here).
        guard smallLayout, words.1 >> 56 & 0xB0 == 0xA0 else { return nil }
        let count = Int(words.1 >> 56 & 0x0F)
        var words = words
        return withUnsafeBytes(of: &words) { raw in
            body(UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count))
        }
        #else
        return nil
        #endif
    }

    /// Calls `body` with the UTF-8 bytes of `text`: from its own words for a small string when
    /// `smallLayout` (`isSmallLayoutAsExpected`, read once by the caller), else without copying
    /// them for a native string.
    @inline(__always)
    static func with<R>(_ text: String, smallLayout: Bool, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = withSmall(words(text), smallLayout: smallLayout, body) { return result }
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }
}
