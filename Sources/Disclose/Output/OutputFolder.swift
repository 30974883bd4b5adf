import Foundation

/// Writes a set of files into a folder all at once.
///
/// The files go first into a new folder beside the target, which then takes the target's
/// place; a run that is interrupted leaves the previous output as it was, never half a set.
public enum OutputFolder {
    /// Replaces the contents of `path` with `files` (name and bytes).
    public static func replace(_ path: String, with files: [(name: String, bytes: [UInt8])]) throws {
        try replace(path, writing: files.map { file in (file.name, { try $0.write(contentsOf: file.bytes) }) })
    }

    /// The errors of files written side by side; the first by file order is reported.
    private final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var errors: [(any Error)?]

        init(count: Int) { errors = Array(repeating: nil, count: count) }

        func record(_ error: any Error, at index: Int) {
            lock.lock()
            errors[index] = error
            lock.unlock()
        }

        var first: (any Error)? { errors.lazy.compactMap { $0 }.first }
    }

    /// Replaces the contents of `path` with files written each by its own function into an
    /// open file (a large file need never be whole in memory), on up to `threads` threads at
    /// once: the functions must then be safe to run side by side.
    public static func replace(_ path: String, writing files: [(name: String, write: @Sendable (FileHandle) throws -> Void)], threads: Int = 1) throws {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).incoming-\(ProcessInfo.processInfo.processIdentifier)")
        try? manager.removeItem(at: staging)
        try manager.createDirectory(at: staging, withIntermediateDirectories: false)
        do {
            let failures = Failures(count: files.count)
            let write: @Sendable (Int) -> Void = { index in
                let url = staging.appendingPathComponent(files[index].name)
                do {
                    guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
                    }
                    let handle = try FileHandle(forWritingTo: url)
                    defer { try? handle.close() }
                    try files[index].write(handle)
                } catch {
                    failures.record(error, at: index)
                }
            }
            if threads > 1, files.count > 1 {
                // Files are independent: the same bytes whichever finishes first.
                DispatchQueue.concurrentPerform(iterations: files.count, execute: write)
            } else {
                files.indices.forEach(write)
            }
            if let error = failures.first { throw error }
        } catch {
            // A write failed (disk full, a name the file system refuses): the previous output
            // stays as it was, and nothing half-written is left beside it.
            try? manager.removeItem(at: staging)
            throw error
        }
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: target.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                try? manager.removeItem(at: staging)
                throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: target.path])
            }
            let previous = parent.appendingPathComponent(".\(target.lastPathComponent).previous-\(ProcessInfo.processInfo.processIdentifier)")
            try? manager.removeItem(at: previous)
            do {
                try manager.moveItem(at: target, to: previous)
            } catch {
                try? manager.removeItem(at: staging)
                throw error
            }
            do {
                try manager.moveItem(at: staging, to: target)
            } catch {
                // Put the previous output back where it was.
                try? manager.moveItem(at: previous, to: target)
                try? manager.removeItem(at: staging)
                throw error
            }
            try? manager.removeItem(at: previous)
        } else {
            do {
                try manager.moveItem(at: staging, to: target)
            } catch {
                try? manager.removeItem(at: staging)
                throw error
            }
        }
    }
}
