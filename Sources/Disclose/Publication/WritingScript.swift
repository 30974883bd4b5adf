/// The writing system of a letter, and the languages written in each: how moderation tells
/// which languages a response may be in without a language column in the data.
///
/// A response's letters name its scripts; a country's `languages` that are written in those
/// scripts are the languages it may be in. Latin letters in Cambodia can only be English (Khmer
/// is not written in Latin letters); Latin letters in Haiti may be English, French or Haitian
/// Creole, and all three must have screening rules before such a response is screened.
enum WritingScript: String, CaseIterable, Sendable {
    case latin, cyrillic, greek, armenian, hebrew, arabic, thaana, devanagari, bengali, gurmukhi, gujarati, oriya, tamil,
        telugu, kannada, malayalam, sinhala, thai, lao, tibetan, myanmar, georgian, hangul, ethiopic, khmer, mongolian,
        kana, han

    /// The name staff know it by, for messages.
    var name: String {
        switch self {
        case .latin: "Latin"
        case .cyrillic: "Cyrillic"
        case .greek: "Greek"
        case .armenian: "Armenian"
        case .hebrew: "Hebrew"
        case .arabic: "Arabic"
        case .thaana: "Thaana"
        case .devanagari: "Devanagari"
        case .bengali: "Bengali"
        case .gurmukhi: "Gurmukhi"
        case .gujarati: "Gujarati"
        case .oriya: "Odia"
        case .tamil: "Tamil"
        case .telugu: "Telugu"
        case .kannada: "Kannada"
        case .malayalam: "Malayalam"
        case .sinhala: "Sinhala"
        case .thai: "Thai"
        case .lao: "Lao"
        case .tibetan: "Tibetan"
        case .myanmar: "Myanmar"
        case .georgian: "Georgian"
        case .hangul: "Hangul"
        case .ethiopic: "Ethiopic"
        case .khmer: "Khmer"
        case .mongolian: "Mongolian"
        case .kana: "Japanese kana"
        case .han: "Han"
        }
    }

    /// The script of a letter, or nil for one outside the blocks listed here (which makes a
    /// response's language impossible to tell).
    static func of(_ scalar: Unicode.Scalar) -> WritingScript? {
        let value = scalar.value
        for (range, script) in blocks where range.contains(value) { return script }
        return nil
    }

    /// The Unicode blocks of each script's letters. Background knowledge (no source): block
    /// ranges of the Unicode standard, main blocks and their extensions.
    private static let blocks: [(ClosedRange<UInt32>, WritingScript)] = [
        (0x0041...0x024F, .latin), (0x0250...0x02AF, .latin), (0x1D00...0x1DBF, .latin), (0x1E00...0x1EFF, .latin),
        (0x2C60...0x2C7F, .latin), (0xA720...0xA7FF, .latin), (0xAB30...0xAB6F, .latin), (0xFF21...0xFF5A, .latin),
        (0x0370...0x03FF, .greek), (0x1F00...0x1FFF, .greek),
        (0x0400...0x052F, .cyrillic), (0x1C80...0x1C8F, .cyrillic), (0x2DE0...0x2DFF, .cyrillic), (0xA640...0xA69F, .cyrillic),
        (0x0530...0x058F, .armenian), (0x0590...0x05FF, .hebrew),
        (0x0600...0x06FF, .arabic), (0x0750...0x077F, .arabic), (0x08A0...0x08FF, .arabic), (0xFB50...0xFDFF, .arabic),
        (0xFE70...0xFEFF, .arabic), (0x0780...0x07BF, .thaana),
        (0x0900...0x097F, .devanagari), (0xA8E0...0xA8FF, .devanagari), (0x0980...0x09FF, .bengali), (0x0A00...0x0A7F, .gurmukhi),
        (0x0A80...0x0AFF, .gujarati), (0x0B00...0x0B7F, .oriya), (0x0B80...0x0BFF, .tamil), (0x0C00...0x0C7F, .telugu),
        (0x0C80...0x0CFF, .kannada), (0x0D00...0x0D7F, .malayalam), (0x0D80...0x0DFF, .sinhala), (0x0E00...0x0E7F, .thai),
        (0x0E80...0x0EFF, .lao), (0x0F00...0x0FFF, .tibetan), (0x1000...0x109F, .myanmar), (0xAA60...0xAA7F, .myanmar),
        (0x10A0...0x10FF, .georgian), (0x1C90...0x1CBF, .georgian),
        (0x1100...0x11FF, .hangul), (0x3130...0x318F, .hangul), (0xA960...0xA97F, .hangul), (0xAC00...0xD7FF, .hangul),
        (0x1200...0x139F, .ethiopic), (0x2D80...0x2DDF, .ethiopic), (0xAB00...0xAB2F, .ethiopic),
        (0x1780...0x17FF, .khmer), (0x19E0...0x19FF, .khmer), (0x1800...0x18AF, .mongolian),
        (0x3040...0x30FF, .kana), (0x31F0...0x31FF, .kana), (0xFF66...0xFF9F, .kana),
        (0x3400...0x4DBF, .han), (0x4E00...0x9FFF, .han), (0xF900...0xFAFF, .han), (0x20000...0x3134F, .han),
    ]

    /// The script each language (ISO 639-1) is usually written in. A language not listed may
    /// be written in any script, so a response in a country using it is screened only when
    /// that language has rules too. Background knowledge (no source).
    static let ofLanguage: [String: WritingScript] = {
        let groups: [(WritingScript, String)] = [
            (.latin, "af ak ay az bm br bs ca ch co cs cy da de ee en eo es et eu ff fi fj fo fr fy ga gd gl gn ha ht hr hu ia id ie ig io is it jv kg ki kl kr ku kw la lb lg li ln lt lu lv mg mh mi ms mt na nb nd ng nl nn no nr ny oc om pl pt qu rm rn ro rw sc se sg sk sl sm sn so sq ss st su sv sw tk tl tn to tr ts tw ty uz ve vi vo wa wo xh yo za zu"),
            (.cyrillic, "ab av ba be bg ce cu cv kk kv ky mk mn os ru sr tg tt uk"),
            (.greek, "el"), (.armenian, "hy"), (.hebrew, "he yi"), (.arabic, "ar fa ps sd ug ur ks"), (.thaana, "dv"),
            (.devanagari, "hi mr ne sa pi bh"), (.bengali, "bn as"), (.gurmukhi, "pa"), (.gujarati, "gu"), (.oriya, "or"),
            (.tamil, "ta"), (.telugu, "te"), (.kannada, "kn"), (.malayalam, "ml"), (.sinhala, "si"), (.thai, "th"),
            (.lao, "lo"), (.tibetan, "bo dz"), (.myanmar, "my"), (.georgian, "ka"), (.hangul, "ko"), (.ethiopic, "am ti"),
            (.khmer, "km"), (.han, "zh"), (.kana, "ja"),
        ]
        var table: [String: WritingScript] = [:]
        for (script, codes) in groups {
            for code in codes.split(separator: " ") { table[String(code)] = script }
        }
        return table
    }()
}
