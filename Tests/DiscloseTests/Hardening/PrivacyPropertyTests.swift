@testable import Disclose
@testable import DisclosePortal
@testable import DiscloseSample
import Foundation
import Testing

extension Hardening {
    /// The privacy invariants as properties over thousands of generated data sets: nothing from a
    /// first assessment (or any assessment that is not shown), a non-critical question, a
    /// zero-tolerance escalation or a response that is not published reaches the public outputs
    /// (JSON, CSV, the HTML portal).
    ///
    /// Each data set is made by a small seeded generator (random factories, visits, refusals,
    /// exits, answers of every kind including unusable ones, responses clean and abusive, CSV or
    /// JSON Lines per table, a random as-of day) and published. Then it is changed where the
    /// public must not look: every answer of the assessments that are not shown (for reasons that
    /// do not depend on answers), the answers to every non-critical question of all assessments,
    /// and the text and attachments of every response that is not published. Published again, the
    /// public outputs must be the same bytes. The texts that are not published carry unique
    /// markers, which must appear in no public byte; escalation ids must appear nowhere public.
    ///
    /// `PrivacyProperties.miniature` runs 2,000 data sets (`DISCLOSE_PRIVACY_SETS` changes the
    /// number) over rules small enough to check in a millisecond: the miniature catalogue of
    /// fuzz/project with three countries (two languages and a dated withdrawal; a minimum of three
    /// assessments and no retention after exit; one that publishes nothing).
    /// `PrivacyProperties.shipped` runs 24 data sets with the same generator over the shipped rules of every
    /// publishing country, with many factories per data set (checking the shipped rules takes most
    /// of the time of a run).
    @Suite struct PrivacyPropertyTests {
        // MARK: The miniature project

        static let miniatureCountries: [String: String] = [
            "countries/FZ.disclose": """
            country FZ
              title en "Fuzzland"
              title km "ហ្វាស"
              languages en, km
              status decided
              decided by FZ-PAC-2013-01

            include "../rules/baseline.disclose"
            include "FZ-decisions.disclose"

            issue FZ-01
              title en "Overtime not paid"
              title km "ម៉ោងបន្ថែម"
              category country-specific
              raised when not (WTI-OVT-02 is below 1 hours or CHL-LAB-01 is yes)
              decided by FZ-PAC-2013-01
              from 2013-10-01

            change issue UNDERAGE-WORKERS
              title en "Workers under 16"
              reason "The PAC asked for the age in the title"
              decided by FZ-PAC-2020-01
              from 2020-01-01

            change parameter minimum-working-age
              value 16 years
              reason "National law sets 16"
              decided by FZ-PAC-2013-01
              from 2013-10-01

            titles km
              decided by FZ-PAC-2020-01
              UNDERAGE-WORKERS "កុមារ"
              FORCED-OVERTIME "ការងារបន្ថែមម៉ោង"
              EXCESSIVE-OVERTIME "ម៉ោងបន្ថែម"
              EMERGENCY-PREPAREDNESS "ការត្រៀមបន្ទាន់"
              LOCKED-EXITS "ច្រកចេញ"
              UNION-CHOICE "សហជីព"
              GENDER-DISCRIMINATION "ការរើសអើង"
              DIALOGUE "ការសន្ទនា"

            """,
            "countries/FY.disclose": """
            country FY
              title en "Fuzzylvania"
              languages en
              status decided
              decided by FY-PAC-2019-01

            include "../rules/baseline.disclose"
            include "FY-decisions.disclose"

            change policy minimum-assessments
              value 3
              reason "Three assessments before a factory is listed"
              decided by FY-PAC-2019-01
              from 2019-01-01

            change policy exit-retention
              value none
              reason "Factories that leave are removed at once"
              decided by FY-PAC-2019-01
              from 2019-01-01

            withdraw issue DIALOGUE
              reason "Reported nationally"
              decided by FY-PAC-2019-01
              from 2022-01-01

            """,
            "countries/FY-decisions.disclose": """
            decision FY-PAC-2019-01
              title en "The public list"
              status adopted
              on 2019-01-01
              publishes UNDERAGE-WORKERS, FORCED-OVERTIME, EXCESSIVE-OVERTIME, EMERGENCY-PREPAREDNESS, LOCKED-EXITS, UNION-CHOICE, GENDER-DISCRIMINATION, DIALOGUE

            """,
            "countries/FX.disclose": """
            country FX
              title en "Nowhere"
              status decided
              decided by FX-PAC-2019-01
              publishes nothing
              reason "No public list"

            include "../rules/policy.disclose"
            include "FX-decisions.disclose"

            """,
            "countries/FX-decisions.disclose": """
            decision FX-PAC-2019-01
              title en "No public list"
              status adopted
              on 2019-01-01

            """,
        ]

        /// A project folder holding fuzz/project/rules and the countries above, made once.
        static let miniature: (root: String, books: [String: RuleBook]) = {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-privacy-\(UUID().uuidString)")
            let source = Hardening.root.appendingPathComponent("fuzz/project")
            var files: [String: [UInt8]] = miniatureCountries.mapValues { Array($0.utf8) }
            for name in (try? FileManager.default.contentsOfDirectory(atPath: source.appendingPathComponent("rules").path)) ?? [] {
                files["rules/\(name)"] = (try? Data(contentsOf: source.appendingPathComponent("rules/\(name)"))).map { [UInt8]($0) }
            }
            files["countries/FZ-decisions.disclose"] = (try? Data(contentsOf: source.appendingPathComponent("countries/FZ-decisions.disclose"))).map { [UInt8]($0) }
            try? Hardening.write(files, under: root)
            return (root.path, books(in: root.path, codes: ["FZ", "FY", "FX"]))
        }()

        /// The shipped rules of every country that publishes.
        static let shipped: (root: String, books: [String: RuleBook]) = {
            let folder = Hardening.root.appendingPathComponent("countries").path
            let codes = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
                .filter { $0.hasSuffix(".disclose") && !$0.contains("-") }.map { String($0.dropLast(9)) }.sorted()
            return (Hardening.root.path, PrivacyPropertyTests.books(in: Hardening.root.path, codes: codes).filter { $0.value.country?.publishesNothing != true })
        }()

        static func books(in root: String, codes: [String]) -> [String: RuleBook] {
            let paths = codes.map { "\(root)/countries/\($0).disclose" }
            var books: [String: RuleBook] = [:]
            for (code, result) in zip(codes, Checker.check(entries: paths, displayBase: root)) {
                if let book = result.ruleBook { books[code] = book } else {
                    Issue.record("countries/\(code).disclose does not check: \(Hardening.summary(result.diagnostics.filter { $0.severity == .error }))")
                }
            }
            return books
        }

        // MARK: The generator

        struct Visit {
            var id: String
            var factory: String
            var country: String
            var date: Day
            var refused: RefusalReason?
            var method: String
            var cycle: Int
            var finalised: Day?
            var cycleEnds: Day?
        }

        struct Response {
            var id: String, factory: String, assessment: String, issue: String, date: Day, text: String, attachments: [String]
        }

        struct DataSet {
            var asOf: Day
            var factories: [(id: String, name: String, country: String, left: Day?)] = []
            var visits: [Visit] = []
            /// Answers by assessment id: question id → raw text.
            var answers: [String: [(question: String, text: String)]] = [:]
            var responses: [Response] = []
            /// Responses written to get past a naive screen (issue 16): never to be published.
            var evasive: Set<String> = []
            var jsonLines: [Bool] = []
        }

        /// A random raw answer for a question: mostly fitting its kind, sometimes not.
        /// `noise` scales how often an answer is unusable or missing (1: one in about thirty).
        static func answer(_ question: Question, _ random: inout SampleRandom, noise: Double = 1) -> String {
            if random.chance(0.015 * noise) { return random.pick(["maybe", "", "1e999", "NaN", "n/a", "2024-02-30", "<b>yes</b>"]) }
            if random.chance(0.02 * noise) { return "not-applicable" }
            switch question.answer {
            case .yesNo: return random.pick(["yes", "no", "Yes", "NO"])
            case .number: return random.pick(["0", "5", "12", "14", "15", "16", "18", "20.5", "48", "62", "80"])
            case .date: return Day(year: 2016, month: 1, day: 1)!.adding(days: random.below(4000)).description
            case .choice(let options): return random.pick(options + [options.first!.uppercased()])
            }
        }

        /// `noise`: the shipped catalogues have sixty and more critical questions per country, so
        /// answers are unusable less often there, or no assessment would ever be complete.
        static func generate(seed: UInt64, books: [String: RuleBook], factories count: ClosedRange<Int>, noise: Double) -> DataSet {
            var random = SampleRandom(seed: seed &* 0x2545_F491_4F6C_DD1D &+ 17)
            var set = DataSet(asOf: Day(year: 2019, month: 1, day: 1)!.adding(days: random.below(8 * 365)))
            set.jsonLines = (0..<4).map { _ in random.chance(0.25) }
            let codes = books.keys.sorted()
            var responseNumber = 0
            for factoryIndex in 0..<(count.lowerBound + random.below(count.count)) {
                let factory = "F\(seed)-\(factoryIndex)"
                let country = random.pick(codes)
                let book = books[country]!
                // Visits from up to seven years before the as-of day; some after it.
                var day = set.asOf.adding(days: -(300 + random.below(7 * 365)))
                let visits = 1 + random.below(5)
                var firstVisit: Day?
                for number in 1...visits {
                    day = day.adding(days: 20 + random.below(400))
                    firstVisit = firstVisit ?? day
                    let refused = random.chance(0.2) ? random.pick(RefusalReason.allCases) : nil
                    let finalised = refused == nil && !random.chance(0.15) ? day.adding(days: random.below(120)) : nil
                    let visit = Visit(id: "\(factory)-A\(number)", factory: factory, country: country, date: day, refused: refused,
                                      method: random.pick(["on-site", "virtual", "hybrid"]), cycle: number, finalised: finalised,
                                      cycleEnds: random.chance(0.3) ? day.adding(days: 200 + random.below(400)) : nil)
                    set.visits.append(visit)
                    guard refused == nil else { continue }
                    var rows: [(String, String)] = []
                    for timeline in book.questions {
                        guard let question = timeline.value(on: day), !random.chance(0.01 * noise) else { continue }
                        rows.append((question.id, answer(question, &random, noise: noise)))
                    }
                    set.answers[visit.id] = rows
                    let issues = EvaluationPlan(book: book, day: day).issues.map(\.id)
                    for _ in 0..<(random.chance(0.7) ? 1 + random.below(3) : 0) {
                        responseNumber += 1
                        let marker = "RSP\(seed)x\(responseNumber)Q"
                        let evasions = [
                            "The assessors are id\u{200B}iot people \(marker).",
                            "You l\u{00AD}i\u{200D}ar \(marker)",
                            "They are an іdіоt \(marker).",
                            "ＬＩＡＲ \(marker)",
                            "Write to hr＠factory.example \(marker)",
                            "Call ٠٨١٢٣٤٥٦٧٨٩ or ０８１２３４５６７８ \(marker)",
                            "Ask MR.BINH about it \(marker).",
                        ]
                        let text = random.pick([
                            "The finding was fixed: \(marker) done.",
                            "Workers were paid in full \(marker).",
                            "Please write to \(marker.lowercased())@factory.example about \(marker).",
                            "The assessors are idiot people \(marker).",
                            "Menteur! \(marker)",
                            "ទ្វារចេញបានបើកហើយ \(marker)",
                        ] + (random.chance(0.3) ? evasions : []))
                        if evasions.contains(text) { set.evasive.insert("\(factory)-R\(responseNumber)") }
                        set.responses.append(Response(id: "\(factory)-R\(responseNumber)", factory: factory, assessment: visit.id,
                                                      issue: random.chance(0.6) || issues.isEmpty ? "" : random.pick(issues),
                                                      date: day.adding(days: 1 + random.below(150)), text: text,
                                                      attachments: random.chance(0.3) ? ["ATT\(marker).pdf"] : []))
                    }
                }
                // Never before the first visit: a factory leaves after it was visited (E706 otherwise).
                let left = random.chance(0.15) ? max(firstVisit!, day.adding(days: -100 + random.below(400))) : nil
                set.factories.append((factory, "Factory \(factoryIndex) of \(seed) & <Sons>", country, left))
            }
            return set
        }

        /// The tables as files: CSV, or JSON Lines where the data set says so.
        static func files(_ set: DataSet) -> [String: [UInt8]] {
            func table(_ index: Int, _ name: String, _ columns: [String], _ rows: [[String]]) -> (String, [UInt8]) {
                if set.jsonLines[index] {
                    let lines = rows.map { row in
                        JSONValue.object(zip(columns, row).map { ($0, .string($1)) }).serialized(pretty: false) + "\n"
                    }
                    return ("\(name).jsonl", Array(lines.joined().utf8))
                }
                // Plain RFC 4180 quoting: the input must hold the values exactly (no formula guard).
                func field(_ value: String) -> String {
                    value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
                }
                return ("\(name).csv", Array(([columns] + rows).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined().utf8))
            }
            // Factory attributes, drawn from each factory's id (so the rest of the data set is as
            // before): mostly declared values, some missing, some not declared, some factories
            // without an export licence; the miniature country's scope and its overtime cap by
            // sector read them, and whatever they withhold must not leak either.
            let factories = set.factories.map { factory -> [String] in
                var random = SampleRandom(seed: factory.id.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 })
                let sector = random.chance(0.05) ? random.pick(["", "knitwear"]) : random.pick(["garment", "garment", "garment", "footwear"])
                let licence = random.chance(0.08) ? random.pick(["", "no"]) : "yes"
                return [factory.id, factory.name, "garment", factory.country, factory.left?.description ?? "", sector, "", licence]
            }
            let assessments = set.visits.map { visit in
                [visit.id, visit.factory, visit.date.description, visit.refused == nil ? visit.method : "", String(visit.cycle),
                 visit.refused == nil ? "completed" : "refused", visit.refused?.rawValue ?? "", visit.finalised?.description ?? "",
                 visit.cycleEnds?.description ?? ""]
            }
            let answers = set.visits.flatMap { visit in (set.answers[visit.id] ?? []).map { [visit.id, $0.question, $0.text] } }
            let responses = set.responses.map { [$0.id, $0.factory, $0.assessment, $0.issue, $0.date.description, $0.text, $0.attachments.joined(separator: ";")] }
            return Dictionary(uniqueKeysWithValues: [
                table(0, "factories", DataTables.factories.columns, factories),
                table(1, "assessments", DataTables.assessments.columns, assessments),
                table(2, "answers", DataTables.answers.columns, answers),
                table(3, "responses", DataTables.responses.columns, responses),
            ])
        }

        /// The data set changed only where the public must not look, given the first run's report.
        static func perturbed(_ set: DataSet, report: InternalReport, books: [String: RuleBook], seed: UInt64) -> DataSet {
            var random = SampleRandom(seed: ~seed)
            var changed = set
            let dispositions = Dictionary(uniqueKeysWithValues: report.assessments.map { ($0.assessment, $0) })
            for visit in set.visits where visit.refused == nil {
                let book = books[visit.country]!
                let account = dispositions[visit.id]
                let hidden = account.map { $0.disposition == .superseded || ($0.disposition == .withheld && $0.reason != .incompleteData) } ?? false
                let plan = EvaluationPlan(book: book, day: visit.date)
                let critical = Set(plan.criticalSlots.map { plan.questions[$0].id })
                var rows: [(String, String)] = []
                for timeline in book.questions {
                    guard let question = timeline.value(on: visit.date) else { continue }
                    if hidden || !critical.contains(question.id) {
                        if !random.chance(0.1) { rows.append((question.id, answer(question, &random))) }
                    } else if let kept = set.answers[visit.id]?.first(where: { $0.question == question.id }) {
                        rows.append(kept)
                    }
                }
                changed.answers[visit.id] = rows
            }
            let published = Set(report.responses.filter { $0.disposition == .published }.map(\.response))
            for index in changed.responses.indices where !published.contains(changed.responses[index].id) {
                let marker = "RSP\(seed)x\(index)Z"
                changed.responses[index].text = changed.responses[index].text.contains("@")
                    ? "Mail \(marker.lowercased())@other.example now \(marker)" : "You liar \(marker)"
                if !changed.responses[index].attachments.isEmpty { changed.responses[index].attachments = ["ATT\(marker).doc"] }
            }
            return changed
        }

        struct PublicOutput: Equatable {
            var json: String
            var csv: [String]
            var html: [String]
            var all: [UInt8] { Array(([json] + csv + html).joined(separator: "\u{1}").utf8) }

            /// Every marker (`RSP…Q`, `RSP…Z`) in the public bytes, wherever it stands.
            var markers: Set<String> {
                let bytes = all
                var found: Set<String> = []
                var index = 0
                while index + 3 <= bytes.count {
                    if bytes[index] == UInt8(ascii: "R"), bytes[index + 1] == UInt8(ascii: "S"), bytes[index + 2] == UInt8(ascii: "P") {
                        var end = index + 3
                        while end < bytes.count, (bytes[end] >= 0x30 && bytes[end] <= 0x39) || bytes[end] == UInt8(ascii: "x") { end += 1 }
                        if end < bytes.count { found.insert(String(decoding: bytes[index...end], as: UTF8.self)) }
                        index = end
                    } else {
                        index += 1
                    }
                }
                return found
            }
        }

        /// The marker a generated response text carries.
        static func marker(of text: String) -> String {
            let bytes = Array(text.utf8)
            guard let start = bytes.firstRange(of: Array("RSP".utf8))?.lowerBound else { return "" }
            var end = start + 3
            while end < bytes.count, (bytes[end] >= 0x30 && bytes[end] <= 0x39) || bytes[end] == UInt8(ascii: "x") { end += 1 }
            return end < bytes.count ? String(decoding: bytes[start...end], as: UTF8.self) : ""
        }

        static func publish(_ set: DataSet, root: String) throws -> (PublishResult, PublicOutput?) {
            let folder = try Hardening.temporaryFolder("privacy")
            defer { try? FileManager.default.removeItem(at: folder) }
            try Hardening.write(files(set), under: folder)
            var publisher = Publisher(project: root, asOf: set.asOf)
            publisher.displayBase = folder.path
            let result = publisher.publish(data: folder.path)
            guard let publication = result.publication else { return (result, nil) }
            return (result, PublicOutput(json: PublicationExport.publicJSON(publication).serialized(),
                                         csv: PublicationExport.publicCSV(publication).map { "\($0.name)\n\($0.text)" },
                                         html: PortalSite.pages(publication).map { "\($0.name)\n\($0.text)" }))
        }

        /// What the generator exercised, to be sure the properties were tested on something.
        struct Tally {
            var sets = 0, shown = 0, hiddenWithAnswers = 0, escalations = 0, held = 0, published = 0, notShownResponses = 0
        }

        /// Publishes the data set and its perturbation and checks every invariant.
        static func checkInvariants(seed: UInt64, books: [String: RuleBook], root: String, factories: ClosedRange<Int>, noise: Double,
                                    tally: inout Tally) throws {
            let set = generate(seed: seed, books: books, factories: factories, noise: noise)
            let (result, output) = try publish(set, root: root)
            let publication = try #require(result.publication, "seed \(seed): generated data does not publish: \(Hardening.summary(result.diagnostics).prefix(5))")
            let first = try #require(output)
            let report = publication.report
            let everything = first.all
            let markers = first.markers

            // Nothing of an escalation is public.
            for category in Set(books.values.flatMap({ $0.zeroTolerance.compactMap { $0.periods.first?.value.id } })) {
                #expect(everything.firstRange(of: Array(category.utf8)) == nil, "seed \(seed): zero-tolerance category \(category) is public")
            }
            for field in ["escalation", "dueBy", "deadline"] {
                #expect(everything.firstRange(of: Array(field.utf8)) == nil, "seed \(seed): `\(field)` is public")
            }

            // No text of a response that is not published is public (its marker is in the text and
            // in its attachments' names); every published one is.
            let responses = Dictionary(uniqueKeysWithValues: set.responses.map { ($0.id, $0) })
            for account in report.responses {
                let marker = Self.marker(of: responses[account.response]!.text)
                #expect(!marker.isEmpty)
                if set.evasive.contains(account.response) {
                    #expect(account.disposition != .published, "seed \(seed): evasive response \(account.response) was published: \(responses[account.response]!.text)")
                }
                if account.disposition == .published {
                    #expect(markers.contains(marker), "seed \(seed): published response \(account.response) is not public")
                } else {
                    #expect(!markers.contains(marker), "seed \(seed): \(account.disposition.rawValue) response \(account.response) is public")
                }
            }

            // A shown assessment is never a factory's first.
            let firstCompleted = Dictionary(grouping: set.visits.filter { $0.refused == nil }, by: \.factory)
                .mapValues { visits in visits.min { $0.date < $1.date }!.id }
            for account in report.assessments where account.disposition == .shown {
                #expect(firstCompleted[account.factory] != account.assessment, "seed \(seed): first assessment \(account.assessment) is shown")
            }

            // The same public bytes when only what the public must not see changes.
            let changed = perturbed(set, report: report, books: books, seed: seed)
            let (secondResult, second) = try publish(changed, root: root)
            #expect(secondResult.publication != nil, "seed \(seed): perturbed data does not publish: \(Hardening.summary(secondResult.diagnostics).prefix(5))")
            if let second, second != first {
                let where_ = second.json != first.json ? "public JSON" : second.csv != first.csv ? "public CSV" : "the portal"
                Issue.record("seed \(seed): hidden answers, non-critical answers or unpublished responses changed \(where_)")
            }
            let secondMarkers = second?.markers ?? []
            let changedResponses = Dictionary(uniqueKeysWithValues: changed.responses.map { ($0.id, $0) })
            for account in secondResult.publication?.report.responses ?? [] where account.disposition != .published {
                #expect(!secondMarkers.contains(Self.marker(of: changedResponses[account.response]!.text)), "seed \(seed): perturbed response \(account.response) is public")
            }

            tally.sets += 1
            tally.shown += report.assessments.filter { $0.disposition == .shown }.count
            tally.hiddenWithAnswers += report.assessments.filter { $0.disposition == .superseded || ($0.disposition == .withheld && $0.reason != .incompleteData && $0.reason != .refusalCounted) }.count
            tally.escalations += report.escalations.count
            tally.held += report.responses.filter { $0.disposition == .held }.count
            tally.published += report.responses.filter { $0.disposition == .published }.count
            tally.notShownResponses += report.responses.filter { $0.disposition == .notShown }.count
        }

        static var miniatureSets: Int {
            Int(ProcessInfo.processInfo.environment["DISCLOSE_PRIVACY_SETS"] ?? "") ?? 2000
        }

        /// 2,000 data sets in 20 batches (run in parallel), each of 1 to 4 factories.
        @Test(arguments: 0..<20)
        func miniature(batch: Int) throws {
            let books = Self.miniature.books
            try #require(books.count == 3, "the miniature project does not check")
            var tally = Tally()
            let perBatch = max(1, Self.miniatureSets / 20)
            for index in 0..<perBatch {
                try Self.checkInvariants(seed: UInt64(batch * perBatch + index), books: books, root: Self.miniature.root, factories: 1...4, noise: 1, tally: &tally)
            }
            #expect(tally.sets == perBatch)
            #expect(tally.shown > 0 && tally.hiddenWithAnswers > 0 && tally.escalations > 0 && tally.held > 0 && tally.published > 0 && tally.notShownResponses > 0,
                    "the generator did not exercise every case: \(tally)")
        }

        /// 24 data sets of 20 to 60 factories each over the shipped rules of every publishing country.
        @Test(arguments: 0..<4)
        func shipped(batch: Int) throws {
            let books = Self.shipped.books
            try #require(!books.isEmpty)
            var tally = Tally()
            for index in 0..<6 {
                try Self.checkInvariants(seed: 1_000_000 + UInt64(batch * 6 + index), books: books, root: Self.shipped.root, factories: 20...60, noise: 0.05, tally: &tally)
            }
            #expect(tally.shown > 0 && tally.escalations > 0 && tally.held > 0 && tally.published > 0, "the generator did not exercise every case: \(tally)")
        }
    }
}
