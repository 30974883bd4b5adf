@testable import Disclose
import Foundation
import Testing

/// The screen of factory responses: whole words, in any case and any Unicode composition.
@Suite struct ModeratorTests {
    static func moderator(words: [String: [String]], patterns: [String] = []) throws -> Moderator {
        let clauses = words.keys.sorted().map { language in "  words \(language) " + words[language]!.map { "\"\($0)\"" }.joined(separator: ", ") + "\n" }.joined()
            + patterns.map { "  pattern \"\($0)\"\n" }.joined()
        let result = Checker.check(entry: "/p/rules/entry.disclose", root: "/p",
                                   access: MemoryFileAccess(["/p/rules/entry.disclose": "moderation ABUSE\n  title en \"Abuse\"\n" + clauses]),
                                   displayBase: "/p")
        return Moderator(book: try #require(result.ruleBook, "\(result.diagnostics.map(\.message))"))
    }

    @Test(arguments: [
        ("He is a liar.", true), ("LIAR!", true), ("(liar)", true), ("liar", true),
        ("Liars and cheats", false), ("the familiar rules", false), ("a liarbird", false),
        ("", false),
    ])
    func wordsStandAlone(text: String, flagged: Bool) throws {
        let moderator = try Self.moderator(words: ["en": ["liar"]])
        #expect(moderator.reasons(for: text) == (flagged ? ["Abuse"] : []), "\(text)")
    }

    /// Vietnamese typed with combining accents (as some keyboards send it) matches the rule's
    /// precomposed words, and the other way round; a letter or an accent right after the word
    /// makes it part of a longer one.
    @Test func compositionDoesNotMatter() throws {
        let precomposed = try Self.moderator(words: ["vi": ["đồ ngu"]])
        #expect(precomposed.reasons(for: "Anh ta là đồ ngu.") == ["Abuse"])
        #expect(precomposed.reasons(for: "Anh ta là đ\u{006F}\u{0302}\u{0300} ngu.") == ["Abuse"])
        #expect(precomposed.reasons(for: "Đồ NGU") == ["Abuse"])
        #expect(precomposed.reasons(for: "đồ ngu\u{0303}") == [], "ngũ is another word")
        #expect(precomposed.reasons(for: "đồ người") == [])
        let decomposed = try Self.moderator(words: ["vi": ["đ\u{006F}\u{0302}\u{0300} ngu"]])
        #expect(decomposed.reasons(for: "Anh ta là đồ ngu.") == ["Abuse"])
    }

    @Test func longResponsesAreHeldUnscreened() throws {
        let moderator = try Self.moderator(words: ["en": ["liar"]])
        #expect(moderator.reasons(for: String(repeating: "a", count: Moderator.maximumScreenedLength)) == [])
        #expect(moderator.reasons(for: String(repeating: "a", count: Moderator.maximumScreenedLength + 1)) == [Moderator.tooLongReason])
    }
}
