import Foundation

/// The outcome of checking rule files: a rule book if there were no errors, and every diagnostic.
public struct CheckResult: Sendable {
    /// The checked rules; nil when any error was found.
    public let ruleBook: RuleBook?
    /// Every problem found, errors and warnings, in a stable order.
    public let diagnostics: [Diagnostic]
    /// Every file read.
    package let files: [SourceFile]
    /// For a country: the rules as its adopted decisions make them, which is all that may be
    /// published (`ruleBook` holds drafts too, for checks, examples and the preview).
    public var publicRuleBook: RuleBook? = nil

    /// True when some diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Resolves names across files, checks types, layers and dates, and builds a `RuleBook`.
///
/// Checking collects: it reports every problem it can find in one run and avoids
/// cascades by leaving out of the rule book whatever failed, so that later checks see
/// only sound items.
public struct Checker: Sendable {
    /// Checks the rule book whose entry file is `path`.
    ///
    /// - Parameters:
    ///   - root: the folder includes may not leave; by default the folder above `path` that holds `rules/`.
    ///   - access: where the files are read: nil for the disk, or a `MemoryFileAccess` for rules
    ///     held in memory (then nothing is read from disk).
    ///   - displayBase: paths in messages are shown relative to this folder (default: the working folder).
    public static func check(entry path: String, root: String? = nil, access: (any RuleFileAccess)? = nil,
                             displayBase: String = FileManager.default.currentDirectoryPath) -> CheckResult {
        check(entries: [path], root: root, access: access, displayBase: displayBase)[0]
    }

    /// Checks several entry files in one run, reading and parsing each shared file once.
    public static func check(entries paths: [String], root: String? = nil, access: (any RuleFileAccess)? = nil,
                             displayBase: String = FileManager.default.currentDirectoryPath) -> [CheckResult] {
        var memo = CheckRunMemo()
        return check(entries: paths, root: root, access: access ?? DiskFileAccess(), displayBase: displayBase, memo: &memo)
    }

    /// Checks entries with what an earlier run learned (the fuzz target for rule files keeps
    /// its miniature project's shared files parsed from one input to the next).
    static func check(entries paths: [String], root: String?, access: any RuleFileAccess, displayBase: String,
                      memo: inout CheckRunMemo) -> [CheckResult] {
        paths.map { path in
            let rootFolder = root ?? RuleLoader.findRoot(for: path, access: access)
            var loader = RuleLoader(access: access, root: rootFolder, displayBase: access.canonical(displayBase))
            loader.memo = memo
            loader.load(entry: path)
            var checker = Checker(files: loader.files)
            checker.memo = loader.memo
            checker.sink.report(contentsOf: loader.diagnostics)
            // When an include failed, the rules are incomplete: names they declare would all be
            // reported unknown. Report the files' own problems and the include, and stop there.
            checker.includesFailed = loader.diagnostics.contains { $0.severity == .error }
            defer { memo = checker.memo }
            return checker.run()
        }
    }

    var sink = DiagnosticSink()
    let files: [LoadedFile]
    var includesFailed = false
    /// What this run learned from the entries checked before this one.
    var memo = CheckRunMemo()

    // Definitions collected from every file.
    var clusters: [String: Cluster] = [:]
    var clusterOrder: [String] = []
    var points: [String: CompliancePoint] = [:]
    var pointOrder: [String] = []
    var questionDefinitions: [String: [Definition]] = [:]
    var questionOrder: [String] = []
    var questionKinds: [String: AnswerKind] = [:]
    var questionIndex: [String: Int] = [:]
    var parameterDefinitions: [String: [Definition]] = [:]
    var issueDefinitions: [String: [Definition]] = [:]
    var issueOrder: [String] = []
    var policyDefinitions: [String: [Definition]] = [:]
    var zeroToleranceDefinitions: [String: [Definition]] = [:]
    var zeroToleranceOrder: [String] = []
    var decisions: [String: Decision] = [:]
    var moderation: [ModerationRule] = []
    var omittedCategories: [IssueCategory: SourceRange] = [:]
    var constraints: [Constraint] = []
    /// A country's `heading` declarations, in file order (built once the issues are known).
    var headingDefinitions: [Definition] = []
    /// A country's `tier` declarations, in file order.
    var tierDefinitions: [Definition] = []
    /// The factory attributes declared (`attribute sector`), in declaration order.
    var attributes: [FactoryAttribute] = []
    /// A country's `scope` declarations (one is allowed).
    var scopeDefinitions: [Definition] = []
    /// Issue and language of titles entries whose misspelt id was reported.
    var misspeltTitles: Set<String> = []
    var choices: [CountryChoice] = []
    /// The syntax of each checked issue condition, for messages that point into it.
    var conditionSyntax: [RuleCondition: (Condition, SourceFile)] = [:]
    var country: Country?
    var countryFile: SourceFile?
    /// While building the public view: the country-file changes kept, by the offset of their
    /// keyword, with the day each starts; nil otherwise (every change is applied).
    var adoptedChanges: [Int: Day]?

    /// One declaration together with the file it is in.
    struct Definition {
        var declaration: Declaration
        var file: SourceFile
        var isEntry: Bool
        var range: DateRange
        func at(_ span: Span) -> SourceRange { SourceRange(file, span) }
        var name: Name { declaration.name! }
    }

    init(files: [LoadedFile]) {
        self.files = files
    }

    mutating func run() -> CheckResult {
        for loaded in files {
            sink.report(contentsOf: loaded.syntax.diagnostics)
            if loaded.syntax.declarations.isEmpty && loaded.syntax.diagnostics.isEmpty {
                report(.emptyFile, "`\(loaded.syntax.file.path)` declares nothing", SourceRange(loaded.syntax.file, Span(0, 0)),
                       help: "add declarations, or delete the file")
            }
        }
        if includesFailed {
            return CheckResult(ruleBook: nil, diagnostics: Diagnostic.sortedForOutput(sink.diagnostics), files: files.map(\.syntax.file))
        }
        collect()
        let clusterList = clusterOrder.compactMap { clusters[$0] }
        let pointList = pointOrder.compactMap { points[$0] }
        let questions = buildQuestions()
        let parameters = buildParameters()
        let policy = buildPolicy()
        var issues = buildIssues()
        var zeroTolerance = buildZeroTolerance()
        if country != nil {
            applyCountryChanges(issues: &issues, questions: questions, zeroTolerance: &zeroTolerance)
        }
        var questionTimelines = questions
        applyQuestionChanges(&questionTimelines)
        var parameterTimelines = parameters
        var policyTimelines = policy
        applyValueChanges(parameters: &parameterTimelines, policy: &policyTimelines)
        let orderedIssues = issueOrder.compactMap { issues[$0] }
        checkCountryCoverage(orderedIssues)
        checkDecisionDates()
        let examples = buildExamples(issues: issues)
        let headings = buildHeadings(issues: issues)
        let tiers = buildTiers(issues: orderedIssues, questions: questionTimelines)
        let scope = buildScope()
        checkInformationalQuestions(questions: questionTimelines, issues: orderedIssues, zeroTolerance: zeroToleranceOrder.compactMap { zeroTolerance[$0] },
                                    tiers: tiers, scope: scope)
        let sourceFiles = files.map(\.syntax.file)
        guard !sink.hasErrors else { return CheckResult(ruleBook: nil, diagnostics: Diagnostic.sortedForOutput(sink.diagnostics), files: sourceFiles) }
        var book = RuleBook(
            country: country, questions: questionOrder.compactMap { questionTimelines[$0] }, questionIndex: questionIndex,
            clusters: clusterList, points: pointList, issues: orderedIssues, parameters: parameterTimelines,
            policy: policyTimelines, zeroTolerance: zeroToleranceOrder.compactMap { zeroTolerance[$0] },
            decisions: decisions, moderation: moderation, constraints: constraints, choices: choices, examples: examples, files: sourceFiles,
            rootRelativePaths: files.map(\.rootRelativePath))
        book.headings = headings
        book.tiers = tiers
        book.attributes = attributes
        book.scope = scope
        // Answers that silence an issue are found on the built rules, changes applied.
        sink.report(contentsOf: SilencingCheck(book: book, syntax: conditionSyntax).diagnostics())
        let diagnostics = Diagnostic.sortedForOutput(sink.diagnostics)
        guard !sink.hasErrors else { return CheckResult(ruleBook: nil, diagnostics: diagnostics, files: sourceFiles) }
        guard country != nil else { return CheckResult(ruleBook: book, diagnostics: diagnostics, files: sourceFiles) }
        let (publicBook, standing) = publicView(of: book)
        book.standing = standing
        return CheckResult(ruleBook: book, diagnostics: diagnostics, files: sourceFiles, publicRuleBook: publicBook)
    }

    // MARK: Reporting

    mutating func report(_ code: DiagnosticCode, _ message: String, _ range: SourceRange?, label: String? = nil,
                         secondary: [DiagnosticLabel] = [], notes: [String] = [], help: String? = nil) {
        sink.report(Diagnostic(code, message, at: range, label: label, secondary: secondary, notes: notes, help: help))
    }

    // MARK: Collecting

    mutating func collect() {
        for loaded in files {
            let file = loaded.syntax.file
            let isCountryFile = loaded.syntax.declarations.contains { $0.kind == .country }
            // The clauses of a shared file found clean for one entry are clean for the next.
            let clausesKnownClean = !loaded.isEntry && memo.cleanClauseFiles.contains(loaded.canonicalPath)
            var clausesClean = true
            defer { if !loaded.isEntry, clausesClean, !clausesKnownClean { memo.cleanClauseFiles.insert(loaded.canonicalPath) } }
            for declaration in loaded.syntax.declarations {
                guard let name = declaration.name else { continue }
                // A declaration in the wrong file is reported for that alone: its clauses and
                // its decision would only add noise.
                let isCountryChoice: Bool = switch declaration.kind {
                case .titles, .change, .withdraw, .omitCategory, .omitConstraint, .heading, .tier, .scope: true
                default: false
                }
                if declaration.kind == .attribute, isCountryFile {
                    report(.misplacedDeclaration, "`attribute` in a country file", SourceRange(file, declaration.keywordSpan),
                           label: "factory attributes are shared by every country",
                           help: "declare the attribute and its values in rules/catalogue.disclose")
                    continue
                }
                if isCountryChoice, !isCountryFile || !loaded.isEntry {
                    report(.misplacedDeclaration, "`\(declaration.kind.spelling)` outside a country file",
                           SourceRange(file, declaration.keywordSpan), label: "only a country file can make this choice",
                           help: "edit the shared definition itself, or move this into the country's file in countries/")
                    continue
                }
                if !clausesKnownClean {
                    let before = sink.diagnostics.count
                    checkClauses(declaration, in: file)
                    if sink.diagnostics.count != before { clausesClean = false }
                }
                let definition = Definition(declaration: declaration, file: file, isEntry: loaded.isEntry,
                                            range: dateRange(of: declaration, in: file))
                if isCountryFile, declaration.requiresDecisionInCountry, declaration.isComplete, clause(.decidedBy, of: declaration) == nil,
                   !isChangeOrWithdraw(declaration.kind)
                {
                    report(.missingClause, "\(declaration.kind.spelling) `\(name.text)` is a country-level choice without `decided by`",
                           SourceRange(file, declaration.keywordSpan), label: "needs the PAC decision it rests on",
                           help: "add a line such as `decided by \(countryCodeGuess(file))-PAC-2024-01` citing the decision in the country's register")
                }
                if isCountryFile, loaded.isEntry, declaration.requiresDecisionInCountry || declaration.kind == .country {
                    recordChoice(declaration, file: file, range: definition.range)
                }
                switch declaration.kind {
                case .include, .example:
                    break
                case .constraint:
                    collectConstraint(definition)
                case .country:
                    collectCountry(definition, isEntry: loaded.isEntry)
                case .cluster:
                    if let previous = clusters[name.text] {
                        reportDuplicate("cluster", name, definition, previous: previous.origin)
                    } else {
                        clusters[name.text] = Cluster(id: name.text, titles: titles(of: declaration, in: file), origin: definition.at(name.span))
                        clusterOrder.append(name.text)
                    }
                case .point:
                    collectPoint(definition)
                case .question:
                    if questionDefinitions[name.text] == nil { questionOrder.append(name.text) }
                    questionDefinitions[name.text, default: []].append(definition)
                case .parameter:
                    parameterDefinitions[name.text, default: []].append(definition)
                case .issue:
                    if issueDefinitions[name.text] == nil { issueOrder.append(name.text) }
                    issueDefinitions[name.text, default: []].append(definition)
                case .policy:
                    if PolicySetting(rawValue: name.text) == nil {
                        report(.unknownValue, "unknown policy setting `\(name.text)`", definition.at(name.span),
                               label: "not a policy setting",
                               help: suggestionHelp(name.text, among: PolicySetting.allCases.map(\.rawValue), listing: "the settings are"))
                    } else {
                        policyDefinitions[name.text, default: []].append(definition)
                    }
                case .zeroTolerance:
                    if zeroToleranceDefinitions[name.text] == nil { zeroToleranceOrder.append(name.text) }
                    zeroToleranceDefinitions[name.text, default: []].append(definition)
                case .decision:
                    collectDecision(definition)
                case .moderation:
                    collectModeration(definition)
                case .omitCategory:
                    if let category = resolveCategory(name, file: file) {
                        omittedCategories[category] = SourceRange(file, name.span)
                    }
                case .omitConstraint:
                    break
                case .heading:
                    headingDefinitions.append(definition)
                case .tier:
                    tierDefinitions.append(definition)
                case .attribute:
                    collectAttribute(definition)
                case .scope:
                    scopeDefinitions.append(definition)
                case .titles, .change, .withdraw:
                    if case .withdraw(let item) = declaration.kind, item != .issue {
                        report(.misplacedDeclaration, "only public issues can be withdrawn", SourceRange(file, declaration.keywordSpan),
                               label: "cannot withdraw a \(item.rawValue)",
                               help: "to change what a \(item.rawValue) says, use `change \(item.rawValue) \(name.text)`")
                    }
                }
            }
        }
        checkOverlaps()
        questionIndex = Dictionary(uniqueKeysWithValues: questionOrder.enumerated().map { ($0.element, $0.offset) })
    }

    func isChangeOrWithdraw(_ kind: DeclarationKind) -> Bool {
        switch kind {
        case .change, .withdraw: true
        default: false
        }
    }

    func countryCodeGuess(_ file: SourceFile) -> String {
        country?.code ?? String((file.path as NSString).lastPathComponent.prefix(2))
    }

    mutating func reportDuplicate(_ what: String, _ name: Name, _ definition: Definition, previous: SourceRange, help: String? = nil) {
        report(.duplicateDefinition, "\(what) `\(name.text)` is defined twice", definition.at(name.span), label: "defined again here",
               secondary: [DiagnosticLabel(previous, "first defined here")],
               help: help ?? "ids must be unique: if this is a copy of the other, give it its own id, or remove it")
    }

    mutating func collectCountry(_ definition: Definition, isEntry: Bool) {
        let declaration = definition.declaration
        let name = definition.name
        let file = definition.file
        guard isEntry else {
            report(.misplacedDeclaration, "`country` in an included file", definition.at(declaration.keywordSpan),
                   label: "a country is declared only in its own file", help: "include shared files from the country file, not the other way round")
            return
        }
        if let existing = country {
            report(.duplicateDefinition, "a second `country` in one file", definition.at(name.span), label: "second country",
                   secondary: [DiagnosticLabel(existing.origin, "first country")], help: "give each country a file of its own in countries/")
            return
        }
        let isCode = name.text.count == 2 && name.text.allSatisfy { $0.isASCII && $0.isUppercase }
        if !isCode {
            report(.unknownValue, "`\(name.text)` is not a two-letter country code", definition.at(name.span),
                   label: "expected an ISO 3166-1 alpha-2 code", help: "write the code in capitals, such as `KH` for Cambodia or `VN` for Vietnam")
        }
        var languages: [String] = []
        var status = CountryStatus.draft
        var decision: String?
        var reason: String?
        var publishesNothing = false
        for clause in declaration.clauses {
            switch clause.body {
            case .languages(let names):
                for language in names {
                    // An unknown code is reported once, here, and not declared: otherwise every
                    // issue would also lack a title in it.
                    guard checkLanguageCode(language, file: file) else { continue }
                    if languages.contains(language.text) {
                        report(.repeatedClause, "language `\(language.text)` is listed twice", SourceRange(file, language.span), help: "list each language once")
                    }
                    languages.append(language.text)
                }
            case .status(let word, let by):
                if let value = CountryStatus(rawValue: word.text) {
                    status = value
                } else {
                    report(.unknownValue, "unknown country status `\(word.text)`", SourceRange(file, word.span),
                           help: suggestionHelp(word.text, among: CountryStatus.allCases.map(\.rawValue), listing: "a country's status is"))
                }
                if let by {
                    report(.unexpectedToken, "`by` after a country's status", SourceRange(file, by.span),
                           help: "cite the decision on its own line: `decided by \(by.text)`")
                }
            case .decidedBy(let id): decision = id.text
            case .reason(let text): reason = text.text
            case .publishesNothing: publishesNothing = true
            default: break
            }
        }
        if publishesNothing, reason == nil {
            report(.missingClause, "country `\(name.text)` publishes nothing but gives no reason", definition.at(declaration.keywordSpan),
                   help: "add a line such as `reason \"Better Work runs no factory assessments here\"`")
        }
        if !publishesNothing, languages.isEmpty {
            report(.missingClause, "country `\(name.text)` declares no languages", definition.at(declaration.keywordSpan),
                   help: "add a line such as `languages en, km`: the languages its public titles are written in")
        }
        if status == .decided, decision == nil {
            report(.missingClause, "country `\(name.text)` is decided but cites no decision", definition.at(declaration.keywordSpan),
                   help: "add `decided by ID` with the PAC decision that adopted the list, or set `status draft`")
        }
        country = Country(code: name.text, titles: titles(of: declaration, in: file), languages: languages, status: status,
                          decision: decision, publishesNothing: publishesNothing, reason: reason, origin: definition.at(name.span))
        countryFile = file
    }

    mutating func collectPoint(_ definition: Definition) {
        let name = definition.name
        if let previous = points[name.text] {
            reportDuplicate("compliance point", name, definition, previous: previous.origin)
            return
        }
        guard let parent = definition.declaration.parent else { return }
        points[name.text] = CompliancePoint(id: name.text, cluster: parent.text, titles: titles(of: definition.declaration, in: definition.file),
                                            origin: definition.at(name.span))
        pointOrder.append(name.text)
    }

    mutating func collectDecision(_ definition: Definition) {
        let declaration = definition.declaration
        let name = definition.name
        if let previous = decisions[name.text] {
            reportDuplicate("decision", name, definition, previous: previous.origin)
            return
        }
        var decision = Decision(id: name.text, titles: titles(of: declaration, in: definition.file), status: .proposed, supersededBy: nil,
                                date: nil, source: nil, covers: [], publishes: [], withdraws: [], rewords: [], origin: definition.at(name.span))
        for clause in declaration.clauses {
            switch clause.body {
            case .status(let word, let by):
                if let status = DecisionStatus(rawValue: word.text) {
                    decision.status = status
                    if status == .superseded, by == nil {
                        report(.missingClause, "decision `\(name.text)` is superseded but does not say by which decision",
                               definition.at(clause.span), help: "write `status superseded by ID`")
                    }
                    if status != .superseded, let by {
                        report(.conflictingClauses, "only a superseded decision names the decision that replaced it",
                               definition.at(by.span), help: "write `status superseded by \(by.text)`, or remove `by \(by.text)`")
                    }
                } else {
                    report(.unknownValue, "unknown decision status `\(word.text)`", definition.at(word.span),
                           help: suggestionHelp(word.text, among: DecisionStatus.allCases.map(\.rawValue), listing: "a decision's status is"))
                }
                decision.supersededBy = by?.text
            case .on(let date): decision.date = date.date
            case .source(let text): decision.source = text.text
            case .covers(let ids): decision.covers = ids.map(\.text); decision.noteOrigins(ids, .covers, definition)
            case .publishes(let ids): decision.publishes = ids.map(\.text); decision.noteOrigins(ids, .publishes, definition)
            case .withdraws(let ids): decision.withdraws = ids.map(\.text); decision.noteOrigins(ids, .withdraws, definition)
            case .rewords(let ids): decision.rewords = ids.map(\.text); decision.noteOrigins(ids, .rewords, definition)
            default: break
            }
        }
        decisions[name.text] = decision
    }

    mutating func collectModeration(_ definition: Definition) {
        let name = definition.name
        if let previous = moderation.first(where: { $0.id == name.text }) {
            reportDuplicate("moderation rule", name, definition, previous: previous.origin)
            return
        }
        var rule = ModerationRule(id: name.text, titles: titles(of: definition.declaration, in: definition.file), words: [:], nameCues: [:], patterns: [],
                                  origin: definition.at(name.span))
        for clause in definition.declaration.clauses {
            switch clause.body {
            case .words(let language, let words):
                checkLanguageCode(language, file: definition.file)
                rule.words[language.text, default: []] += words.map { $0.text.lowercased() }
            case .nameCues(let language, let cues):
                checkLanguageCode(language, file: definition.file)
                rule.nameCues[language.text, default: []] += cues.map(\.text)
            case .pattern(let text):
                // An empty pattern is reported as an empty text (E309), not as a broken one.
                guard !TextChecks.isBlank(text.text) else { continue }
                let valid = memo.validPatterns[text.text] ?? ((try? NSRegularExpression(pattern: text.text)) != nil)
                memo.validPatterns[text.text] = valid
                if valid, let hazard = PatternHazard.first(in: text.text) {
                    reportHazard(hazard, in: text.text, at: definition.at(text.span))
                } else if valid {
                    rule.patterns.append(text.text)
                } else {
                    report(.invalidPattern, "the pattern \(ConditionPrinter.quoted(text.text)) is not a valid regular expression", definition.at(text.span),
                           label: "cannot be read", help: "check brackets and backslashes; inside quotes a backslash is written twice, as in \"\\\\d{3}\"")
                }
            default: break
            }
        }
        moderation.append(rule)
    }

    /// A pattern that could make publishing wait on one response for minutes (`PatternHazard`).
    mutating func reportHazard(_ hazard: PatternHazard, in pattern: String, at place: SourceRange) {
        switch hazard {
        case .nestedRepetition(let group):
            report(.slowPattern, "the pattern repeats `\(group)`, which has parts that vary inside", place, label: "can take minutes on one response",
                   help: "repeat a single character or a class, as in `[0-9 ().-]{7,}`, or write the repetitions out; see `disclose help E405`")
        case .backReference(let reference):
            report(.backReferencePattern, "the pattern refers back to a group with `\(reference)`", place, label: "not allowed in moderation patterns",
                   help: "write out the text to look for, or list it in a `words` clause")
        }
    }

    mutating func collectConstraint(_ definition: Definition) {
        var requirements: [Requirement] = []
        for clause in definition.declaration.clauses {
            guard case .requires(let syntax) = clause.body else { continue }
            switch syntax {
            case .check(let name):
                if let check = Requirement.Check(rawValue: name.text) {
                    requirements.append(.check(check))
                } else {
                    report(.unknownValue, "unknown check `\(name.text)`", definition.at(name.span), label: "not a check",
                           help: suggestionHelp(name.text, among: Requirement.Check.allCases.map(\.rawValue), listing: "the checks are"))
                }
            case .policy(let name, let comparison, let amount, _):
                if let setting = PolicySetting(rawValue: name.text), setting == .minimumAssessments || setting == .refusalsToList {
                    requirements.append(.policy(setting, comparison, amount))
                } else {
                    report(.unknownValue, "`\(name.text)` is not a policy setting with a number", definition.at(name.span), label: "cannot be compared",
                           help: "compare `minimum-assessments` or `refusals-to-list`, as in `requires policy minimum-assessments at least 2`")
                }
            }
        }
        constraints.append(Constraint(id: definition.name.text, titles: titles(of: definition.declaration, in: definition.file),
                                      requirements: requirements, origin: definition.at(definition.name.span)))
    }

    /// Records a country-level choice and the decision it cites, for validation against the register.
    mutating func recordChoice(_ declaration: Declaration, file: SourceFile, range: DateRange) {
        guard let name = declaration.name else { return }
        var items = [name.text]
        var decision: (String, SourceRange)?
        var reason: String?
        var changed: [String] = []
        for clause in declaration.clauses {
            switch clause.body {
            case .decidedBy(let id): decision = (id.text, SourceRange(file, id.span))
            case .entry(let id, _): items.append(id.text)
            case .reason(let text): reason = text.text
            case .value(let value): changed.append("value \(ConditionPrinter.text(of: value.literal))")
            case .title(let language, _): changed.append("title \(language.text)")
            case .text(let language, _): changed.append("text \(language.text)")
            case .from, .until, .languages, .status, .source, .publishesNothing: break
            default: changed.append(clause.body.keyword)
            }
        }
        var renames = false
        if case .change(.issue) = declaration.kind { renames = declaration.clauses.contains { $0.body.kind == .title } }
        if declaration.kind == .titles { renames = true }
        choices.append(CountryChoice(kind: declaration.kind, items: items, decision: decision?.0, decisionCitation: decision?.1,
                                     from: range.from, until: range.until, reason: reason, changes: changed, renamesTitles: renames,
                                     origin: SourceRange(file, declaration.keywordSpan.union(name.span))))
    }

    mutating func checkOverlaps() {
        let groups: [(String, [String: [Definition]])] = [
            ("question", questionDefinitions), ("parameter", parameterDefinitions), ("issue", issueDefinitions),
            ("policy", policyDefinitions), ("zero-tolerance", zeroToleranceDefinitions),
        ]
        for (what, definitions) in groups {
            for id in definitions.keys.sorted() {
                let list = definitions[id]!
                for (index, later) in list.enumerated() {
                    // A definition whose dates are already reported as wrong takes no part in overlaps.
                    for earlier in list[..<index] where !earlier.range.isBroken && !later.range.isBroken && earlier.range.overlaps(later.range) {
                        if earlier.range.isUnbounded && later.range.isUnbounded {
                            reportDuplicate(what, later.name, later, previous: earlier.at(earlier.name.span),
                                            help: later.isEntry && !earlier.isEntry
                                                ? "this \(what) is inherited: to change it here, write `change \(what) \(id)` with a reason and a decision"
                                                : "if this is a copy, give it its own id; to replace it from a date, give both definitions `from` and `until` dates")
                        } else {
                            report(.overlappingDates, "\(what) `\(id)` has two definitions in force on the same days",
                                   later.at(later.name.span), label: "in force \(later.range.phrase)",
                                   secondary: [DiagnosticLabel(earlier.at(earlier.name.span), "also in force \(earlier.range.phrase)")],
                                   help: "make the periods follow each other; `until` is the last day in force")
                        }
                    }
                }
            }
        }
    }

    // MARK: Clauses

    mutating func checkClauses(_ declaration: Declaration, in file: SourceFile) {
        let rules = ClauseRules.of(declaration.kind)
        // A declaration has a handful of clauses: a list searched in order beats hashing.
        var seen: [(kind: ClauseKind, span: Span)] = []
        var seenLanguages: [(kind: ClauseKind, key: String, span: Span)] = []
        var hasValueByAttribute = false
        seen.reserveCapacity(declaration.clauses.count)
        for clause in declaration.clauses {
            let kind = clause.body.kind
            guard rules.allowed.contains(kind) else {
                let allowed = rules.allowed.keywords.map { "`\($0)`" }.joined(separator: ", ")
                report(.clauseNotAllowed, "`\(kind.keyword)` is not a clause of `\(declaration.kind.spelling)`", SourceRange(file, clause.keywordSpan),
                       label: "not allowed here", help: allowed.isEmpty ? "`\(declaration.kind.spelling)` takes no clauses" : "`\(declaration.kind.spelling)` takes: \(allowed)")
                continue
            }
            // Titles, texts and word lists repeat once per language; title entries once per id.
            var languageKey: Name?
            switch clause.body {
            case .title(let language, _), .text(let language, _), .words(let language, _), .nameCues(let language, _): languageKey = language
            case .entry(let id, _): languageKey = id
            default: break
            }
            // Values by attribute repeat, one line per group of factories (checked when the parameter is built).
            if case .value(let value) = clause.body, let selector = value.selector {
                switch declaration.kind {
                case .parameter, .change(.parameter): break
                default:
                    report(.clauseNotAllowed, "`value … for` in `\(declaration.kind.spelling)`", SourceRange(file, selector.attribute.span),
                           label: "only a parameter's value may differ by factory", help: "give one `value` line for every factory")
                }
                checkTexts(of: clause.body, in: file)
                hasValueByAttribute = true
                continue
            }
            if let key = languageKey {
                if let previous = seenLanguages.first(where: { $0.kind == kind && $0.key == key.text })?.span {
                    report(.repeatedClause, kind == .entry ? "a title for `\(file.text(key.span))` is given twice" : "`\(kind.keyword) \(file.text(key.span))` is given twice",
                           SourceRange(file, key.span), label: "again here", secondary: [DiagnosticLabel(SourceRange(file, previous), "first here")], help: "keep one")
                } else {
                    seenLanguages.append((kind, key.text, key.span))
                }
            } else if let previous = seen.first(where: { $0.kind == kind })?.span, !rules.repeatable.contains(kind) {
                report(.repeatedClause, "`\(kind.keyword)` is given twice", SourceRange(file, clause.keywordSpan), label: "again here",
                       secondary: [DiagnosticLabel(SourceRange(file, previous), "first here")], help: "keep one `\(kind.keyword)` line")
            }
            seen.append((kind, clause.keywordSpan))
            checkTexts(of: clause.body, in: file)
        }
        if declaration.kind == .example, let name = declaration.name, TextChecks.isBlank(name.text) {
            report(.emptyText, "an example without a name", SourceRange(file, name.span), label: "empty",
                   help: "say in a few words what the example shows, as in `example \"A 13-year-old found on the sewing line\"`")
        }
        for kind in rules.required where !seen.contains(where: { $0.kind == kind }) && declaration.isComplete && !(kind == .value && hasValueByAttribute) {
            let keyword = kind.keyword
            let what = declaration.name.map { "\(declaration.kind.spelling) `\($0.text)`" } ?? "`\(declaration.kind.spelling)`"
            var example = ClauseRules.example(of: kind)
            if declaration.kind == .country && kind == .status { example = "status draft" }
            if kind == .decidedBy { example = "decided by \(countryCodeGuess(file))-PAC-2024-01" }
            if kind == .category {
                report(.missingClause, "\(what) has no `category`", SourceRange(file, declaration.keywordSpan), label: "needs `category`",
                       help: "add a line `category NAME`, with NAME one of: " + IssueCategory.allCases.map(\.rawValue).joined(separator: ", "))
                continue
            }
            report(.missingClause, "\(what) has no `\(keyword)`", SourceRange(file, declaration.keywordSpan),
                   label: "needs `\(keyword)`", help: "add a line such as `\(example)`")
        }
        if case .change(let item) = declaration.kind, declaration.isComplete,
           !declaration.clauses.contains(where: { ![.reason, .decidedBy, .from, .until].contains($0.body.kind) })
        {
            let example = switch item {
            case .parameter: "value 16 years"
            case .policy: "value 3"
            case .question: "text km \"…\""
            case .issue, .zeroTolerance: ClauseRules.example(of: .title)
            }
            report(.missingClause, "`\(declaration.kind.spelling)` changes nothing", SourceRange(file, declaration.keywordSpan),
                   label: "no changed clause", help: "add the clauses that change, such as `\(example)`")
        }
        if case .titles = declaration.kind, let name = declaration.name {
            checkLanguageCode(name, file: file)
        }
    }

    /// Reports texts that are empty or only spaces, where a text must say something.
    mutating func checkTexts(of body: ClauseBody, in file: SourceFile) {
        var texts: [TextLiteral] = []
        switch body {
        case .title(_, let text), .text(_, let text), .legal(let text), .reason(let text), .source(let text), .entry(_, let text),
             .pattern(let text):
            texts = [text]
        case .words(_, let words), .nameCues(_, let words): texts = words
        case .answer(.choice(let options)): texts = options
        case .nonCompliant(.choices(let options)): texts = options
        case .values(let values): texts = values
        case .coversWhen: return
        case .answer, .nonCompliant, .notApplicableAllowed, .category, .raised, .questions, .deadline, .value, .decidedBy, .from, .until,
             .languages, .status, .publishesNothing, .given, .expect, .on, .covers, .publishes, .withdraws, .rewords, .requires, .required,
             .issues, .step, .concerns, .assessments, .threshold:
            return
        }
        for text in texts where TextChecks.isBlank(text.text) {
            let keyword = body.kind == .entry ? "title" : body.keyword
            let example: String = switch body.kind {
            case .reason: "reason \"The PAC asked for the national minimum age in the title\""
            case .entry: "UNDERAGE-WORKERS \"Workers under the legal minimum working age\""
            case .pattern: "pattern \"\\\\+?[0-9][0-9 ()-]{7,}[0-9]\""
            case .words: "words en \"idiot\", \"liar\""
            case .nameCues: "name-cues en \"mr\", \"contact\""
            case .legal: "legal \"Labour Code, article 14\""
            case .source: "source \"PAC meeting minutes, Phnom Penh\""
            case .answer, .nonCompliant: "answer one of \"written\", \"verbal\", \"none\""
            case .values: "values \"garment\", \"footwear\""
            default: ClauseRules.example(of: body.kind)
            }
            report(.emptyText, text.text.isEmpty ? "empty text in `\(keyword)`" : "text of only spaces in `\(keyword)`", SourceRange(file, text.span),
                   label: text.text.isEmpty ? "empty" : "nothing but spaces",
                   help: "write the text, as in `\(example)`" + (body.kind == .pattern ? ": an empty pattern would hold every response" : ""))
        }
    }

    func clause(_ kind: ClauseKind, of declaration: Declaration) -> Clause? {
        // By index: `first(where:)` copied every clause it passed, retains and all.
        let clauses = declaration.clauses
        for index in clauses.indices where clauses[index].body.kind == kind { return clauses[index] }
        return nil
    }

    mutating func dateRange(of declaration: Declaration, in file: SourceFile) -> DateRange {
        var range = DateRange()
        for clause in declaration.clauses {
            if case .from(let date) = clause.body { range.from = date.day }
            if case .until(let date) = clause.body { range.until = date.day }
        }
        if let from = range.from, let until = range.until, until < from {
            let untilSpan = declaration.clauses.first { if case .until = $0.body { true } else { false } }!.span
            report(.invalidDateRange, "ends on \(until), before it starts on \(from)", SourceRange(file, untilSpan),
                   label: "`until` is the last day in force", help: "swap the dates, or correct the year")
            range.isBroken = true
        }
        return range
    }

    mutating func titles(of declaration: Declaration, in file: SourceFile) -> [String: String] {
        var result: [String: String] = [:]
        result.reserveCapacity(declaration.clauses.count)
        for clause in declaration.clauses {
            if case .title(let language, let text) = clause.body {
                checkLanguageCode(language, file: file)
                result[language.text] = text.text
            }
        }
        return result
    }

    @discardableResult
    mutating func checkLanguageCode(_ language: Name, file: SourceFile) -> Bool {
        guard !LanguageCodes.all.contains(language.text) else { return true }
        var help = "use a two-letter ISO 639-1 language code, such as `en`, `km`, `vi` or `ar`"
        if let meant = LanguageCodes.likelyMeant[language.text.lowercased()] {
            help = "did you mean `\(meant.code)` (\(meant.name))? `\(language.text)` is a country code, not a language code"
        } else if language.text != language.text.lowercased(), LanguageCodes.all.contains(language.text.lowercased()) {
            help = "language codes are lowercase: `\(language.text.lowercased())`"
        }
        report(.unknownReference, "unknown language code `\(language.text)`", SourceRange(file, language.span), label: "not a language code", help: help)
        return false
    }

    func suggestionHelp(_ word: String, among candidates: [String], listing: String) -> String {
        if let suggestion = Suggestion.closest(to: word, among: candidates) { return "did you mean `\(suggestion)`?" }
        guard !candidates.isEmpty else { return "none are declared in the files this one includes" }
        return "\(listing): " + candidates.prefix(12).map { "`\($0)`" }.joined(separator: ", ") + (candidates.count > 12 ? ", …" : "")
    }
}

extension Declaration {
    /// True for declarations that, in a country file, are choices a PAC must have decided.
    var requiresDecisionInCountry: Bool {
        switch kind {
        case .question, .parameter, .issue, .policy, .zeroTolerance, .titles, .change, .withdraw, .moderation, .omitCategory, .omitConstraint,
             .heading, .tier, .scope: true
        case .include, .country, .cluster, .point, .example, .decision, .constraint, .attribute: false
        }
    }
}

extension Decision {
    /// Remembers where each id of a clause is written (the first time, if written twice).
    mutating func noteOrigins(_ ids: [Name], _ clause: DecisionClause, _ definition: Checker.Definition) {
        for id in ids where itemOrigins[clause]?[id.text] == nil {
            itemOrigins[clause, default: [:]][id.text] = definition.at(id.span)
        }
    }
}

/// What one run of the checker over several entries (`Checker.check(entries:)`) learns once
/// and reuses for every entry: the country files all include the same catalogue, policy and
/// moderation rules.
struct CheckRunMemo {
    /// Files already parsed, by canonical path.
    var parsed: [String: SyntaxFile] = [:]
    /// Paths already made canonical: resolving symbolic links asks the file system about every
    /// component.
    var canonicalPaths: [String: String] = [:]
    /// Moderation patterns, and whether each compiled: compiling one with ICU costs about as
    /// much as checking a country.
    var validPatterns: [String: Bool] = [:]
    /// Shared files (never the entry) whose clauses were checked and gave no diagnostic: the
    /// catalogue's 219 questions are not checked again for every country.
    var cleanClauseFiles: Set<String> = []
}
