/// Writes a large, valid, deterministic rule file: a catalogue of clusters, compliance points
/// and questions, with public issues over them and one worked example per point.
///
/// Everything is derived from a fixed-seed SplitMix64 generator and counters, so the same
/// size gives byte-for-byte the same file on every machine. The file exercises every part of
/// the front end the shipped rules use: `#` and `##` comments (leading and trailing), titles
/// and wordings in English, Khmer, Arabic and Vietnamese, yes-no, number, choice and date
/// questions, parameters (some with dated periods), `any of`/`all of` conditions, nested
/// `and`/`or`/`not` with parentheses, comparisons with literals and parameters, and examples.
struct Generator {
    /// Questions per compliance point; issues only refer to questions of their own point.
    static let questionsPerPoint = 12
    static let issuesPerPoint = 8
    static let pointsPerCluster = 40
    static let seed: UInt64 = 0x00D1_5C10_5E00_2024

    var random = SplitMix64(seed: Generator.seed)
    var out = ""
    var stats = Stats()

    struct Stats {
        var clusters = 0, points = 0, questions = 0, issues = 0, examples = 0, parameters = 0
    }

    // MARK: Model, kept so that examples can state the issues they raise.

    enum Comparison: String { case above, below, atLeast = "at least", atMost = "at most", before, after }

    enum Kind {
        case yesNo
        case number(unit: String)
        case choice([String])
        case date
    }

    enum Violation {
        case yes, no
        case compare(Comparison, Double, text: String)
        case choices([String])
        case date(Comparison, String)
    }

    struct Question {
        var id: String
        var kind: Kind
        var violation: Violation
        var allowsNotApplicable: Bool
    }

    enum Status: String { case compliant, nonCompliant = "non-compliant", notApplicable = "not-applicable" }

    indirect enum Condition {
        case status(Question, Status)
        case answer(Question, Bool)
        case compare(Question, Comparison, Double, text: String)
        case choice(Question, String)
        case date(Question, Comparison, String)
        case quantified(all: Bool, [Question], Status)
        case not(Condition)
        case and([Condition])
        case or([Condition])
    }

    enum Answer {
        case yes, no, notApplicable
        case number(Double)
        case choice(String)
        case date(String)
    }

    struct Parameter {
        var name: String
        var unit: String
        /// The value in force on the examples' day (2024).
        var current: Double
    }

    var parameters: [String: [Parameter]] = [:]  // by unit

    // MARK: Multilingual phrase banks

    static let topicsEN = ["child labour", "forced labour", "overtime", "wages", "fire safety", "freedom of association",
                           "discrimination", "employment contracts", "paid leave", "chemical safety", "maternity protection",
                           "working hours", "first aid", "worker accommodation", "social security", "dialogue"]
    static let topicsKM = ["ពលកម្មកុមារ", "ពលកម្មដោយបង្ខំ", "ម៉ោងបន្ថែម", "ប្រាក់ឈ្នួល", "សុវត្ថិភាពអគ្គិភ័យ", "សេរីភាពនៃការបង្កើតសមាគម",
                           "ការរើសអើង", "កិច្ចសន្យាការងារ", "ការឈប់សម្រាកប្រចាំឆ្នាំ", "សុវត្ថិភាពសារធាតុគីមី", "ការការពារមាតុភាព",
                           "ម៉ោងធ្វើការ", "ជំនួយបឋម", "កន្លែងស្នាក់នៅរបស់កម្មករ", "សន្តិសុខសង្គម", "កិច្ចសន្ទនា"]
    static let topicsAR = ["عمل الأطفال", "العمل الجبري", "العمل الإضافي", "الأجور", "السلامة من الحرائق", "حرية تكوين الجمعيات",
                           "التمييز", "عقود العمل", "الإجازات المدفوعة", "السلامة الكيميائية", "حماية الأمومة",
                           "ساعات العمل", "الإسعافات الأولية", "سكن العمال", "الضمان الاجتماعي", "الحوار"]
    static let topicsVI = ["lao động trẻ em", "lao động cưỡng bức", "làm thêm giờ", "tiền lương", "an toàn phòng cháy", "tự do hiệp hội",
                           "phân biệt đối xử", "hợp đồng lao động", "nghỉ phép có lương", "an toàn hóa chất", "bảo vệ thai sản",
                           "thời giờ làm việc", "sơ cứu", "nhà ở cho người lao động", "bảo hiểm xã hội", "đối thoại"]
    static let categories = ["child-labour", "forced-labour", "wages", "safety-and-health", "freedom-of-association",
                             "discrimination", "workplace-dialogue", "country-specific"]

    // MARK: Generation

    /// Generates at least `targetBytes` bytes (stopping after the point that crosses it).
    mutating func generate(targetBytes: Int) -> String {
        out.reserveCapacity(targetBytes + (1 << 20))
        header()
        generateParameters()
        var cluster = 0
        while out.utf8.count < targetBytes {
            cluster += 1
            generateCluster(cluster, targetBytes: targetBytes)
        }
        line("# End of the generated catalogue.")
        return out
    }

    private mutating func line(_ text: String) {
        out += text
        out += "\n"
    }

    private mutating func header() {
        line("# Synthetic catalogue for the disclose throughput benchmark (bench/), generated by")
        line("# `disclose-bench generate`. Deterministic: seed \(Generator.seed), no other input.")
        line("# It is not a rule book of any country; its ids, wordings and thresholds are invented.")
        line("#")
        line("# Layout: parameters, then clusters; each cluster has compliance points, each point has")
        line("# \(Generator.questionsPerPoint) questions, \(Generator.issuesPerPoint) public issues over them, and one example.")
        line("")
    }

    private mutating func generateParameters() {
        line("# Parameters. A few change on 2020-01-01, as national law does.")
        line("")
        let families: [(prefix: String, unit: String, values: [Double], what: String)] = [
            ("weekly-overtime-cap", "hours", [12, 10, 9, 8, 15, 6, 20, 12, 14, 10], "Most overtime hours allowed in one week"),
            ("minimum-working-age", "years", [15, 14, 16, 15, 18, 15, 17, 14, 15, 16], "The legal minimum age for employment"),
            ("notice-period", "days", [30, 14, 21, 45, 60, 7, 30, 28, 15, 90], "Notice an employer gives before a dismissal"),
            ("drill-interval", "months", [6, 3, 12, 6, 4, 6, 9, 6, 12, 2], "Longest time between two evacuation drills"),
        ]
        for family in families {
            for (index, value) in family.values.enumerated() {
                let name = "\(family.prefix)-\(pad(index + 1, 2))"
                line("## \(family.what) (variant \(index + 1)).")
                if index % 4 == 3 {
                    // Two periods: the old value until 2019, the current one from 2020.
                    line("parameter \(name)")
                    line("  title en \"\(family.what), before 2020\"")
                    line("  value \(format(value + 2)) \(family.unit)")
                    line("  until 2019-12-31")
                    line("")
                    line("## \(family.what) (variant \(index + 1)), from 2020.")
                    line("parameter \(name)")
                    line("  title en \"\(family.what)\"")
                    line("  value \(format(value)) \(family.unit)")
                    line("  from 2020-01-01")
                    line("  legal \"Labour Code, article \(100 + index)\" # amended 2019")
                } else {
                    line("parameter \(name)")
                    line("  title en \"\(family.what)\"")
                    line("  value \(format(value)) \(family.unit)")
                }
                line("")
                parameters[family.unit, default: []].append(Parameter(name: name, unit: family.unit, current: value))
                stats.parameters += 1
            }
        }
    }

    private mutating func generateCluster(_ number: Int, targetBytes: Int) {
        let id = "CL\(pad(number, 4))"
        let topic = (number - 1) % Generator.topicsEN.count
        stats.clusters += 1
        line("# ---------------------------------------------------------------------------")
        line("# Cluster \(id): \(Generator.topicsEN[topic])")
        line("# ---------------------------------------------------------------------------")
        line("")
        line("cluster \(id)")
        titles(topic, suffix: "\(number)")
        line("")
        for point in 1...Generator.pointsPerCluster {
            generatePoint(cluster: id, number: point, topic: (topic + point) % Generator.topicsEN.count)
            if out.utf8.count >= targetBytes { return }
        }
    }

    private mutating func titles(_ topic: Int, suffix: String) {
        line("  title en \"\(capitalized(Generator.topicsEN[topic])) \(suffix)\"")
        line("  title km \"\(Generator.topicsKM[topic]) \(suffix)\"")
        line("  title ar \"\(Generator.topicsAR[topic]) \(suffix)\"")
        line("  title vi \"\(capitalized(Generator.topicsVI[topic])) \(suffix)\"")
    }

    private mutating func generatePoint(cluster: String, number: Int, topic: Int) {
        let id = "\(cluster)-P\(pad(number, 2))"
        stats.points += 1
        if number % 5 == 1 { line("# inferred: the name of this point has no public source.") }
        line("point \(id) in \(cluster)")
        titles(topic, suffix: "\(number)")
        line("")
        var questions: [Question] = []
        for index in 1...Generator.questionsPerPoint {
            questions.append(generateQuestion(point: id, number: index, topic: topic))
        }
        var issues: [(id: String, condition: Condition)] = []
        for index in 1...Generator.issuesPerPoint {
            issues.append(generateIssue(point: id, number: index, topic: topic, questions: questions))
        }
        generateExample(point: id, questions: questions, issues: issues)
    }

    private mutating func generateQuestion(point: String, number: Int, topic: Int) -> Question {
        let id = "\(point)-\(pad(number, 2))"
        stats.questions += 1
        let kind: Kind
        let violation: Violation
        var answerText: String
        var violationText: String
        switch random.int(20) {
        case 0..<10:
            kind = .yesNo
            let yes = random.int(2) == 0
            violation = yes ? .yes : .no
            answerText = "yes-no"
            violationText = yes ? "yes" : "no"
        case 10..<16:
            let unit = ["hours", "years", "days", "months"][random.int(4)]
            kind = .number(unit: unit)
            answerText = "number in \(unit)"
            let comparison: Comparison = unit == "years" ? [.below, .atLeast][random.int(2)] : [.above, .atMost, .atLeast][random.int(3)]
            if random.int(3) == 0 {
                let amount = Double(10 + random.int(60))
                violation = .compare(comparison, amount, text: "\(format(amount)) \(unit)")
                violationText = "\(comparison.rawValue) \(format(amount)) \(unit)"
            } else {
                let candidates = parameters[unit]!
                let parameter = candidates[random.int(candidates.count)]
                violation = .compare(comparison, parameter.current, text: parameter.name)
                violationText = "\(comparison.rawValue) \(parameter.name)"
            }
        case 16..<19:
            let options = ["none", "some workers", "most workers", "all workers"]
            kind = .choice(options)
            let bad = Array(options[(1 + random.int(2))...])
            violation = .choices(bad)
            answerText = "one of " + options.map { "\"\($0)\"" }.joined(separator: ", ")
            violationText = bad.map { "\"\($0)\"" }.joined(separator: ", ")
        default:
            kind = .date
            let comparison: Comparison = random.int(2) == 0 ? .before : .after
            let day = "20\(pad(15 + random.int(9), 2))-\(pad(1 + random.int(12), 2))-\(pad(1 + random.int(28), 2))"
            violation = .date(comparison, day)
            answerText = "date"
            violationText = "\(comparison.rawValue) \(day)"
        }
        let allowsNotApplicable = random.int(4) == 0
        let topicEN = Generator.topicsEN[topic]
        if number % 3 == 1 {
            line("## Source: generated wording on \(topicEN); compare with the national labour code,")
            line("## article \(number * 7 + topic).")
        }
        line("question \(id) in \(point)")
        line("  text en \"\(englishWording(kind, topic: topicEN, id: id))\"")
        line("  text km \"តើនិយោជកគោរពច្បាប់ស្តីពី\(Generator.topicsKM[topic])ដែរឬទេ? (\(id))\"")
        line("  text ar \"هل يلتزم صاحب العمل بالأحكام المتعلقة بـ\(Generator.topicsAR[topic])؟ (\(id))\"")
        line("  text vi \"Người sử dụng lao động có tuân thủ quy định về \(Generator.topicsVI[topic]) không? (\(id))\"")
        if number % 2 == 0 { line("  legal \"Labour Code, article \(number * 11 + topic)\"" + (number % 6 == 0 ? " # checked against the 2019 code" : "")) }
        line("  answer \(answerText)")
        line("  non-compliant when \(violationText)")
        if allowsNotApplicable { line("  not-applicable allowed") }
        line("")
        return Question(id: id, kind: kind, violation: violation, allowsNotApplicable: allowsNotApplicable)
    }

    private func englishWording(_ kind: Kind, topic: String, id: String) -> String {
        switch kind {
        case .yesNo: "Does the employer comply with the legal requirements on \(topic)? (\(id))"
        case .number(let unit): "How many \(unit) apply to \(topic) in the busiest period? (\(id))"
        case .choice: "How many workers are affected by problems with \(topic)? (\(id))"
        case .date: "When did the employer last review its policy on \(topic)? (\(id))"
        }
    }

    private mutating func generateIssue(point: String, number: Int, topic: Int, questions: [Question]) -> (id: String, condition: Condition) {
        let id = "ISS-\(point)-\(pad(number, 2))"
        stats.issues += 1
        let condition: Condition
        if random.int(10) < 4 {
            // The common shape: a handful of questions, any of them non-compliant.
            condition = .quantified(all: false, pick(questions, 2 + random.int(4)), .nonCompliant)
        } else {
            let used = pick(questions, 3 + random.int(4))
            condition = randomCondition(depth: 3, questions: used)
        }
        let topicEN = Generator.topicsEN[(topic + number) % Generator.topicsEN.count]
        if number % 2 == 1 {
            line("## Published when a factory falls short on \(topicEN);")
            line("## see the compliance point \(point).")
        }
        line("issue \(id)")
        line("  title en \"Non-compliance on \(topicEN) (\(number))\"")
        line("  title km \"ការមិនអនុលោមលើ\(Generator.topicsKM[(topic + number) % Generator.topicsKM.count]) (\(number))\"")
        line("  title ar \"عدم الامتثال في \(Generator.topicsAR[(topic + number) % Generator.topicsAR.count]) (\(number))\"")
        line("  title vi \"Không tuân thủ về \(Generator.topicsVI[(topic + number) % Generator.topicsVI.count]) (\(number))\"")
        line("  category \(Generator.categories[(topic + number) % Generator.categories.count])" + (number == 3 ? " # reviewed" : ""))
        if number % 4 == 0 { line("  legal \"Labour Code, chapter \(number + topic)\"") }
        line("  raised when \(render(condition, top: true))")
        line("")
        return (id, condition)
    }

    /// Picks `count` distinct questions, in their declared order.
    private mutating func pick(_ questions: [Question], _ count: Int) -> [Question] {
        var indices = Array(questions.indices)
        var chosen: [Int] = []
        for _ in 0..<min(count, indices.count) {
            chosen.append(indices.remove(at: random.int(indices.count)))
        }
        return chosen.sorted().map { questions[$0] }
    }

    private mutating func randomCondition(depth: Int, questions: [Question]) -> Condition {
        let roll = random.int(100)
        if depth == 0 || roll < 35 { return leaf(questions[random.int(questions.count)]) }
        if roll < 50 {
            let all = random.int(3) == 0
            return .quantified(all: all, pick(questions, 2 + random.int(2)), all ? .compliant : .nonCompliant)
        }
        if roll < 60 {
            let inner = randomCondition(depth: depth - 1, questions: questions)
            if case .not = inner { return inner }  // no `not not`
            return .not(inner)
        }
        let parts = (0..<(2 + random.int(2))).map { _ in randomCondition(depth: depth - 1, questions: questions) }
        return roll < 80 ? .and(parts) : .or(parts)
    }

    private mutating func leaf(_ question: Question) -> Condition {
        if random.int(10) < 3 {
            let status: Status = question.allowsNotApplicable && random.int(3) == 0 ? .notApplicable
                : random.int(4) == 0 ? .compliant : .nonCompliant
            return .status(question, status)
        }
        switch question.kind {
        case .yesNo:
            return .answer(question, random.int(2) == 0)
        case .number(let unit):
            if random.int(2) == 0, let parameters = parameters[unit] {
                let parameter = parameters[random.int(parameters.count)]
                return .compare(question, [.above, .below, .atLeast, .atMost][random.int(4)], parameter.current, text: parameter.name)
            }
            let amount = Double(5 + random.int(70))
            return .compare(question, [.above, .below, .atLeast, .atMost][random.int(4)], amount, text: "\(format(amount)) \(unit)")
        case .choice(let options):
            return .choice(question, options[random.int(options.count)])
        case .date:
            return .date(question, random.int(2) == 0 ? .before : .after, "20\(pad(15 + random.int(9), 2))-06-30")
        }
    }

    private func render(_ condition: Condition, top: Bool = false) -> String {
        switch condition {
        case .status(let q, let status): "\(q.id) is \(status.rawValue)"
        case .answer(let q, let yes): "\(q.id) is \(yes ? "yes" : "no")"
        case .compare(let q, let comparison, _, let text): "\(q.id) is \(comparison.rawValue) \(text)"
        case .choice(let q, let option): "\(q.id) is \"\(option)\""
        case .date(let q, let comparison, let day): "\(q.id) is \(comparison.rawValue) \(day)"
        case .quantified(let all, let questions, let status):
            "\(all ? "all" : "any") of \(questions.map(\.id).joined(separator: ", ")) \(all ? "are" : "is") \(status.rawValue)"
        case .not(let inner): "not " + renderOperand(inner)
        case .and(let parts): parts.map(renderOperand).joined(separator: " and ")
        case .or(let parts): parts.map(renderOperand).joined(separator: " or ")
        }
    }

    /// A part of `and`/`or`/`not`: compound conditions go in parentheses.
    private func renderOperand(_ condition: Condition) -> String {
        switch condition {
        case .and, .or: "(" + render(condition) + ")"
        default: render(condition)
        }
    }

    // MARK: Examples

    private mutating func generateExample(point: String, questions: [Question], issues: [(id: String, condition: Condition)]) {
        stats.examples += 1
        var answers: [String: Answer] = [:]
        var given: [String] = []
        for question in questions {
            let answer: Answer
            if question.allowsNotApplicable && random.int(5) == 0 {
                answer = .notApplicable
            } else {
                switch question.kind {
                case .yesNo: answer = random.int(2) == 0 ? .yes : .no
                case .number(let unit):
                    let range = unit == "years" ? (12, 10) : unit == "hours" ? (4, 30) : unit == "days" ? (5, 90) : (1, 14)
                    answer = .number(Double(range.0 + random.int(range.1)))
                case .choice(let options): answer = .choice(options[random.int(options.count)])
                case .date: answer = .date("20\(pad(15 + random.int(9), 2))-\(pad(1 + random.int(12), 2))-15")
                }
            }
            answers[question.id] = answer
            let shown: String = switch (answer, question.kind) {
            case (.yes, _): "yes"
            case (.no, _): "no"
            case (.notApplicable, _): "not-applicable"
            case (.number(let amount), .number(let unit)): "\(format(amount)) \(unit)"
            case (.number(let amount), _): format(amount)
            case (.choice(let text), _): "\"\(text)\""
            case (.date(let day), _): day
            }
            given.append("\(question.id) \(shown)")
        }
        let expected = issues.filter { evaluate($0.condition, answers) }.map(\.id).sorted()
        line("## A typical assessment of \(point).")
        line("example \"\(point) assessment\"")
        line("  on 2024-03-01")
        line("  given " + given.joined(separator: ", "))
        line("  expect " + (expected.isEmpty ? "nothing" : expected.joined(separator: ", ")))
        line("")
    }

    /// The status of a question's answer.
    private func status(_ question: Question, _ answers: [String: Answer]) -> Status {
        guard let answer = answers[question.id] else { return .notApplicable }
        switch (answer, question.violation) {
        case (.notApplicable, _): return .notApplicable
        case (.yes, .yes), (.no, .no): return .nonCompliant
        case (.number(let value), .compare(let comparison, let limit, _)):
            return compare(value, comparison, limit) ? .nonCompliant : .compliant
        case (.choice(let text), .choices(let bad)): return bad.contains(text) ? .nonCompliant : .compliant
        case (.date(let day), .date(let comparison, let limit)):
            return (comparison == .before ? day < limit : day > limit) ? .nonCompliant : .compliant
        default: return .compliant
        }
    }

    private func compare(_ value: Double, _ comparison: Comparison, _ limit: Double) -> Bool {
        switch comparison {
        case .above, .after: value > limit
        case .below, .before: value < limit
        case .atLeast: value >= limit
        case .atMost: value <= limit
        }
    }

    /// Whether a condition holds for the example's answers (every question of the point is answered).
    private func evaluate(_ condition: Condition, _ answers: [String: Answer]) -> Bool {
        switch condition {
        case .status(let q, let wanted): return status(q, answers) == wanted
        case .answer(let q, let yes):
            if case .yes = answers[q.id] { return yes }
            if case .no = answers[q.id] { return !yes }
            return false
        case .compare(let q, let comparison, let limit, _):
            if case .number(let value) = answers[q.id] { return compare(value, comparison, limit) }
            return false
        case .choice(let q, let option):
            if case .choice(let text) = answers[q.id] { return text == option }
            return false
        case .date(let q, let comparison, let limit):
            if case .date(let day) = answers[q.id] { return comparison == .before ? day < limit : day > limit }
            return false
        case .quantified(let all, let questions, let wanted):
            return all ? questions.allSatisfy { status($0, answers) == wanted } : questions.contains { status($0, answers) == wanted }
        case .not(let inner): return !evaluate(inner, answers)
        case .and(let parts): return parts.allSatisfy { evaluate($0, answers) }
        case .or(let parts): return parts.contains { evaluate($0, answers) }
        }
    }

    // MARK: Helpers

    private func pad(_ number: Int, _ width: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    private func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    private func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}

/// A small, fast, fixed-seed pseudo-random generator (SplitMix64), identical on every platform.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    mutating func int(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
