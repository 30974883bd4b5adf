import Foundation

/// The files of `disclose publish --out DIR`, in two folders that are never mixed:
///
/// - `public/`: what the portal may show: `public.json` and the `public-*.csv` files, or, as a
///   site, the portal's pages (`PortalSite`). Deploying this folder deploys nothing else.
/// - `internal/`: `internal-report.json` (withheld findings, zero-tolerance escalations, held
///   responses with their text), readable by its owner only (folder 0700, file 0600). Every
///   format writes it, so that a site build loses nothing the report would have said.
///
/// Beside them, `disclose-output.json` (`OutputManifest`) lists every file with its SHA-256.
public enum PublicationFolder {
    /// The folder of the public outputs, the one to deploy.
    public static let publicFolder = "public"
    /// The folder of the internal report, never to be deployed.
    public static let internalFolder = "internal"
    /// The internal report's path inside the output folder.
    public static let internalReport = internalFolder + "/internal-report.json"

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
    public static func files(_ publication: Publication, format: Format) -> [OutputFile] {
        let report = OutputFile(internalReport, ownerOnly: true) { try PublicationExport.internalJSON(publication).write(to: $0) }
        var files: [OutputFile] = []
        switch format {
        case .data:
            files.append(OutputFile(publicFolder + "/public.json") { try PublicationExport.publicJSON(publication).write(to: $0) })
            files.append(report)
            let csvs = CSVSet(publication)
            // A preview's CSV files are named preview-*.csv: never mistaken for public ones.
            for (index, name) in PublicationExport.csvNames(publication).enumerated() {
                files.append(OutputFile(publicFolder + "/" + name) { try $0.write(contentsOf: csvs.bytes(index)) })
            }
        case .site:
            files.append(report)
            for page in PortalSite.writers(publication) {
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
