import Disclose
import Foundation

/// Runs a `LanguageServer` on standard input and output until the editor says `exit` or
/// closes the input.
///
/// One thread reads: it waits on standard input, cuts the bytes into messages and queues
/// them. The calling thread does everything else, one message at a time, and checks the
/// changed files once no change has arrived for the server's debounce interval.
package enum StdioTransport {
    /// Serves on standard input and output; returns the exit status (0 after `shutdown`
    /// and `exit`, 1 when the input ends or `exit` comes without `shutdown`).
    package static func run(_ server: LanguageServer, input: FileHandle = .standardInput, output: FileHandle = .standardOutput) -> Int32 {
        let queue = MessageQueue()
        let reader = Thread {
            var buffer = MessageBuffer()
            while true {
                let chunk = input.availableData
                if chunk.isEmpty { queue.push(nil); return }
                buffer.append(chunk)
                while let item = buffer.next() { queue.push(item) }
            }
        }
        reader.stackSize = 1 << 20
        reader.start()
        func send(_ messages: [JSONValue]) {
            for message in messages {
                let framed = MessageBuffer.frame(message.serializedBytes(pretty: false))
                do { try output.write(contentsOf: framed) } catch { return }
            }
        }
        while true {
            let next = queue.pop(until: server.hasPendingChecks ? server.checkDeadline : nil)
            switch next {
            case .timedOut:
                send(server.publishPendingDiagnostics())
            case .ended:
                return server.exitStatus ?? 1
            case .item(.message(let body)):
                send(server.handle(body: body))
                if let status = server.exitStatus { return status }
            case .item(.badHeader(let problem)):
                FileHandle.standardError.write(Data("disclose lsp: skipped unreadable input: \(problem)\n".utf8))
                send([.object([("jsonrpc", .string("2.0")), ("method", .string("window/logMessage")),
                               ("params", .object([("type", .int(1)), ("message", .string("disclose lsp: skipped unreadable input: \(problem)"))]))])])
            }
        }
    }
}

/// Messages handed from the reading thread to the serving one.
final class MessageQueue: @unchecked Sendable {
    enum Next {
        case item(MessageBuffer.Item)
        case ended
        case timedOut
    }

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var items: [MessageBuffer.Item?] = []

    /// Adds an item; nil marks the end of the input.
    func push(_ item: MessageBuffer.Item?) {
        condition.lock()
        items.append(item)
        condition.signal()
        condition.unlock()
    }

    /// The next item, waiting for it until `deadline` (for ever without one).
    func pop(until deadline: Date?) -> Next {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty {
            if let deadline {
                if !condition.wait(until: deadline) && items.isEmpty { return .timedOut }
            } else {
                condition.wait()
            }
        }
        let item = items.removeFirst()
        return item.map(Next.item) ?? .ended
    }
}
