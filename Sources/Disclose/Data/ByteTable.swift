/// A hash table from byte strings to small integers, for the hot path of reading data.
///
/// Looking up ids as bytes avoids making a `String` for each of millions of rows: the
/// difference between seconds and minutes on a full data set. The keys sit one after
/// another in one byte array, so that a lookup touches two arrays and no per-key object,
/// and the hash reads eight bytes at a time (ids are 8 to 20 bytes long).
struct ByteTable: Sendable {
    /// Every key's bytes, one key after another.
    private var keyBytes: [UInt8] = []
    /// Where each key starts in `keyBytes`; key `i` ends where key `i + 1` starts.
    private var keyStarts: [Int] = [0]
    private var values: [Int] = []
    /// Open addressing, linear probing: an index into `values`, or -1 for an empty slot.
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    var count: Int { values.count }

    /// A hash of the bytes: eight at a time, then the rest one by one. Only lookups see it,
    /// never the output, so it may change freely.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return Int(truncatingIfNeeded: hash) }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
            offset += 8
        }
        while offset < bytes.count {
            hash = (hash ^ UInt64(base[offset])) &* 0x0000_0100_0000_01B3
            offset += 1
        }
        hash ^= hash >> 32
        return Int(truncatingIfNeeded: hash)
    }

    /// Whether two byte ranges hold the same bytes, eight at a time.
    @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, count: Int) -> Bool {
        let left = UnsafeRawPointer(a)
        let right = UnsafeRawPointer(b)
        if count >= 8 && count <= 16 {
            // Most ids: the first eight bytes and the last eight (overlapping), no loop.
            return left.loadUnaligned(as: UInt64.self) == right.loadUnaligned(as: UInt64.self)
                && left.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) == right.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        }
        var offset = 0
        while offset + 8 <= count {
            if left.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != right.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
            offset += 8
        }
        while offset < count {
            if a[offset] != b[offset] { return false }
            offset += 1
        }
        return true
    }

    /// The value stored for `key`, if any.
    func value(for key: UnsafeBufferPointer<UInt8>) -> Int? {
        var slot = ByteTable.hash(key) & mask
        return keyBytes.withUnsafeBufferPointer { stored in
            while true {
                let entry = Int(slots[slot])
                if entry < 0 { return nil }
                let start = keyStarts[entry]
                if keyStarts[entry + 1] - start == key.count,
                   key.count == 0 || ByteTable.equal(stored.baseAddress! + start, key.baseAddress!, count: key.count) {
                    return values[entry]
                }
                slot = (slot + 1) & mask
            }
        }
    }

    func value(for key: [UInt8]) -> Int? {
        key.withUnsafeBufferPointer { value(for: $0) }
    }

    func value(for key: String) -> Int? {
        value(for: Array(key.utf8))
    }

    /// Stores `value` for `key`; returns false if the key was already there (nothing changes).
    @discardableResult
    mutating func insert(_ key: [UInt8], _ value: Int) -> Bool {
        if self.value(for: key) != nil { return false }
        if (values.count + 1) * 2 > slots.count { grow() }
        var slot = key.withUnsafeBufferPointer { ByteTable.hash($0) } & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(values.count)
        keyBytes += key
        keyStarts.append(keyBytes.count)
        values.append(value)
        return true
    }

    private mutating func grow() {
        let size = slots.count * 2
        mask = size - 1
        var table = [Int32](repeating: -1, count: size)
        keyBytes.withUnsafeBufferPointer { stored in
            for entry in values.indices {
                let key = UnsafeBufferPointer(rebasing: stored[keyStarts[entry]..<keyStarts[entry + 1]])
                var slot = ByteTable.hash(key) & mask
                while table[slot] >= 0 { slot = (slot + 1) & mask }
                table[slot] = Int32(entry)
            }
        }
        slots = table
    }
}
