import Disclose
import Foundation

extension LanguageServer {
    /// For each public issue of the document's country, how many factories of the sample data
    /// show it on the portal as published today; nil when the document names no country or
    /// the data cannot be published.
    ///
    /// The count runs `disclose publish` on the saved rule files (the publisher reads the
    /// rules root from disk), so the lens follows the file as last saved, and is worked out
    /// again only after a save.
    func sampleCounts(for path: String, data: String) -> [String: Int]? {
        let countries = ([path] + workspace.includers(of: path)).compactMap { candidate in
            workspace.syntax(of: candidate)?.declarations.first { $0.kind == .country }?.name?.text
        }
        guard let code = countries.first else { return nil }
        let root = workspace.root(for: path)
        if sampleFigures == nil || sampleFiguresRoot != root {
            let result = Publisher(project: root, asOf: today).publish(data: data)
            guard let publication = result.publication else { return nil }
            var figures: [String: [String: Int]] = [:]
            for country in publication.countries {
                for factory in country.factories {
                    for issue in Set(factory.findings.map(\.issue)) { figures[country.code, default: [:]][issue, default: 0] += 1 }
                }
                if figures[country.code] == nil { figures[country.code] = [:] }
            }
            sampleFigures = figures
            sampleFiguresRoot = root
        }
        return sampleFigures?[code]
    }
}
