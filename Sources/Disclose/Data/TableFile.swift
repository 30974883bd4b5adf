import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A data table's file, open for reading: only ever an ordinary file that could be opened.
///
/// Anything may sit at a table's name in a data folder: a folder, a named pipe (opening one
/// waits for a writer for ever), a socket, a device, a link to nothing, a file the account may
/// not read. Each is refused with what it is before a byte is read, and the kind is checked
/// again on the open descriptor, so that nothing put there in between is read either. Reading
/// goes through `read(2)` rather than `FileHandle`, whose `readData(ofLength:)` stops the
/// process on a read error instead of reporting it.
final class TableFile {
    /// Why a table's file cannot be read.
    enum Problem: Error, Equatable {
        case folder
        case namedPipe
        case socket
        case device
        /// Another kind of file system entry that is not an ordinary file.
        case notAFile
        /// A symbolic link whose target does not exist.
        case danglingLink(target: String)
        case permissionDenied
        /// Opening or reading failed with this `errno`.
        case failed(errno: Int32)

        /// The diagnostic for a table shown as `path`; `whileReading` when part of it was read.
        func diagnostic(path: String, whileReading: Bool = false) -> Diagnostic {
            let at = SourceRange(SourceFile(path: path, bytes: [], firstLine: 1), Span(0, 0))
            let export = "export the table again as an ordinary file named `\(path)`"
            switch self {
            case .folder:
                return Diagnostic(.tableNotAFile, "`\(path)` is a folder, not a file", at: at,
                                  help: "a table is one file; move the folder away and \(export)")
            case .namedPipe:
                return Diagnostic(.tableNotAFile, "`\(path)` is a named pipe, not a file", at: at,
                                  help: "tables are read only from ordinary files: \(export)")
            case .socket:
                return Diagnostic(.tableNotAFile, "`\(path)` is a socket, not a file", at: at,
                                  help: "tables are read only from ordinary files: \(export)")
            case .device:
                return Diagnostic(.tableNotAFile, "`\(path)` is a device, not a file", at: at,
                                  help: "tables are read only from ordinary files: \(export)")
            case .notAFile:
                return Diagnostic(.tableNotAFile, "`\(path)` is not an ordinary file", at: at,
                                  help: "tables are read only from ordinary files: \(export)")
            case .danglingLink(let target):
                return Diagnostic(.tableNotAFile, "`\(path)` is a link to `\(target)`, which does not exist", at: at,
                                  help: "correct the link, or copy the table itself into the data folder")
            case .permissionDenied:
                return Diagnostic(.unreadableTable, "cannot read `\(path)`: permission denied", at: at,
                                  help: "let the account that runs disclose read the file (for example `chmod a+r` on it), or run disclose as the file's owner")
            case .failed(let code):
                let reason = String(cString: strerror(code)).lowercased()
                return Diagnostic(.unreadableTable, whileReading ? "cannot read `\(path)` to its end: \(reason)" : "cannot read `\(path)`: \(reason)", at: at,
                                  help: "nothing is published from a table read in part; check the disk, or copy the table again and rerun")
            }
        }
    }

    private let descriptor: Int32

    /// Opens the ordinary file at `path`, or says why not.
    static func opening(_ path: String) -> Result<TableFile, Problem> {
        if let problem = problem(at: path) { return .failure(problem) }
        // O_NONBLOCK: should a named pipe be put at the name after the check above, opening it
        // returns at once instead of waiting for a writer; the descriptor's kind is checked next.
        var descriptor: Int32
        repeat {
            descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else { return .failure(errno == EACCES || errno == EPERM ? .permissionDenied : .failed(errno: errno)) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            return .failure(.failed(errno: code))
        }
        if let problem = problem(kind: status.st_mode & S_IFMT) {
            close(descriptor)
            return .failure(problem)
        }
        return .success(TableFile(descriptor: descriptor))
    }

    /// What is wrong with the entry at `path` (following links), or nil for an ordinary file.
    static func problem(at path: String) -> Problem? {
        var status = stat()
        guard stat(path, &status) == 0 else {
            let code = errno
            var link = stat()
            if code == ENOENT, lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK {
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
                return .danglingLink(target: target)
            }
            return code == EACCES ? .permissionDenied : .failed(errno: code)
        }
        return problem(kind: status.st_mode & S_IFMT)
    }

    private static func problem(kind: mode_t) -> Problem? {
        switch kind {
        case S_IFREG: nil
        case S_IFDIR: .folder
        case S_IFIFO: .namedPipe
        case S_IFSOCK: .socket
        case S_IFCHR, S_IFBLK: .device
        default: .notAFile
        }
    }

    /// Whether anything at all is at `path`: a file, a folder, a link (even to nothing).
    static func entryExists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    private init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { close(descriptor) }

    /// Appends up to `count` bytes of the file to `bytes`: the number appended (0 at the end
    /// of the file), or the `errno` of a failed read.
    ///
    /// The bytes are read into uninitialised memory and copied once: filling `count` zeros first
    /// (`repeatElement`) cost a generic call per byte in a debug build, a megabyte per call, and
    /// was most of the test suite's time.
    func readMore(appendingTo bytes: inout [UInt8], count: Int) -> Result<Int, Problem> {
        guard count > 0 else { return .success(0) }
        var got = 0
        var code: Int32 = 0
        let chunk = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialised in
            repeat {
                got = read(descriptor, buffer.baseAddress!, count)
            } while got < 0 && errno == EINTR
            code = errno
            initialised = max(got, 0)
        }
        bytes.append(contentsOf: chunk)
        return got < 0 ? .failure(.failed(errno: code)) : .success(got)
    }
}
