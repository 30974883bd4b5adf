/// Which clauses each kind of declaration takes, and which it needs.
///
/// The parser reads any clause under any declaration; this table is where the language
/// says what belongs where, so that a misplaced clause gets one precise message.
struct ClauseRules {
    /// The clauses allowed.
    var allowed: ClauseKinds
    /// The clauses required.
    var required: [ClauseKind]
    /// The clauses that may repeat (titles and wordings: once per language).
    var repeatable: ClauseKinds = [.title, .text, .entry]

    /// The rules of every kind of declaration, built once: checking looks them up per declaration.
    private static let table: [DeclarationKind: ClauseRules] = {
        var kinds: [DeclarationKind] = [.include, .country, .cluster, .point, .question, .parameter, .issue, .policy, .zeroTolerance,
                                        .titles, .example, .decision, .moderation, .constraint, .omitCategory, .omitConstraint, .heading, .tier,
                                        .attribute, .scope]
        for item in ItemKind.allCases { kinds += [.change(item), .withdraw(item)] }
        return Dictionary(uniqueKeysWithValues: kinds.map { ($0, build($0)) })
    }()

    static func of(_ kind: DeclarationKind) -> ClauseRules { table[kind] ?? build(kind) }

    private static func build(_ kind: DeclarationKind) -> ClauseRules {
        let dated: ClauseKinds = [.from, .until]
        let provenance: ClauseKinds = [.decidedBy, .reason]
        switch kind {
        case .include:
            return ClauseRules(allowed: [], required: [])
        case .country:
            return ClauseRules(allowed: [.title, .languages, .status, .decidedBy, .publishesNothing, .reason, .source],
                               required: [.title, .status])
        case .cluster, .point:
            return ClauseRules(allowed: [.title], required: [.title])
        case .question:
            return ClauseRules(allowed: dated.union(provenance).union([.text, .legal, .answer, .nonCompliant, .notApplicableAllowed, .required]),
                               required: [.text, .answer])
        case .parameter:
            return ClauseRules(allowed: dated.union(provenance).union([.value, .title, .legal]), required: [.value])
        case .issue:
            return ClauseRules(allowed: dated.union(provenance).union([.title, .category, .raised, .legal]),
                               required: [.title, .category, .raised])
        case .policy:
            return ClauseRules(allowed: dated.union(provenance).union([.value]), required: [.value])
        case .zeroTolerance:
            var rules = ClauseRules(allowed: dated.union(provenance).union([.title, .questions, .deadline, .step]), required: [.title, .questions])
            rules.repeatable.insert(.step)
            return rules
        case .titles:
            return ClauseRules(allowed: [.decidedBy, .entry], required: [])
        case .example:
            return ClauseRules(allowed: [.on, .given, .expect], required: [.on, .given, .expect])
        case .decision:
            return ClauseRules(allowed: [.title, .status, .on, .source, .covers, .publishes, .withdraws, .rewords], required: [.status, .on])
        case .moderation:
            var rules = ClauseRules(allowed: provenance.union([.title, .words, .nameCues, .pattern]), required: [.title])
            rules.repeatable.formUnion([.words, .nameCues, .pattern])
            return rules
        case .change(let item):
            let changeable: ClauseKinds = switch item {
            case .question: [.text, .legal, .nonCompliant, .notApplicableAllowed, .required]
            case .parameter, .policy: [.value]
            case .issue: [.title, .category, .raised, .legal]
            case .zeroTolerance: [.title, .questions, .deadline, .step]
            }
            var rules = ClauseRules(allowed: changeable.union(dated).union(provenance), required: [.reason, .decidedBy])
            rules.repeatable.insert(.step)
            return rules
        case .withdraw:
            return ClauseRules(allowed: dated.union(provenance), required: [.reason, .decidedBy])
        case .constraint:
            var rules = ClauseRules(allowed: [.title, .requires], required: [.title, .requires])
            rules.repeatable.insert(.requires)
            return rules
        case .omitCategory, .omitConstraint:
            return ClauseRules(allowed: provenance, required: [.reason, .decidedBy])
        case .heading:
            return ClauseRules(allowed: provenance.union([.title, .issues]), required: [.title, .issues])
        case .tier:
            return ClauseRules(allowed: provenance.union([.title, .questions, .concerns, .assessments, .threshold]),
                               required: [.title, .questions, .assessments, .threshold])
        case .attribute:
            return ClauseRules(allowed: [.title, .values], required: [.values])
        case .scope:
            return ClauseRules(allowed: provenance.union([.coversWhen]), required: [.coversWhen])
        }
    }

    /// A valid example of each clause, for `help:` lines.
    static func example(of kind: ClauseKind) -> String {
        switch kind {
        case .title: "title en \"Workers under the legal minimum working age\""
        case .text: "text en \"Are there workers under the legal minimum working age?\""
        case .answer: "answer yes-no"
        case .nonCompliant: "non-compliant when yes"
        case .category: "category child-labour"
        case .raised: "raised when CHL-LAB-01 is non-compliant"
        case .required: "required when CHL-LAB-01 is yes"
        case .value: "value 15 years"
        case .reason: "reason \"Reported at national level only\""
        case .decidedBy: "decided by VN-PAC-2013-02"
        case .status: "status adopted"
        case .on: "on 2021-03-01"
        case .given: "given CHL-LAB-01 yes"
        case .expect: "expect UNDERAGE-WORKERS"
        case .questions: "questions CHL-LAB-01, CHL-LAB-02"
        case .issues: "issues KH-01, KH-02"
        case .step: "step notify-ministry by better-work immediately"
        case .assessments: "assessments at least 3"
        case .threshold: "threshold 2 deviations below mean"
        case .concerns: "concerns union"
        case .values: "values \"garment\", \"footwear\""
        case .coversWhen: "covers when factory export_licence is yes"
        default: kind.keyword
        }
    }
}

/// ISO 639-1 language codes, for catching `kh` written for Khmer (`km`).
package enum LanguageCodes {
    /// Every two-letter code of ISO 639-1.
    package static let all: Set<String> = Set("""
    aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu \
    fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn \
    ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os \
    pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw \
    ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
    """.split(separator: " ").map(String.init))

    /// Country codes people write where a language code is meant.
    static let likelyMeant: [String: (code: String, name: String)] = [
        "kh": ("km", "Khmer"), "vn": ("vi", "Vietnamese"), "bd": ("bn", "Bengali"), "jo": ("ar", "Arabic"),
        "eg": ("ar", "Arabic"), "pk": ("ur", "Urdu"), "lk": ("si", "Sinhala"), "jp": ("ja", "Japanese"),
        "cn": ("zh", "Chinese"), "ni": ("es", "Spanish"), "sp": ("es", "Spanish"), "cr": ("ht", "Haitian Creole"),
    ]
}

extension DeclarationKind {
    /// The keywords of the clauses this kind of declaration takes, alphabetically: what an
    /// editor offers at the start of a clause line.
    package var clauseKeywords: [String] {
        ClauseRules.of(self).allowed.keywords.filter { $0 != ClauseKind.entry.keyword }
    }
}
