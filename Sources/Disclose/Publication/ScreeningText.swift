/// A factory response as moderation sees it: folded so that what looks the same to a reader
/// also matches the same to the screen.
///
/// The published text is never changed; only the screen reads this form. In order:
/// 1. invisible and format characters are dropped (Unicode `Cf`, and every default-ignorable
///    code point: zero-width space and joiners, soft hyphen, word joiner, byte order mark,
///    bidirectional controls, tag characters, variation selectors, Hangul fillers), and the
///    Arabic tatweel that only stretches a word: `i\u{200B}diot` is `idiot`;
/// 2. compatibility composition (NFKC): fullwidth `ｉｄｉｏｔ` and `name＠example.com`, styled
///    mathematical letters and circled letters become plain ones;
/// 3. Cyrillic and Greek letters that look Latin become the Latin letter (`idiоt` with a
///    Cyrillic `о`), and decimal digits of every script become ASCII (`٠١٢`, `০১২`, `០១២`);
/// 4. words are the runs of letters and marks between anything else, each also case-folded,
///    for the `words` and `name-cues` of the rules; patterns read the folded text whole.
struct ScreeningText {
    /// A run of letters and marks of the folded text.
    struct Word {
        /// Case-folded, in canonical composition.
        var folded: String
        /// True when the word starts with a capital letter as written.
        var isCapitalised: Bool
        /// True when the word's script has no capital letters (Khmer, Arabic, Bengali…).
        var isCaseless: Bool
        /// The characters between this word and the next (empty text for none): a name cue
        /// allows only an abbreviation's full stop and spaces there.
        var gapAfter: String
    }

    /// The text after steps 1 to 3, not case-folded: what patterns match.
    let folded: String
    let words: [Word]

    init(_ text: String) {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !ScreeningText.isInvisible(scalar) { scalars.append(scalar) }
        let composed = String(scalars).precomposedStringWithCompatibilityMapping
        var mapped = String.UnicodeScalarView()
        for scalar in composed.unicodeScalars {
            if let latin = ScreeningText.latinLookalikes[scalar] {
                mapped.append(latin)
            } else if scalar.properties.generalCategory == .decimalNumber, let value = scalar.properties.numericValue,
                value >= 0, value <= 9
            {
                mapped.append(Unicode.Scalar(UInt8(ascii: "0") + UInt8(value)))
            } else {
                mapped.append(scalar)
            }
        }
        folded = String(mapped)
        words = ScreeningText.split(folded)
    }

    /// The folded words of a rule's word or phrase, as a sequence to look for.
    static func words(of phrase: String) -> [String] { ScreeningText(phrase).words.map(\.folded) }

    /// Invisible characters that a reader cannot see and a screen must not be stopped by.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isDefaultIgnorableCodePoint || properties.generalCategory == .format { return true }
        // The Arabic tatweel (a letter by category) stretches a word without changing it.
        return scalar.value == 0x0640
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark, .spacingMark,
            .enclosingMark:
            true
        case .decimalNumber, .letterNumber, .otherNumber, .connectorPunctuation, .dashPunctuation, .openPunctuation,
            .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol,
            .modifierSymbol, .otherSymbol, .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format,
            .surrogate, .privateUse, .unassigned:
            false
        @unknown default:
            false
        }
    }

    private static func split(_ text: String) -> [Word] {
        var words: [Word] = []
        var current = String.UnicodeScalarView()
        var gap = String.UnicodeScalarView()
        func finishWord() {
            guard !current.isEmpty else { return }
            let word = String(current)
            let first = current.first!.properties
            let cased = current.contains { $0.properties.changesWhenCaseMapped }
            words.append(Word(folded: word.lowercased().precomposedStringWithCanonicalMapping, isCapitalised: first.isUppercase,
                              isCaseless: !cased, gapAfter: ""))
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                if current.isEmpty, !words.isEmpty { words[words.count - 1].gapAfter = String(gap) }
                gap = String.UnicodeScalarView()
                current.append(scalar)
            } else {
                finishWord()
                gap.append(scalar)
            }
        }
        finishWord()
        return words
    }

    /// Cyrillic and Greek letters drawn like Latin ones, with the Latin letter a reader takes
    /// them for. Background knowledge (no source): the common look-alikes of these scripts,
    /// a screening aid, not a complete list of Unicode confusables.
    static let latinLookalikes: [Unicode.Scalar: Unicode.Scalar] = {
        let pairs: [(String, String)] = [
            // Cyrillic lowercase, then capitals.
            ("а", "a"), ("е", "e"), ("о", "o"), ("р", "p"), ("с", "c"), ("у", "y"), ("х", "x"), ("і", "i"), ("ѕ", "s"),
            ("ј", "j"), ("ԁ", "d"), ("һ", "h"), ("ӏ", "l"), ("ԛ", "q"), ("ԝ", "w"), ("ё", "ë"), ("ї", "ï"),
            ("А", "A"), ("В", "B"), ("Е", "E"), ("К", "K"), ("М", "M"), ("Н", "H"), ("О", "O"), ("Р", "P"), ("С", "C"),
            ("Т", "T"), ("У", "Y"), ("Х", "X"), ("І", "I"), ("Ѕ", "S"), ("Ј", "J"), ("Ԁ", "D"), ("Һ", "H"), ("Ԛ", "Q"),
            ("Ԝ", "W"), ("Ӏ", "I"),
            // Greek lowercase, then capitals.
            ("ο", "o"), ("α", "a"), ("ε", "e"), ("ι", "i"), ("κ", "k"), ("ν", "v"), ("ρ", "p"), ("τ", "t"), ("υ", "u"),
            ("χ", "x"), ("Α", "A"), ("Β", "B"), ("Ε", "E"), ("Ζ", "Z"), ("Η", "H"), ("Ι", "I"), ("Κ", "K"), ("Μ", "M"),
            ("Ν", "N"), ("Ο", "O"), ("Ρ", "P"), ("Τ", "T"), ("Υ", "Y"), ("Χ", "X"),
        ]
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (from, to) in pairs { table[from.unicodeScalars.first!] = to.unicodeScalars.first! }
        return table
    }()
}
