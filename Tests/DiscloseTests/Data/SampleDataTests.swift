import Foundation
import Testing

@testable import Disclose
@testable import DiscloseSample

/// The sample generator: deterministic bytes, answers that fit the catalogue, and a mix that
/// exercises every rule of the publication policy and every kind of hostile input.
@Suite struct SampleDataTests {
    static let root = Golden.packageRoot.path

    /// The shipped country rule books, loaded once.
    static let books: [RuleBook] = {
        let folder = Golden.packageRoot.appendingPathComponent("countries").path
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter(SampleData.isCountryFileName).sorted()
        return Checker.check(entries: names.map { (folder as NSString).appendingPathComponent($0) }).compactMap(\.ruleBook)
    }()

    static func book(_ country: String) -> RuleBook? { books.first { $0.country?.code == country } }

    /// A small sample: a handful of random factories per country plus the scenario factories.
    static let sample: SampleDataSet = try! SampleData(seed: 7, scale: 0.05).generate(books: books)

    static func answer(_ text: String, for question: Question) -> Answer? {
        let word = text.lowercased()
        if ["not-applicable", "n/a", "na"].contains(word) { return question.allowsNotApplicable ? .notApplicable : nil }
        switch question.answer {
        case .yesNo: return word == "yes" ? .yes : word == "no" ? .no : nil
        case .number: return Double(text).map { .number($0) }
        case .date: return Day(iso: text).map { .date($0) }
        case .choice(let options): return options.contains(text) ? .choice(text) : nil
        }
    }

    // MARK: Determinism

    @Test func splitMixIsTheReferenceAlgorithm() {
        var random = SampleRandom(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(SampleRandom.hash("") == 0xCBF2_9CE4_8422_2325)
    }

    @Test func sameSeedGivesTheSameBytes() throws {
        let again = try SampleData(seed: 7, scale: 0.05).generate(rulesRoot: Self.root)
        for format in SampleFormat.allCases {
            #expect(again.files(format: format) == Self.sample.files(format: format))
        }
    }

    @Test func differentSeedGivesDifferentData() throws {
        let other = try SampleData(seed: 8, scale: 0.05).generate(books: Self.books)
        #expect(other.factoriesCSV != Self.sample.factoriesCSV)
        #expect(other.assessmentsCSV != Self.sample.assessmentsCSV)
        #expect(other.answersCSV != Self.sample.answersCSV)
    }

    @Test func scaleSetsTheNumberOfRandomFactories() throws {
        let none = try SampleData(seed: 7, scale: 0).generate(books: Self.books)
        #expect(none.factories.allSatisfy { $0.scenario != nil })
        #expect(none.factories.count == SampleScenario.all.count)
        let larger = try SampleData(seed: 7, scale: 0.1).generate(books: Self.books)
        #expect(larger.factories.count > Self.sample.factories.count)
        // A random factory's data depends on the seed and its id, not on the scale.
        let first = Self.sample.factories.first { $0.scenario == nil }!
        #expect(larger.factories.first { $0.factoryID == first.factoryID } == first)
        #expect(throws: SampleDataError.self) { try SampleData(seed: 1, scale: -1).generate(books: Self.books) }
        #expect(throws: SampleDataError.self) { try SampleData(seed: 1, scale: .nan).generate(books: Self.books) }
    }

    @Test func skipsCountriesThatPublishNothing() {
        for book in Self.books where book.country?.publishesNothing == true {
            #expect(!Self.sample.countries.contains(book.country!.code))
            #expect(Self.sample.skippedCountries.contains { $0.code == book.country!.code })
        }
        #expect(Self.sample.countries.count >= 2)
    }

    // MARK: Answers fit the rules

    @Test func everyAnswerFitsItsQuestion() throws {
        let countryOf = Dictionary(uniqueKeysWithValues: Self.sample.factories.map { ($0.factoryID, $0.country) })
        for assessment in Self.sample.assessments {
            guard assessment.status == .completed else {
                #expect(assessment.answers.isEmpty)
                continue
            }
            let book = try #require(Self.book(countryOf[assessment.factoryID]!))
            let inForce = book.questions.compactMap { $0.value(on: assessment.assessedOn)?.id }
            #expect(assessment.answers.map(\.questionID) == inForce, "\(assessment.assessmentID) answers every question once")
            for row in assessment.answers {
                let question = try #require(book.question(row.questionID, on: assessment.assessedOn))
                #expect(Self.answer(row.answer, for: question) != nil,
                        "\(assessment.assessmentID) \(row.questionID): `\(row.answer)` does not fit \(question.answer)")
            }
        }
    }

    @Test func numbersFallOnBothSidesOfTheirThresholds() throws {
        var below = 0, above = 0
        for assessment in Self.sample.assessments where assessment.status == .completed {
            let country = Self.sample.factories.first { $0.factoryID == assessment.factoryID }!.country
            let context = SampleCountry(code: country, book: try #require(Self.book(country)))
            for row in assessment.answers {
                guard let question = context.book.question(row.questionID, on: assessment.assessedOn),
                    case .number = question.answer, let value = Self.answer(row.answer, for: question)
                else { continue }
                if context.isNonCompliant(question, value, on: assessment.assessedOn) { above += 1 } else { below += 1 }
            }
        }
        #expect(above > 10)
        #expect(below > 10)
    }

    // MARK: The mix

    @Test func mixCoversThePublicationPolicy() throws {
        let sample = Self.sample
        let byFactory = Dictionary(grouping: sample.assessments, by: \.factoryID)
        let completedCounts = byFactory.mapValues { $0.filter { $0.status == .completed }.count }
        #expect(completedCounts.values.contains(1), "factories with only a first assessment")
        #expect(completedCounts.values.contains(2))
        #expect(completedCounts.values.contains { $0 >= 3 })
        for reason in RefusalReason.allCases {
            #expect(sample.assessments.contains { $0.status == .refused && $0.refusalReason == reason }, "refusal \(reason)")
        }
        #expect(byFactory.values.contains { $0.filter { $0.refusalReason == RefusalReason.none }.count >= 2 }, "two unexcused refusals")
        for assessment in sample.assessments where assessment.status == .refused {
            #expect(assessment.method == nil && assessment.finalisedOn == nil && assessment.refusalReason != nil)
        }
        let left = sample.factories.filter { $0.leftOn != nil }
        #expect(left.contains { byFactory[$0.factoryID]!.allSatisfy { $0.cycleEndsOn == nil } }, "an exit without cycle ends")
        #expect(left.contains { byFactory[$0.factoryID]!.last!.cycleEndsOn != nil }, "an exit with a cycle end")
        #expect(sample.assessments.contains { $0.status == .completed && $0.finalisedOn == nil }, "a report not finalised")
        for method in SampleMethod.allCases {
            #expect(sample.assessments.contains { $0.method == method }, "method \(method)")
        }
        #expect(Set(sample.factories.map(\.type)).isSuperset(of: ["garment", "footwear"]))
    }

    @Test func mixHasZeroToleranceCasesIncludingInAFirstAssessment() throws {
        var hits: [String] = []
        var inFirst = false
        for factory in Self.sample.factories {
            let context = SampleCountry(code: factory.country, book: try #require(Self.book(factory.country)))
            let completed = Self.sample.assessments.filter { $0.factoryID == factory.factoryID && $0.status == .completed }
            for (rank, assessment) in completed.enumerated() {
                for row in assessment.answers {
                    guard let question = context.book.question(row.questionID, on: assessment.assessedOn),
                        context.zeroTolerance.contains(question.index),
                        context.isNonCompliant(question, Self.answer(row.answer, for: question), on: assessment.assessedOn)
                    else { continue }
                    hits.append(row.questionID)
                    if rank == 0 && completed.count == 1 { inFirst = true }
                }
            }
        }
        #expect(hits.contains { $0.hasPrefix("CHL-") }, "child labour")
        #expect(hits.contains { $0.hasPrefix("FOR-") }, "forced labour")
        #expect(inFirst, "a zero-tolerance case in a factory's first and only assessment")
    }

    @Test func mixHasResponsesModerationMustHold() {
        let responses = Self.sample.responses
        for reason in SampleHoldReason.allCases {
            #expect(responses.contains { $0.heldFor == reason }, "a response held for \(reason)")
        }
        let held = responses.filter { $0.heldFor != nil }.map(\.text)
        #expect(held.contains { $0.contains("@example.com") })
        #expect(held.contains { $0.range(of: #"\+?\d[\d -]{7,}\d"#, options: .regularExpression) != nil })
        #expect(held.contains { $0.range(of: #"\b(Mr|Mrs|Ms)\. [A-Z]"#, options: .regularExpression) != nil })
        #expect(responses.contains { $0.heldFor == nil && !$0.attachments.isEmpty }, "ordinary responses with attachments")
        #expect(responses.contains { $0.issueID == nil }, "a response to the assessment as a whole")
        #expect(responses.contains { $0.issueID != nil })
    }

    @Test func mixHasHostileAndNonASCIIText() {
        let names = Self.sample.factories.map(\.name)
        let texts = Self.sample.responses.map(\.text)
        #expect(names.contains { $0.contains("<script>alert(1)</script>") })
        #expect(texts.contains { $0.contains("<script>alert(1)</script>") })
        #expect(names.contains { $0.hasPrefix("=") })
        #expect(texts.contains { $0.hasPrefix("=") })
        #expect(texts.contains { $0.contains("\n") && $0.contains("\"") })
        func uses(_ range: ClosedRange<UInt32>, _ strings: [String]) -> Bool {
            strings.contains { $0.unicodeScalars.contains { range.contains($0.value) } }
        }
        let all = names + texts
        #expect(uses(0x1E00...0x1EFF, all), "Vietnamese")
        #expect(uses(0x1780...0x17FF, all), "Khmer")
        #expect(uses(0x0600...0x06FF, all), "Arabic")
        #expect(uses(0x0980...0x09FF, texts), "Bengali")
    }

    @Test func datesCyclesAndReferencesAreConsistent() throws {
        let sample = Self.sample
        let first = Day(year: 2015, month: 1, day: 1)!, last = Day(year: 2025, month: 12, day: 31)!
        let factories = Dictionary(uniqueKeysWithValues: sample.factories.map { ($0.factoryID, $0) })
        let assessments = Dictionary(uniqueKeysWithValues: sample.assessments.map { ($0.assessmentID, $0) })
        #expect(sample.factories.map(\.factoryID) == sample.factories.map(\.factoryID).sorted())
        #expect(sample.assessments.map(\.assessmentID) == sample.assessments.map(\.assessmentID).sorted())
        #expect(Set(sample.factories.map(\.name)).count == sample.factories.count, "names are unique")
        for (id, list) in Dictionary(grouping: sample.assessments, by: \.factoryID) {
            let factory = try #require(factories[id])
            #expect(list.first!.cycle == 1)
            for (earlier, later) in zip(list, list.dropFirst()) {
                #expect(earlier.assessedOn < later.assessedOn && earlier.cycle <= later.cycle && later.cycle <= earlier.cycle + 1)
            }
            for assessment in list {
                #expect((first...last).contains(assessment.assessedOn))
                if let finalised = assessment.finalisedOn { #expect(finalised > assessment.assessedOn && finalised <= last) }
                if let end = assessment.cycleEndsOn { #expect(end > assessment.assessedOn) }
            }
            if let leftOn = factory.leftOn { #expect(leftOn > list.last!.assessedOn && leftOn <= last) }
        }
        for response in sample.responses {
            let assessment = try #require(assessments[response.assessmentID])
            #expect(assessment.factoryID == response.factoryID)
            #expect(assessment.status == .completed)
            let finalised = try #require(assessment.finalisedOn)
            #expect(response.respondedOn >= finalised && response.respondedOn <= last)
            if let issue = response.issueID {
                let book = try #require(Self.book(factories[response.factoryID]!.country))
                #expect(book.publicIssues(on: assessment.assessedOn).contains { $0.id == issue }, "\(issue) is public")
            }
        }
    }

    // MARK: Files

    /// A strict RFC 4180 reader: fields, rows, quotes doubled, LF line ends.
    static func parseCSV(_ text: String) -> [[String]]? {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, afterQuote = false, atStart = true
        for character in text {
            if quoted {
                if character == "\"" { quoted = false; afterQuote = true } else { field.append(character) }
                continue
            }
            switch character {
            case "\"":
                if afterQuote { field.append("\""); quoted = true; afterQuote = false }
                else if atStart { quoted = true }
                else { return nil }
            case ",": row.append(field); field = ""; atStart = true; afterQuote = false; continue
            case "\n": row.append(field); rows.append(row); row = []; field = ""; atStart = true; afterQuote = false; continue
            case "\r": return nil
            default:
                if afterQuote { return nil }
                field.append(character)
            }
            atStart = false
        }
        return row.isEmpty && field.isEmpty && !quoted ? rows : nil
    }

    @Test func csvFollowsRFC4180AndTheDocumentedColumns() throws {
        for table in SampleTable.allCases {
            let text = Self.sample.text(table, format: .csv)
            #expect(!text.contains("\r"))
            let rows = try #require(Self.parseCSV(text), "\(table) parses")
            #expect(rows.first == table.columns)
            #expect(rows.dropFirst().allSatisfy { $0.count == table.columns.count })
        }
        let factories = try #require(Self.parseCSV(Self.sample.factoriesCSV))
        #expect(factories.dropFirst().map { $0[1] } == Self.sample.factories.map(\.name))
        let responses = try #require(Self.parseCSV(Self.sample.responsesCSV))
        #expect(responses.dropFirst().map { $0[5] } == Self.sample.responses.map(\.text))
        #expect(try #require(Self.parseCSV(Self.sample.answersCSV)).count == Self.sample.answerCount + 1)
    }

    @Test func jsonLinesHoldTheSameRecords() throws {
        for table in SampleTable.allCases {
            let lines = Self.sample.text(table, format: .jsonl).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            let csvRows = try #require(Self.parseCSV(Self.sample.text(table, format: .csv))).dropFirst()
            #expect(lines.count == csvRows.count)
            for (line, row) in zip(lines, csvRows) {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                #expect(Set(object.keys).isSubset(of: table.columns))
                for (index, column) in table.columns.enumerated() {
                    switch object[column] {
                    case nil: #expect(row[index].isEmpty)
                    case let text as String: #expect(text == row[index])
                    case let list as [String]: #expect(list.joined(separator: ";") == row[index])
                    case let number as NSNumber: #expect(column == "cycle" && number.stringValue == row[index])
                    default: Issue.record("unexpected value in \(table).\(column)")
                    }
                }
            }
        }
    }

    @Test func writesTheFourFilesAndReplacesTheOtherFormat() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-sample-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.sample.write(to: folder, format: .jsonl)
        let written = try Self.sample.write(to: folder, format: .csv)
        #expect(written.map(\.name) == ["factories.csv", "assessments.csv", "answers.csv", "responses.csv"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == written.map(\.name).sorted())
        for file in Self.sample.files(format: .csv) {
            let data = try #require(FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(file.name)))
            #expect(data == Data(file.contents.utf8))
            #expect(written.first { $0.name == file.name }?.bytes == data.count)
        }
    }
}
