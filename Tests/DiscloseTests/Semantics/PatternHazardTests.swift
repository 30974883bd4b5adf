@testable import Disclose
import Testing

/// The checker's safe subset of moderation patterns: no repeated group with parts that vary
/// inside, no back-references (E405, E406).
@Suite struct PatternHazardTests {
    @Test(arguments: [
        ("(a|aa)+$", "(a|aa)+"), ("(a+)+", "(a+)+"), ("(.*)*", "(.*)*"), ("(a?a?)+$", "(a?a?)+"), ("x((a|b))*y", "((a|b))*"),
        ("(?:x|y){2,}", "(?:x|y){2,}"), ("^(\\w+\\s?)+$", "(\\w+\\s?)+"), ("(?i:a|b)+?", "(?i:a|b)+?"), ("(?<w>a|b){2,5}", "(?<w>a|b){2,5}"),
        ("(\\+|00)?[0-9]([ ().-]?[0-9]){8,}", "([ ().-]?[0-9]){8,}"), ("((ab)*c)++", "((ab)*c)++"),
    ])
    func repeatedGroupThatVariesInsideIsRefused(pattern: String, group: String) {
        #expect(PatternHazard.first(in: pattern) == .nestedRepetition(group), "\(pattern)")
    }

    @Test(arguments: [("(a)\\1", "\\1"), ("(a)(b)\\12", "\\12"), ("(?<n>a)\\k<n>", "\\k<n>")])
    func backReferenceIsRefused(pattern: String, reference: String) {
        #expect(PatternHazard.first(in: pattern) == .backReference(reference), "\(pattern)")
    }

    /// Repeating one character, a class or fixed text is safe, as are alternatives that do not
    /// repeat, optional groups, escaped brackets, quoted text, flags and look-behinds.
    @Test(arguments: [
        "(ab)+", "(\\+|00)?[0-9]", "[0-9 ().-]{7,}", "(?i)\\b(passport|ID card)\\b", "a{2,5}", "[(|+)]+", "\\(a|b\\)+", "(?<![A-Z])x+",
        "\\p{Lu}\\p{L}+", "(a|b){1}", "(a|b)?", "\\Q(a|aa)+\\E", "(?i)(?:mr|mrs)\\.?\\s+\\p{Lu}", "[[a-z]&&[^q]]+", "a{,", "(", ")+", "\\",
        "(?#(a|b)+)x", "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}", "\\x{41}+", "\\0",
    ])
    func safePatternsPass(pattern: String) {
        #expect(PatternHazard.first(in: pattern) == nil, "\(pattern)")
    }

    /// In a rule file: one error at the pattern, and no rule book.
    @Test func checkerRefusesAHazardousCountryPattern() {
        let result = Hardening.check(texts: ["/p/rules/entry.disclose": "moderation SLOW\n  title en \"Slow\"\n  pattern \"(a|aa)+$\"\n"])
        #expect(result.diagnostics.map { "\($0.code.code) \(Hardening.location($0))" } == ["E405 rules/entry.disclose:3:11"])
        #expect(result.ruleBook == nil)
    }
}
