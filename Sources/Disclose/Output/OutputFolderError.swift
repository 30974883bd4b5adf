/// Why an output folder was not written: a folder that must not be replaced, or a failure
/// while writing (after which the previous output is as it was).
package enum OutputFolderError: Error, Equatable, Sendable {
    /// A folder that the output must keep clear of.
    package enum Protected: Sendable, Equatable {
        case data
        case rules
        case ruleFiles
        case working

        var described: String {
            switch self {
            case .data: "the data folder"
            case .rules: "the project folder (the rules root, `--rules`)"
            case .ruleFiles: "the rule files' folder"
            case .working: "the working folder"
            }
        }
    }

    /// `--out ""`.
    case emptyPath
    /// The folder is a protected folder (`--out .`).
    case isProtected(given: String, Protected)
    /// The folder holds a protected folder (`--out ..`).
    case holdsProtected(given: String, Protected, protectedPath: String)
    /// The folder is inside the data folder, or inside `rules/` or `countries/`.
    case insideProtected(given: String, Protected, protectedPath: String)
    /// Something other than a folder is at the path (a file, a link leading nowhere).
    case notAFolder(given: String)
    /// A file system is mounted on the folder: it cannot be renamed.
    case mountPoint(given: String)
    /// The folder holds files that no manifest of ours lists (up to three named).
    case foreignFiles(given: String, examples: [String])
    /// The folder holds outputs of the other kind (a preview where public outputs would go, or
    /// the reverse), and the run was not told it may replace them.
    case otherKind(given: String, found: OutputKind, writing: OutputKind)
    /// Another run holds the folder's lock.
    case busy(given: String)
    /// A file or folder could not be written; the previous output is unchanged.
    case cannotWrite(path: String, reason: String)

    /// The headline: terse, lowercase, names in backticks.
    package var headline: String {
        switch self {
        case .emptyPath:
            "the output folder's name is empty"
        case .isProtected(let given, let protected):
            "`\(given)` is \(protected.described); publishing there would replace it"
        case .holdsProtected(let given, let protected, let path):
            "`\(given)` holds \(protected.described) `\(path)`; publishing there would replace it"
        case .insideProtected(let given, let protected, let path):
            "`\(given)` is inside \(protected.described) `\(path)`"
        case .notAFolder(let given):
            "`\(given)` is a file, not a folder; disclose writes its outputs into a folder"
        case .mountPoint(let given):
            "`\(given)` is a mount point; name a folder inside it"
        case .foreignFiles(let given, let examples):
            "`\(given)` holds files disclose did not write (" + examples.map { "`\($0)`" }.joined(separator: ", ") + ")"
        case .otherKind(let given, let found, let writing):
            "`\(given)` holds \(found.described), and this run writes \(writing.described)"
        case .busy(let given):
            "another `disclose publish` is writing `\(given)`"
        case .cannotWrite(let path, let reason):
            "cannot write `\(path)`: \(reason)"
        }
    }

    /// What to do about it.
    package var help: String {
        switch self {
        case .emptyPath, .isProtected, .holdsProtected, .insideProtected, .notAFolder:
            "name a new or empty folder outside the data and the rules, e.g. `--out output`"
        case .mountPoint(let given):
            "a mount point cannot be swapped for a new folder in one step; use e.g. `--out \(given.hasSuffix("/") ? given : given + "/")portal`"
        case .foreignFiles:
            "choose an empty or new folder: disclose replaces only a folder it wrote itself (one with disclose-output.json that lists every file in it)"
        case .otherKind(_, let found, _):
            "choose another folder, or add `--replace-\(found.rawValue)` to replace \(found.described)"
        case .busy:
            "wait for the other run to finish, then run again"
        case .cannotWrite:
            "check the space and permissions where the output goes; the previous output is as it was"
        }
    }

    /// True for a folder the user should not have named (as opposed to a run that could not
    /// write, or met another run).
    package var isRefusal: Bool {
        switch self {
        case .emptyPath, .isProtected, .holdsProtected, .insideProtected, .notAFolder, .mountPoint, .foreignFiles, .otherKind: true
        case .busy, .cannotWrite: false
        }
    }
}
