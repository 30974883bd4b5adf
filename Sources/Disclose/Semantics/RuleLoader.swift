import Foundation

/// Reads rule files from disk, or from memory (`MemoryFileAccess`): rules kept in a database,
/// an editor's buffers, tests and fuzzing. A tool may give its own type; it implements all four
/// requirements (the defaults that ask the local file system are for this package's own types).
public protocol RuleFileAccess: Sendable {
    /// The file's bytes, or nil if it does not exist or cannot be read.
    func contents(of path: String) -> [UInt8]?
    /// The path with `.`, `..` and symbolic links resolved, for containment and cycle checks.
    func canonical(_ path: String) -> String
    /// Whether `path` is a folder: how the rules root (the folder holding `rules/`) is found
    /// when none is given.
    func isFolder(_ path: String) -> Bool
    /// The names of the files directly in the folder `path`, sorted: how a publisher suggests
    /// a country that has rules when a factory names one that has none.
    func fileNames(in folder: String) -> [String]
}

extension RuleFileAccess {
    /// Asks the local file system.
    package func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Asks the local file system; none when the folder cannot be read.
    package func fileNames(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }
}

/// Rule files on disk.
package struct DiskFileAccess: RuleFileAccess {
    /// Creates access to the local file system.
    package init() {}

    /// The file's bytes; at most one byte more than `RuleLoader.maximumFileSize`, so that a
    /// huge file is refused as too large without being read whole. Nil for anything that is
    /// not a readable regular file (a folder, a named pipe, a device).
    package func contents(of path: String) -> [UInt8]? {
        // attributesOfItem does not follow a symbolic link; the loader has checked where it leads.
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: canonical(path)),
            attributes[.type] as? FileAttributeType == .typeRegular,
            let handle = FileHandle(forReadingAtPath: path)
        else { return nil }
        defer { try? handle.close() }
        do {
            // nil at the end of the file: an empty file.
            return try handle.read(upToCount: RuleLoader.maximumFileSize + 1).map { [UInt8]($0) } ?? []
        } catch {
            return nil
        }
    }

    package func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

/// Rule files held in memory, keyed by path: for rules kept elsewhere than on disk (a
/// database, an editor's buffers), tests and fuzzing. Nothing is asked of the disk: a folder is
/// a path that some file's path lies under.
public struct MemoryFileAccess: RuleFileAccess {
    /// The files.
    package var files: [String: [UInt8]]

    /// Creates in-memory files from texts.
    public init(_ texts: [String: String]) {
        files = texts.mapValues { Array($0.utf8) }
    }

    public func contents(of path: String) -> [UInt8]? { files[canonical(path)] }

    /// True when some file's path lies under `path`.
    public func isFolder(_ path: String) -> Bool {
        let folder = canonical(path)
        let prefix = folder == "/" ? "/" : folder + "/"
        return files.keys.contains { $0.hasPrefix(prefix) }
    }

    /// The names of the files held directly under `folder`, sorted.
    public func fileNames(in folder: String) -> [String] {
        let canonicalFolder = canonical(folder)
        let prefix = canonicalFolder == "/" ? "/" : canonicalFolder + "/"
        return files.keys.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") }.map { String($0.dropFirst(prefix.count)) }.sorted()
    }

    public func canonical(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}

/// One file of a rule book, parsed.
struct LoadedFile {
    var syntax: SyntaxFile
    var canonicalPath: String
    /// The path relative to the rules root (the canonical path if the file lies outside it):
    /// what the rules digest hashes, so that it is the same from every working folder.
    var rootRelativePath: String
    /// True for the file the rule book was loaded from.
    var isEntry: Bool
}

/// Follows `include` declarations from an entry file, keeping inside the root folder.
struct RuleLoader {
    /// Files larger than this are refused.
    static let maximumFileSize = 64 << 20
    /// At most this many files in one rule book.
    static let maximumFiles = 1000

    let access: any RuleFileAccess
    let root: String
    let displayBase: String
    var files: [LoadedFile] = []
    var diagnostics: [Diagnostic] = []
    /// Files parsed and paths made canonical earlier in the run: shared when several entries
    /// are checked in one run.
    var memo = CheckRunMemo()
    private var loaded: Set<String> = []
    private var stack: [String] = []

    init(access: any RuleFileAccess, root: String, displayBase: String) {
        self.access = access
        self.root = access.canonical(root)
        self.displayBase = displayBase
    }

    /// Loads the entry file and everything it includes, depth first, includes before includers.
    mutating func load(entry path: String) {
        let canonical = access.canonical(path)
        if let cached = memo.parsed[canonical] {
            load(canonical: canonical, bytes: cached.file.bytes, isEntry: true)
            return
        }
        guard let bytes = access.contents(of: path) else {
            diagnostics.append(Diagnostic(.includeNotFound, "cannot read `\(display(canonical))`", at: nil,
                                          help: "check the path; rule files end in `.disclose`"))
            return
        }
        load(canonical: canonical, bytes: bytes, isEntry: true)
    }

    private mutating func load(canonical: String, bytes: [UInt8], isEntry: Bool) {
        loaded.insert(canonical)
        let file: SourceFile
        if bytes.count > RuleLoader.maximumFileSize {
            file = SourceFile(path: display(canonical), bytes: [])
            diagnostics.append(Diagnostic(.fileTooLarge, "`\(display(canonical))` is larger than 64 MiB", at: SourceRange(file, Span(0, 0)),
                                          help: "check that this is the rule file you meant"))
            return
        }
        let syntax: SyntaxFile
        if let cached = memo.parsed[canonical] {
            syntax = cached
        } else {
            syntax = Parser.parse(SourceFile(path: display(canonical), bytes: bytes))
            memo.parsed[canonical] = syntax
        }
        file = syntax.file
        stack.append(canonical)
        defer { stack.removeLast() }
        let folder = (canonical as NSString).deletingLastPathComponent
        for declaration in syntax.declarations where declaration.kind == .include {
            guard let name = declaration.name else { continue }
            let range = SourceRange(file, name.span)
            // Windows paths (`..\rules\baseline.disclose`) mean the same file; the lexer has
            // already reported the backslashes.
            let written = name.text.replacingOccurrences(of: "\\", with: "/")
            let target = canonicalPath(written.hasPrefix("/") ? written : folder + "/" + written)
            if written.hasPrefix("/") || !(target == root || target.hasPrefix(root.hasSuffix("/") ? root : root + "/")) {
                diagnostics.append(Diagnostic(.includeOutsideRoot, "`\(name.text)` is outside the rules folder", at: range,
                                              label: "resolves to a file outside `\(display(root))`",
                                              help: "include only files inside the folder that holds rules/ and countries/, with a relative path such as \"../rules/baseline.disclose\""))
                continue
            }
            if let cycleStart = stack.firstIndex(of: target) {
                let circle = (stack[cycleStart...] + [target]).map { "`\(display($0))`" }.joined(separator: " includes ")
                diagnostics.append(Diagnostic(.includeCycle, "files include each other", at: range, label: "this include closes the circle",
                                              notes: [circle], help: "remove one of these includes"))
                continue
            }
            if loaded.contains(target) { continue }
            if loaded.count >= RuleLoader.maximumFiles {
                diagnostics.append(Diagnostic(.tooManyFiles, "more than \(RuleLoader.maximumFiles) files included", at: range,
                                              help: "a rule book needs only a handful of files"))
                continue
            }
            // A file parsed earlier in the run (the shared catalogue, for every country) is not read again.
            guard let included = memo.parsed[target]?.file.bytes ?? access.contents(of: target) else {
                diagnostics.append(Diagnostic(.includeNotFound, "cannot find `\(name.text)`", at: range,
                                              label: "no such file: `\(display(target))`",
                                              help: "paths are relative to the folder of this file; the other checks run once the include is fixed"))
                continue
            }
            load(canonical: target, bytes: included, isEntry: false)
        }
        files.append(LoadedFile(syntax: syntax, canonicalPath: canonical, rootRelativePath: relativeToRoot(canonical), isEntry: isEntry))
    }

    /// The canonical form of `path`, worked out once per run.
    private mutating func canonicalPath(_ path: String) -> String {
        if let known = memo.canonicalPaths[path] { return known }
        let result = access.canonical(path)
        memo.canonicalPaths[path] = result
        return result
    }

    /// A canonical path relative to the rules root; the path itself if it lies outside (an
    /// entry file named outside an explicit root).
    func relativeToRoot(_ canonical: String) -> String {
        let base = root.hasSuffix("/") ? root : root + "/"
        if canonical.hasPrefix(base) { return String(canonical.dropFirst(base.count)) }
        return canonical
    }

    /// A path relative to the display base where possible.
    func display(_ canonical: String) -> String {
        let base = displayBase.hasSuffix("/") ? displayBase : displayBase + "/"
        if canonical.hasPrefix(base) { return String(canonical.dropFirst(base.count)) }
        return canonical
    }

    /// The folder that holds `rules/` above `path`, or the folder of `path` itself.
    static func findRoot(for path: String, access: any RuleFileAccess) -> String {
        var folder = (access.canonical(path) as NSString).deletingLastPathComponent
        let start = folder
        // Up to `/` itself: rules held in memory are often named `/rules/…`, `/countries/…`.
        while !folder.isEmpty {
            if access.isFolder(folder == "/" ? "/rules" : folder + "/rules") { return folder }
            if folder == "/" { break }
            folder = (folder as NSString).deletingLastPathComponent
        }
        return start
    }
}
