import Foundation

/// The files of `disclose publish --out DIR`, in two folders that are never mixed:
///
/// - `public/`: what the portal may show: `public.json` and the `public-*.csv` files, or, as a
///   site, the portal's pages (`PortalSite`). Deploying this folder deploys nothing else.
/// - `internal/`: `internal-report.json` (withheld findings, zero-tolerance escalations, held
///   responses with their text), readable by its owner only (folder 0700, file 0600). Every
///   format writes it, so that a site build loses nothing the report would have said. Beside
///   it, `listing.json` (`PublicListing`: what the portal lists, in short) and, when the folder
///   held an earlier publication, `changes.txt` (`PublicChanges`: what changed on the portal
///   since). A preview site made over an earlier publication also shows those changes as its
///   page `changes.html`, for the PAC.
///
/// Beside them, `disclose-output.json` (`OutputManifest`) lists every file with its SHA-256.
package enum PublicationFolder {
    /// The folder of the public outputs, the one to deploy.
    package static let publicFolder = "public"
    /// The folder of the internal report, never to be deployed.
    package static let internalFolder = "internal"
    /// The internal report's path inside the output folder.
    package static let internalReport = internalFolder + "/internal-report.json"
    /// The listing's path: what the next publication into the folder compares with.
    package static let listing = internalFolder + "/listing.json"
    /// The changes since the previous publication's path.
    package static let changes = internalFolder + "/changes.txt"

    /// What the public folder holds.
    package enum Format: Sendable {
        /// `public.json` and the `public-*.csv` files.
        case data
        /// The portal as a static site.
        case site
    }
}

extension PublicationFolder {
    /// The listing an earlier publication left in the output folder `path`; nil when there is
    /// none or it cannot be read back (then no changes are said, rather than wrong ones).
    package static func previousListing(in path: String) -> PublicListing? {
        let file = (path as NSString).appendingPathComponent(listing)
        // Only an ordinary file: opening a named pipe would wait for ever.
        guard (try? FileManager.default.attributesOfItem(atPath: file))?[.type] as? FileAttributeType == .typeRegular,
            let handle = FileHandle(forReadingAtPath: file) else { return nil }
        defer { try? handle.close() }
        // A listing of the largest data sets is a few megabytes; anything past 256 MiB is not one.
        guard let data = try? handle.read(upToCount: 256 << 20) else { return nil }
        return PublicListing.read([UInt8](data))
    }
}
