@testable import Disclose
import Foundation
import Testing

/// The screen of factory responses: whole words, in any case and any Unicode composition; the
/// evasions of issue 16 (invisible characters, look-alike letters, fullwidth forms, digits of
/// other scripts, names after titles); languages without rules held; patterns bounded.
@Suite struct ModeratorTests {
    static func moderator(words: [String: [String]], nameCues: [String: [String]] = [:], patterns: [String] = [],
                          languages: [String] = ["en"]) throws -> Moderator {
        let list = { (keyword: String, lists: [String: [String]]) in
            lists.keys.sorted().map { "  \(keyword) \($0) " + lists[$0]!.map { "\"\($0)\"" }.joined(separator: ", ") + "\n" }.joined()
        }
        // Every language the test screens has a name cue unless the test gives its own.
        let cues = nameCues.isEmpty ? Dictionary(uniqueKeysWithValues: languages.map { ($0, ["mr"]) }) : nameCues
        let clauses = list("words", words) + list("name-cues", cues) + patterns.map { "  pattern \"\($0)\"\n" }.joined()
        let result = Checker.check(entry: "/p/rules/entry.disclose", root: "/p",
                                   access: MemoryFileAccess(["/p/rules/entry.disclose": "moderation ABUSE\n  title en \"Abuse\"\n" + clauses]),
                                   displayBase: "/p")
        let book = try #require(result.ruleBook, "\(result.diagnostics.map(\.message))")
        return Moderator(rules: book.moderation, languages: languages)
    }

    /// The shipped rules of `rules/moderation.disclose`.
    static let shippedRules: [ModerationRule] = {
        let result = Checker.check(entry: Golden.packageRoot.appendingPathComponent("rules/moderation.disclose").path)
        return result.ruleBook?.moderation ?? []
    }()

    /// The languages of a shipped country file, as its `languages` clause lists them.
    static func languages(ofCountry code: String) throws -> [String] {
        let text = try String(contentsOf: Golden.packageRoot.appendingPathComponent("countries/\(code).disclose"), encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("  languages ") })
        return line.dropFirst("  languages ".count).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    static func shipped(country: String) throws -> Moderator {
        #expect(!shippedRules.isEmpty, "rules/moderation.disclose must check cleanly")
        return Moderator(rules: shippedRules, languages: try languages(ofCountry: country))
    }

    static let personalData = "Contains an e-mail address, phone number or identity number"
    static let abuse = "Abusive, insulting or defamatory language"
    static let names = "Names a person"

    // MARK: Words

    @Test(arguments: [
        ("He is a liar.", true), ("LIAR!", true), ("(liar)", true), ("liar", true),
        ("Liars and cheats", false), ("the familiar rules", false), ("a liarbird", false),
    ])
    func wordsStandAlone(text: String, flagged: Bool) throws {
        let moderator = try Self.moderator(words: ["en": ["liar"]])
        #expect(moderator.reasons(for: text) == (flagged ? ["Abuse"] : []), "\(text)")
    }

    /// Vietnamese typed with combining accents (as some keyboards send it) matches the rule's
    /// precomposed words, and the other way round; a letter or an accent right after the word
    /// makes it part of a longer one.
    @Test func compositionDoesNotMatter() throws {
        let precomposed = try Self.moderator(words: ["vi": ["đồ ngu"]], languages: ["vi"])
        #expect(precomposed.reasons(for: "Anh ta là đồ ngu.") == ["Abuse"])
        #expect(precomposed.reasons(for: "Anh ta là đ\u{006F}\u{0302}\u{0300} ngu.") == ["Abuse"])
        #expect(precomposed.reasons(for: "Đồ NGU") == ["Abuse"])
        #expect(precomposed.reasons(for: "đồ ngu\u{0303}") == [], "ngũ is another word")
        #expect(precomposed.reasons(for: "đồ người") == [])
        let decomposed = try Self.moderator(words: ["vi": ["đ\u{006F}\u{0302}\u{0300} ngu"]], languages: ["vi"])
        #expect(decomposed.reasons(for: "Anh ta là đồ ngu.") == ["Abuse"])
    }

    @Test func longResponsesAreHeldUnscreened() throws {
        let moderator = try Self.moderator(words: ["en": ["liar"]])
        #expect(moderator.reasons(for: String(repeating: "a", count: Moderator.maximumScreenedLength)) == [])
        #expect(moderator.reasons(for: String(repeating: "a", count: Moderator.maximumScreenedLength + 1)) == [Moderator.tooLongReason])
    }

    // MARK: Evasions of issue 16, item 8, against the shipped rules

    /// Invisible and format characters inside an abusive word do not hide it: zero-width space,
    /// soft hyphen, zero-width joiner and non-joiner, word joiner, byte order mark, a
    /// right-to-left override, a tag character, a variation selector, a Hangul filler, an
    /// Arabic tatweel.
    @Test(arguments: ["\u{200B}", "\u{00AD}", "\u{200D}", "\u{200C}", "\u{2060}", "\u{FEFF}", "\u{202E}", "\u{E0041}", "\u{FE0F}",
                      "\u{3164}", "\u{115F}", "\u{0640}"])
    func invisibleCharacterInsideAnAbusiveWordIsScreened(invisible: String) throws {
        let moderator = try Self.shipped(country: "KH")
        let text = "The assessors are id\(invisible)iots and l\(invisible)\(invisible)iars."
        #expect(moderator.reasons(for: text) == [Self.abuse], "U+\(String(invisible.unicodeScalars.first!.value, radix: 16))")
    }

    /// Cyrillic and Greek letters that look Latin, and fullwidth or styled letters, are read as
    /// the Latin letters they look like.
    @Test(arguments: ["They are lаzу.", "You are an іdіоt", "ιdιοt", "ＩＤＩＯＴ", "ｌｉａｒ", "𝐥𝐢𝐚𝐫", "ⓛⓘⓐⓡ", "LIАR"])
    func lookAlikeLettersInAnAbusiveWordAreScreened(text: String) throws {
        #expect(try Self.shipped(country: "KH").reasons(for: text) == [Self.abuse], "\(text)")
    }

    @Test(arguments: ["Write to name＠example.com", "Write to ｎａｍｅ＠ｅｘａｍｐｌｅ．ｃｏｍ", "Write to na\u{200B}me@exa\u{00AD}mple.com",
                      "Write to nаme@exаmple.com"])
    func emailAddressInFullwidthOrHiddenFormsIsScreened(text: String) throws {
        #expect(try Self.shipped(country: "KH").reasons(for: text) == [Self.personalData], "\(text)")
    }

    /// Phone numbers in fullwidth, Arabic-Indic, Extended Arabic-Indic (Urdu), Bengali,
    /// Devanagari, Khmer and Myanmar digits, and with invisible characters between the digits.
    @Test(arguments: ["０８１２-３４５６-７８９０", "٠٨١٢٣٤٥٦٧٨٩", "۰۳۰۰ ۵۵۵ ۰۱۲۳", "০১৭১১ ৫৫৫০১২", "९८७६५४३२१०", "០១២ ៣៤៥ ៦៧៨",
                      "၀၉၁၂၃၄၅၆၇၈", "0\u{200B}8\u{200B}1\u{200B}2\u{200B}3\u{200B}4\u{200B}5\u{200B}6\u{200B}7"])
    func phoneNumberInDigitsOfAnyScriptIsScreened(number: String) throws {
        let reasons = try Self.shipped(country: "KH").reasons(for: "For questions call our office on \(number).")
        #expect(reasons == [Self.personalData], "\(number)")
    }

    /// The four name cases of the issue, and others like them, in the countries that write so.
    @Test(arguments: [
        ("BD", "The locked exit was the fault of MR. RAHIM UDDIN, who was warned."),
        ("VN", "Mr.Binh has been warned."),
        ("VN", "Please contact Nguyen Van An in HR."),
        ("VN", "Xin liên hệ chị Lan ở phòng nhân sự."),
        ("VN", "Ông Tran Van Minh đã bị cảnh cáo."),
        ("VN", "Anh Tuấn là tổ trưởng."),
        ("ID", "Silakan hubungi Pak Budi di bagian HRD."),
        ("NI", "La culpa fue de la Sra. María López."),
        ("KH", "The supervisor, mr binh, was warned."),
        ("KH", "Ask for Sokha at the gate."),
    ])
    func nameAfterATitleOrContactCueIsScreened(country: String, text: String) throws {
        #expect(try Self.shipped(country: country).reasons(for: text) == [Self.names], "\(text)")
    }

    /// A cue followed by a word that is not capitalised, or ending a sentence, names no one;
    /// these are published.
    @Test(arguments: [
        ("VN", "Công ty đã trả đủ tiền lương làm thêm giờ cho người lao động từ tháng này."),
        ("VN", "Lối thoát hiểm đã được dọn thông thoáng; có ảnh đính kèm.\nanh-loi-thoat-hiem.jpg"),
        ("KH", "Please contact the HR office for the register."),
        ("KH", "The new lines were checked by the supervisor. The exits are open."),
        ("ID", "Pintu darurat di lantai dua sudah dibuka dan tidak terhalang lagi; foto terlampir."),
    ])
    func cueWithoutANameIsPublished(country: String, text: String) throws {
        #expect(try Self.shipped(country: country).reasons(for: text) == [], "\(text)")
    }

    // MARK: Languages without rules: held

    /// Every language of a programme that has no words or no name cues in the shipped rules
    /// holds every response that may be in it; English beside it is still screened.
    @Test(arguments: [
        ("KH", "km", "ទ្វារចេញពេលមានអាសន្ននៅជាន់ទីពីរត្រូវបានបើកហើយ។"),
        ("EG", "ar", "تم فتح مخرج الطوارئ في الطابق الثاني وإزالة العوائق؛ الصورة مرفقة."),
        ("JO", "ar", "تم فتح مخرج الطوارئ في الطابق الثاني."),
        ("PK", "ur", "دوسری منزل کا ہنگامی راستہ صاف کر دیا گیا ہے؛ تصویر منسلک ہے۔"),
        ("BD", "bn", "দ্বিতীয় তলার জরুরি বহির্গমন পথ পরিষ্কার করা হয়েছে; ছবি সংযুক্ত।"),
        ("ET", "am", "በሁለተኛው ፎቅ ያለው የአደጋ ጊዜ መውጫ ተጠርጓል፤ ፎቶ ተያይዟል።"),
        ("HT", "ht", "Nou louvri pòt sekou a nan dezyèm etaj la."),
        ("HT", "ht", "The emergency exit on the second floor was cleared."),
        ("LK", "si", "දෙවන මහලේ හදිසි පිටවීම පිරිසිදු කර ඇත."),
        ("LK", "ta", "இரண்டாவது மாடியில் அவசர வெளியேறும் வழி சுத்தம் செய்யப்பட்டது."),
    ])
    func responseInALanguageWithoutRulesIsHeld(country: String, language: String, text: String) throws {
        let reasons = try Self.shipped(country: country).reasons(for: text)
        #expect(reasons == ["No screening rules for language `\(language)`: no moderation rule gives its `words`"], "\(text)")
    }

    /// A response whose language cannot be told is held: letters of a script none of the
    /// country's languages is written in, letters of a script the screen does not know, no
    /// letters at all.
    @Test(arguments: [
        ("JO", "দ্বিতীয় তলার জরুরি বহির্গমন পথ পরিষ্কার করা হয়েছে।", "written in Bengali script"),
        ("KH", "Всё исправлено.", "written in Cyrillic script"),
        ("KH", "ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ", "letters of a script the screen does not know (U+13E3)"),
        ("KH", "👍 ✔", "no letters"),
    ])
    func responseWhoseLanguageCannotBeToldIsHeld(country: String, text: String, why: String) throws {
        let reasons = try Self.shipped(country: country).reasons(for: text)
        #expect(reasons.count == 1 && reasons[0].hasPrefix("Language cannot be told") && reasons[0].contains(why), "\(reasons)")
    }

    /// English responses in countries whose other language has no rules are still screened
    /// and published when clean: Latin letters cannot be Khmer, Bengali or Arabic.
    @Test(arguments: ["KH", "BD", "EG", "JO", "PK", "ET", "VN", "ID", "NI"])
    func cleanEnglishResponseIsPublishedWhereEnglishIsScreened(country: String) throws {
        #expect(try Self.shipped(country: country).reasons(for: "All exits were unlocked and a drill was held on 3 May 2024.") == [])
    }

    /// Every language a programme's portal uses has name cues in the shipped rules.
    @Test func everyProgrammeLanguageHasNameCues() throws {
        let cued = Set(Self.shippedRules.flatMap { $0.nameCues.keys })
        let files = try FileManager.default.contentsOfDirectory(atPath: Golden.packageRoot.appendingPathComponent("countries").path)
        let codes = files.filter { $0.hasSuffix(".disclose") && !$0.contains("-") }.map { String($0.prefix(2)) }
        #expect(codes.count >= 10)
        for code in codes {
            for language in try Self.languages(ofCountry: code) {
                #expect(cued.contains(language), "\(code): no name cues for `\(language)`")
            }
        }
    }

    // MARK: Patterns that cannot hang

    /// `(a|aa)+$` backtracks exponentially; at run time it is stopped after its allowance of
    /// work and the response held, however long the text. (The checker refuses such a pattern,
    /// E405; the rule here is made directly, as a rule book from an older checker could be.)
    @Test(arguments: [100, 1_001, 10_000])
    func catastrophicPatternIsStoppedAndTheResponseHeld(length: Int) throws {
        let rule = ModerationRule(id: "SLOW", titles: ["en": "Slow"], words: ["en": ["liar"]], nameCues: ["en": ["mr"]],
                                  patterns: ["(a|aa)+$"], origin: SourceRange(SourceFile(path: "x", bytes: []), Span(0, 0)))
        let moderator = Moderator(rules: [rule], languages: ["en"])
        let text = String(repeating: "a", count: length - 1) + "b"
        let reasons = moderator.reasons(for: text)
        #expect(reasons.count == 1 && reasons[0].hasPrefix("Could not be screened in time"), "\(reasons)")
        #expect(moderator.reasons(for: text) == reasons, "the bound counts steps, so the outcome is the same every time")
    }

    /// The work allowance counts the matcher's progress reports; a pattern that finds its
    /// match or fails quickly never reaches it, and one that backtracks stops at it.
    @Test func patternWorkIsBoundedByItsAllowance() throws {
        let slow = try NSRegularExpression(pattern: "(a|aa)+$")
        let text = String(repeating: "a", count: 60) + "b"
        let range = NSRange(text.startIndex..., in: text)
        #expect(Moderator.match(slow, in: text, range: range, allowance: 50) == .tooMuchWork)
        let quick = try NSRegularExpression(pattern: "a+b")
        #expect(Moderator.match(quick, in: text, range: range, allowance: 50) == .found)
        let absent = try NSRegularExpression(pattern: "c")
        #expect(Moderator.match(absent, in: text, range: range, allowance: range.length + 1) == .notFound)
    }

    /// The shipped patterns screen the longest response that is screened without reaching
    /// their allowance, on texts made to make them backtrack.
    @Test(arguments: [
        String(repeating: "1 ", count: 4_999), String(repeating: "1-", count: 4_999) + "x", String(repeating: "a.", count: 4_999) + "@",
        "x@" + String(repeating: "a.", count: 4_990), String(repeating: "a@", count: 4_999), String(repeating: "(1", count: 4_999),
    ])
    func shippedPatternsFinishOnTheLongestScreenedResponse(text: String) throws {
        let reasons = try Self.shipped(country: "KH").reasons(for: text)
        #expect(!reasons.contains { $0.hasPrefix("Could not be screened") }, "\(reasons)")
    }
}
