import Disclose
import Foundation

/// The prepared evaluators given out by `disclose_prepare`, by handle.
///
/// A C caller holds a number, not a pointer: a handle that was released, or never given, is
/// simply not in the table, and using it is an error the caller can read instead of a crash.
/// Handles count up from 1 and are never reused, so a stale one cannot reach a newer
/// evaluator. The table is locked; an evaluation runs outside the lock, on its own reference
/// to the evaluator, so releasing a handle while another thread evaluates with it is safe.
final class Evaluators: @unchecked Sendable {
    static let shared = Evaluators()

    private let lock = NSLock()
    private var evaluators: [UInt64: PreparedEvaluator] = [:]
    private var last: UInt64 = 0

    /// Keeps `evaluator` and gives its handle.
    func add(_ evaluator: PreparedEvaluator) -> UInt64 {
        lock.lock()
        defer { lock.unlock() }
        last += 1
        evaluators[last] = evaluator
        return last
    }

    /// The evaluator of `handle`, if it is held.
    func evaluator(_ handle: UInt64) -> PreparedEvaluator? {
        lock.lock()
        defer { lock.unlock() }
        return evaluators[handle]
    }

    /// Lets go of the evaluator of `handle`; false when there was none.
    func remove(_ handle: UInt64) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return evaluators.removeValue(forKey: handle) != nil
    }
}
