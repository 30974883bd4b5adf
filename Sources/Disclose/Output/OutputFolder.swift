import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder that `disclose publish` writes its outputs into, replacing what it held before
/// all at once, and refusing any folder whose loss would hurt.
///
/// The rules, checked on real paths (symbolic links and `..` resolved) before anything is
/// written, and again under the lock:
/// - the folder is never the data folder, the working folder or the rules root, nor a folder
///   that holds one of them (`--out .`, `--out ..`), nor inside the data folder or the rules'
///   `rules/` and `countries/`; its name is never empty;
/// - it is absent, or an empty folder, or a folder this tool wrote: one whose manifest
///   (`disclose-output.json`) lists every file in it with its size. A folder of the other kind
///   (a preview where public outputs would go, or the reverse) is replaced only when the run
///   says so (`replacing`);
/// - it is not a file and not a mount point (a mount point cannot be renamed).
///
/// The swap: every file is written into a staging folder beside the target
/// (`.NAME.disclose-staging`), the manifest last; then `renameat2(RENAME_EXCHANGE)` swaps the
/// two folders in one step, so that at every instant the target is the complete old set or the
/// complete new one; then the old set, now under the staging name, is removed. Where the
/// kernel or the file system refuses the exchange (EINVAL, ENOSYS), two renames do it: the
/// target becomes `.NAME.disclose-previous`, then the staging folder becomes the target. A kill
/// between the two leaves no target, and the complete old set under the `previous` name, which
/// the next run puts back before it does anything else.
///
/// A lock (`flock` on `.NAME.disclose-lock` beside the target) is held throughout: a second run
/// on the same folder fails at once, clearly, and the holder, being the only one that can be
/// writing, removes what killed earlier runs left (their staging and previous folders, and the
/// `.NAME.incoming-PID` and `.NAME.previous-PID` folders of earlier versions).
package struct OutputFolder: Sendable {
    /// The folder as the user named it, for messages.
    package let given: String
    /// The folder's real, absolute path.
    package let path: String
    /// What this run writes.
    package let kind: OutputKind
    /// The other kinds of output this run may replace.
    package let replacing: Set<OutputKind>
    private let guarded: [Guard]

    /// A folder the output must keep clear of.
    private struct Guard: Sendable {
        var role: OutputFolderError.Protected
        var path: String
        /// True when nothing inside it may be the output either.
        var coversInside: Bool
    }

    /// The output folder `given` (relative to `working`), for a run that reads the data folder
    /// `data` and the rules under `project`.
    package init(_ given: String, kind: OutputKind, data: String, project: String,
                working: String = FileManager.default.currentDirectoryPath, replacing: Set<OutputKind> = []) {
        self.given = given
        self.kind = kind
        self.replacing = replacing
        path = FileSystem.realPath(given, from: working)
        let root = FileSystem.realPath(project, from: working)
        guarded = [
            Guard(role: .data, path: FileSystem.realPath(data, from: working), coversInside: true),
            Guard(role: .working, path: FileSystem.realPath(".", from: working), coversInside: false),
            Guard(role: .rules, path: root, coversInside: false),
            Guard(role: .ruleFiles, path: FileSystem.realPath("rules", from: root), coversInside: true),
            Guard(role: .ruleFiles, path: FileSystem.realPath("countries", from: root), coversInside: true),
        ]
    }

    private var parent: String { FileSystem.parent(of: path) }
    private var name: String { FileSystem.name(of: path) }
    private var staging: String { parent + "/." + name + ".disclose-staging" }
    private var previous: String { parent + "/." + name + ".disclose-previous" }
    private var lockPath: String { parent + "/." + name + ".disclose-lock" }

    // MARK: The rules

    /// Throws when the folder may not be replaced; writes nothing. Run it before the work of a
    /// publication, so that a wrong folder is said at once; `replace` runs it again.
    package func check() throws {
        guard !given.isEmpty else { throw OutputFolderError.emptyPath }
        // Said in this order: `--out .` is the working folder before it is what holds the data.
        if let same = guarded.first(where: { path == $0.path }) { throw OutputFolderError.isProtected(given: given, same.role) }
        if let held = guarded.first(where: { FileSystem.path($0.path, isInside: path) }) {
            throw OutputFolderError.holdsProtected(given: given, held.role, protectedPath: held.path)
        }
        if let around = guarded.first(where: { $0.coversInside && FileSystem.path(path, isInside: $0.path) }) {
            throw OutputFolderError.insideProtected(given: given, around.role, protectedPath: around.path)
        }
        switch FileSystem.entry(at: path) {
        case .absent: return
        case .other: throw OutputFolderError.notAFolder(given: given)
        case .folder:
            if FileSystem.isMountPoint(path) { throw OutputFolderError.mountPoint(given: given) }
            try checkContents()
        }
    }

    /// An existing folder is replaced only when it is empty or holds just what its manifest lists.
    private func checkContents() throws {
        let manager = FileManager.default
        let names: [String]
        do { names = try manager.contentsOfDirectory(atPath: path) } catch {
            throw OutputFolderError.cannotWrite(path: given, reason: "cannot list its contents")
        }
        if names.isEmpty { return }
        guard let bytes = manager.contents(atPath: path + "/" + OutputManifest.fileName),
              let manifest = OutputManifest(json: [UInt8](bytes))
        else {
            throw OutputFolderError.foreignFiles(given: given, examples: Array(names.sorted().prefix(3)))
        }
        if manifest.kind != kind, !replacing.contains(manifest.kind) {
            throw OutputFolderError.otherKind(given: given, found: manifest.kind, writing: kind)
        }
        let sizes = Dictionary(manifest.files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        var foreign: [String] = []
        for relative in manager.enumerator(atPath: path)?.compactMap({ $0 as? String }) ?? [] {
            var status = stat()
            guard lstat(path + "/" + relative, &status) == 0 else { continue }
            switch status.st_mode & S_IFMT {
            case S_IFDIR: continue
            case S_IFREG where relative == OutputManifest.fileName: continue
            case S_IFREG where sizes[relative] == Int(status.st_size): continue
            default: foreign.append(relative)
            }
        }
        if !foreign.isEmpty { throw OutputFolderError.foreignFiles(given: given, examples: Array(foreign.sorted().prefix(3))) }
    }

    // MARK: The swap

    /// The moments of a replacement, at which a test can stop the process (`stop`).
    package enum Step: String, Sendable, CaseIterable {
        /// The lock is held; what killed runs left is not yet removed.
        case locked
        /// The staging folder exists, empty.
        case staged
        /// Half of the files are written.
        case halfWritten
        /// Every file is written; the manifest is not.
        case written
        /// The manifest is written: the staging folder holds the complete new set.
        case complete
        /// Only where the exchange is refused: the old set is under the `previous` name, and
        /// there is no target.
        case movedAside
        /// The new set is the target; the old one is still beside it.
        case exchanged
        /// Part of the old set is removed.
        case removingOld
        /// Everything is done but releasing the lock.
        case finished
    }

    /// How the new folder takes the old one's place.
    package enum Swap: Sendable {
        /// `renameat2(RENAME_EXCHANGE)`, or two renames where it is refused.
        case exchange
        /// Always two renames: the fallback, for its tests.
        case renames
    }

    /// Replaces the folder with `files`, each written by its function into an open file (a large
    /// file need never be whole in memory), on up to `threads` threads at once (the functions
    /// must then be safe to run side by side). Returns the manifest written with them.
    package func replace(with files: [OutputFile], threads: Int = 1) throws -> OutputManifest {
        try replace(with: files, threads: threads, swap: .exchange, stop: nil)
    }

    /// `replace(with:threads:)`, with the swap chosen and `stop` called at each step.
    package func replace(with files: [OutputFile], threads: Int, swap: Swap, stop: (@Sendable (Step) -> Void)?) throws -> OutputManifest {
        try check()
        let stop = stop ?? { _ in }
        do { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) } catch {
            throw OutputFolderError.cannotWrite(path: parent, reason: "cannot create the folder")
        }
        guard let lock = try FolderLock.take(lockPath) else { throw OutputFolderError.busy(given: given) }
        defer { lock.release() }
        stop(.locked)
        removeLeftovers()
        // Checked again now that no other run can change the folder.
        try check()
        let manifest: OutputManifest
        do {
            manifest = try stage(files, threads: threads, stop: stop)
        } catch {
            // The previous output stays as it was, and nothing half-written is left beside it.
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
        try swapIn(swap, stop: stop)
        stop(.finished)
        return manifest
    }

    /// Puts back an old set that a killed fallback swap left aside, and removes the rest.
    private func removeLeftovers() {
        let manager = FileManager.default
        if FileSystem.entry(at: previous) == .folder {
            if FileSystem.entry(at: path) == .absent, FileSystem.rename(previous, path) == .done {
                // The old set, complete, is the target again.
            } else {
                try? manager.removeItem(atPath: previous)
            }
        }
        if FileSystem.entry(at: staging) != .absent { try? manager.removeItem(atPath: staging) }
        // Earlier versions named their folders by process id.
        for entry in (try? manager.contentsOfDirectory(atPath: parent)) ?? [] {
            for prefix in ["." + name + ".incoming-", "." + name + ".previous-"] where entry.hasPrefix(prefix) {
                let suffix = entry.dropFirst(prefix.count)
                if !suffix.isEmpty, suffix.allSatisfy(\.isASCIIDigit) { try? manager.removeItem(atPath: parent + "/" + entry) }
            }
        }
    }

    /// Writes every file and then the manifest into the staging folder.
    private func stage(_ files: [OutputFile], threads: Int, stop: @escaping @Sendable (Step) -> Void) throws -> OutputManifest {
        try makeFolder(staging, ownerOnly: false)
        var status = stat()
        if stat(path, &status) == 0 { chmod(staging, status.st_mode & 0o7777) }  // keep the folder's own mode
        stop(.staged)
        for (folder, ownerOnly) in try Self.folders(of: files) {
            try makeFolder(staging + "/" + folder, ownerOnly: ownerOnly)
        }
        let results = StagedFiles(count: files.count, halfway: max(1, files.count / 2), stop: stop)
        let write: @Sendable (Int) -> Void = { [staging] index in
            do {
                results.record(try Self.write(files[index], into: staging), at: index)
            } catch {
                results.record(error, at: index)
            }
        }
        if threads > 1, files.count > 1 {
            // Files are independent: the same bytes whichever finishes first.
            DispatchQueue.concurrentPerform(iterations: files.count, execute: write)
        } else {
            files.indices.forEach(write)
        }
        let entries = try results.entries()
        stop(.written)
        let manifest = OutputManifest(kind: kind, files: entries)
        let bytes = Array(manifest.json().serialized().utf8) + [0x0A]
        _ = try Self.write(OutputFile(OutputManifest.fileName) { try $0.write(contentsOf: bytes) }, into: staging)
        stop(.complete)
        return manifest
    }

    /// The new set takes the target's place; the old one is removed.
    private func swapIn(_ swap: Swap, stop: @Sendable (Step) -> Void) throws {
        func fail(_ code: Int32) -> OutputFolderError {
            try? FileManager.default.removeItem(atPath: staging)
            return .cannotWrite(path: given, reason: FileSystem.describe(code))
        }
        switch FileSystem.entry(at: path) {
        case .absent:
            if case .failed(let code) = FileSystem.renameToNew(staging, path) { throw fail(code) }
            stop(.exchanged)
        case .other:
            try? FileManager.default.removeItem(atPath: staging)
            throw OutputFolderError.notAFolder(given: given)
        case .folder:
            let exchanged: FileSystem.RenameResult = swap == .exchange ? FileSystem.exchange(staging, path) : .unsupported
            switch exchanged {
            case .done:
                stop(.exchanged)
                removeOld(at: staging, stop: stop)
            case .failed(let code):
                throw fail(code)
            case .unsupported:
                if case .failed(let code) = FileSystem.rename(path, previous) { throw fail(code) }
                stop(.movedAside)
                if case .failed(let code) = FileSystem.rename(staging, path) {
                    _ = FileSystem.rename(previous, path)
                    throw fail(code)
                }
                stop(.exchanged)
                removeOld(at: previous, stop: stop)
            }
        }
    }

    /// Removes the old set; what a kill leaves of it, the next run removes.
    private func removeOld(at folder: String, stop: @Sendable (Step) -> Void) {
        let manager = FileManager.default
        let names = ((try? manager.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        for (index, name) in names.enumerated() {
            try? manager.removeItem(atPath: folder + "/" + name)
            if index == 0 { stop(.removingOld) }
        }
        try? manager.removeItem(atPath: folder)
    }

    private func makeFolder(_ folder: String, ownerOnly: Bool) throws {
        guard mkdir(folder, ownerOnly ? 0o700 : 0o777) == 0 else {
            throw OutputFolderError.cannotWrite(path: folder, reason: FileSystem.describe(errno))
        }
        // Whatever the umask: the internal folder is the owner's alone.
        if ownerOnly { chmod(folder, 0o700) }
    }

    /// The folders the files need, parents first, each owner-only when it holds an owner-only
    /// file. A path that would leave the folder (`..`, absolute, empty parts) is refused.
    private static func folders(of files: [OutputFile]) throws -> [(String, Bool)] {
        var folders: [String: Bool] = [:]
        var seen: Set<String> = [OutputManifest.fileName]
        for file in files {
            let parts = file.path.split(separator: "/", omittingEmptySubsequences: false)
            guard !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }), seen.insert(file.path).inserted else {
                throw OutputFolderError.cannotWrite(path: file.path, reason: "not a new name inside the output folder")
            }
            for depth in parts.indices.dropLast() {
                let folder = parts[...depth].joined(separator: "/")
                folders[folder] = (folders[folder] ?? false) || file.ownerOnly
            }
        }
        return folders.keys.sorted { ($0.count, $0) < ($1.count, $1) }.map { ($0, folders[$0]!) }
    }

    /// Writes one file and returns its manifest entry (its size and SHA-256, read back from
    /// the disk, so that the manifest describes what is there).
    private static func write(_ file: OutputFile, into folder: String) throws -> OutputManifest.Entry {
        let path = folder + "/" + file.path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, file.ownerOnly ? 0o600 : 0o666)
        guard descriptor >= 0 else { throw OutputFolderError.cannotWrite(path: file.path, reason: FileSystem.describe(errno)) }
        if file.ownerOnly { fchmod(descriptor, 0o600) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do { try file.write(handle) } catch {
            throw OutputFolderError.cannotWrite(path: file.path, reason: "\(error)")
        }
        try? handle.close()
        return try digest(path, name: file.path)
    }

    private static func digest(_ path: String, name: String) throws -> OutputManifest.Entry {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw OutputFolderError.cannotWrite(path: name, reason: FileSystem.describe(errno)) }
        defer { close(descriptor) }
        var hash = SHA256()
        var total = 0
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer.baseAddress, buffer.count)
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw OutputFolderError.cannotWrite(path: name, reason: FileSystem.describe(errno)) }
            if count == 0 { break }
            hash.update(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            total += count
        }
        return OutputManifest.Entry(path: name, bytes: total, sha256: hash.hexDigest())
    }
}

/// One file of an output folder.
package struct OutputFile: Sendable {
    /// The path inside the folder, `/`-separated (`public/public.json`).
    package var path: String
    /// True for a file only its owner may read (mode 0600, in folders of mode 0700): the
    /// internal report.
    package var ownerOnly: Bool
    /// Writes the contents into the open file.
    package var write: @Sendable (FileHandle) throws -> Void

    /// A file at `path`, written by `write`.
    package init(_ path: String, ownerOnly: Bool = false, write: @escaping @Sendable (FileHandle) throws -> Void) {
        self.path = path
        self.ownerOnly = ownerOnly
        self.write = write
    }
}

/// The manifest entries of files written side by side, and the first error by file order;
/// calls `stop(.halfWritten)` once, when half of them are written.
private final class StagedFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<OutputManifest.Entry, any Error>?]
    private var done = 0
    private let halfway: Int
    private let stop: @Sendable (OutputFolder.Step) -> Void

    init(count: Int, halfway: Int, stop: @escaping @Sendable (OutputFolder.Step) -> Void) {
        results = Array(repeating: nil, count: count)
        self.halfway = halfway
        self.stop = stop
    }

    func record(_ entry: OutputManifest.Entry, at index: Int) { record(.success(entry), at: index) }
    func record(_ error: any Error, at index: Int) { record(.failure(error), at: index) }

    private func record(_ result: Result<OutputManifest.Entry, any Error>, at index: Int) {
        lock.lock()
        results[index] = result
        done += 1
        let reachedHalfway = done == halfway
        lock.unlock()
        if reachedHalfway { stop(.halfWritten) }
    }

    func entries() throws -> [OutputManifest.Entry] {
        try results.map { try $0!.get() }
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
