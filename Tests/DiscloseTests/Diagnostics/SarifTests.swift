import Disclose
import Foundation
import Testing

/// SARIF 2.1.0 output checked against the structure the standard requires (OASIS SARIF
/// 2.1.0, sections 3.13 to 3.30): what CI systems and editors need to show a result.
@Suite struct SarifTests {
    static func sarif(for text: String) throws -> [String: Any] {
        let access = MemoryFileAccess(["/p/rules/a.disclose": text])
        let result = Checker.check(entry: "/p/rules/a.disclose", root: "/p", access: access, displayBase: "/p")
        let data = Data(DiagnosticExport.sarif(result.diagnostics, toolVersion: "test").serialized().utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func logHasTheRequiredStructure() throws {
        let log = try Self.sarif(for: "issue X\n  titel en \"x\"\n  category wage\n  raised when Q is yes\n\ncluster C\n  title en \"c\"\n\ncluster C\n  title en \"again\"\n")
        #expect(log["version"] as? String == "2.1.0")
        #expect((log["$schema"] as? String)?.contains("sarif-2.1.0") == true)
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "disclose")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ruleIds = rules.compactMap { $0["id"] as? String }
        #expect(Set(ruleIds).count == ruleIds.count, "rule ids are unique")
        for rule in rules {
            #expect((rule["shortDescription"] as? [String: Any])?["text"] is String)
            #expect((rule["fullDescription"] as? [String: Any])?["text"] is String)
        }
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count >= 3)
        for result in results {
            let ruleId = try #require(result["ruleId"] as? String)
            let ruleIndex = try #require(result["ruleIndex"] as? Int)
            #expect(ruleIds.indices.contains(ruleIndex) && ruleIds[ruleIndex] == ruleId)
            #expect(["none", "note", "warning", "error"].contains(result["level"] as? String ?? ""))
            #expect(((result["message"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            for location in result["locations"] as? [[String: Any]] ?? [] {
                let physical = try #require(location["physicalLocation"] as? [String: Any])
                #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "rules/a.disclose")
                let region = try #require(physical["region"] as? [String: Any])
                let startLine = try #require(region["startLine"] as? Int)
                let startColumn = try #require(region["startColumn"] as? Int)
                #expect(startLine >= 1 && startColumn >= 1)
                #expect((region["endLine"] as? Int ?? startLine) >= startLine)
            }
            for related in result["relatedLocations"] as? [[String: Any]] ?? [] {
                #expect(related["id"] is Int)
                #expect(related["physicalLocation"] is [String: Any])
            }
        }
    }
}
