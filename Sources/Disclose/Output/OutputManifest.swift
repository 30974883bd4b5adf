import Foundation

/// What an output folder holds when `disclose publish` has written it: the file
/// `disclose-output.json` at its top, listing every file of the set with its size and SHA-256.
///
/// The manifest is how a later run knows that a folder is its own to replace (a folder without
/// one, or holding files it does not list, is someone else's), and whether it holds the public
/// outputs or a preview. It is written last, so a folder whose manifest is there is complete.
/// It holds no time or process id: the same outputs give the same manifest, byte for byte.
package struct OutputManifest: Sendable, Equatable {
    /// The manifest's file name, at the top of the output folder.
    package static let fileName = "disclose-output.json"
    /// The schema id (docs/schemas/output-manifest.schema.json).
    package static let schema = "https://disclose.example/schemas/output-manifest-v1.json"

    /// One file of the set.
    package struct Entry: Sendable, Equatable {
        /// The path inside the output folder, `/`-separated (`public/public.json`).
        package var path: String
        /// The size in bytes.
        package var bytes: Int
        /// The SHA-256 of the contents, as 64 lowercase hex digits.
        package var sha256: String
    }

    /// Whether the folder holds public outputs or a preview.
    package var kind: OutputKind
    /// Every file written, sorted by path.
    package var files: [Entry]

    /// Creates a manifest; the files are sorted by path, so that the order they were written in
    /// (several threads at once) does not change the bytes.
    package init(kind: OutputKind, files: [Entry]) {
        self.kind = kind
        self.files = files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// The manifest as JSON.
    package func json() -> JSONValue {
        .object([
            ("schema", .string(Self.schema)),
            ("kind", .string(kind.rawValue)),
            ("files", .array(files.map { .object([("path", .string($0.path)), ("bytes", .number(Double($0.bytes))), ("sha256", .string($0.sha256))]) })),
        ])
    }

    /// Reads a manifest from its JSON bytes; nil when they are not a manifest of this schema
    /// (a file of the same name that disclose did not write).
    package init?(json bytes: [UInt8]) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
              object["schema"] as? String == Self.schema,
              let kind = (object["kind"] as? String).flatMap(OutputKind.init(rawValue:)),
              let list = object["files"] as? [[String: Any]]
        else { return nil }
        var files: [Entry] = []
        for item in list {
            guard let path = item["path"] as? String, let bytes = (item["bytes"] as? NSNumber)?.intValue, let sha256 = item["sha256"] as? String else { return nil }
            files.append(Entry(path: path, bytes: bytes, sha256: sha256))
        }
        self.init(kind: kind, files: files)
    }
}

/// What a folder written by `disclose publish` holds.
package enum OutputKind: String, Sendable, CaseIterable {
    /// The outputs the portal may show, and the internal report beside them.
    case `public`
    /// The same outputs with drafts included, for the PAC to review: never to be deployed.
    case preview

    /// The kind in words, for messages (`a preview`).
    package var described: String {
        switch self {
        case .public: "public outputs"
        case .preview: "a preview"
        }
    }
}
