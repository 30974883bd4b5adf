import Disclose
import Foundation

/// Rule files as the editor has them: the unsaved text of open files, and the saved rest.
struct OverlayFileAccess: RuleFileAccess {
    /// Open files' texts by canonical path.
    var open: [String: [UInt8]]
    private let disk = DiskFileAccess()

    init(open: [String: [UInt8]]) { self.open = open }

    func contents(of path: String) -> [UInt8]? { open[canonical(path)] ?? disk.contents(of: path) }
    func canonical(_ path: String) -> String { disk.canonical(path) }
}

/// The files the server knows: open documents, and the rule files of each rules root on disk.
///
/// Paths are canonical (absolute, symbolic links resolved), so that the checker's includes
/// and the editor's URIs name a file the same way.
final class Workspace {
    /// An open document.
    struct Document {
        var uri: String
        var version: Int
        var bytes: [UInt8]
    }

    private(set) var documents: [String: Document] = [:]
    /// URIs as the editor wrote them, by canonical path: diagnostics go back under the same URI.
    private var uris: [String: String] = [:]
    /// Parsed files: an open file's by its text, a saved file's by its modification stamp, so
    /// that a check after each keystroke neither reads nor parses the unchanged rest of the root.
    private var parsed: [String: (bytes: [UInt8], stamp: String?, syntax: SyntaxFile)] = [:]
    /// The rule files of each root, by the stamps of its `rules/` and `countries/` folders.
    private var listings: [String: (stamp: String, files: [String])] = [:]
    private var roots: [String: String] = [:]
    private let disk = DiskFileAccess()

    var access: OverlayFileAccess { OverlayFileAccess(open: documents.mapValues(\.bytes)) }

    // MARK: Documents

    func open(uri: String, version: Int, text: String) -> String? {
        guard let path = Workspace.path(ofURI: uri) else { return nil }
        let canonical = disk.canonical(path)
        documents[canonical] = Document(uri: uri, version: version, bytes: Array(text.utf8))
        uris[canonical] = uri
        return canonical
    }

    func change(uri: String, version: Int, text: String) -> String? {
        guard let path = Workspace.path(ofURI: uri) else { return nil }
        let canonical = disk.canonical(path)
        documents[canonical] = Document(uri: uri, version: version, bytes: Array(text.utf8))
        return canonical
    }

    func close(uri: String) -> String? {
        guard let path = Workspace.path(ofURI: uri) else { return nil }
        let canonical = disk.canonical(path)
        documents[canonical] = nil
        return canonical
    }

    /// The canonical path of a URI the editor sent.
    func canonicalPath(ofURI uri: String) -> String? {
        Workspace.path(ofURI: uri).map(disk.canonical)
    }

    /// The URI to publish under for a canonical path.
    func uri(of path: String) -> String {
        uris[path] ?? URL(fileURLWithPath: path).absoluteString
    }

    /// The local path of a `file:` URI; nil for other schemes (an untitled buffer).
    static func path(ofURI uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        let path = url.path
        return path.isEmpty ? nil : path
    }

    // MARK: Files

    /// The text of a file: the editor's if open, else the disk's.
    func bytes(of path: String) -> [UInt8]? {
        documents[path]?.bytes ?? disk.contents(of: path)
    }

    /// The parsed file, parsed again only when its text changed.
    func syntax(of path: String) -> SyntaxFile? {
        let stamp = documents[path] == nil ? Workspace.stamp(of: path) : nil
        if let stamp, let cached = parsed[path], cached.stamp == stamp { return cached.syntax }
        guard let bytes = bytes(of: path) else { return nil }
        if let cached = parsed[path], cached.bytes == bytes {
            parsed[path]?.stamp = stamp
            return cached.syntax
        }
        let root = root(for: path)
        let shown = path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
        let syntax = Parser.parse(SourceFile(path: shown, bytes: bytes))
        parsed[path] = (bytes, stamp, syntax)
        return syntax
    }

    /// The modification time and size of a file or folder, or nil if there is none.
    static func stamp(of path: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let modified = attributes[.modificationDate] as? Date
        else { return nil }
        return "\(modified.timeIntervalSince1970) \(attributes[.size] as? Int ?? -1)"
    }

    /// The folder that holds `rules/` above a file (the rules root), or the file's own folder:
    /// the same root `disclose check` uses, so that includes may not leave it.
    func root(for path: String) -> String {
        let start = (path as NSString).deletingLastPathComponent
        if let known = roots[start] { return known }
        let root = findRoot(from: start)
        roots[start] = root
        return root
    }

    private func findRoot(from start: String) -> String {
        var folder = start
        while folder != "/" && !folder.isEmpty {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/rules", isDirectory: &isDirectory), isDirectory.boolValue { return folder }
            folder = (folder as NSString).deletingLastPathComponent
        }
        return start
    }

    /// Every rule file of a root: those under rules/ and countries/ on disk, and open ones.
    func ruleFiles(in root: String) -> [String] {
        let folders = ["rules", "countries"].map { root + "/" + $0 }
        let stamp = folders.map { Workspace.stamp(of: $0) ?? "-" }.joined(separator: "|")
        let onDisk: [String]
        if let listing = listings[root], listing.stamp == stamp {
            onDisk = listing.files
        } else {
            onDisk = RuleFiles.collect(folders.filter { FileManager.default.fileExists(atPath: $0) }).files.map(disk.canonical)
            listings[root] = (stamp, onDisk)
        }
        var files = Set(onDisk)
        for path in documents.keys where path.hasPrefix(root + "/") { files.insert(path) }
        return files.sorted()
    }

    /// The canonical paths a file includes directly.
    func includes(of path: String) -> [String] {
        guard let syntax = syntax(of: path) else { return [] }
        let folder = (path as NSString).deletingLastPathComponent
        return syntax.declarations.compactMap { declaration -> String? in
            guard declaration.kind == .include, let name = declaration.name else { return nil }
            return includeTarget(name.text, from: folder)
        }
    }

    /// The canonical path an include names, written from a file in `folder`.
    func includeTarget(_ written: String, from folder: String) -> String {
        let path = written.replacingOccurrences(of: "\\", with: "/")
        return disk.canonical(path.hasPrefix("/") ? path : folder + "/" + path)
    }

    /// A file and every file it includes, directly or not, in a stable order.
    func closure(of path: String) -> [String] {
        var seen: Set<String> = [path]
        var order = [path]
        var index = 0
        while index < order.count {
            for target in includes(of: order[index]) where seen.insert(target).inserted { order.append(target) }
            index += 1
        }
        return order
    }

    /// The rule files of the same root that include `path`, directly or not.
    func includers(of path: String) -> [String] {
        let files = ruleFiles(in: root(for: path))
        var includedBy: [String: [String]] = [:]
        for file in files {
            for target in includes(of: file) { includedBy[target, default: []].append(file) }
        }
        var seen: Set<String> = [path]
        var queue = [path]
        var result: [String] = []
        while let next = queue.popLast() {
            for includer in includedBy[next] ?? [] where seen.insert(includer).inserted {
                result.append(includer)
                queue.append(includer)
            }
        }
        return result.sorted()
    }
}
