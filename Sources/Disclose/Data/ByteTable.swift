/// A hash table from byte strings to small integers, for the hot path of reading data.
///
/// Looking up ids as bytes avoids making a `String` for each of millions of rows: the
/// difference between seconds and minutes on a full data set.
struct ByteTable: Sendable {
    private var keys: [[UInt8]] = []
    private var values: [Int] = []
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    var count: Int { keys.count }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 32))
    }

    /// The value stored for `key`, if any.
    func value(for key: UnsafeBufferPointer<UInt8>) -> Int? {
        var slot = ByteTable.hash(key) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 { return nil }
            if keys[Int(entry)].elementsEqual(key) { return values[Int(entry)] }
            slot = (slot + 1) & mask
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
        if keys.count * 2 >= slots.count { grow() }
        var slot = key.withUnsafeBufferPointer { ByteTable.hash($0) } & mask
        while slots[slot] >= 0 {
            if keys[Int(slots[slot])] == key { return false }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(keys.count)
        keys.append(key)
        values.append(value)
        return true
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        for (index, key) in keys.enumerated() {
            var slot = key.withUnsafeBufferPointer { ByteTable.hash($0) } & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }
}
