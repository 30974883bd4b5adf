@testable import Disclose
import Testing

/// SHA-256 against the examples of FIPS 180-4, by both ways in: a sequence of bytes, and a
/// buffer whose whole blocks are hashed straight from it (the output manifest's path).
@Suite struct SHA256Tests {
    static let examples: [(text: String, digest: String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (String(repeating: "a", count: 1_000_000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
    ]

    @Test func digestsMatchTheStandardsExamples() {
        for example in Self.examples {
            let bytes = Array(example.text.utf8)
            var buffered = SHA256()
            bytes.withUnsafeBytes { buffered.update($0) }
            #expect(buffered.hexDigest() == example.digest, "buffer, \(bytes.count) bytes")
            if bytes.count < 1000 {
                var sequence = SHA256()
                sequence.update(bytes)
                #expect(sequence.hexDigest() == example.digest, "sequence, \(bytes.count) bytes")
            }
        }
    }

    /// Any mix of the two ways, split anywhere, gives the digest of the whole.
    @Test func buffersSplitAnywhereGiveTheSameDigest() {
        let bytes = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        for length in [0, 1, 55, 56, 63, 64, 65, 127, 128, 129, 300] {
            var whole = SHA256()
            whole.update(bytes[..<length])
            let expected = whole.hexDigest()
            for split in stride(from: 0, through: length, by: 7) {
                var parts = SHA256()
                bytes[..<split].withUnsafeBytes { parts.update($0) }
                parts.update(bytes[split..<length])
                var buffers = SHA256()
                bytes[..<split].withUnsafeBytes { buffers.update($0) }
                bytes[split..<length].withUnsafeBytes { buffers.update($0) }
                #expect(parts.hexDigest() == expected && buffers.hexDigest() == expected, "length \(length), split at \(split)")
            }
        }
    }
}
