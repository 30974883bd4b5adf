import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file-system calls that output folders need and Foundation does not offer: real paths of
/// folders that may not exist yet, mount points, an atomic exchange of two folders, and a lock.
enum FileSystem {
    /// The absolute path of `path` (relative to `working`) with `.`, `..` and symbolic links
    /// resolved as far as the path exists; the rest, which does not exist yet, is appended as
    /// written (its `..` taken lexically, which is what the system will do once it exists).
    static func realPath(_ path: String, from working: String) -> String {
        var current = path.hasPrefix("/") ? "/" : canonical(working)
        for component in path.split(separator: "/", omittingEmptySubsequences: true).map(String.init) {
            switch component {
            case ".": continue
            case "..": current = parent(of: current)
            default:
                let candidate = current == "/" ? "/" + component : current + "/" + component
                var status = stat()
                if lstat(candidate, &status) == 0, status.st_mode & S_IFMT == S_IFLNK {
                    // A link is followed; one that leads nowhere stays as it is (and is then
                    // refused as not a folder).
                    current = resolved(candidate) ?? candidate
                } else {
                    current = candidate
                }
            }
        }
        return current
    }

    /// The parent folder of an absolute path (`/` for `/`).
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    /// The last component of an absolute path.
    static func name(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? "/"
    }

    /// True when `path` is `ancestor` or inside it (both absolute and real).
    static func path(_ path: String, isInside ancestor: String) -> Bool {
        path == ancestor || ancestor == "/" || path.hasPrefix(ancestor + "/")
    }

    private static func canonical(_ path: String) -> String { resolved(path) ?? path }

    private static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// What is at `path`, without following a final symbolic link.
    enum Entry: Equatable {
        case absent
        case folder
        case other
    }

    static func entry(at path: String) -> Entry {
        var status = stat()
        guard lstat(path, &status) == 0 else { return .absent }
        return status.st_mode & S_IFMT == S_IFDIR ? .folder : .other
    }

    /// True when a file system is mounted on the folder `path` (real): its device differs from
    /// its parent's, or it is its parent (`/`), or the kernel's mount table lists it (a bind
    /// mount of a folder of the same file system). Such a folder cannot be renamed (EBUSY).
    static func isMountPoint(_ path: String) -> Bool {
        var own = stat(), up = stat()
        guard stat(path, &own) == 0, stat(parent(of: path), &up) == 0 else { return false }
        if own.st_dev != up.st_dev || (own.st_ino == up.st_ino && own.st_dev == up.st_dev) { return true }
        return mountPoints().contains(path)
    }

    /// The mount points of `/proc/self/mountinfo` (its fifth field, with `\040`-style escapes);
    /// empty where there is no such file.
    private static func mountPoints() -> Set<String> {
        guard let text = try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8) else { return [] }
        var points: Set<String> = []
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count > 4 else { continue }
            points.insert(unescapeMountField(fields[4]))
        }
        return points
    }

    private static func unescapeMountField(_ field: Substring) -> String {
        var bytes: [UInt8] = []
        let utf8 = Array(field.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "\\"), index + 3 < utf8.count,
               let value = UInt8(String(decoding: utf8[(index + 1)...(index + 3)], as: UTF8.self), radix: 8) {
                bytes.append(value)
                index += 4
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Renames

    /// The outcome of a rename that needs a feature the kernel or file system may lack.
    enum RenameResult: Equatable {
        case done
        /// The kernel or the file system does not offer it (ENOSYS, EINVAL, or no `renameat2`).
        case unsupported
        case failed(errno: Int32)
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// glibc's `renameat2`, looked up when first used: Swift's Glibc module does not export it,
    /// and the C `syscall` cannot be called from Swift (it is variadic).
    private static let renameat2: RenameAt2? = {
        #if os(Linux)
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
        #else
        return nil
        #endif
    }()

    private static let exchangeFlag: UInt32 = 1 << 1  // RENAME_EXCHANGE
    private static let noReplaceFlag: UInt32 = 1 << 0  // RENAME_NOREPLACE

    /// Swaps the two paths in one step (`renameat2(RENAME_EXCHANGE)`): at every instant each
    /// name holds one whole folder or the other.
    static func exchange(_ first: String, _ second: String) -> RenameResult {
        renameWithFlags(first, second, exchangeFlag)
    }

    /// Renames `source` to `target`, which must not exist (`RENAME_NOREPLACE`); where the flag is
    /// not supported, a plain `rename`, which is safe here because the caller holds the lock.
    static func renameToNew(_ source: String, _ target: String) -> RenameResult {
        switch renameWithFlags(source, target, noReplaceFlag) {
        case .done: return .done
        case .failed(let code): return .failed(errno: code)
        case .unsupported: return rename(source, target)
        }
    }

    /// A plain `rename(2)`.
    static func rename(_ source: String, _ target: String) -> RenameResult {
        systemRename(source, target) == 0 ? .done : .failed(errno: errno)
    }

    private static func renameWithFlags(_ source: String, _ target: String, _ flags: UInt32) -> RenameResult {
        guard let renameat2 else { return .unsupported }
        if renameat2(AT_FDCWD, source, AT_FDCWD, target, flags) == 0 { return .done }
        let code = errno
        return code == EINVAL || code == ENOSYS || code == ENOTSUP ? .unsupported : .failed(errno: code)
    }

    /// The system's words for an error number.
    static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }
}

/// C's `rename`, which `FileSystem.rename` would hide inside the type.
private func systemRename(_ source: String, _ target: String) -> Int32 { rename(source, target) }

/// An exclusive lock on a file beside the output folder (`flock`), held while a run replaces
/// the folder. The kernel drops it when the process ends however it ends, so a killed run never
/// leaves a folder locked. The lock file is removed by its holder on release; a run that opened
/// the file before it was removed sees that the path no longer leads to the file it locked,
/// and opens it anew.
final class FolderLock {
    private let path: String
    private let descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    /// Takes the lock at `path`, creating the file; nil when another process holds it.
    static func take(_ path: String) throws -> FolderLock? {
        while true {
            let descriptor = open(path, O_RDONLY | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw OutputFolderError.cannotWrite(path: path, reason: FileSystem.describe(errno)) }
            if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                close(descriptor)
                if code == EWOULDBLOCK { return nil }
                throw OutputFolderError.cannotWrite(path: path, reason: FileSystem.describe(code))
            }
            var held = stat(), named = stat()
            if fstat(descriptor, &held) == 0, stat(path, &named) == 0, held.st_ino == named.st_ino, held.st_dev == named.st_dev {
                return FolderLock(path: path, descriptor: descriptor)
            }
            // The holder before us removed the file after we opened it: ours is no lock.
            close(descriptor)
        }
    }

    /// Removes the lock file, then releases the lock (in that order, so that no one can lock
    /// the file we are about to remove).
    func release() {
        unlink(path)
        close(descriptor)
    }
}
