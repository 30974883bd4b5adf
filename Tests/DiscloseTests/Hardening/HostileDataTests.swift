@testable import Disclose
import Foundation
import Testing

extension Hardening {
    /// Data files written to break the publisher, or to attack the people who open its output:
    /// one test per class of hostile input, each asserting the exact diagnostic or the exact safe
    /// output. The base data is the golden case `responses-published-and-held` (Cambodia, one
    /// factory shown with two findings, published and held responses), changed one field at a time.
    @Suite struct HostileDataTests {
        /// The one listed factory of the output, as JSON.
        static func listedFactory(_ outcome: Hardening.Outcome) throws -> [String: Any] {
            let object = try JSONSerialization.jsonObject(with: Data(outcome.publicJSON.utf8)) as? [String: Any]
            let countries = object?["countries"] as? [[String: Any]] ?? []
            let factories = countries.flatMap { $0["factories"] as? [[String: Any]] ?? [] }
            return try #require(factories.first)
        }

        // MARK: Formula injection

        @Test func csvWriterNeutralisesFormulaCharacters() {
            #expect(CSVWriter.field("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0")
            #expect(CSVWriter.field("+1") == "'+1")
            #expect(CSVWriter.field("-1") == "'-1")
            #expect(CSVWriter.field("@SUM(A1)") == "'@SUM(A1)")
            #expect(CSVWriter.field("\t=1") == "'\t=1")
            #expect(CSVWriter.field("\r=1") == "\"'\r=1\"")
            #expect(CSVWriter.field("=1,2") == "\"'=1,2\"")
            #expect(CSVWriter.field("=\"x\"") == "\"'=\"\"x\"\"\"")
            #expect(CSVWriter.field("Star Garments") == "Star Garments")
            #expect(CSVWriter.field("") == "")
        }

        /// A line break written CR LF is one `Character` in Swift; it must still be quoted, or the
        /// rest of the field becomes a new row, where `=…` is a formula again.
        @Test func csvWriterQuotesCarriageReturnLineFeed() {
            #expect(CSVWriter.field("Fixed.\r\n=HYPERLINK(\"http://x\")") == "\"Fixed.\r\n=HYPERLINK(\"\"http://x\"\")\"")
            #expect(CSVWriter.field("a\r\nb") == "\"a\r\nb\"")
            #expect(CSVWriter.field("a\nb") == "\"a\nb\"")
        }

        @Test func formulaInjectionIsNeutralisedInEveryPublicCSVFile() throws {
            let outcome = try Hardening.publish(changing: "factories.csv") {
                $0.replacingOccurrences(of: "Sihanoukville Apparel,garment", with: "\"=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\",+garment")
            }
            let responses = try Hardening.publish(changing: "responses.csv") {
                $0.replacingOccurrences(of: "The blocked emergency exit on the second floor was cleared on 28 March; photos are attached.,exit-before.jpg;exit-after.jpg",
                                        with: "\"-2+3 pairs of gloves\r\n@SUM(1+1)*cmd|' /C calc'!A0\",\"=evil.jpg\"")
            }
            for outcome in [outcome, responses] {
                #expect(!outcome.result.hasErrors, "\(outcome.summary)")
                for file in outcome.csv {
                    let records = try #require(strictCSVRecords(file.text), "\(file.name) is not well-formed CSV")
                    for (number, record) in records.enumerated() {
                        #expect(record.count == records[0].count, "\(file.name) record \(number + 1) has \(record.count) fields")
                        for field in record {
                            #expect(!(field.unicodeScalars.first.map { "=+-@\t\r".unicodeScalars.contains($0) } ?? false),
                                    "\(file.name) record \(number + 1): \(field.debugDescription) starts a formula")
                        }
                    }
                }
            }
            let factories = try #require(strictCSVRecords(outcome.csv.first { $0.name == "public-factories.csv" }!.text))
            #expect(factories[1][2] == "'=HYPERLINK(\"http://evil.example\",\"Click\")")
            #expect(factories[1][3] == "'+garment")
            let published = try #require(strictCSVRecords(responses.csv.first { $0.name == "public-responses.csv" }!.text))
            let row = try #require(published.first { $0.count > 3 && $0[3] == "KH-130-R1" })
            try #require(row.count == 9, "the response's row is broken: \(row)")
            #expect(row[6] == "'-2+3 pairs of gloves\r\n@SUM(1+1)*cmd|' /C calc'!A0")
            #expect(row[7] == "'=evil.jpg")
        }

        // MARK: Markup in names and responses

        @Test func htmlAndScriptInNamesAndResponsesAreEscaped() throws {
            let name = "<script>alert(\"x\")</script> & 'Co'"
            let text = "<img src=x onerror=alert(document.cookie)> </textarea><!--"
            var tables = try Hardening.baseTables()
            tables["factories.csv"] = tables["factories.csv"]!.replacingOccurrences(of: "Sihanoukville Apparel", with: "\"<script>alert(\"\"x\"\")</script> & 'Co'\"")
            tables["responses.csv"] = tables["responses.csv"]!.replacingOccurrences(
                of: "The blocked emergency exit on the second floor was cleared on 28 March; photos are attached.", with: "\"\(text)\"")
            let outcome = try Hardening.publish(tables.mapValues { Array($0.utf8) })
            #expect(!outcome.result.hasErrors, "\(outcome.summary)")
            // JSON: the exact strings come back.
            let factory = try Self.listedFactory(outcome)
            #expect(factory["name"] as? String == name)
            let responses = factory["responses"] as? [[String: Any]] ?? []
            #expect(responses.contains { $0["text"] as? String == text })
            #expect(outcome.publicJSON.contains("\"name\": \"<script>alert(\\\"x\\\")</script> & 'Co'\""))
            // HTML: never the markup itself, always its escaped form.
            #expect(!outcome.html.isEmpty)
            for page in outcome.html where page.name.hasSuffix(".html") {
                #expect(!page.text.contains("<script>alert"), "\(page.name) holds the factory name as markup")
                #expect(!page.text.contains("<img src=x"), "\(page.name) holds the response as markup")
                #expect(!page.text.contains("</textarea><!--"), "\(page.name) holds the response as markup")
            }
            let factoryPage = try #require(outcome.html.first { $0.name.contains(".factory.") && $0.name.hasSuffix(".html") })
            #expect(factoryPage.text.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;"))
            #expect(factoryPage.text.contains("&lt;img src=x onerror=alert(document.cookie)&gt; &lt;/textarea&gt;&lt;!--"))
        }

        /// Ids become file names of the portal: none can name a path outside the site.
        @Test func idsCannotNameFilesOutsideThePortal() throws {
            var tables = try Hardening.baseTables()
            for table in tables.keys { tables[table] = tables[table]!.replacingOccurrences(of: "KH-130,", with: "../../etc/KH-130,") }
            let outcome = try Hardening.publish(tables.mapValues { Array($0.utf8) })
            #expect(!outcome.result.hasErrors, "\(outcome.summary)")
            #expect(outcome.html.contains { $0.name.contains(".factory.") })
            for page in outcome.html {
                #expect(!page.name.contains("/") && !page.name.hasPrefix(".") && !page.name.contains(".."), "\(page.name)")
            }
        }

        // MARK: Enormous fields

        @Test func twentyMegabyteFieldIsRefused() throws {
            let huge = String(repeating: "x", count: 20 << 20)
            let csv = try Hardening.publish(changing: "responses.csv") { $0.replacingOccurrences(of: "Protective equipment was handed out.", with: "\"\(huge)\"") }
            #expect(csv.publication == nil)
            #expect(csv.summary == ["E701 a row of `responses.csv` is longer than 16 MiB"])
            #expect(csv.result.diagnostics.first.map(Hardening.location) == "responses.csv:8:1")

            var tables = try Hardening.baseTables().mapValues { Array($0.utf8) }
            tables["responses.csv"] = nil
            tables["responses.jsonl"] = Array("{\"response_id\": \"KH-130-R1\", \"factory_id\": \"KH-130\", \"assessment_id\": \"KH-130-A2\", \"responded_on\": \"2024-04-02\", \"text\": \"\(huge)\"}\n".utf8)
            let jsonl = try Hardening.publish(tables)
            #expect(jsonl.summary == ["E709 a line of `responses.jsonl` is longer than 16 MiB"])
        }

        /// A table of 4 GiB with no line break is refused after 16 MiB, in a process given 1 GiB.
        @Test func endlessRecordIsRefusedWithBoundedMemory() throws {
            let folder = try Hardening.temporaryFolder("endless")
            defer { try? FileManager.default.removeItem(at: folder) }
            try Hardening.write(try Hardening.baseTables().mapValues { Array($0.utf8) }, under: folder.appendingPathComponent("data"))
            let responses = folder.appendingPathComponent("data/responses.csv")
            let handle = try FileHandle(forWritingTo: responses)
            try handle.truncate(atOffset: 0)
            try handle.write(contentsOf: Data("response_id,factory_id,assessment_id,issue_id,responded_on,text,attachments\nR,KH-130,KH-130-A2,,2024-04-02,\"".utf8))
            try handle.truncate(atOffset: UInt64(4) << 30)
            try handle.close()
            let run = try Hardening.run(["publish", "--data", folder.appendingPathComponent("data").path, "--as-of", "2024-06-01", "--rules", Hardening.root.path],
                                        in: folder, seconds: 120, memoryMB: 1024)
            #expect(!run.timedOut)
            #expect(run.status == 1)
            #expect(run.stderr.contains("error[E701]: a row of `"), "\(run.stderr.prefix(400))")
            #expect(run.stderr.contains("responses.csv` is longer than 16 MiB"))
        }

        /// A factory's response is untrusted text of up to 16 MiB. Screening it must take time in
        /// proportion to its length: the e-mail pattern of rules/moderation.disclose
        /// (`[A-Za-z0-9._%+-]+@…`) backtracks over every run of letters from every starting
        /// point, so a response of 20,000 letters took 12 s and one of 80,000 letters 170 s.
        /// Run through the real binary, with a time limit, so that a regression fails instead of
        /// hanging the tests. A long response must still be screened: with an address at its end
        /// it is held.
        @Test func longResponseIsScreenedInLinearTime() throws {
            let letters = String(repeating: "a", count: 200_000)
            for (text, held) in [(letters, false), (letters + " write to hr@factory.example", true)] {
                let folder = try Hardening.temporaryFolder("long-response")
                defer { try? FileManager.default.removeItem(at: folder) }
                var tables = try Hardening.baseTables()
                tables["responses.csv"] = tables["responses.csv"]!.replacingOccurrences(
                    of: "We thank Better Work for the assessment. An improvement plan was agreed with the union.", with: text)
                try Hardening.write(tables.mapValues { Array($0.utf8) }, under: folder.appendingPathComponent("data"))
                let run = try Hardening.run(["publish", "--data", "data", "--out", "out", "--as-of", "2024-06-01", "--rules", Hardening.root.path],
                                            in: folder, seconds: 30)
                #expect(!run.timedOut, "screening a response of \(text.count) characters takes more than 30 seconds")
                #expect(run.status == 0, "\(run.stderr.prefix(300))")
                guard !run.timedOut, run.status == 0 else { continue }
                let report = try String(contentsOf: folder.appendingPathComponent("out/internal/internal-report.json"), encoding: .utf8)
                let object = try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any]
                let responses = object?["responses"] as? [[String: Any]] ?? []
                let account = try #require(responses.first { $0["response"] as? String == "KH-130-R2" })
                if held {
                    #expect(account["disposition"] as? String == "held")
                } else {
                    #expect(account["disposition"] as? String != "not-shown")
                }
                let published = try String(contentsOf: folder.appendingPathComponent("out/public/public.json"), encoding: .utf8)
                #expect(published.contains("hr@factory.example") == false)
            }
        }

        // MARK: Bytes that are not text

        /// A factory name holding terminal controls (ESC [2J clears the screen) is shown by
        /// `disclose explain` with them made visible; nothing reaches the terminal raw.
        @Test func explainShowsNoTerminalControls() throws {
            let folder = try Hardening.temporaryFolder("explain-controls")
            defer { try? FileManager.default.removeItem(at: folder) }
            var tables = try Hardening.baseTables()
            tables["factories.csv"] = tables["factories.csv"]!.replacingOccurrences(of: "Sihanoukville Apparel", with: "Sihanoukville\u{1B}[2J Apparel")
            try Hardening.write(tables.mapValues { Array($0.utf8) }, under: folder.appendingPathComponent("data"))
            let run = try Hardening.run(["explain", "KH-130", "--data", "data", "--as-of", "2024-06-01", "--rules", Hardening.root.path], in: folder)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(String(decoding: run.stdout, as: UTF8.self).contains("Sihanoukville\u{241B}[2J Apparel"))
            #expect(!run.stdout.contains(0x1B) && !run.stderr.unicodeScalars.contains("\u{1B}"))
        }

        /// A NUL byte in a field is never text: the data is refused, pointing at the byte, so it
        /// cannot reach a public file; and the CSV writer would not write one raw either.
        @Test func nulByteInAFieldIsRefused() throws {
            let outcome = try Hardening.publish(changing: "factories.csv") { $0.replacingOccurrences(of: "Sihanoukville Apparel", with: "Sihanoukville\u{0}Apparel") }
            #expect(outcome.publication == nil)
            #expect(outcome.summary == ["E101 `factories.csv` holds a NUL byte, which is not text"], "\(outcome.summary)")
            #expect(outcome.result.diagnostics.first.map(Hardening.location) == "factories.csv:2:21")
            #expect(!CSVWriter.field("a\u{0}b").utf8.contains(0))
        }

        @Test func invalidUTF8InDataIsRefused() throws {
            var tables = try Hardening.baseTables().mapValues { Array($0.utf8) }
            tables["factories.csv"] = Array("factory_id,name,type,country,left_on\nKH-130,Sihanoukville Caf".utf8) + [0xE9] + Array(",garment,KH,\n".utf8)
            let outcome = try Hardening.publish(tables)
            #expect(outcome.publication == nil)
            #expect(outcome.summary.first == "E101 `factories.csv` is not valid UTF-8")
            #expect(outcome.result.diagnostics.first.map(Hardening.location) == "factories.csv:2:1")

            tables["factories.csv"] = nil
            tables["factories.jsonl"] = Array("{\"factory_id\": \"KH-130\", \"name\": \"Caf".utf8) + [0xC0, 0xAF] + Array("\", \"type\": \"garment\", \"country\": \"KH\"}\n".utf8)
            let jsonl = try Hardening.publish(tables)
            #expect(jsonl.summary.first == "E101 `factories.jsonl` is not valid UTF-8")
        }

        /// A spreadsheet saved as "Unicode Text" is UTF-16: the very first bytes say it is not UTF-8.
        @Test func utf16ExportIsReportedAsNotUTF8() throws {
            var tables = try Hardening.baseTables().mapValues { Array($0.utf8) }
            let text = try Hardening.baseTables()["factories.csv"]!
            tables["factories.csv"] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            let outcome = try Hardening.publish(tables)
            #expect(outcome.publication == nil)
            #expect(outcome.summary == ["E101 `factories.csv` is not valid UTF-8"], "\(outcome.summary)")
        }

        // MARK: Many errors

        /// Data from the wrong export can hold thousands of errors: the first 200 are listed, each
        /// with its "did you mean", then how many more errors and warnings there were, and a
        /// summary that counts them all. (Suggestions are worked out only for errors that can be
        /// listed: data with 10,000 unknown factories took 15 s in a debug build, mostly finding
        /// suggestions no one saw.)
        @Test func errorsPastTheListedOnesAreCounted() throws {
            var tables = try Hardening.baseTables()
            tables["assessments.csv"]! += (1...250).map { "KH-9\($0)-A1,KH-131,2024-02-13,on-site,1,completed,,2024-02-20,2025-02-13\n" }.joined()
            tables["answers.csv"] = tables["answers.csv"]!.replacingOccurrences(of: "KH-130-A2,CHL-LAB-02,18\n", with: "KH-130-A2,CHL-LAB-02,NaN\n")
            let outcome = try Hardening.publish(tables.mapValues { Array($0.utf8) })
            #expect(outcome.publication == nil)
            let diagnostics = outcome.result.diagnostics
            #expect(diagnostics.count == 200)
            #expect(diagnostics.allSatisfy { $0.code == .unknownRecord && $0.help == "did you mean `KH-130`?" })
            #expect(diagnostics.first?.message == "assessment `KH-91-A1` is of unknown factory `KH-131`")
            #expect(diagnostics.last?.message == "assessment `KH-9200-A1` is of unknown factory `KH-131`")
            #expect(outcome.result.unlisted == UnlistedCount(errors: 50, warnings: 1))
            let text = DiagnosticRenderer().render(diagnostics, unlisted: outcome.result.unlisted)
            #expect(text.hasSuffix("\n\nnot shown: 50 errors and 1 warning; fix the errors above and run again\n\n250 errors, 1 warning\n"), "\(text.suffix(300))")
        }

        // MARK: Numbers and dates

        @Test(arguments: ["1e999", "NaN", "-0", "Infinity", "inf", "0x12", "1,5", "18 years", "١٨"])
        func numberThatIsNotAPlainDecimalIsAnUnusableAnswer(answer: String) throws {
            let outcome = try Hardening.publish(changing: "answers.csv") { $0.replacingOccurrences(of: "KH-130-A2,CHL-LAB-02,18\n", with: "KH-130-A2,CHL-LAB-02,\"\(answer)\"\n") }
            let publication = try #require(outcome.publication, "\(outcome.summary)")
            #expect(outcome.summary == ["W711 answer `\(answer)` does not fit `CHL-LAB-02` (a number in years)"])
            let account = try #require(publication.report.assessments.first { $0.assessment == "KH-130-A2" })
            #expect(account.disposition == .withheld)
            #expect(account.reason == .incompleteData)
            #expect(account.detail == "no usable answer to 1 critical question: CHL-LAB-02 (unusable: CHL-LAB-02)")
            #expect(publication.countries.flatMap(\.factories).isEmpty, "never shown, so never compliant")
        }

        @Test(arguments: ["1e999", "NaN", "-0", "Infinity", "1.5"])
        func cycleThatIsNotAWholeNumberFromOneIsRefused(cycle: String) throws {
            let outcome = try Hardening.publish(changing: "assessments.csv") { $0.replacingOccurrences(of: "2024-02-13,on-site,2,", with: "2024-02-13,on-site,\(cycle),") }
            #expect(outcome.publication == nil)
            #expect(outcome.summary == ["E706 `\(cycle)` is not a cycle number"])
            #expect(outcome.result.diagnostics.first.map(Hardening.location) == "assessments.csv:3:37")
        }

        @Test(arguments: [("2024-02-30", "`2024-02-30` is not a day that exists"), ("2023-02-29", "`2023-02-29` is not a day that exists"),
                          ("30/02/2024", "`30/02/2024` is not a date written YYYY-MM-DD"), ("2024-13-01", "`2024-13-01` is not a day that exists"),
                          ("0000-01-01", "`0000-01-01` is not a day that exists")])
        func impossibleDateIsRefused(date: String, message: String) throws {
            let outcome = try Hardening.publish(changing: "assessments.csv") { $0.replacingOccurrences(of: "KH-130-A2,KH-130,2024-02-13,", with: "KH-130-A2,KH-130,\(date),") }
            #expect(outcome.publication == nil)
            #expect(outcome.summary == ["E706 \(message)"])
            #expect(outcome.result.diagnostics.first.map(Hardening.location) == "assessments.csv:3:18")
        }

        /// 2024-02-29 exists: leap years are leap years.
        @Test func leapDayIsAccepted() throws {
            let outcome = try Hardening.publish(changing: "assessments.csv") { $0.replacingOccurrences(of: "KH-130-A2,KH-130,2024-02-13,", with: "KH-130-A2,KH-130,2024-02-29,") }
            #expect(!outcome.result.hasErrors, "\(outcome.summary)")
        }
    }
}
