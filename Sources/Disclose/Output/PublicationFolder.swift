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
public enum PublicationFolder {
    /// The folder of the public outputs, the one to deploy.
    public static let publicFolder = "public"
    /// The folder of the internal report, never to be deployed.
    public static let internalFolder = "internal"
    /// The internal report's path inside the output folder.
    public static let internalReport = internalFolder + "/internal-report.json"
    /// The listing's path: what the next publication into the folder compares with.
    public static let listing = internalFolder + "/listing.json"
    /// The changes since the previous publication's path.
    public static let changes = internalFolder + "/changes.txt"

    /// What the public folder holds.
    public enum Format: Sendable {
        /// `public.json` and the `public-*.csv` files.
        case data
        /// The portal as a static site.
        case site
    }

    /// Every file of the output folder, each made as it is written: the JSON a megabyte at a
    /// time, the CSV set once for all four files, the site a page at a time. The two large JSON
    /// files come first, so that written side by side they start at once.
    ///
    /// `previous` is the listing of the publication the folder held, if any: what changed since
    /// goes to `changes.txt`.
    public static func files(_ publication: Publication, format: Format, previous: PublicListing? = nil) -> [OutputFile] {
        let report = OutputFile(internalReport, ownerOnly: true) { try PublicationExport.internalJSON(publication).write(to: $0) }
        let current = PublicListing(publication)
        var files: [OutputFile] = [OutputFile(listing, ownerOnly: true) { try $0.write(contentsOf: current.serialized()) }]
        let changed = previous.map { PublicChanges(from: $0, to: current) }
        if let changed {
            let text = changed.text()
            files.append(OutputFile(changes, ownerOnly: true) { try $0.write(contentsOf: Array(text.utf8)) })
        }
        switch format {
        case .data:
            files.insert(OutputFile(publicFolder + "/public.json") { try PublicationExport.publicJSON(publication).write(to: $0) }, at: 0)
            files.insert(report, at: 1)
            let csvs = CSVSet(publication)
            // A preview's CSV files are named preview-*.csv: never mistaken for public ones.
            for (index, name) in PublicationExport.csvNames(publication).enumerated() {
                files.append(OutputFile(publicFolder + "/" + name) { try $0.write(contentsOf: csvs.bytes(index)) })
            }
        case .site:
            files.insert(report, at: 0)
            for page in PortalSite.writers(publication, changes: changed) {
                files.append(OutputFile(publicFolder + "/" + page.name, write: page.write))
            }
        }
        return files
    }
}

/// The public CSV files, made once by whichever writer asks first.
private final class CSVSet: @unchecked Sendable {
    private let publication: Publication
    private let lock = NSLock()
    private var made: [[UInt8]]?

    init(_ publication: Publication) { self.publication = publication }

    func bytes(_ index: Int) -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        if made == nil { made = PublicationExport.publicCSV(publication).map { Array($0.text.utf8) } }
        return made![index]
    }
}

extension PublicationFolder {
    /// The listing an earlier publication left in the output folder `path`; nil when there is
    /// none or it cannot be read back (then no changes are said, rather than wrong ones).
    public static func previousListing(in path: String) -> PublicListing? {
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
