import Disclose
import Foundation

extension PublicationFolder {
    /// Every file of the output folder, each made as it is written: the JSON a megabyte at a
    /// time, the CSV set once for all four files, the site a page at a time. The two large JSON
    /// files come first, so that written side by side they start at once.
    ///
    /// `previous` is the listing of the publication the folder held, if any: what changed since
    /// goes to `changes.txt`.
    package static func files(_ publication: Publication, format: Format, previous: PublicListing? = nil) -> [OutputFile] {
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

