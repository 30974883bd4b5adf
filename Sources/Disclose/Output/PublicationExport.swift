/// The public finding set and the internal report as files: JSON, and CSV for spreadsheets.
///
/// Same input, same bytes: keys in a fixed order, lists sorted, no clock readings. The
/// public files hold only what the policy makes public; the internal report is separate.
package enum PublicationExport {
    /// The schema id of the public finding set (docs/schemas/public-finding-set.schema.json).
    package static let publicSchema = "https://disclose.example/schemas/public-finding-set-v1.json"
    /// The schema id of the internal report (docs/schemas/internal-report.schema.json).
    package static let internalSchema = "https://disclose.example/schemas/internal-report-v1.json"
    /// Shown with every published response.
    package static let unverifiedNotice = "Not verified by Better Work"
    /// Marks every file and page of a preview for the PAC.
    package static let previewNotice = "Draft: not for publication"

    // MARK: JSON

    /// The public finding set as JSON.
    package static func publicJSON(_ publication: Publication) -> JSONValue {
        var fields: [(String, JSONValue)] = [("schema", .string(publicSchema))]
        // A preview says so first, so that no reader of the file can miss it.
        if publication.isPreview { fields += [("preview", .bool(true)), ("notice", .string(previewNotice))] }
        fields += [
            ("asOf", .string(publication.asOf.description)),
            ("rulesDigest", .string("sha256:" + publication.rulesDigest)),
            ("countries", .array(publication.countries.map { country($0, preview: publication.isPreview) })),
        ]
        return .object(fields)
    }

    /// A percentage to two decimals, as the public file gives means and deviations.
    private static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    private static func titles(_ titles: [String: String]) -> JSONValue {
        .object(titles.keys.sorted().map { ($0, .string(titles[$0]!)) })
    }

    private static func country(_ country: CountryPublication, preview: Bool) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("code", .string(country.code)),
            ("titles", titles(country.titles)),
            ("languages", .array(country.languages.map(JSONValue.string))),
            ("listStatus", .string(country.status.rawValue)),
        ]
        if preview { fields.append(("launch", .string(country.launch.description))) }
        fields += [
            ("greenHighlight", .bool(country.greenHighlight)),
            ("publication", .object([
                ("calendar", .string(country.schedule.calendar.rawValue)),
                ("asOf", .string(country.schedule.asOf.description)),
                ("reportingPeriod", .string(country.schedule.reportingPeriod.rawValue)),
                ("periodStart", .optional(country.schedule.periodStart?.description)),
            ])),
            ("tiers", .array(country.tiers.map { tier in
                .object([
                    ("id", .string(tier.id)),
                    ("titles", titles(tier.titles)),
                    ("concerns", .string(tier.subject.rawValue)),
                    ("assessmentsAtLeast", .int(tier.minimumAssessments)),
                    ("requirements", .array(tier.requirements.map(JSONValue.string))),
                    ("threshold", .string(tier.threshold)),
                    ("measuredFactories", .int(tier.measuredFactories)),
                    ("mean", tier.mean.map { .number(rounded($0)) } ?? .null),
                    ("standardDeviation", tier.standardDeviation.map { .number(rounded($0)) } ?? .null),
                    ("cutoff", tier.cutoff.map { .number(rounded($0)) } ?? .null),
                    ("factories", .array(tier.named.map { named in
                        .object([("id", .string(named.id)), ("name", .string(named.name)), ("compliance", .number(named.rate))])
                    })),
                ])
            })),
            ("headings", .array(country.headings.map { heading in
                .object([("id", .string(heading.id)), ("titles", titles(heading.titles)), ("issues", .array(heading.issues.map(JSONValue.string)))])
            })),
            ("factories", .lazyArray(country.factories, factory)),
            ("figures", .array(country.figures.map { figure in
                var fields: [(String, JSONValue)] = [
                    ("issue", .string(figure.issue)),
                    ("titles", titles(figure.titles)),
                    ("category", .string(figure.category.rawValue)),
                    ("nonCompliantFactories", .int(figure.nonCompliantFactories)),
                    ("assessedFactories", .int(figure.assessedFactories)),
                ]
                if preview { fields.append(("drafts", .array(figure.drafts.map(JSONValue.string)))) }
                return .object(fields)
            })),
        ]
        return .object(fields)
    }

    private static func factory(_ factory: PublicFactory) -> JSONValue {
        .object([
            ("id", .string(factory.id)),
            ("name", .string(factory.name)),
            ("type", .string(factory.type)),
            ("country", .string(factory.country)),
            ("status", .string(factory.status.rawValue)),
            ("nonCompliantCount", .int(factory.findings.count)),
            ("refusals", factory.refusals.map(JSONValue.int) ?? .null),
            ("assessment", factory.assessment.map { assessment in
                .object([
                    ("date", .string(assessment.date.description)),
                    ("method", .string(assessment.method.rawValue)),
                    ("cycle", .int(assessment.cycle)),
                ])
            } ?? .null),
            ("findings", .array(factory.findings.map { finding in
                .object([("issue", .string(finding.issue)), ("category", .string(finding.category.rawValue)), ("titles", titles(finding.titles))])
            })),
            ("responses", .array(factory.responses.map { response in
                .object([
                    ("id", .string(response.id)),
                    ("issue", .optional(response.issue)),
                    ("date", .string(response.date.description)),
                    ("text", .string(response.text)),
                    ("attachments", .array(response.attachments.map(JSONValue.string))),
                    ("verified", .bool(false)),
                    ("notice", .string(unverifiedNotice)),
                ])
            })),
        ])
    }

    /// The internal report as JSON: never for publication.
    package static func internalJSON(_ publication: Publication) -> JSONValue {
        let report = publication.report
        var counts: [(String, JSONValue)] = []
        for disposition in ["shown", "withheld", "superseded", "refusal"] {
            counts.append((disposition, .int(report.assessments.filter { $0.disposition.rawValue == disposition }.count)))
        }
        let internalNotice = "Internal: not for publication. Contains withheld findings, zero-tolerance escalations and unmoderated responses."
        let notice: String = publication.isPreview ? previewNotice + ". " + internalNotice : internalNotice
        let drafts: [JSONValue] = report.drafts.map(draftJSON)
        return .object([
            ("schema", .string(internalSchema)),
            ("notice", .string(notice)),
            ("asOf", .string(publication.asOf.description)),
            ("rulesDigest", .string("sha256:" + publication.rulesDigest)),
            ("summary", .object([
                ("assessments", .int(report.assessments.count)),
                ("byDisposition", .object(counts)),
                ("escalations", .int(report.escalations.count)),
                ("responsesHeld", .int(report.responses.filter { $0.disposition == .held }.count)),
                ("dataProblems", .int(report.dataProblems.count)),
                ("drafts", .int(report.drafts.count)),
            ])),
            ("assessments", .lazyArray(report.assessments) { account in
                .object([
                    ("assessment", .string(account.assessment)),
                    ("factory", .string(account.factory)),
                    ("country", .string(account.country)),
                    ("date", .string(account.date.description)),
                    ("disposition", .string(account.disposition.rawValue)),
                    ("reason", .optional(account.reason?.rawValue)),
                    ("detail", .string(account.detail)),
                    ("raisedIssues", .array(account.raisedIssues.map(JSONValue.string))),
                ])
            }),
            ("escalations", .lazyArray(report.escalations) { escalation in
                .object([
                    ("country", .string(escalation.country)),
                    ("factory", .string(escalation.factory)),
                    ("factoryName", .string(escalation.factoryName)),
                    ("assessment", .string(escalation.assessment)),
                    ("assessedOn", .string(escalation.assessedOn.description)),
                    ("category", .string(escalation.category)),
                    ("categoryTitle", .string(escalation.categoryTitle)),
                    ("questions", .array(escalation.questions.map(JSONValue.string))),
                    ("deadlineHours", escalation.deadlineHours.map(JSONValue.int) ?? .null),
                    ("dueBy", .optional(escalation.dueBy?.description)),
                    ("steps", .array(escalation.steps.map { step in
                        .object([
                            ("step", .string(step.step)),
                            ("by", .array(step.actors.map(JSONValue.string))),
                            ("limit", .string(step.limit)),
                            ("dueHours", step.dueHours.map(JSONValue.int) ?? .null),
                            ("dueBy", .optional(step.dueBy?.description)),
                        ])
                    })),
                ])
            }),
            ("responses", .lazyArray(report.responses) { account in
                .object([
                    ("response", .string(account.response)),
                    ("factory", .string(account.factory)),
                    ("assessment", .string(account.assessment)),
                    ("disposition", .string(account.disposition.rawValue)),
                    ("reasons", .array(account.reasons.map(JSONValue.string))),
                    ("text", .string(account.text)),
                ])
            }),
            ("dataProblems", DiagnosticExport.json(report.dataProblems)),
            ("drafts", .array(drafts)),
            ("tiers", .array(report.tiers.map { measure in
                .object([
                    ("tier", .string(measure.tier)),
                    ("country", .string(measure.country)),
                    ("factory", .string(measure.factory)),
                    ("assessments", .int(measure.assessments)),
                    ("assessment", .optional(measure.assessment)),
                    ("rateHundredthsOfPercent", measure.rate.map(JSONValue.int) ?? .null),
                    ("named", .bool(measure.named)),
                    ("because", .string(measure.because)),
                ])
            })),
        ])
    }

    private static func draftJSON(_ draft: DraftAccount) -> JSONValue {
        .object([
            ("country", .string(draft.country)),
            ("kind", .string(draft.kind)),
            ("id", .string(draft.id)),
            ("awaits", .optional(draft.awaits)),
            ("reason", .string(draft.reason)),
            ("location", .string(draft.location)),
            ("factoriesAffected", draft.factoriesAffected.map(JSONValue.int) ?? .null),
        ])
    }

    // MARK: CSV

    /// The names of the public CSV files, in the order `publicCSV` returns them.
    package static let publicCSVNames = ["public-factories.csv", "public-findings.csv", "public-figures.csv", "public-responses.csv"]
    /// The names of a preview's CSV files: a preview file is never named like a public one.
    package static let previewCSVNames = publicCSVNames.map { "preview-" + $0.dropFirst("public-".count) }

    /// The CSV file names for a publication, public or preview.
    package static func csvNames(_ publication: Publication) -> [String] {
        publication.isPreview ? previewCSVNames : publicCSVNames
    }

    /// The public CSV files by name: factories, findings (one row per factory, issue and language), figures, responses.
    package static func publicCSV(_ publication: Publication) -> [(name: String, text: String)] {
        var factories = CSVWriter(header: ["country", "factory_id", "name", "type", "status", "non_compliant_count", "refusals",
                                           "assessment_date", "method", "cycle", "issues"])
        var findings = CSVWriter(header: ["country", "factory_id", "factory_name", "issue_id", "category", "language", "title"])
        var figures = CSVWriter(header: ["country", "issue_id", "category", "title_en", "non_compliant_factories", "assessed_factories"])
        var responses = CSVWriter(header: ["country", "factory_id", "factory_name", "response_id", "issue_id", "date", "text", "attachments", "notice"])
        for country in publication.countries {
            for factory in country.factories {
                factories.row([country.code, factory.id, factory.name, factory.type, factory.status.rawValue, String(factory.findings.count),
                               factory.refusals.map(String.init) ?? "", factory.assessment?.date.description ?? "", factory.assessment?.method.rawValue ?? "",
                               factory.assessment.map { String($0.cycle) } ?? "", factory.findings.map(\.issue).joined(separator: "; ")])
                for finding in factory.findings {
                    for language in country.languages {
                        findings.row([country.code, factory.id, factory.name, finding.issue, finding.category.rawValue, language, finding.titles[language] ?? ""])
                    }
                }
                for response in factory.responses {
                    responses.row([country.code, factory.id, factory.name, response.id, response.issue ?? "", response.date.description, response.text,
                                   response.attachments.joined(separator: "; "), unverifiedNotice])
                }
            }
            for figure in country.figures {
                figures.row([country.code, figure.issue, figure.category.rawValue, figure.titles["en"] ?? "", String(figure.nonCompliantFactories),
                             String(figure.assessedFactories)])
            }
        }
        return zip(csvNames(publication), [factories.text, findings.text, figures.text, responses.text]).map { ($0, $1) }
    }
}

/// Writes RFC 4180 CSV that is also safe to open in a spreadsheet.
///
/// A field that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would be taken
/// as a formula by Excel or LibreOffice ("CSV injection"); such a field is prefixed with an
/// apostrophe, which spreadsheets show as text and do not display.
package struct CSVWriter {
    /// The text so far.
    package private(set) var text = ""

    /// Starts a file with its header row.
    package init(header: [String]) {
        row(header)
    }

    /// Adds a row.
    package mutating func row(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { text += "," }
            text += CSVWriter.field(field)
        }
        text += "\r\n"
    }

    /// One field, neutralised and quoted as needed.
    package static func field(_ value: String) -> String {
        var value = value
        // Control characters (ESC, BEL, BS, DEL, the C1 range; NUL, which the readers refuse,
        // should one arrive another way) would reach whoever opens the file with `cat` or a
        // spreadsheet: each becomes U+FFFD, as on the portal pages. CSV has no escape syntax,
        // so there is no way to keep them; tab, line feed and carriage return are text here.
        if value.unicodeScalars.contains(where: CSVWriter.isControl) {
            var cleaned = String.UnicodeScalarView()
            for scalar in value.unicodeScalars { cleaned.append(CSVWriter.isControl(scalar) ? "\u{FFFD}" : scalar) }
            value = String(cleaned)
        }
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        // Bytes, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
        guard value.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else { return value }
        // Quotes doubled on bytes (a quote is one byte in UTF-8), not through NSString.
        var quoted: [UInt8] = [UInt8(ascii: "\"")]
        quoted.reserveCapacity(value.utf8.count + 8)
        for byte in value.utf8 {
            quoted.append(byte)
            if byte == UInt8(ascii: "\"") { quoted.append(byte) }
        }
        quoted.append(UInt8(ascii: "\""))
        return String(decoding: quoted, as: UTF8.self)
    }

    /// A C0 control other than tab, line feed and carriage return; DEL; a C1 control.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }
}

extension Publication {
    /// The public finding set as JSON text, what `disclose publish` writes to `public/public.json`.
    public var publicJSON: String { PublicationExport.publicJSON(self).serialized() }

    /// The internal report as JSON text, what `disclose publish` writes to `internal-report.json`:
    /// never for the public.
    public var internalJSON: String { PublicationExport.internalJSON(self).serialized() }
}
