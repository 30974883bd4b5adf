import Foundation

/// Finds the rule files named on a command line: files as given, folders searched for `*.disclose`.
package enum RuleFiles {
    /// The extension of rule files.
    package static let fileExtension = "disclose"

    /// Rule files under `paths`, sorted within each folder, and the paths that do not exist.
    package static func collect(_ paths: [String]) -> (files: [String], missing: [String]) {
        var files: [String] = []
        var missing: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                missing.append(path)
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let found = (manager.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                .filter { $0.hasSuffix("." + fileExtension) }
                .sorted()
                .map { (path as NSString).appendingPathComponent($0) }
            files += found
        }
        return (files, missing)
    }
}

extension Day {
    /// Today in UTC: the default as-of day. Output that depends on it says which day it used.
    package static var today: Day {
        Day(ordinal: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
