import Disclose
import Foundation

/// Builds the sample's records, country by country and factory by factory. Each factory
/// draws from its own random stream, keyed by the seed and its id, so a factory's data does
/// not depend on how many numbers the factories before it drew.
struct SampleGenerator {
    let seed: UInt64
    let scale: Double

    struct Tables {
        var factories: [SampleFactory] = []
        var assessments: [SampleAssessment] = []
        var responses: [SampleResponse] = []
    }

    mutating func run(_ countries: [(code: String, book: RuleBook)]) -> Tables {
        let contexts = countries.map { SampleCountry(code: $0.code, book: $0.book) }
        // Each scenario goes to the country it names, or else to the countries in turn.
        var scenarios: [[SampleScenario]] = Array(repeating: [], count: contexts.count)
        for (index, scenario) in SampleScenario.all.enumerated() {
            let target = scenario.country.flatMap { code in contexts.firstIndex { $0.code == code } } ?? index % contexts.count
            scenarios[target].append(scenario)
        }
        var tables = Tables()
        var names = Set<String>()
        for (position, country) in contexts.enumerated() {
            let size = Double(SampleFigures.programmeSize(country.code)) * scale * SampleFigures.factoriesPerProgrammeFactory
            let ordinary = Int(size.rounded())
            let total = ordinary + scenarios[position].count
            let width = max(4, String(total).count)
            for number in stride(from: 1, through: total, by: 1) {
                let scenario = number > ordinary ? scenarios[position][number - ordinary - 1] : nil
                let id = country.code + "-" + SampleGenerator.padded(number, width)
                var generator = SampleFactoryGenerator(seed: seed, id: id, country: country, scenario: scenario)
                let (generated, assessments, responses) = generator.generate(avoiding: names)
                var factory = generated
                if names.contains(factory.name) {
                    var suffix = 2
                    while names.contains("\(factory.name) No. \(suffix)") { suffix += 1 }
                    factory.name = "\(factory.name) No. \(suffix)"
                }
                names.insert(factory.name)
                tables.factories.append(factory)
                tables.assessments += assessments
                tables.responses += responses
            }
        }
        tables.factories.sort { $0.factoryID < $1.factoryID }
        tables.assessments.sort { $0.assessmentID < $1.assessmentID }
        tables.responses.sort { $0.responseID < $1.responseID }
        return tables
    }

    static func padded(_ number: Int, _ width: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}

/// What the generator needs to know of one country's rule book.
struct SampleCountry {
    let code: String
    let book: RuleBook
    /// Questions that trigger the zero-tolerance protocol, in any period.
    let zeroTolerance: Set<Int>
    /// The cluster of each compliance point.
    let clusterOfPoint: [String: String]

    init(code: String, book: RuleBook) {
        self.code = code
        self.book = book
        zeroTolerance = Set(book.zeroTolerance.flatMap { $0.periods.flatMap(\.value.questions) })
        var clusters: [String: String] = [:]
        for point in book.points { clusters[point.id] = point.cluster }
        clusterOfPoint = clusters
    }

    /// The questions in force on `day`, in catalogue order, and grouped by compliance point
    /// (groups in order of first appearance).
    func questions(on day: Day) -> (all: [Question], groups: [(point: String, questions: [Question])]) {
        var all: [Question] = []
        var groups: [(point: String, questions: [Question])] = []
        var groupOfPoint: [String: Int] = [:]
        for timeline in book.questions {
            guard let question = timeline.value(on: day) else { continue }
            all.append(question)
            if let group = groupOfPoint[question.point] {
                groups[group].questions.append(question)
            } else {
                groupOfPoint[question.point] = groups.count
                groups.append((question.point, [question]))
            }
        }
        return (all, groups)
    }

    /// The number or day a comparison operand stands for on `day`.
    func threshold(_ operand: Operand, on day: Day, factory: [String: String] = [:]) -> (number: Double?, day: Day?) {
        switch operand {
        case .number(let value, _): return (value, nil)
        case .date(let date): return (nil, date)
        case .parameter(let name):
            var value = book.parameter(name, on: day)
            // A value by attribute: the factory's own, or the one for other factories.
            if case .byAttribute(let attribute, let values, let otherwise)? = value {
                value = factory[attribute].flatMap { given in values.first { $0.key.lowercased() == given.lowercased() }?.value } ?? otherwise ?? value?.representative
            }
            switch value {
            case .quantity(let value, _)?: return (value, nil)
            case .date(let date)?: return (nil, date)
            default: return (nil, nil)
            }
        }
    }

    // MARK: Evaluating answers, to respond to issues actually raised

    func isNonCompliant(_ question: Question, _ answer: Answer?, on day: Day, factory: [String: String] = [:]) -> Bool {
        guard let answer, answer != .notApplicable else { return false }
        switch question.violation {
        case .yes: return answer == .yes
        case .no: return answer == .no
        case .choices(let choices):
            if case .choice(let choice) = answer { return choices.contains(choice) }
            return false
        case .comparison(let comparison, let operand):
            return compare(answer, comparison, operand, on: day, factory: factory)
        case .informational:
            return false
        }
    }

    func compare(_ answer: Answer?, _ comparison: Comparison, _ operand: Operand, on day: Day, factory: [String: String] = [:]) -> Bool {
        let limit = threshold(operand, on: day, factory: factory)
        switch (answer, limit.number, limit.day) {
        case (.number(let value)?, let number?, _):
            switch comparison {
            case .above, .after: return value > number
            case .below, .before: return value < number
            case .atLeast: return value >= number
            case .atMost: return value <= number
            }
        case (.date(let value)?, _, let date?):
            switch comparison {
            case .above, .after: return value > date
            case .below, .before: return value < date
            case .atLeast: return value >= date
            case .atMost: return value <= date
            }
        default:
            return false
        }
    }

    func holds(_ condition: RuleCondition, _ answers: [Answer?], on day: Day, factory factoryAttributes: [String: String] = [:]) -> Bool {
        func status(_ index: Int, _ wanted: QuestionStatus) -> Bool {
            guard index < answers.count, let answer = answers[index], let question = book.questions[index].value(on: day) else {
                return false
            }
            switch wanted {
            case .notApplicable: return answer == .notApplicable
            case .nonCompliant: return isNonCompliant(question, answer, on: day, factory: factoryAttributes)
            case .compliant: return answer != .notApplicable && !isNonCompliant(question, answer, on: day, factory: factoryAttributes)
            }
        }
        func answer(_ index: Int) -> Answer? { index < answers.count ? answers[index] : nil }
        switch condition {
        case .status(let question, let wanted): return status(question, wanted)
        case .quantified(.any, let questions, let wanted): return questions.contains { status($0, wanted) }
        case .quantified(.all, let questions, let wanted): return questions.allSatisfy { status($0, wanted) }
        case .answer(let question, .yes): return answer(question) == .yes
        case .answer(let question, .no): return answer(question) == .no
        case .answer(let question, .choice(let choice)): return answer(question) == .choice(choice)
        case .comparison(let question, let comparison, let operand): return compare(answer(question), comparison, operand, on: day, factory: factoryAttributes)
        case .attribute(let index, let value):
            // The generator's answers do not depend on the factory: its attributes are judged as the data gives them.
            guard let given = factoryAttributes[book.attributes[index].name] else { return false }
            return given.lowercased() == value.lowercased()
        case .not(let inner): return !holds(inner, answers, on: day, factory: factoryAttributes)
        case .and(let parts): return parts.allSatisfy { holds($0, answers, on: day, factory: factoryAttributes) }
        case .or(let parts): return parts.contains { holds($0, answers, on: day, factory: factoryAttributes) }
        }
    }

    /// The public issues the answers raise on `day`.
    func raisedIssues(_ answers: [Answer?], on day: Day, factory: [String: String] = [:]) -> [Issue] {
        book.publicIssues(on: day).filter { holds($0.condition, answers, on: day, factory: factory) }
    }
}

/// A factory made on purpose to exercise one rule of the policy, or one kind of hostile
/// input. The scenarios come on top of the random factories, at any scale.
struct SampleScenario: Sendable {
    enum Slot: Sendable {
        case completed
        case refused(RefusalReason)
        /// Refused, then assessed a few weeks later in the same cycle.
        case refusedThenCompleted(RefusalReason)
    }

    enum Exit: Sendable {
        case stays
        /// Leaves during the cycle of its last assessment.
        case leavesWithinCycle
        /// Leaves some months after its last assessment, perhaps after its cycle ended.
        case leavesLater
    }

    var tag: String
    var country: String? = nil
    var slots: [Slot] = [.completed, .completed]
    var exit: Exit = .stays
    var knowsCycleEnds: Bool? = nil
    var lastFinalised = true
    /// Questions answered as violations, by slot.
    var forced: [(slot: Int, question: String)] = []
    var name: String? = nil
    var type: String? = nil
    /// A response moderation must hold, on the last finalised assessment.
    var hold: SampleHoldReason? = nil
    /// A fixed response text, on the last finalised assessment.
    var response: String? = nil
    /// Virtual assessments during the pandemic, hybrid ones after.
    var remoteMethods = false

    static let all: [SampleScenario] = [
        SampleScenario(tag: "first-assessment-zero-tolerance", slots: [.completed],
                       forced: [(0, "CHL-LAB-01"), (0, "CHL-LAB-02")]),
        SampleScenario(tag: "two-unexcused-refusals", slots: [.completed, .completed, .refused(.none), .refused(.none)],
                       hold: .phoneNumber),
        SampleScenario(tag: "unexcused-and-excused-refusal",
                       slots: [.completed, .completed, .refused(.none), .refused(.forceMajeure)]),
        SampleScenario(tag: "refused-force-majeure", slots: [.completed, .refusedThenCompleted(.forceMajeure), .completed],
                       hold: .emailAddress),
        SampleScenario(tag: "refused-other-audits", slots: [.completed, .completed, .refusedThenCompleted(.otherAuditsSameDay)],
                       hold: .personName),
        SampleScenario(tag: "left-within-cycle", slots: [.completed, .completed, .completed], exit: .leavesWithinCycle,
                       knowsCycleEnds: true, hold: .identityNumber),
        SampleScenario(tag: "left-without-cycle-end", exit: .leavesLater, knowsCycleEnds: false),
        SampleScenario(tag: "report-not-finalised", slots: [.completed, .completed, .completed], lastFinalised: false,
                       hold: .insult),
        SampleScenario(tag: "forced-labour-zero-tolerance", slots: [.completed, .completed, .completed],
                       forced: [(2, "FOR-COE-01")], hold: .groupAttack),
        SampleScenario(tag: "script-in-name", name: "\(SampleText.script) Garment Co., Ltd.",
                       response: "The exits were cleared on the day of the assessment. \(SampleText.script)"),
        SampleScenario(tag: "formula-in-name", name: "=HYPERLINK(\"https://example.com\",\"Sunrise Apparel\")",
                       response: "=SUM(A1:A9) The emergency exits are now unlocked during working hours."),
        SampleScenario(tag: "quotes-in-name", slots: [.completed, .completed, .completed],
                       name: "The \"Lucky Star\" Garment Factory, Ltd.",
                       response: "Actions taken:\n1. Boxes removed from the escape route.\n2. The \"locked door\" in the report was a storeroom, not an exit."),
        SampleScenario(tag: "vietnamese-text", country: "VN", name: "Công ty TNHH May Mặc Sông Hồng Xanh",
                       response: "Lối thoát hiểm ở tầng hai đã được dọn thông thoáng; có ảnh đính kèm."),
        SampleScenario(tag: "khmer-text", country: "KH", name: "រោងចក្រកាត់ដេរ ផ្កាឈូកមាស",
                       response: "ទ្វារចេញពេលមានអាសន្ននៅជាន់ទីពីរត្រូវបានបើកហើយ។"),
        SampleScenario(tag: "arabic-text", country: "JO", name: "مصنع زهرة الصحراء للألبسة",
                       response: "تم فتح مخرج الطوارئ في الطابق الثاني وإزالة العوائق؛ الصورة مرفقة."),
        SampleScenario(tag: "bengali-text", country: "JO", response: SampleText.bengaliResponse),
        SampleScenario(tag: "remote-methods", slots: Array(repeating: .completed, count: 6), remoteMethods: true),
        SampleScenario(tag: "footwear", country: "ID", type: "footwear"),
    ]
}

/// Generates one factory, its assessments and its responses.
struct SampleFactoryGenerator {
    let id: String
    let country: SampleCountry
    let scenario: SampleScenario?
    let factorySeed: UInt64
    var random: SampleRandom
    /// How much worse (above 1) or better than the country's average the factory does.
    let propensity: Double
    /// Whether its answers are exported as `Yes`, `No`, `N/A`.
    let spreadsheetStyle: Bool
    /// Its attributes (`sector`, `province`, `export_licence`), drawn in `generate`.
    var attributes: [String: String] = [:]

    init(seed: UInt64, id: String, country: SampleCountry, scenario: SampleScenario?) {
        self.id = id
        self.country = country
        self.scenario = scenario
        factorySeed = SampleRandom.mix(seed, SampleRandom.hash(id))
        random = SampleRandom(seed: factorySeed)
        propensity = 0.5 + random.unit()
        spreadsheetStyle = random.chance(0.05)
    }

    private struct Event {
        var day: Day
        var cycle: Int
        var slot: Int
        var refusal: RefusalReason?
        var cycleEnd: Day?
    }

    /// The factory, its assessments and responses; its name is drawn again (a few times) while
    /// it is one of `names`.
    mutating func generate(avoiding names: Set<String>) -> (SampleFactory, [SampleAssessment], [SampleResponse]) {
        let code = country.code
        let type = scenario?.type ?? (random.chance(SampleFigures.footwearShare(code)) ? "footwear" : random.chance(0.01) ? "textile" : "garment")
        // Drawn from a stream of their own, so that adding them left every other figure as it was.
        var attributeRandom = SampleRandom(seed: SampleRandom.mix(factorySeed, SampleRandom.hash("attributes")))
        attributes = SampleFigures.attributes(country: code, type: type, random: &attributeRandom)
        var name = scenario?.name ?? SampleText.factoryName(country: code, type: type, random: &random)
        for _ in 0..<6 where scenario?.name == nil && names.contains(name) {
            name = SampleText.factoryName(country: code, type: type, random: &random)
        }
        let knowsCycleEnds = scenario?.knowsCycleEnds ?? random.chance(0.6)
        let exit: SampleScenario.Exit = scenario?.exit ?? (random.chance(0.08) ? .leavesLater : .stays)

        // Visits about a year apart, ending recently for a factory still in the programme.
        let days = planDays(count: scenario?.slots.count ?? randomSlotCount(), leaves: exit != .stays)
        var slots = scenario?.slots ?? []
        if scenario == nil {
            for index in days.indices { slots.append(randomSlot(index, after: slots.last)) }
        }
        var events: [Event] = []
        for (index, slot) in slots.prefix(days.count).enumerated() {
            let day = days[index]
            let cycleEnd = knowsCycleEnds ? day.adding(days: random.int(240...300)) : nil
            switch slot {
            case .completed:
                events.append(Event(day: day, cycle: index + 1, slot: index, cycleEnd: cycleEnd))
            case .refused(let reason):
                events.append(Event(day: day, cycle: index + 1, slot: index, refusal: reason, cycleEnd: cycleEnd))
            case .refusedThenCompleted(let reason):
                events.append(Event(day: day, cycle: index + 1, slot: index, refusal: reason, cycleEnd: cycleEnd))
                events.append(Event(day: day.adding(days: random.int(14...60)), cycle: index + 1, slot: index, cycleEnd: cycleEnd))
            }
        }

        var assessments: [SampleAssessment] = []
        var raw: [Int: [Answer?]] = [:]  // by position in `assessments`, for responses
        let lastCompleted = events.lastIndex { $0.refusal == nil }
        for (position, event) in events.enumerated() {
            let assessmentID = id + "-" + SampleGenerator.padded(position + 1, 2)
            guard event.refusal == nil else {
                assessments.append(SampleAssessment(assessmentID: assessmentID, factoryID: id, assessedOn: event.day, method: nil,
                                                    cycle: event.cycle, status: .refused, refusalReason: event.refusal,
                                                    finalisedOn: nil, cycleEndsOn: event.cycleEnd, answers: []))
                continue
            }
            var finalised: Day? = event.day.adding(days: random.int(14...45))
            if let day = finalised, day > SampleFigures.lastDay { finalised = nil }
            if position == lastCompleted {
                if let scenario {
                    finalised = scenario.lastFinalised ? min(finalised ?? SampleFigures.lastDay, SampleFigures.lastDay) : nil
                } else if random.chance(0.06) {
                    finalised = nil
                }
            }
            let forced = (scenario?.forced ?? []).filter { $0.slot == event.slot }.map(\.question)
            let (rows, answers) = answer(on: event.day, cycle: event.cycle, forced: forced, visit: position)
            raw[assessments.count] = answers
            assessments.append(SampleAssessment(assessmentID: assessmentID, factoryID: id, assessedOn: event.day,
                                                method: method(on: event.day), cycle: event.cycle, status: .completed,
                                                refusalReason: nil, finalisedOn: finalised, cycleEndsOn: event.cycleEnd,
                                                answers: rows))
        }

        var leftOn: Day?
        if exit != .stays, let last = events.last {
            switch exit {
            case .leavesWithinCycle:
                let start = (assessments.last?.finalisedOn ?? last.day).adding(days: 10)
                leftOn = random.day(start, max(start, (last.cycleEnd ?? start.adding(days: 200)).adding(days: -20)))
            default:
                leftOn = last.day.adding(days: random.int(45...400))
            }
            leftOn = min(leftOn!, SampleFigures.lastDay)
        }

        let responses = respond(to: assessments, raw: raw)
        var factory = SampleFactory(factoryID: id, name: name, type: type, country: code, leftOn: leftOn, scenario: scenario?.tag)
        factory.sector = attributes["sector"]
        factory.province = attributes["province"]
        factory.exportLicence = attributes["export_licence"]
        return (factory, assessments, responses)
    }

    // MARK: Visits

    /// Assessments per factory: [I] the Cambodian database holds 1,580 reports for 579
    /// factories (2.7 each, betterwork.md 3.2); 42 of 465 factories had fewer than 2.
    private mutating func randomSlotCount() -> Int {
        1 + random.weighted([0.25, 0.27, 0.2, 0.12, 0.07, 0.05, 0.02, 0.02])
    }

    /// [I] A refusal at about one visit in twenty; a factory that refused without excuse
    /// often refuses again.
    private mutating func randomSlot(_ index: Int, after previous: SampleScenario.Slot?) -> SampleScenario.Slot {
        if case .refused(.none)? = previous, random.chance(0.3) { return .refused(.none) }
        guard random.chance(index == 0 ? 0.015 : 0.045) else { return .completed }
        let reason: RefusalReason = [.none, .forceMajeure, .otherAuditsSameDay][random.weighted([0.5, 0.3, 0.2])]
        return random.chance(0.6) ? .refusedThenCompleted(reason) : .refused(reason)
    }

    /// Visit days about a year apart (assessments are annual: betterwork.md 1.1), ending in
    /// the last year for a factory still in the programme, earlier for one that left.
    private mutating func planDays(count: Int, leaves: Bool) -> [Day] {
        let last = leaves
            ? random.day(Day(year: scenario == nil ? 2016 : 2021, month: 6, day: 1)!, Day(year: 2025, month: 6, day: 30)!)
            : random.day(Day(year: 2024, month: 12, day: 1)!, Day(year: 2025, month: 10, day: 20)!)
        var days = [last]
        while days.count < count {
            let previous = days[days.count - 1].adding(days: -random.int(330...400))
            if previous < SampleFigures.firstDay { break }
            days.append(previous)
        }
        return days.reversed()
    }

    /// [C] Online assessments were used during COVID (Vietnam updates, betterwork.md 3.1);
    /// [I] the shares, and hybrid assessments in the years after.
    private mutating func method(on day: Day) -> SampleMethod {
        let pandemic = Day(year: 2020, month: 4, day: 1)!...Day(year: 2021, month: 12, day: 31)!
        let after = Day(year: 2022, month: 1, day: 1)!...Day(year: 2023, month: 12, day: 31)!
        if scenario?.remoteMethods == true {
            return pandemic.contains(day) ? .virtual : after.contains(day) ? .hybrid : .onSite
        }
        let weights: [Double] = pandemic.contains(day) ? [0.3, 0.55, 0.15] : after.contains(day) ? [0.88, 0.02, 0.1]
            : day > after.upperBound ? [0.97, 0, 0.03] : [1, 0, 0]
        return [SampleMethod.onSite, .virtual, .hybrid][random.weighted(weights)]
    }

    // MARK: Answers

    /// Whether a property of the factory (a union, a dormitory, migrant workers) holds. Stable
    /// across assessments, except strikes, which are events.
    private func has(_ property: String, share: Double, visit: Int) -> Bool {
        switch property {
        case "collective-agreement":
            return has("union", share: SampleFigures.unionShare(country.code), visit: visit)
                && SampleRandom.unit(seed: factorySeed, key: property) < 0.7
        case "strike":
            return has("union", share: SampleFigures.unionShare(country.code), visit: visit)
                && SampleRandom.unit(seed: factorySeed, key: "strike/\(visit)") < share
        default:
            return SampleRandom.unit(seed: factorySeed, key: property) < share
        }
    }

    /// Answers every question in force on `day`: per compliance point, the point is found
    /// non-compliant with the published rate for its country and cycle, and then one or more
    /// of its applicable questions carry the violation.
    private mutating func answer(on day: Day, cycle: Int, forced: [String], visit: Int) -> ([SampleAnswer], [Answer?]) {
        let book = country.book
        let (questions, groups) = country.questions(on: day)
        var violates = [Bool](repeating: false, count: book.questions.count)
        var notApplicable = [Bool](repeating: false, count: book.questions.count)
        let published = Set(book.publicIssues(on: day).flatMap(\.condition.questions))
        for (point, members) in groups {
            var applicable: [Question] = []
            for question in members {
                if question.allowsNotApplicable {
                    let applies: Bool
                    if let rule = SampleFigures.applicability(question: question.id, country: country.code) {
                        applies = has(rule.property, share: rule.share, visit: visit)
                    } else {
                        applies = !random.chance(0.08)
                    }
                    if !applies {
                        notApplicable[question.index] = true
                        continue
                    }
                }
                applicable.append(question)
            }
            guard !applicable.isEmpty else { continue }
            let cluster = country.clusterOfPoint[point] ?? String(point.prefix(3))
            let base = SampleFigures.rate(point: point, cluster: cluster, country: country.code, cycle: cycle)
            let clusterFactor = 0.7 + 0.6 * SampleRandom.unit(seed: factorySeed, key: "cluster/" + cluster)
            guard random.chance(min(0.97, base * propensity * clusterFactor)) else { continue }
            // Zero-tolerance questions are rare even where their point is common (locked
            // exits among emergency-preparedness findings, corporal punishment among
            // discipline findings). Publicly reported questions are found less often than the
            // rest of their point: [C] public reporting raised compliance on the publicly
            // reported issues by 57% in Cambodia, where factories compliant with all 21
            // critical issues rose from 28% to 47% (betterwork.md 4.2).
            let leading = SampleFigures.leadingQuestion(point: point, country: country.code)
            let weights = applicable.map { question -> Double in
                if question.id == leading { return 50 }
                if country.zeroTolerance.contains(question.index) && base >= 0.05 { return 0.01 }
                if published.contains(question.index) { return cycle == 1 ? 0.45 : 0.3 }
                return 1
            }
            let first = random.weighted(weights)
            violates[applicable[first].index] = true
            for (position, question) in applicable.enumerated() where position != first {
                if random.chance(min(1, 0.3 * weights[position])) { violates[question.index] = true }
            }
        }
        for id in forced {
            guard let index = book.questionIndex[id] else { continue }
            violates[index] = true
            notApplicable[index] = false
        }
        // Child labour answers agree with each other: an underage worker found means a
        // youngest age below the minimum, and remediation applies only where child labour was found.
        let index = { (id: String) in book.questionIndex[id] }
        if let lab01 = index("CHL-LAB-01"), let lab02 = index("CHL-LAB-02") {
            if violates[lab02] { violates[lab01] = true }
            if violates[lab01] && !violates[lab02] && random.chance(0.6) { violates[lab02] = true }
        }
        if let lab05 = index("CHL-LAB-05"), book.questions[lab05].value(on: day)?.allowsNotApplicable == true {
            let found = ["CHL-LAB-01", "CHL-LAB-02", "CHL-LAB-03", "CHL-LAB-04"].contains { index($0).map { violates[$0] } ?? false }
            notApplicable[lab05] = !found
            violates[lab05] = found && random.chance(0.4)
        }

        var rows: [SampleAnswer] = []
        rows.reserveCapacity(questions.count)
        var answers = [Answer?](repeating: nil, count: book.questions.count)
        for question in questions {
            let value = notApplicable[question.index] ? Answer.notApplicable : answer(question, violates: violates[question.index], on: day)
            answers[question.index] = value
            rows.append(SampleAnswer(questionID: question.id, answer: text(value)))
        }
        return (rows, answers)
    }

    private mutating func answer(_ question: Question, violates: Bool, on day: Day) -> Answer {
        switch question.answer {
        case .yesNo:
            switch question.violation {
            case .yes: return violates ? .yes : .no
            case .no: return violates ? .no : .yes
            default: return .no
            }
        case .choice(let options):
            guard case .choices(let bad) = question.violation else { return .choice(options[0]) }
            let violating = options.filter { bad.contains($0) }
            let compliant = options.filter { !bad.contains($0) }
            if violates, !violating.isEmpty { return .choice(random.pick(violating)) }
            guard !compliant.isEmpty else { return .choice(random.pick(options)) }
            // The first compliant choice is the usual one (written contracts, bank transfer).
            return .choice(random.chance(0.6) ? compliant[0] : random.pick(compliant))
        case .number(let unit):
            guard case .comparison(let comparison, let operand) = question.violation,
                let limit = country.threshold(operand, on: day, factory: attributes).number
            else { return .number(Double(random.int(0...20))) }
            return .number(number(unit: unit, comparison, limit, violates: violates))
        case .date:
            guard case .comparison(let comparison, let operand) = question.violation,
                let limit = country.threshold(operand, on: day, factory: attributes).day
            else { return .date(day.adding(days: -random.int(0...365))) }
            let late = comparison == .above || comparison == .after || comparison == .atLeast
            let offset = random.int(1...365)
            // A late date violates `after`; an early one violates `before`.
            return .date(limit.adding(days: (late == violates) ? offset : -offset))
        }
    }

    /// A realistic number on the right side of `limit`: ages near the minimum working age,
    /// months since the last drill, overtime hours a little or far over the cap, the
    /// number of underpaid workers. Now and then exactly at the limit, which is compliant
    /// for `above` and `below`.
    private mutating func number(unit: String, _ comparison: Comparison, _ limit: Double, violates: Bool) -> Double {
        let singular = unit.hasSuffix("s") ? String(unit.dropLast()) : unit
        let highIsBad = comparison == .above || comparison == .atLeast || comparison == .after
        let strict = comparison == .above || comparison == .below || comparison == .before || comparison == .after
        let halves = singular == "hour" && random.chance(0.2)
        func round(_ value: Double, up: Bool) -> Double {
            let steps = halves ? value * 2 : value
            let rounded = up ? steps.rounded(.up) : steps.rounded(.down)
            return halves ? rounded / 2 : rounded
        }
        let step = halves ? 0.5 : 1.0
        if highIsBad {
            // Compliant: at most `limit` (below it, for `at least`).
            let best = strict ? round(limit, up: false) : round(limit, up: true) - step
            if !violates {
                guard best > 0 else { return 0 }
                if random.chance(0.1) { return best }
                switch singular {
                case "month": return Double(random.int(1...max(1, Int(best))))
                case "hour": return max(0, round(best * random.double(limit >= 40 ? 0.8 : 0.55, 1), up: false))
                default: return Double(random.int(0...max(0, Int(best))))
                }
            }
            let worst = best + step
            switch singular {
            case "month": return random.chance(0.1) ? Double(random.int(24...48)) : worst + Double(random.int(0...11))
            case "worker": return worst + Double(random.int(0...24))
            default: return max(worst, round(max(limit, 1) * random.double(1.02, 1.6), up: true))
            }
        }
        // Low is bad: compliant is at least `limit` (above it, for `at most`).
        let least = strict ? round(limit, up: true) : round(limit, up: false) + step
        if !violates {
            if singular == "year" { return least + Double(random.int(0...4)) }
            return random.chance(0.1) ? least : round(least * random.double(1, 1.4), up: true)
        }
        let worst = least - step
        guard worst >= 0 else { return least }
        if singular == "year" {
            let age = worst - Double(random.int(0...2))
            return age >= 10 ? age : worst
        }
        return min(worst, round(limit * random.double(0.5, 0.95), up: false))
    }

    private func text(_ answer: Answer) -> String {
        switch answer {
        case .yes: spreadsheetStyle ? "Yes" : "yes"
        case .no: spreadsheetStyle ? "No" : "no"
        case .notApplicable: spreadsheetStyle ? "N/A" : "not-applicable"
        case .number(let value): SampleFactoryGenerator.format(value)
        case .date(let day): day.description
        case .choice(let choice): choice
        }
    }

    /// `62`, `62.5`: whole numbers and halves, written without the locale.
    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    // MARK: Responses

    /// [I] About a third of factories respond, mostly to published (second and later)
    /// assessments, a few days to a few weeks after the report is finalised.
    private mutating func respond(to assessments: [SampleAssessment], raw: [Int: [Answer?]]) -> [SampleResponse] {
        var responses: [SampleResponse] = []
        let responsive = scenario?.hold != nil || scenario?.response != nil || random.chance(0.35)
        let finalised = assessments.indices.filter { assessments[$0].status == .completed && assessments[$0].finalisedOn != nil }
        func add(_ position: Int, issue: String?, day: Day, text: String, attachments: [String], held: SampleHoldReason?) {
            let assessment = assessments[position]
            responses.append(SampleResponse(responseID: id + "-R" + SampleGenerator.padded(responses.count + 1, 2), factoryID: id,
                                            assessmentID: assessment.assessmentID, issueID: issue, respondedOn: day, text: text,
                                            attachments: attachments, heldFor: held))
        }
        for (rank, position) in finalised.enumerated() where responsive {
            guard random.chance(rank == 0 ? 0.1 : 0.6), let answers = raw[position] else { continue }
            let assessment = assessments[position]
            var day = assessment.finalisedOn!.adding(days: random.int(3...75))
            guard day <= SampleFigures.lastDay else { continue }
            let raised = country.raisedIssues(answers, on: assessment.assessedOn, factory: attributes)
            var targets: [Issue?] = []
            if !raised.isEmpty && random.chance(0.8) {
                let first = random.int(0...(raised.count - 1))
                targets.append(raised[first])
                if raised.count > 1 && random.chance(0.3) {
                    let second = random.int(0...(raised.count - 2))
                    targets.append(raised[second >= first ? second + 1 : second])
                }
            } else {
                targets.append(nil)
            }
            for issue in targets {
                var (text, attachments) = if let issue {
                    SampleText.response(issue: issue.id, category: issue.category, country: country.code, day: day, random: &random)
                } else {
                    SampleText.generalResponse(day: day, random: &random)
                }
                var held: SampleHoldReason?
                if random.chance(0.04) {
                    let reason = random.pick(SampleHoldReason.allCases)
                    held = reason
                    text = SampleText.heldResponse(reason, country: country.code, random: &random)
                    attachments = []
                } else if random.chance(0.08), let local = SampleText.localResponse(country: country.code, random: &random) {
                    (text, attachments) = local
                }
                add(position, issue: issue?.id, day: day, text: text, attachments: attachments, held: held)
                day = min(SampleFigures.lastDay, day.adding(days: random.int(0...3)))
            }
        }
        // The scenario's own response, on the last finalised assessment.
        if let scenario, scenario.hold != nil || scenario.response != nil, let position = finalised.last, let answers = raw[position] {
            let assessment = assessments[position]
            let day = min(SampleFigures.lastDay, assessment.finalisedOn!.adding(days: random.int(3...20)))
            let issue = country.raisedIssues(answers, on: assessment.assessedOn, factory: attributes).first?.id
            if let reason = scenario.hold {
                add(position, issue: issue, day: day, text: SampleText.heldResponse(reason, country: country.code, random: &random),
                    attachments: [], held: reason)
            }
            if let text = scenario.response {
                add(position, issue: issue, day: day, text: text, attachments: ["photo-1.jpg", "https://example.com/photos/exit.jpg"],
                    held: nil)
            }
        }
        return responses
    }
}
