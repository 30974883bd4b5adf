import Foundation

/// How many threads the parts of a run that divide their work use.
package enum Threads {
    /// One per core, or `DISCLOSE_THREADS` when set (for measuring how the work scales).
    package static let count: Int = {
        if let text = ProcessInfo.processInfo.environment["DISCLOSE_THREADS"], let count = Int(text), count >= 1 { return min(count, 64) }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()
}
