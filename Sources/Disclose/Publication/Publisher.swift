import Foundation

/// The result of a publication run: the publication, or the problems that prevented it.
public struct PublishResult: Sendable {
    /// Nil when the data or the rules had errors: nothing is published from bad input.
    public var publication: Publication?
    /// Errors and warnings about the data and the rules, with file and line. Past
    /// `Diagnostic.maximumErrorsListed` errors, only the first ones are here, and no warnings.
    public var diagnostics: [Diagnostic]
    /// The errors and warnings found but left out of `diagnostics`, for the summary
    /// (`DiagnosticRenderer.render(_:unlisted:)`).
    package var unlisted = UnlistedCount()
    /// What each assessment's answers were, for the factories asked about (for explanations).
    package var evaluations: [AssessmentEvaluation]
    /// The factories asked about (`Publisher.explaining`) as the data gives them, including
    /// those with no assessment at all, which `evaluations` cannot name.
    package var explainedFactories: [FactoryRecord] = []

    /// True when some diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Whether `AnswerScanner` read the answers table (else the careful reader did).
    var answersScanned = false
}

/// One assessment as evaluated: the answers read and the issues raised, for explanations.
package struct AssessmentEvaluation: Sendable {
    package var assessment: AssessmentRecord
    package var factory: FactoryRecord
    /// The rules in force on the assessment day.
    package var plan: EvaluationPlan
    /// The answers to the questions that matter, by slot of the plan (nil: not answered or not usable).
    package var answers: [Answer?]
    package var statuses: [AnswerStatus]
    /// Positions in `plan.issues` of the issues raised.
    package var raised: [Int]
    /// Slots answered "not applicable" where their question's `required when` needs an answer.
    package var requiredButNotApplicable: [Int] = []
}

/// Runs raw CAT data through the rule books of its countries and applies the publication policy.
public struct Publisher: Sendable {
    /// The folder that holds rules/ and countries/.
    public var project: String
    /// The day the publication is for.
    public var asOf: Day
    /// Factories whose answers to keep, for `explain`.
    package var explaining: Set<String> = []
    /// A preview for the PAC: drafts and countries not launched included, every output marked
    /// as such. Otherwise only what adopted decisions make public (grammar.md §5).
    public var preview = false
    /// For `diff --what-if`: judge every assessment under the rules in force on this day
    /// instead of those of its own day, as of this day or the last day of the data, whichever
    /// is later, so that each factory's latest assessment counts. Never for a publication:
    /// the portal judges an assessment by the rules of the day it was made.
    package var judgingOn: Day?
    /// Paths in messages are relative to this folder.
    public var displayBase = FileManager.default.currentDirectoryPath
    /// Where the rule files under `project` are read: the disk by default, or a
    /// `MemoryFileAccess` holding `PROJECT/rules/…` and `PROJECT/countries/…` for rules kept in
    /// memory (a database, another tool), which then reads nothing from disk.
    public var rules: any RuleFileAccess = DiskFileAccess()
    /// How `AnswerScanner` reads a clean answers table (tests change it).
    var scanning = AnswerScanner.Settings()

    /// Creates a publisher for the rules under `project`, as of `asOf`.
    public init(project: String, asOf: Day) {
        self.project = project
        self.asOf = asOf
    }

    /// Per-country state while publishing.
    final class CountryRules {
        let code: String
        let book: RuleBook
        let questionTable: ByteTable
        let questionIds: [String]
        /// Questions only drafts define: their answers are passed over, not unknown.
        let draftOnlyQuestionIds: Set<String>
        let boundaries: [Day]
        var plans: [Int: EvaluationPlan] = [:]
        /// Compiled when the first response is screened: compiling a country's patterns costs
        /// more than publishing a small data set that has no responses to screen.
        private(set) lazy var moderator = Moderator(book: book)

        init(code: String, book: RuleBook) {
            self.code = code
            self.book = book
            var table = ByteTable(capacity: book.questions.count)
            var ids: [String] = []
            for (index, timeline) in book.questions.enumerated() {
                let id = timeline.periods.first?.value.id ?? ""
                ids.append(id)
                table.insert(Array(id.utf8), index)
            }
            questionTable = table
            questionIds = ids
            draftOnlyQuestionIds = book.draftOnlyQuestionIds
            boundaries = book.ruleBoundaries
        }

        /// The plan for the rules in force on `day`, compiled once per period.
        func plan(on day: Day) -> EvaluationPlan {
            var low = 0
            var high = boundaries.count
            while low < high {
                let mid = (low + high) / 2
                if boundaries[mid] <= day { low = mid + 1 } else { high = mid }
            }
            if let plan = plans[low] { return plan }
            let plan = EvaluationPlan(book: book, day: day)
            plans[low] = plan
            return plan
        }
    }

    /// An assessment while answers are read.
    struct Sheet {
        var record: AssessmentRecord
        var factory: Int
        var country: CountryRules?
        var plan: EvaluationPlan?
        /// By slot of the plan; filled in once the answers are read.
        var statuses: [AnswerStatus] = []
        /// By raw index of the plan.
        var raw: [Double] = []
        var kept: [Answer?]?
        var unusable: [(slot: Int, text: String)] = []
        /// In a public run of a country with drafts, the preview's plan (the rules with the
        /// drafts), its statuses and raw values: each answer is recorded by both plans as it
        /// is read, so that the drafts' effect is known without reading the data twice.
        var previewPlan: EvaluationPlan?
        var previewStatuses: [AnswerStatus] = []
        var previewRaw: [Double] = []
    }

    /// Reads the data folder, evaluates every assessment and applies the policy.
    public func publish(data folder: String) -> PublishResult {
        run(FolderSource(data: DataFolder(folder: folder, displayBase: displayBase)))
    }

    /// Evaluates every assessment given as values and applies the policy: the same run as
    /// `publish(data:)`, once the records are read.
    ///
    /// Problems in the values (an assessment of an unknown factory, an id given twice, an
    /// answer to an unknown assessment, an answer that does not fit its question) come back
    /// as diagnostics in the result, with the codes the data folder's tables get; with an
    /// error among them, nothing is published. The rules are read through `rules`: with a
    /// `MemoryFileAccess` there, the run reads nothing from disk.
    public func publish(_ input: PublicationInput) -> PublishResult {
        run(ValuesSource(input: input))
    }

    /// True when the country has a rule file under the project.
    private func hasRules(_ path: String) -> Bool {
        rules is DiskFileAccess ? FileManager.default.fileExists(atPath: path) : rules.contents(of: path) != nil
    }

    /// The run, from wherever the records come: the records read, the rules checked, the
    /// answers filled in, then the same code for both.
    private func run<Source: RecordSource>(_ fresh: Source) -> PublishResult {
        var problems = DiagnosticSink()
        var source = fresh
        let factories = source.readFactories(&problems)
        let factoryIndex = Dictionary(factories.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let assessments = source.readAssessments(factories: Set(factoryIndex.keys), &problems)

        // The rules of every country in the data, checked; rules with errors stop the run.
        // All in one run of the checker, which parses the shared files (catalogue, policy,
        // baseline) once instead of once per country.
        var countries: [String: CountryRules] = [:]
        // The rules with drafts of each country whose public view leaves drafts out: what the
        // drafts would change is accounted from them (`DraftAccount.accounts`).
        var previews: [String: CountryRules] = [:]
        let codes = Set(factories.map(\.country)).sorted()
        let path = { (code: String) in (project as NSString).appendingPathComponent("countries/\(code).disclose") }
        let withRules = codes.filter { hasRules(path($0)) }
        var checked = Checker.check(entries: withRules.map(path), access: rules, displayBase: displayBase).makeIterator()
        for code in codes {
            guard withRules.contains(code) else {
                let factory = factories.first { $0.country == code }!
                let known = rules.fileNames(in: (project as NSString).appendingPathComponent("countries"))
                    .filter { $0.hasSuffix(".disclose") && !$0.contains("-") }.map { String($0.dropLast(".disclose".count)) }
                let suggestion = Suggestion.closest(to: code, among: known).map { "did you mean `\($0)`? " } ?? ""
                let place = factory.line > 0 ? " (factories table, line \(factory.line))" : ""
                // No country's rules at all: most likely the rules were looked for in the wrong
                // folder, not a wrong code; say where they were looked for.
                let help = known.isEmpty
                    ? "no country's rules are in `\((project as NSString).appendingPathComponent("countries"))`: run `disclose` from the folder that holds `rules/` and `countries/`, or give it with `--rules DIR`"
                    : "\(suggestion)correct the factory's country code, or add countries/\(code).disclose"
                problems.report(Diagnostic(.unknownRecord, "no rules for country `\(code)` of factory `\(factory.id)`\(place)", at: nil, help: help))
                continue
            }
            let result = checked.next()!
            problems.report(contentsOf: result.diagnostics.filter { $0.severity == .error })
            if let book = preview ? result.ruleBook : result.publicRuleBook { countries[code] = CountryRules(code: code, book: book) }
            if !preview, let full = result.ruleBook, result.publicRuleBook?.standing.drafts.isEmpty == false {
                previews[code] = CountryRules(code: code, book: full)
            }
        }

        // Each answer is recorded by the preview's plan as well when both books number the
        // questions alike (a draft question changes the numbering: then the preview is a run
        // of its own).
        let twinned = previews.allSatisfy { code, rules in rules.questionIds == countries[code]?.questionIds }
        var sheets = assessments.map { record -> Sheet in
            let factory = factoryIndex[record.factory]!
            let country = countries[factories[factory].country]
            var sheet = Sheet(record: record, factory: factory, country: country)
            if record.status == .completed, let country {
                let plan = country.plan(on: judgingOn ?? record.date)
                sheet.plan = plan
                // Every answer missing until the answers are read: the sheet stays whole (one
                // status per slot) even if the answers table cannot be read.
                sheet.statuses = [AnswerStatus](repeating: .missing, count: plan.questions.count)
                sheet.raw = [Double](repeating: .nan, count: plan.rawSlots.count)
                if explaining.contains(record.factory) { sheet.kept = [Answer?](repeating: nil, count: plan.questions.count) }
                if twinned, let rules = previews[country.code] {
                    let preview = rules.plan(on: judgingOn ?? record.date)
                    sheet.previewPlan = preview
                    sheet.previewStatuses = [AnswerStatus](repeating: .missing, count: preview.questions.count)
                    sheet.previewRaw = [Double](repeating: .nan, count: preview.rawSlots.count)
                }
            }
            return sheet
        }
        let answersScanned = source.fillAnswers(&sheets, by: self, &problems)
        // Factory attributes the rules read are judged like answers, from the factories table.
        for index in sheets.indices {
            var sheet = sheets[index]
            if let plan = sheet.plan, !plan.attributeSlots.isEmpty {
                plan.applyFactory(factories[sheet.factory].attributes, statuses: &sheet.statuses, raw: &sheet.raw)
            }
            if let plan = sheet.previewPlan, !plan.attributeSlots.isEmpty {
                plan.applyFactory(factories[sheet.factory].attributes, statuses: &sheet.previewStatuses, raw: &sheet.previewRaw)
            }
            sheets[index] = sheet
        }
        for factory in factories {
            guard let book = countries[factory.country]?.book else { continue }
            for attribute in book.attributes {
                guard let value = factory.attributes[attribute.name], attribute.declaredValue(value) == nil else { continue }
                let hint = Suggestion.closest(to: value, among: attribute.values).map { "did you mean \"\($0)\"? " } ?? ""
                problems.report(Diagnostic(.undeclaredAttributeValue,
                                           "\"\(value)\" is not a declared value of factory attribute `\(attribute.name)` (factory `\(factory.id)`)",
                                           at: factory.attributeFields[attribute.name], label: "not declared",
                                           help: "\(hint)the declared values are " + attribute.values.map { "\"\($0)\"" }.joined(separator: ", ")
                                               + "; until the value is corrected, the issues that read the attribute withhold the factory as incomplete data"))
            }
        }
        let responses = source.readResponses(factories: Set(factoryIndex.keys),
                                             assessments: Dictionary(assessments.map { ($0.id, $0.factory) }, uniquingKeysWith: { first, _ in first }),
                                             &problems)

        var diagnostics = problems.diagnostics
        let errors = diagnostics.filter { $0.severity == .error }
        var unlisted = UnlistedCount()
        if errors.count > Diagnostic.maximumErrorsListed {
            diagnostics = Array(errors.prefix(Diagnostic.maximumErrorsListed))
            unlisted = UnlistedCount(errors: errors.count - diagnostics.count, warnings: problems.diagnostics.count - errors.count)
        }
        guard !problems.hasErrors else {
            return PublishResult(publication: nil, diagnostics: diagnostics, unlisted: unlisted, evaluations: [], answersScanned: answersScanned)
        }

        var asOf = self.asOf
        if judgingOn != nil, let last = assessments.map({ max($0.date, $0.finalisedOn ?? $0.date) }).max() { asOf = max(asOf, last) }
        var policy = PolicyRun(asOf: asOf, factories: factories, countries: countries, preview: preview)
        var publication = policy.apply(sheets: sheets, responses: responses, dataProblems: Self.namedInsideDataFolder(diagnostics),
                                       rulesDigest: rulesDigest(countries))
        if !previews.isEmpty {
            let shadow: Publication?
            if twinned {
                // What the drafts would have changed: the policy applied once more, as a
                // preview, to the countries with drafts, on the answers already judged by the
                // preview's plans. Responses change no finding, so none are screened.
                let previewSheets = sheets.compactMap { sheet -> Sheet? in
                    guard let country = sheet.country, let rules = previews[country.code] else { return nil }
                    var twin = Sheet(record: sheet.record, factory: sheet.factory, country: rules)
                    twin.plan = sheet.previewPlan
                    twin.statuses = sheet.previewStatuses
                    twin.raw = sheet.previewRaw
                    return twin
                }
                var previewing = PolicyRun(asOf: asOf, factories: factories, countries: previews, preview: true)
                shadow = previewing.apply(sheets: previewSheets, responses: [], dataProblems: [], rulesDigest: "")
            } else {
                // The same data published as a preview, read again: twice the work of a run.
                var previewing = self
                previewing.preview = true
                previewing.explaining = []
                shadow = previewing.run(fresh).publication
            }
            publication.report.drafts = DraftAccount.accounts(countries.values.map(\.book), public: publication, preview: shadow)
        }
        let evaluations = sheets.compactMap { sheet -> AssessmentEvaluation? in
            guard let kept = sheet.kept, let plan = sheet.plan else { return nil }
            return AssessmentEvaluation(assessment: sheet.record, factory: factories[sheet.factory], plan: plan, answers: kept,
                                        statuses: sheet.statuses, raised: PolicyRun.raised(sheet),
                                        requiredButNotApplicable: plan.requiredButNotApplicable(statuses: sheet.statuses, raw: sheet.raw))
        }
        var result = PublishResult(publication: publication, diagnostics: diagnostics, evaluations: evaluations, answersScanned: answersScanned)
        result.explainedFactories = factories.filter { explaining.contains($0.id) }
        return result
    }

    /// Streams the answers table into the sheets: the hot path, on bytes.
    ///
    /// A clean table (the usual case) is read by `AnswerScanner`, on every core; any other
    /// table, or one that the scanner gives up on, row by row by `readAnswersCarefully`,
    /// which reports each problem with its file, line and column. Both record into an
    /// `AnswerStore`, and so give the same sheets. Returns true when the scanner read it.
    func readAnswers(_ data: inout DataFolder, _ sheets: inout [Sheet], problems: inout DiagnosticSink) -> Bool {
        guard let path = data.path(of: "answers", required: true), let reader = data.open(path, DataTables.answers) else { return false }
        var assessmentTable = ByteTable(capacity: sheets.count)
        for (index, sheet) in sheets.enumerated() { assessmentTable.insert(Array(sheet.record.id.utf8), index) }
        let layout = Self.answerLayout(sheets)

        // The scanner is for data that will publish: with errors already, or when keeping
        // answers for an explanation, only the careful reading is worth doing.
        var scanned: AnswerStore?
        var remarks: [Diagnostic] = []
        if scanning.isEnabled, reader.hasSchemaColumnOrder, explaining.isEmpty, !problems.hasErrors {
            let codes = Set(sheets.compactMap { $0.country?.code }).sorted()
            let countryRules = codes.map { code in sheets.first { $0.country?.code == code }!.country! }
            let scanner = AnswerScanner(path: path, rowsStart: reader.rowsStart, assessments: assessmentTable,
                                        countries: countryRules.map { AnswerScanner.Questions(ids: $0.questionIds, table: $0.questionTable) },
                                        countryOfSheet: sheets.map { sheet in sheet.plan == nil ? -1 : codes.firstIndex(of: sheet.country!.code)! },
                                        layout: layout, settings: scanning)
            scanned = scanner.read()
            if let store = scanned {
                if let located = scanner.located(store.remarks) {
                    remarks = Self.remarks(store.remarks, located, path: reader.path, &sheets)
                } else {
                    scanned = nil
                }
            }
        }
        var store: AnswerStore
        if let scanned {
            store = scanned
        } else {
            store = AnswerStore(layout: layout)
            readAnswersCarefully(reader, &data, path, assessmentTable, &sheets, &store, problems: &problems)
        }
        Self.fill(&sheets, from: store)
        problems.report(contentsOf: remarks)
        return scanned != nil
    }

    /// The warnings of the answers the scanner remarked, as the careful reader words and
    /// places them (`readAnswersCarefully`); an answer that does not fit its question is also
    /// kept on its sheet, for the explanation of an incomplete assessment.
    private static func remarks(_ remarks: [AnswerStore.Remark], _ located: [AnswerScanner.Located], path: String,
                                _ sheets: inout [Sheet]) -> [Diagnostic] {
        zip(remarks, located).compactMap { remark, found in
            let sheet = sheets[remark.sheet]
            guard let plan = sheet.plan, let country = sheet.country else { return nil }
            let text = String(decoding: found.answer, as: UTF8.self)
            if remark.outcome == .unreadable { sheets[remark.sheet].unusable.append((plan.slot(ofQuestion: remark.question)!, text)) }
            guard let problem = answerProblem(remark.outcome, text: text, question: remark.question,
                                              questionId: country.questionIds[remark.question], plan: plan) else { return nil }
            let column = min(remark.answer.lowerBound - remark.row, found.excerpt.count)
            let file = SourceFile(path: path, bytes: found.excerpt, firstLine: found.line)
            return Diagnostic(problem.code, problem.message, at: SourceRange(file, Span(column, min(found.excerpt.count, column + max(1, found.answer.count)))),
                              help: problem.help)
        }
    }

    /// Where each sheet's answers go in an `AnswerStore`.
    /// A sheet with a preview plan has a twin after the sheets, which records its answers
    /// by that plan.
    static func answerLayout(_ sheets: [Sheet]) -> AnswerStore.Layout {
        var plans = sheets.map(\.plan)
        var questionCounts = sheets.map { $0.country?.book.questions.count ?? 0 }
        var twins = [Int](repeating: -1, count: sheets.count)
        for index in sheets.indices {
            guard let preview = sheets[index].previewPlan else { continue }
            twins[index] = plans.count
            plans.append(preview)
            questionCounts.append(0)
        }
        twins += [Int](repeating: -1, count: plans.count - sheets.count)
        return AnswerStore.Layout(plans: plans, questionCounts: questionCounts, twins: twins)
    }

    /// Copies the answers recorded into the sheets that have a plan.
    static func fill(_ sheets: inout [Sheet], from store: AnswerStore) {
        for index in sheets.indices where sheets[index].plan != nil {
            sheets[index].statuses = store.statuses(of: index)
            sheets[index].raw = store.raw(of: index)
            let twin = store.layout.twins[index]
            if twin >= 0 {
                sheets[index].previewStatuses = store.statuses(of: twin)
                sheets[index].previewRaw = store.raw(of: twin)
            }
        }
    }

    /// What to report about an answer once recorded, whichever way it came (a row of the
    /// answers table or a value): nil when there is nothing to say. A second answer to a
    /// question is not among these: only a table can give one.
    static func answerProblem(_ outcome: AnswerStore.Outcome, text: String, question: Int, questionId: String,
                              plan: EvaluationPlan) -> (code: DiagnosticCode, message: String, help: String)? {
        switch outcome {
        case .notNeeded, .stored, .duplicate:
            return nil
        case .unreadable:
            let slot = plan.slot(ofQuestion: question)!
            return (.unusableAnswer, "answer `\(text)` does not fit `\(questionId)` (\(plan.answerKinds[slot]))",
                    "the answer is not used; if the question is critical the assessment is withheld as incomplete data")
        case .unusable:
            return (.unusableAnswer, "`\(questionId)` does not allow not-applicable",
                    "the answer is not used; if the question is critical the assessment is withheld as incomplete data")
        case .unusableNotNeeded:
            let message = Answer.isNotApplicable(text)
                ? "`\(questionId)` does not allow not-applicable"
                : "answer `\(text)` does not fit `\(questionId)` (\(plan.unaskedQuestions[question]!.kind))"
            return (.unusableAnswer, message,
                    "the answer is not used; no public issue asks this question on the assessment's day, so the findings do not change")
        }
    }

    /// Reads the answers row by row, reporting every problem.
    private func readAnswersCarefully(_ reader: TableReader, _ data: inout DataFolder, _ path: String, _ assessmentTable: ByteTable,
                                      _ sheets: inout [Sheet], _ store: inout AnswerStore, problems: inout DiagnosticSink) {
        var previousId: [UInt8] = []
        var previousIndex: Int?
        // Each unknown id is reported at its first row; the count of its rows joins that message.
        var unknownQuestions: [String: UnknownId] = [:]
        var unknownAssessments: [String: UnknownId] = [:]
        // Second answers, with the message that reports each: the line of the first is found after.
        var duplicates: [(key: AnswerKey, message: Int)] = []
        /// Counts a row naming `id`; true when it is the first, which is the one to report.
        func isFirstRow(naming id: String, _ unknown: inout [String: UnknownId]) -> Bool {
            if unknown[id] != nil {
                unknown[id]!.rows += 1
                return false
            }
            unknown[id] = UnknownId(message: reader.diagnostics.count, rows: 1)
            return true
        }
        reader.forEachRow { row in
            let index: Int? = row.withBytes(0) { id in
                if let previousIndex, id.count == previousId.count,
                   previousId.withUnsafeBufferPointer({ id.count == 0 || ByteTable.equal(id.baseAddress!, $0.baseAddress!, count: id.count) }) {
                    return previousIndex
                }
                guard let found = assessmentTable.value(for: id) else { return nil }
                previousId = Array(id)
                previousIndex = found
                return found
            }
            guard let index else {
                let id = row.text(0)
                // An assessment whose own row was rejected is already reported.
                if data.isRejected(assessment: id) { return }
                if isFirstRow(naming: id, &unknownAssessments) {
                    reader.reportField(.unknownRecord, "answer to unknown assessment `\(id)`", row: row, column: 0,
                                       help: "every answer belongs to an assessment of the assessments table")
                }
                return
            }
            guard case .completed = sheets[index].record.status else {
                reader.reportField(.unknownRecord, "answer to assessment `\(sheets[index].record.id)`, which was refused", row: row, column: 0,
                                   help: "a refused visit has no answers; check the assessment id or its status")
                return
            }
            guard let country = sheets[index].country, let plan = sheets[index].plan else { return }
            guard let question = row.withBytes(1, { country.questionTable.value(for: $0) }) else {
                let id = row.text(1)
                // A question only a draft defines: known, and not asked by any public rule.
                if country.draftOnlyQuestionIds.contains(id) { return }
                if isFirstRow(naming: id, &unknownQuestions) {
                    reader.reportField(.unknownRecord, "unknown question `\(id)` for country `\(country.code)`", row: row, column: 1,
                                       help: (reader.listsMoreErrors ? Suggestion.closest(to: id, among: country.questionIds) : nil).map { "did you mean `\($0)`?" }
                                           ?? "questions are those of rules/catalogue.disclose and the country's file")
                }
                return
            }
            let outcome = row.withBytes(2) { store.record($0, question: question, sheet: index, plan: plan) }
            switch outcome {
            case .notNeeded, .stored:
                break
            case .duplicate:
                duplicates.append((AnswerKey(sheet: index, question: question), reader.diagnostics.count))
                reader.reportField(.duplicateRecord, "a second answer to `\(country.questionIds[question])` for assessment `\(sheets[index].record.id)`",
                                   row: row, column: 1, help: "keep one answer per question and assessment")
            case .unreadable, .unusable, .unusableNotNeeded:
                let text = row.text(2)
                if outcome == .unreadable { sheets[index].unusable.append((plan.slot(ofQuestion: question)!, text)) }
                if let problem = Self.answerProblem(outcome, text: text, question: question, questionId: country.questionIds[question], plan: plan) {
                    reader.reportField(problem.code, problem.message, row: row, column: 2, help: problem.help)
                }
            }
            // For an explanation, the answers as read (the store keeps only what rules need).
            if outcome == .stored || outcome == .unusable, sheets[index].kept != nil, let slot = plan.slot(ofQuestion: question) {
                sheets[index].kept![slot] = row.withBytes(2) { Answer.read($0, as: plan.answerKinds[slot]) }
            }
        }
        // One message per unknown id, saying how many rows share it.
        var diagnostics = reader.diagnostics
        for (id, unknown) in [unknownQuestions, unknownAssessments].joined() where unknown.rows > 1 {
            diagnostics[unknown.message].notes.append("\(unknown.rows) rows of `\(reader.path)` name `\(id)`; this is the first")
        }
        // A second answer names the first's line too, as a second factory or assessment does.
        let firstLines = firstLines(of: Set(duplicates.map(\.key)), &data, path, assessmentTable, sheets)
        for (key, message) in duplicates {
            guard let line = firstLines[key] else { continue }
            diagnostics[message].help = "the first answer is on line \(line); keep one answer per question and assessment"
        }
        problems.report(contentsOf: diagnostics)
    }

    /// One question of one assessment (by index into the sheets and into the catalogue).
    private struct AnswerKey: Hashable {
        let sheet: Int
        let question: Int
    }

    /// The line of the first answer to each of `keys`, read again from the answers table: only
    /// when some question was answered twice, so a clean table is read once; remembering every
    /// answer's line on the first reading would cost memory for millions of rows.
    private func firstLines(of keys: Set<AnswerKey>, _ data: inout DataFolder, _ path: String, _ assessmentTable: ByteTable,
                            _ sheets: [Sheet]) -> [AnswerKey: Int] {
        guard !keys.isEmpty, let reader = data.open(path, DataTables.answers) else { return [:] }
        var lines: [AnswerKey: Int] = [:]
        reader.forEachRow { row in
            guard lines.count < keys.count,
                  let index = row.withBytes(0, { assessmentTable.value(for: $0) }),
                  let question = sheets[index].country.flatMap({ country in row.withBytes(1) { country.questionTable.value(for: $0) } })
            else { return }
            let key = AnswerKey(sheet: index, question: question)
            if keys.contains(key), lines[key] == nil { lines[key] = row.line }
        }
        return lines
    }

    /// An id the answers name that no assessment or question has: where its message is in the
    /// reader's diagnostics, and how many rows name it.
    private struct UnknownId {
        let message: Int
        var rows: Int
    }

    /// The data problems as the internal report lists them: each table named by its name in
    /// the data folder (`answers.csv`), not as shown from the working folder
    /// (`data/answers.csv`, `/srv/cat/answers.csv`), so that the report is the same bytes
    /// from every folder. The tables lie directly in the data folder, so the name is the
    /// last path component. The terminal still gets paths it can open.
    static func namedInsideDataFolder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var renamed: [ObjectIdentifier: SourceFile] = [:]
        func rename(_ range: SourceRange) -> SourceRange {
            let file = range.file
            if let known = renamed[ObjectIdentifier(file)] { return SourceRange(known, range.span) }
            let name = (file.path as NSString).lastPathComponent
            let copy = name == file.path ? file : SourceFile(path: name, bytes: file.bytes, firstLine: file.firstLine)
            renamed[ObjectIdentifier(file)] = copy
            return SourceRange(copy, range.span)
        }
        return diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            diagnostic.range = diagnostic.range.map(rename)
            diagnostic.secondary = diagnostic.secondary.map { DiagnosticLabel(rename($0.range), $0.message) }
            return diagnostic
        }
    }

    /// SHA-256 over the rule files of the countries used, in the order of their paths
    /// relative to the rules root: each path, a NUL, the file's bytes, a NUL. The paths are
    /// root-relative, never as shown from the working folder, so that publishing the same
    /// rules and data from any folder gives the same digest, and so the same bytes out.
    private func rulesDigest(_ countries: [String: CountryRules]) -> String {
        var files: [String: SourceFile] = [:]
        for country in countries.values {
            for (path, file) in zip(country.book.rootRelativePaths, country.book.files) { files[path] = file }
        }
        var hash = SHA256()
        for path in files.keys.sorted() {
            hash.update(Array(path.utf8) + [0])
            hash.update(files[path]!.bytes + [0])
        }
        return hash.hexDigest()
    }
}
