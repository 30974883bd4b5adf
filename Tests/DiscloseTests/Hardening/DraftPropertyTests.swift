@testable import Disclose
@testable import DisclosePortal
@testable import DiscloseSample
import Foundation
import Testing

extension Hardening {
    /// No draft reaches a public output, as a property over random rule sets (grammar.md §5).
    ///
    /// Each seed writes a miniature project: a catalogue of yes-no questions, a baseline of
    /// issues, and a country whose own issues, title changes, withdrawals, `titles` entries and
    /// launch each cite one of five decisions with a random status (adopted, proposed, rejected,
    /// superseded) and date; each decision publishes a random part of the issues; some own issues
    /// are dated, some before their decision. Every factory answers every question non-compliantly,
    /// so every issue in force is raised. Published, the public JSON, CSV files and portal pages
    /// must hold no id or text of an item whose decision (by the rule computed here, apart from
    /// the checker's) is not adopted on or before its start, and nothing of a country not launched;
    /// the preview must hold every item the public view leaves out.
    @Suite struct DraftPropertyTests {
        static let seeds: [UInt64] = Array(1...40)
        static let questions = 12
        static let asOf = Day(iso: "2025-06-30")!

        /// One decision of the generated register.
        struct GeneratedDecision {
            var id: String
            var status: DecisionStatus
            var date: Day
            var publishes: Set<String> = []
            var isAdopted: Bool { status == .adopted }
        }

        /// One item of the country file, with the texts only it brings into an output.
        struct Item {
            var kind: String
            var id: String
            var decision: Int
            var from: Day?
            /// Texts that appear in a public output only if the item is adopted.
            var markers: [String]
        }

        struct Project {
            var files: [String: [UInt8]] = [:]
            var decisions: [GeneratedDecision] = []
            var launch = 0
            var items: [Item] = []
            var baseline: [String] = []
        }

        static func generate(seed: UInt64) -> Project {
            var random = SampleRandom(seed: seed &* 0x9E37_79B9 &+ 101)
            var project = Project()
            func day(_ years: ClosedRange<Int>) -> Day {
                Day(year: random.int(years), month: random.int(1...12), day: random.int(1...28))!
            }
            let statuses: [DecisionStatus] = [.adopted, .adopted, .proposed, .rejected, .superseded]
            project.decisions = (0..<5).map { GeneratedDecision(id: "ZA-D\($0)-\(seed)", status: random.pick(statuses), date: day(2014...2024)) }
            project.decisions[0].status = random.chance(0.8) ? .adopted : .proposed
            project.launch = random.chance(0.75) ? 0 : random.int(1...4)

            var catalogue = "cluster C\n  title en \"Cluster\"\n\npoint C-P in C\n  title en \"Point\"\n"
            for index in 0..<questions {
                catalogue += "\nquestion Q-\(index) in C-P\n  text en \"Question \(index)\"\n  answer yes-no\n  non-compliant when yes\n"
            }
            var baseline = "include \"catalogue.disclose\"\n"
            for index in 0..<6 {
                let id = "BI-\(index)-Q"
                project.baseline.append(id)
                baseline += "\nissue \(id)\n  title en \"Baseline \(index) title BT\(index)Q\"\n  title fr \"Titre de base \(index)\"\n  category wages\n  raised when Q-\(index) is non-compliant\n"
            }
            var country = """
                country ZA
                  title en "Zed"
                  title fr "Zède"
                  languages en, fr
                  status decided
                  decided by \(project.decisions[project.launch].id)

                include "../rules/baseline.disclose"
                include "ZA-decisions.disclose"

                """
            // Own issues: some dated, some before their decision.
            for index in 0..<5 {
                let id = "OI-\(index)-Q"
                let decision = random.int(0...4)
                var from: Day?
                if random.chance(0.4) { from = day(2013...2024) }
                // `check` refuses an item that starts before its adopted decision (E508).
                if project.decisions[decision].isAdopted, from.map({ $0 < project.decisions[decision].date }) ?? true {
                    from = project.decisions[decision].date
                }
                project.items.append(Item(kind: "issue", id: id, decision: decision, from: from, markers: [id, "Own title OT\(index)Q"]))
                country += "\nissue \(id)\n  title en \"Own title OT\(index)Q\"\n  title fr \"Titre propre \(index)\"\n  category wages\n"
                country += "  raised when Q-\(6 + index) is non-compliant\n  decided by \(project.decisions[decision].id)\n"
                if let from { country += "  from \(from)\n" }
                if random.chance(0.7) { project.decisions[decision].publishes.insert(id) }
            }
            // Each baseline issue: published by some decisions; changed, withdrawn or neither.
            var titles: [(id: String, marker: String)] = []
            for (index, id) in project.baseline.enumerated() {
                for decision in project.decisions.indices where random.chance(0.4) { project.decisions[decision].publishes.insert(id) }
                let decision = random.int(0...4)
                let from: Day? = project.decisions[decision].isAdopted ? project.decisions[decision].date : nil
                let dated = from.map { "  from \($0)\n" } ?? ""
                switch random.int(0...2) {
                case 0:
                    project.items.append(Item(kind: "change issue", id: id, decision: decision, from: from, markers: ["Changed title CT\(index)Q"]))
                    country += "\nchange issue \(id)\n  title en \"Changed title CT\(index)Q\"\n  reason \"Reworded\"\n  decided by \(project.decisions[decision].id)\n" + dated
                case 1:
                    project.items.append(Item(kind: "withdraw issue", id: id, decision: decision, from: from, markers: []))
                    country += "\nwithdraw issue \(id)\n  reason \"Withdrawn\"\n  decided by \(project.decisions[decision].id)\n" + dated
                default:
                    break
                }
                if random.chance(0.5) { titles.append((id, "FT\(index)Q")) }
            }
            if !titles.isEmpty {
                let decision = random.int(0...4)
                country += "\ntitles fr\n  decided by \(project.decisions[decision].id)\n"
                for title in titles {
                    project.items.append(Item(kind: "title", id: title.id, decision: decision, from: nil, markers: [title.marker]))
                    country += "  \(title.id) \"Titre en projet \(title.marker)\"\n"
                }
            }
            var register = ""
            for decision in project.decisions {
                let status = decision.status == .superseded ? "superseded by \(project.decisions[0].id)" : decision.status.rawValue
                register += "\ndecision \(decision.id)\n  title en \"Decision\"\n  status \(status)\n  on \(decision.date)\n"
                if !decision.publishes.isEmpty { register += "  publishes \(decision.publishes.sorted().joined(separator: ", "))\n" }
            }
            var factories = "factory_id,name,type,country,left_on\n"
            var assessments = "assessment_id,factory_id,assessed_on,method,cycle,status,refusal_reason,finalised_on,cycle_ends_on\n"
            var answers = "assessment_id,question_id,answer\n"
            for factory in 0..<3 {
                let id = "ZF\(factory)-\(seed)-Q"
                factories += "\(id),Factory \(factory),garment,ZA,\n"
                for (number, date) in ["2024-01-10", "2025-01-10"].enumerated() {
                    let assessment = "\(id)-A\(number)"
                    assessments += "\(assessment),\(id),\(date),on-site,\(number + 1),completed,,\(date),\n"
                    for question in 0..<questions { answers += "\(assessment),Q-\(question),yes\n" }
                }
            }
            project.files = [
                "rules/catalogue.disclose": Array(catalogue.utf8), "rules/baseline.disclose": Array(baseline.utf8),
                "countries/ZA.disclose": Array(country.utf8), "countries/ZA-decisions.disclose": Array(register.utf8),
                "data/factories.csv": Array(factories.utf8), "data/assessments.csv": Array(assessments.utf8), "data/answers.csv": Array(answers.utf8),
            ]
            return project
        }

        /// The rule, computed apart from the checker: an item is adopted when its decision is
        /// adopted and dated on or before the item's start (an undated item starts with it).
        static func isAdopted(_ item: Item, _ project: Project) -> Bool {
            let decision = project.decisions[item.decision]
            guard decision.isAdopted else { return false }
            if let from = item.from { return decision.date <= from }
            return true
        }

        static func outputs(_ publication: Publication) -> String {
            ([PublicationExport.publicJSON(publication).serialized()] + PublicationExport.publicCSV(publication).map(\.text)
                + PortalSite.pages(publication).flatMap { [$0.name, $0.text] }).joined(separator: "\u{1}")
        }

        @Test(arguments: seeds)
        func noDraftIsPublic(seed: UInt64) throws {
            let project = Self.generate(seed: seed)
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-drafts-\(seed)-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: root) }
            try Hardening.write(project.files, under: root)
            var publisher = Publisher(project: root.path, asOf: Self.asOf)
            publisher.displayBase = root.path
            let result = publisher.publish(data: root.appendingPathComponent("data").path)
            let shown = try #require(result.publication, "seed \(seed): \(Hardening.summary(result.diagnostics))")
            publisher.preview = true
            let preview = try #require(publisher.publish(data: root.appendingPathComponent("data").path).publication)
            let publicText = Self.outputs(shown)
            let previewText = Self.outputs(preview)

            let launch = project.decisions[project.launch]
            let launched = launch.isAdopted && launch.date <= Self.asOf
            if !launched {
                #expect(shown.countries.isEmpty, "seed \(seed): a country not launched is public")
                #expect(!publicText.contains("ZF0-\(seed)-Q"), "seed \(seed): a factory of a country not launched is public")
            }
            for item in project.items where !Self.isAdopted(item, project) {
                for marker in item.markers {
                    #expect(!publicText.contains(marker), "seed \(seed): draft \(item.kind) \(item.id) (\(project.decisions[item.decision].status), on \(project.decisions[item.decision].date), from \(item.from?.description ?? "-")) shows `\(marker)`")
                    // The preview shows what it changes, unless a withdrawal in force hides the issue.
                    if item.kind != "title" && item.kind != "change issue" {
                        #expect(previewText.contains(marker), "seed \(seed): draft \(item.kind) \(item.id) missing from the preview")
                    }
                }
                #expect(shown.report.drafts.contains { $0.id.hasPrefix(item.id) && $0.kind == item.kind }, "seed \(seed): draft \(item.kind) \(item.id) not reported")
            }
            // A baseline issue is public only through an adopted decision that publishes it.
            for id in project.baseline where !project.decisions.contains(where: { $0.isAdopted && $0.publishes.contains(id) }) {
                #expect(!publicText.contains(id), "seed \(seed): baseline issue \(id), published by no adopted decision, is public")
            }
            // And the adopted part is public: an adopted own issue dated before the assessments shows.
            if launched {
                for item in project.items where item.kind == "issue" && Self.isAdopted(item, project) {
                    let start = item.from ?? project.decisions[item.decision].date
                    if start <= Day(iso: "2025-01-10")! { #expect(publicText.contains(item.id), "seed \(seed): adopted issue \(item.id) is not public") }
                }
            }
        }
    }
}
