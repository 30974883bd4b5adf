import Foundation

/// What a publication lists, in short: per country, each listed factory's status and public
/// issues, and each public issue's titles. `publish` keeps it in the internal folder
/// (`internal/listing.json`), so that the next publication into the same folder can say what
/// changed since (`PublicChanges`).
package struct PublicListing: Codable, Sendable, Equatable {
    package struct Factory: Codable, Sendable, Equatable {
        package var name: String
        /// `compliant`, `non-compliant` or `refused`.
        package var status: String
        /// The public issues it is non-compliant on, sorted.
        package var issues: [String]

        package init(name: String, status: String, issues: [String]) {
            self.name = name
            self.status = status
            self.issues = issues
        }
    }

    package struct Country: Codable, Sendable, Equatable {
        /// Listed factories by id.
        package var factories: [String: Factory]
        /// Public issues' titles by issue, then language.
        package var titles: [String: [String: String]]

        package init(factories: [String: Factory], titles: [String: [String: String]]) {
            self.factories = factories
            self.titles = titles
        }
    }

    /// The version of this file's layout.
    package var listing = 1
    package var asOf: String
    /// True for a preview's listing (drafts and unlaunched countries included).
    package var preview: Bool
    package var countries: [String: Country]

    /// A listing from its parts.
    package init(asOf: String, preview: Bool = false, countries: [String: Country]) {
        self.asOf = asOf
        self.preview = preview
        self.countries = countries
    }

    /// The listing of `publication`.
    package init(_ publication: Publication) {
        asOf = publication.asOf.description
        preview = publication.isPreview
        countries = Dictionary(uniqueKeysWithValues: publication.countries.map { country in
            let factories = Dictionary(country.factories.map { factory in
                (factory.id, Factory(name: factory.name, status: factory.status.rawValue,
                                     issues: Set(factory.findings.map(\.issue)).sorted()))
            }, uniquingKeysWith: { first, _ in first })
            let titles = Dictionary(country.figures.map { ($0.issue, $0.titles) }, uniquingKeysWith: { first, _ in first })
            return (country.code, Country(factories: factories, titles: titles))
        })
    }

    /// The listing's file: sorted keys, so the same publication gives the same bytes.
    package func serialized() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return ((try? encoder.encode(self)).map { [UInt8]($0) } ?? []) + [0x0A]
    }

    /// A listing read back from its file; nil for anything else (a file of another version,
    /// edited by hand, cut short).
    package static func read(_ bytes: [UInt8]) -> PublicListing? {
        guard let listing = try? JSONDecoder().decode(PublicListing.self, from: Data(bytes)), listing.listing == 1 else { return nil }
        return listing
    }
}

/// What changed on the portal between two publications into the same folder: factories
/// listed or no longer listed, factories whose status or public issues changed, issues that
/// became or stopped being public, titles reworded.
package struct PublicChanges: Sendable, Equatable {
    package var previousAsOf: String
    package var currentAsOf: String
    /// Whether each side was a preview (drafts included): said in the text when they differ.
    package var previousIsPreview: Bool
    package var currentIsPreview: Bool
    /// One line per change, grouped by country in code order, each line starting with its kind.
    package var lines: [String]

    package init(from previous: PublicListing, to current: PublicListing) {
        previousAsOf = previous.asOf
        currentAsOf = current.asOf
        previousIsPreview = previous.preview
        currentIsPreview = current.preview
        var lines: [String] = []
        let empty = PublicListing.Country(factories: [:], titles: [:])
        for code in Set(previous.countries.keys).union(current.countries.keys).sorted() {
            let before = previous.countries[code]
            let after = current.countries[code]
            if before == nil { lines.append("\(code): country now published") }
            if after == nil { lines.append("\(code): country no longer published") }
            let old = before ?? empty
            let new = after ?? empty
            for id in Set(old.factories.keys).union(new.factories.keys).sorted() {
                switch (old.factories[id], new.factories[id]) {
                case (nil, let added?):
                    lines.append("\(code): factory \(id) (\(added.name)) now listed: \(Self.status(added))")
                case (let removed?, nil):
                    lines.append("\(code): factory \(id) (\(removed.name)) no longer listed (was \(Self.status(removed)))")
                case (let was?, let now?) where was != now:
                    var parts = ["\(code): factory \(id) (\(now.name)) \(Self.status(was)) -> \(Self.status(now))"]
                    let gained = Set(now.issues).subtracting(was.issues).sorted()
                    let lost = Set(was.issues).subtracting(now.issues).sorted()
                    if !gained.isEmpty { parts.append("gains " + gained.joined(separator: ", ")) }
                    if !lost.isEmpty { parts.append("loses " + lost.joined(separator: ", ")) }
                    lines.append(parts.joined(separator: "; "))
                default: break
                }
            }
            for issue in Set(old.titles.keys).union(new.titles.keys).sorted() {
                switch (old.titles[issue], new.titles[issue]) {
                case (nil, _?): lines.append("\(code): issue \(issue) now public")
                case (_?, nil): lines.append("\(code): issue \(issue) no longer public")
                case (let was?, let now?):
                    for language in Set(was.keys).union(now.keys).sorted() where was[language] != now[language] {
                        lines.append("\(code): issue \(issue) title (\(language)) reworded: \(Self.quoted(was[language])) -> \(Self.quoted(now[language]))")
                    }
                default: break
                }
            }
        }
        self.lines = lines
    }

    private static func status(_ factory: PublicListing.Factory) -> String {
        factory.issues.isEmpty ? factory.status : "\(factory.status) (\(factory.issues.count))"
    }

    private static func quoted(_ text: String?) -> String { text.map { "\"\($0)\"" } ?? "none" }

    /// The changes as the internal folder's `changes.txt`.
    package func text() -> String {
        var text = "What changed on the portal since the previous publication in this folder (as of \(previousAsOf)), now as of \(currentAsOf):\n"
        if previousIsPreview != currentIsPreview {
            text += previousIsPreview
                ? "The previous one was a preview (drafts included), this one is not: drafts that are not adopted show as changes.\n"
                : "This one is a preview (drafts included), the previous one was not: drafts show as changes.\n"
        }
        text += lines.isEmpty ? "no change\n" : lines.map { "  " + $0 + "\n" }.joined()
        return text
    }

    /// One line for the summary of a run into the output folder `out` (as the user gave it).
    package func summary(out: String) -> String {
        let count = lines.count
        let file = (out.hasSuffix("/") ? out : out + "/") + PublicationFolder.changes
        return count == 0
            ? "since the previous publication (as of \(previousAsOf)): no change on the portal"
            : "since the previous publication (as of \(previousAsOf)): \(count) change\(count == 1 ? "" : "s") on the portal, listed in \(file)"
    }
}
