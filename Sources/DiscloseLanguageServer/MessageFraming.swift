/// The base protocol's framing: a header part (`Content-Length: N`, CRLF-terminated lines,
/// then an empty line) and N bytes of JSON.
///
/// Bytes arrive in pieces of any size: `MessageBuffer` keeps what it has not yet used and
/// hands out each complete message. A header it cannot read is reported and skipped up to
/// the next header, so that one bad message does not end the session.
struct MessageBuffer {
    /// What the buffer found: a message body, or a header part it could not read.
    enum Item: Equatable {
        case message([UInt8])
        case badHeader(String)
    }

    /// A body larger than this is refused: no rule file comes near it (the checker refuses
    /// files over 64 MiB), and a wrong length must not make the server wait for gigabytes.
    static let maximumBodySize = 80 << 20

    private var buffer: [UInt8] = []
    private var start = 0

    /// Adds bytes as they were read.
    mutating func append(_ bytes: some Sequence<UInt8>) {
        if start > 0, start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete item, or nil when more bytes are needed.
    mutating func next() -> Item? {
        guard let headerEnd = find([0x0D, 0x0A, 0x0D, 0x0A], from: start) else {
            // A header part never needs this much: it is not a header.
            if buffer.count - start > 8192 {
                start = buffer.count
                return .badHeader("no header end (an empty line) in the first 8 KiB")
            }
            return nil
        }
        let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
        var length: Int?
        for line in header.split(separator: "\r\n", omittingEmptySubsequences: true) {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            if parts[0].trimmingSpaces.lowercased() == "content-length" { length = Int(parts[1].trimmingSpaces) }
        }
        guard let length, length >= 0, length <= MessageBuffer.maximumBodySize else {
            start = headerEnd + 4
            return .badHeader("header without a usable `Content-Length`: \(header.prefix(200))")
        }
        let bodyStart = headerEnd + 4
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Array(buffer[bodyStart..<bodyStart + length])
        start = bodyStart + length
        return .message(body)
    }

    private func find(_ pattern: [UInt8], from: Int) -> Int? {
        guard buffer.count - from >= pattern.count else { return nil }
        var index = from
        while index + pattern.count <= buffer.count {
            if buffer[index] == pattern[0], buffer[index + 1] == pattern[1], buffer[index + 2] == pattern[2], buffer[index + 3] == pattern[3] {
                return index
            }
            index += 1
        }
        return nil
    }

    /// A message body with its header, ready to write.
    static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var text = self
        while text.first == " " || text.first == "\t" { text.removeFirst() }
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return text
    }
}
