/// The catalogue of every diagnostic the tool can give, with stable codes.
///
/// Codes never change meaning once shipped. The first digit says which phase finds the
/// problem: 1 reading the file, 2 its structure, 3 names and clauses, 4 types and
/// languages, 5 files, layers and dates, 6 content warnings, 7 data files.
/// `disclose help CODE` prints the long explanation.
package enum DiagnosticCode: String, CaseIterable, Sendable, Hashable {
    case invalidEncoding = "E101"
    case unterminatedString = "E102"
    case unexpectedCharacter = "E103"
    case invalidEscape = "E104"
    case invalidLiteral = "E105"
    case notText = "E106"
    case invisibleCharacter = "W107"
    case fileTooLarge = "E108"
    case textAsPasted = "W110"

    case expectedDeclaration = "E201"
    case unknownClause = "E202"
    case unexpectedToken = "E203"
    case nestingTooDeep = "E204"
    case mixedAndOr = "E205"

    case unknownReference = "E301"
    case duplicateDefinition = "E302"
    case unknownValue = "E303"
    case clauseNotAllowed = "E304"
    case missingClause = "E305"
    case repeatedClause = "E306"
    case misplacedDeclaration = "E307"
    case conflictingClauses = "E308"
    case emptyText = "E309"
    case notApplicableSilencesIssue = "E310"
    case requiredWhenReadsItself = "E311"
    case unknownIssueUnderHeading = "E330"
    case issueUnderTwoHeadings = "E331"
    case headingTitleMissing = "E332"
    case issueUnderNoHeading = "W340"
    case stepCountsFromNothing = "E333"
    case unionRequirementCountedAgainstFactory = "W341"
    case unknownFactoryAttribute = "E334"
    case statusOfInformationalQuestion = "E335"
    case scopeReadsAnswers = "E336"
    case valuesByAttributeIncomplete = "E337"
    case informationalQuestionUnread = "W342"

    case typeMismatch = "E401"
    case unitMismatch = "E402"
    case missingTitle = "E403"
    case invalidPattern = "E404"
    case slowPattern = "E405"
    case backReferencePattern = "E406"

    case includeNotFound = "E501"
    case includeOutsideRoot = "E502"
    case includeCycle = "E503"
    case nothingToChange = "E504"
    case overlappingDates = "E505"
    case invalidDateRange = "E506"
    case tooManyFiles = "E507"
    case impreciseDate = "E520"
    case itemBeforeDecision = "E508"

    case categoryNotCovered = "W601"
    case emptyFile = "W602"

    case malformedCSV = "E701"
    case raggedRow = "E702"
    case missingColumn = "E703"
    case unknownColumn = "E704"
    case wrongSeparator = "E705"
    case invalidValue = "E706"
    case unknownRecord = "E707"
    case duplicateRecord = "E708"
    case malformedJSON = "E709"
    case missingTable = "E710"
    case unusableAnswer = "W711"
    case undeclaredAttributeValue = "W714"
    case tableNotAFile = "E712"
    case unreadableTable = "E713"

    case decisionNotInForce = "E801"
    case decisionProposed = "W802"
    case decisionOfAnotherCountry = "E803"
    case decisionDoesNotCover = "E804"
    case ruleBeforeDecision = "E805"
    case decisionNotReflected = "E806"
    case draftList = "W807"
    case constraintViolated = "E808"

    /// Errors stop the rules from being used; warnings do not.
    package var severity: Severity { rawValue.hasPrefix("W") ? .warning : .error }

    /// The code as shown, for example `E301`.
    package var code: String { rawValue }

    /// Finds a code by its text, in any case (`e301` finds `E301`).
    package static func named(_ text: String) -> DiagnosticCode? {
        DiagnosticCode(rawValue: text.uppercased())
    }

    /// A few words naming the problem, for lists and SARIF rule names.
    package var summary: String {
        switch self {
        case .invalidEncoding: "file is not UTF-8"
        case .unterminatedString: "text not closed"
        case .unexpectedCharacter: "unexpected character"
        case .invalidEscape: "unknown escape in text"
        case .invalidLiteral: "malformed number or date"
        case .notText: "not a text file"
        case .invisibleCharacter: "invisible or text-direction character"
        case .fileTooLarge: "file too large"
        case .textAsPasted: "text not as it will be shown"
        case .expectedDeclaration: "expected a declaration"
        case .unknownClause: "unknown clause"
        case .unexpectedToken: "unexpected word or symbol"
        case .nestingTooDeep: "condition nested too deeply"
        case .mixedAndOr: "`and` and `or` mixed without parentheses"
        case .unknownReference: "unknown id"
        case .duplicateDefinition: "defined twice"
        case .unknownValue: "unknown value"
        case .clauseNotAllowed: "clause not allowed here"
        case .missingClause: "required clause missing"
        case .repeatedClause: "clause given twice"
        case .misplacedDeclaration: "declaration in the wrong file"
        case .conflictingClauses: "clauses contradict each other"
        case .emptyText: "empty text"
        case .notApplicableSilencesIssue: "not-applicable keeps an issue from ever being raised"
        case .requiredWhenReadsItself: "`required when` reads its own question"
        case .unknownIssueUnderHeading: "unknown issue under a heading"
        case .issueUnderTwoHeadings: "issue under two headings"
        case .headingTitleMissing: "heading or tier without a title in a country language"
        case .issueUnderNoHeading: "public issue under no heading"
        case .stepCountsFromNothing: "first escalation step counts from a later one"
        case .unionRequirementCountedAgainstFactory: "union tier requirement read by a public issue"
        case .unknownFactoryAttribute: "unknown factory attribute or value"
        case .statusOfInformationalQuestion: "compliance of a question with no non-compliant answer"
        case .scopeReadsAnswers: "scope reads more than factory attributes"
        case .valuesByAttributeIncomplete: "values by attribute overlap or leave factories without a value"
        case .informationalQuestionUnread: "informational question read by nothing"
        case .typeMismatch: "wrong kind of value"
        case .unitMismatch: "units do not match"
        case .missingTitle: "title missing in a declared language"
        case .invalidPattern: "invalid moderation pattern"
        case .slowPattern: "moderation pattern can take too long"
        case .backReferencePattern: "back-reference in a moderation pattern"
        case .includeNotFound: "included file not found"
        case .includeOutsideRoot: "include outside the rules folder"
        case .includeCycle: "files include each other"
        case .nothingToChange: "nothing to change or withdraw"
        case .overlappingDates: "dated definitions overlap"
        case .invalidDateRange: "ends before it starts"
        case .tooManyFiles: "too many included files"
        case .impreciseDate: "month or year where a day is needed"
        case .itemBeforeDecision: "in force before its decision"
        case .categoryNotCovered: "mandatory category not covered"
        case .emptyFile: "file declares nothing"
        case .malformedCSV: "malformed CSV"
        case .raggedRow: "row with too many or too few fields"
        case .missingColumn: "required column missing"
        case .unknownColumn: "unknown column"
        case .wrongSeparator: "not separated by commas"
        case .invalidValue: "invalid value in data"
        case .unknownRecord: "refers to something not in the data or rules"
        case .duplicateRecord: "record given twice"
        case .malformedJSON: "malformed JSON line"
        case .missingTable: "data table missing"
        case .unusableAnswer: "answer does not fit its question"
        case .undeclaredAttributeValue: "factory attribute value not declared"
        case .tableNotAFile: "table is not an ordinary file"
        case .unreadableTable: "table cannot be read"
        case .decisionNotInForce: "decision rejected or superseded"
        case .decisionProposed: "decision only proposed"
        case .decisionOfAnotherCountry: "decision of another country"
        case .decisionDoesNotCover: "decision does not cover the item"
        case .ruleBeforeDecision: "rule in force before its decision (now E508)"
        case .decisionNotReflected: "decision not reflected in the rules"
        case .draftList: "country list is a draft"
        case .constraintViolated: "programme-wide constraint not met"
        }
    }

    /// The long explanation: what the problem is, why it matters, and a valid example.
    package var explanation: String {
        switch self {
        case .invalidEncoding:
            return """
            The file contains bytes that are not UTF-8 text. Rule files must be saved as UTF-8 so
            that titles in Khmer, Arabic, Bengali, Amharic or Vietnamese are read exactly as written.
            The message points at the first byte that is not UTF-8. In a data table, a NUL byte
            (no character of any text: a damaged file or a binary export) is refused the same way,
            and a sheet saved as "Unicode Text" (UTF-16) is reported once, at its header.

            To fix it, open the file in a text editor and save it with the encoding "UTF-8".
            From Excel, use "Save As" and choose "CSV UTF-8".
            """
        case .unterminatedString:
            return """
            Text in quotes must end with a closing `"` on the same line. A missing quote would
            otherwise swallow the rest of the file.

                title en "Workers under the legal minimum working age"

            To put a double quote inside text, write `\\"`.
            """
        case .unexpectedCharacter:
            return """
            The file contains a character that is not part of the language outside quotes. Ids use
            only the ASCII letters A to Z, digits, `-`, `_` and `.`, so that a letter from another
            alphabet that looks the same (a Cyrillic `А` for a Latin `A`) can never pass for an id.
            Any text, in any script, goes between straight double quotes.

            Curly quotes (“ ”) come from word processors: replace them with straight quotes (").
            Clauses need no `:` or `=`:

                issue UNDERAGE-WORKERS
                  title en "Workers under the legal minimum working age"

            A file with very many stray characters (a document pasted in, a binary file) gets the
            first 50 and one message saying that more follow.
            """
        case .invalidEscape:
            return """
            Inside text, a backslash starts an escape. Only two exist: `\\"` for a double quote and
            `\\\\` for a backslash.

                title en "The \\"one of\\" rule"
            """
        case .invalidLiteral:
            return """
            A word starting with a digit must be a number (`15`, `2.5`) or a date written
            YYYY-MM-DD that exists on the calendar (`2024-02-29`, but not `2023-02-29`). A
            decision's date may give only the month, YYYY-MM with a month from 01 to 12
            (`2014-10`, but not `2014-13`), or only the year, four digits (`2014`).
            A unit is a separate word:

                parameter weekly-overtime-cap
                  value 12 hours
            """
        case .notText:
            return """
            The file holds NUL bytes, so it is not a text file: perhaps a spreadsheet, a word
            processor document or an image was given where a rule file was expected.
            Rule files are plain UTF-8 text ending in `.disclose`.
            """
        case .invisibleCharacter:
            return """
            Text or a comment contains an invisible character: a zero-width space, a word joiner,
            a byte-order mark, a character that changes the direction of text (the "Trojan
            Source" trick), or a control character such as ESC (which a terminal would obey when
            the line is quoted). Every Unicode format character counts, among them the soft
            hyphen (U+00AD, often pasted from Word), U+180E, the annotation marks U+FFF9 to
            U+FFFB and the tag characters U+E0000 to U+E007F (which can spell out a whole hidden
            message); so do the line and paragraph separators U+2028 and U+2029 (pasted from a
            PDF) and the blank Hangul fillers (U+115F, U+1160, U+3164, U+FFA0). These make a
            file read differently on screen from what it says, so they are flagged, and a
            message quoting the line shows each as `�`. Remove them unless a translator has a
            real need for one. Zero-width joiners (Sinhala, Bengali, Urdu) and a zero-width
            space between Khmer, Thai, Lao or Myanmar words are how those scripts are written,
            and are not flagged.
            """
        case .fileTooLarge:
            return """
            The file is larger than the tool reads (64 MiB). No real rule file comes near this size;
            check that the right file was given.
            """
        case .textAsPasted:
            return """
            A text for people (a title, a question's wording, a reason, a legal reference, a
            source, a word to screen for) holds what a word processor or a web page pasted with
            it: a letter and its accent stored as two characters (text not in Unicode NFC), a
            non-breaking space, a soft hyphen, or spaces at the start or end. The text looks
            right, but two titles that look the same would differ in the public files and in
            every comparison. Texts are stored in NFC; `disclose fmt` rewrites the file with plain
            spaces, no soft hyphens, nothing around the text, in NFC. The help line shows the
            text as it will be written.

            Choices (`one of "…"`), moderation patterns and include paths are left as written.
            """
        case .expectedDeclaration:
            return """
            Each declaration starts at the beginning of a line with one of the declaration keywords:
            include, country, cluster, point, question, parameter, issue, policy, zero-tolerance,
            change, withdraw, titles, example, decision. Keywords are lowercase.

                issue UNDERAGE-WORKERS
                  title en "Workers under the legal minimum working age"
                  category child-labour
                  raised when CHL-LAB-01 is non-compliant
            """
        case .unknownClause:
            return """
            Each line under a declaration starts with one of the clauses that declaration takes:
            a `change parameter` takes `value`, `from`, `until`, `reason` and `decided by`; an
            `issue` takes `title`, `category`, `raised when`, `legal` and those four. The help line
            suggests the clause meant when the word is a near miss of one, or lists the clauses the
            declaration takes; grammar.md lists them all, per declaration.

                withdraw issue UNION-CHOICE
                  reason "Reported at national level only"
                  decided by VN-PAC-2013-02

            When such a line was meant to be `from` or `until` (`form 2024-01-01`), only this
            error is reported, not the dates that then seem to be missing (E508, E505).
            """
        case .unexpectedToken:
            return """
            A clause or header is not written the way the language expects: a word, a value or a
            symbol is missing or out of place. The message says what was expected. For example, a
            compliance point names its cluster with `in`:

                point CHL-LAB in CHL

            When the word found is a near miss of the keyword expected (`raised wen`), the help line
            says which one was meant: "did you mean `when`?".
            """
        case .nestingTooDeep:
            return """
            Parentheses and `not` may nest at most 32 deep in one condition. This protects the tool
            from files built to crash it; a real rule never needs more than two or three levels.
            """
        case .mixedAndOr:
            return """
            A condition that mixes `and` and `or` without parentheses reads differently to different
            people, so it must say which is meant:

                raised when (OSH-EMR-01 is non-compliant and OSH-EMR-02 is non-compliant) or OSH-EMR-03 is non-compliant
            """
        case .unknownReference:
            return """
            An id names something that is not declared: a question, issue, parameter, cluster,
            compliance point, zero-tolerance category, PAC decision or language. Check the spelling;
            the message suggests a close id, or a question whose wording matches. Questions are
            declared in rules/catalogue.disclose; decisions in the country's decision register,
            which the country file includes.
            """
        case .duplicateDefinition:
            return """
            The same id is declared twice (in this file or in a file it includes), or the same
            clause appears twice where one is expected. Ids must be unique within their kind. To give
            an item a new definition from a date, use `from` and `until` on each definition, or in a
            country file use `change`.
            """
        case .unknownValue:
            return """
            A value must come from a fixed list. Categories of public issues: freedom-of-association,
            forced-labour, child-labour, discrimination, wages, safety-and-health, workplace-dialogue,
            country-specific. Country status: decided, draft. Decision status: adopted, proposed,
            rejected, superseded. Policy settings and their values are listed in grammar.md.
            """
        case .clauseNotAllowed:
            return """
            The clause exists, but not in this kind of declaration: for example `answer` belongs to
            a question, not to an issue, and `decided by` is only for country-level choices.
            grammar.md lists the clauses each declaration takes.
            """
        case .missingClause:
            return """
            A declaration lacks a clause it needs: a question needs `text en`, `answer` and
            `non-compliant when`; an issue needs a title, a `category` and `raised when`; a change
            or withdrawal of an inherited item needs a `reason` and the PAC decision it rests on:

                withdraw issue UNION-CHOICE
                  reason "Reported at national level only since 2013"
                  decided by VN-PAC-2013-02
            """
        case .repeatedClause:
            return """
            A clause that can appear only once in a declaration appears twice (or, for titles and
            wording, twice for the same language). Keep one.
            """
        case .misplacedDeclaration:
            return """
            Some declarations belong in particular files: `country`, `change`, `withdraw`,
            `omit category` and `titles` only in a country file (one `country` per file, not in an included file); a
            country-level choice cannot be made in the shared files of rules/.
            """
        case .conflictingClauses:
            return """
            Two declarations say opposite things: a country that `publishes nothing` but has public
            issues (it includes the baseline's, or declares its own), a country that omits a
            category (`omit category`) but publishes an issue in it, or a decision whose status is
            not `superseded` but names a decision that replaced it.
            """
        case .emptyText:
            return """
            A text in quotes is empty, or holds only spaces (non-breaking spaces and other
            invisible characters included): a title, a question's wording, a reason, a legal
            reference, a source, a word to screen for or a pattern. An empty title would show
            nothing on the portal; an empty reason records no reason; an empty pattern would hold
            every response. Write the text, or remove the clause if it is optional:

                withdraw issue UNION-CHOICE
                  reason "Vietnam reports this only at national level, not per factory"
                  decided by VN-PAC-2013-02
                  from 2013-01-01
            """
        case .notApplicableSilencesIssue:
            return """
            A public issue can never be raised when one question of its condition is answered
            "not applicable", whatever the other answers, and that question allows the answer.
            The shape is `(child labour found) and CHL-LAB-05 is no`: where a child was found and
            remediation was answered "not applicable", the issue is not raised, and the factory
            can show green. That is a false green, the worst mistake the portal can make.

            Say when the answer is required, on the question:

                question CHL-LAB-05 in CHL-LAB
                  text en "Where child labour was found, has the employer remediated it?"
                  answer yes-no
                  non-compliant when no
                  not-applicable allowed
                  required when CHL-LAB-01 is yes

            Whenever the `required when` condition holds, a missing or "not applicable" answer
            makes the assessment incomplete data: it is withheld, never shown as compliant. In a
            country file, an inherited question takes the clause with `change question`, a
            `reason` and `decided by`. The error goes away once `required when` covers every
            case in which the other answers would raise the issue.

            This is an error, not a warning: the fix is always possible and harmless (requiring
            an answer in a case that cannot arise costs nothing), and until it is made the rules
            could show a factory as compliant where the assessment found the issue.
            """
        case .requiredWhenReadsItself:
            return """
            A question's `required when` condition reads the question itself. The condition says
            in which cases the question needs a real answer, so it must be about the other
            answers of the assessment (for remediation: whether child labour was found), never
            about the answer it requires.

                required when CHL-LAB-01 is yes
            """
        case .unknownIssueUnderHeading:
            return """
            A country's `heading` lists an issue that is not one of the country's public issues:
            a misspelt id, or an issue of another country. A heading only groups the country's
            own public issues for display on the portal.

                heading KH-CONTRACTS
                  title en "Contracts"
                  title km "កិច្ចសន្យា"
                  issues KH-21
                  decided by KH-PAC-2014-01
            """
        case .issueUnderTwoHeadings:
            return """
            An issue is listed under two headings (or twice under one). The portal shows each
            public issue once, under one heading; choose the heading it belongs to and remove it
            from the other `issues` line. The issue's `category` is not affected by headings.
            """
        case .headingTitleMissing:
            return """
            A heading or a tier has no title in one of the languages the country publishes in. The
            portal shows it in every language of the country, so each needs a title; a
            translation still to be agreed can rest on a proposed decision until then.

                heading KH-WAGES
                  title en "Wages"
                  title km "ប្រាក់ឈ្នួល"
                  issues KH-19, KH-20
                  decided by KH-PAC-2014-01
            """
        case .issueUnderNoHeading:
            return """
            The country groups its public issues under its own headings, but one public issue is
            under none of them. The portal still shows it, after the headings under its category,
            which is seldom what was meant: add it to the `issues` line of the heading it belongs
            to.
            """
        case .stepCountsFromNothing:
            return """
            The first step of a zero-tolerance escalation counts its time from `notification` or
            `previous-step`, but nothing comes before it. The first step is the notification
            itself (Better Work informing the Ministry): it counts from the assessment, or is due
            `immediately`. Later steps may count from the notification or from the step before.

                zero-tolerance ZT-CHILD-LABOUR
                  title en "Child labour"
                  questions CHL-LAB-01, CHL-LAB-02
                  step notify-ministry by better-work immediately
                  step start-investigation by ministry within 48 hours of notification
                  step follow-up by better-work within 72 hours of notification
                  step agree-action-plan by better-work, ministry
            """
        case .unionRequirementCountedAgainstFactory:
            return """
            A tier that `concerns union` measures what the union at a factory did (Better
            Factories Cambodia publishes unions' compliance with the legal requirements for
            strikes), and is published as a list of its own, never counted against the factory.
            A public issue of the country reads one of its requirements, so the union's finding
            would also be shown as the factory's non-compliance. Keep the question out of the
            factory's issues, or say `concerns factory` if the tier is about the factory.

                tier KH-UNION-COMPLIANCE
                  title en "Union compliance"
                  concerns union
                  assessments at least 2
                  questions FOA-STR-04
                  threshold below 100 percent
            """
        case .unknownFactoryAttribute:
            return """
            A condition, an attribute declaration or a scope names a factory attribute that is not
            declared, or a value the attribute does not have. Factory attributes are columns of
            the factories table (`sector`, `province`, `export_licence`, docs/formats.md); the
            shared rules declare each one that conditions may test, with its values, in
            rules/catalogue.disclose. Check the spelling (the help suggests the nearest name), or
            add the value to the attribute's `values` line.

                attribute sector
                  values "garment", "footwear", "textile", "travel-goods"

                issue EXAMPLE
                  title en "…"
                  category country-specific
                  raised when factory sector is "garment" and WTI-OVT-04 is non-compliant
            """
        case .statusOfInformationalQuestion:
            return """
            A question without `non-compliant when` is informational: no answer to it is a
            violation, it only records a fact that other rules read (whether child labour was
            remediated, the kind of contract). Testing whether it is `compliant` or
            `non-compliant`, listing it in a zero-tolerance category or in a tier, would treat
            every answer as compliant. Test its answer instead (`CHL-LAB-05 is no`), or give the
            question a `non-compliant when` line if some answer is a violation.
            """
        case .scopeReadsAnswers:
            return """
            A country's `scope` says which factories its portal covers, from what the factories
            table says about each factory (its attributes), before any assessment is looked at.
            Its `covers when` may test factory attributes only, as in
            `covers when factory export_licence is yes`; a question's answer changes from one
            assessment to the next and cannot decide whether a factory is covered.
            """
        case .valuesByAttributeIncomplete:
            return """
            A parameter gives different values by a factory attribute (`value 300 hours for sector
            "garment", "textile"`), and its values do not fit together: an attribute value is given
            two values, two lines name different attributes, or some declared value of the
            attribute gets no value because there is no line without `for` (the value for every
            other factory). Like dated values, values by attribute must say exactly one value for
            every factory. A factory whose attribute is missing from the data is incomplete data
            for the rules that read the parameter, whatever the lines say.

                parameter annual-overtime-cap
                  value 200 hours
                  value 300 hours for sector "garment", "textile"
            """
        case .informationalQuestionUnread:
            return """
            A question without `non-compliant when` (informational) is read by no `raised when`,
            `required when` or `covers when` of the rules. Its answers can change nothing: give it
            a `non-compliant when` line if some answer is a violation, use it in a condition, or
            remove it.
            """
        case .typeMismatch:
            return """
            A value does not fit what it is used with: a numeric comparison on a yes/no question,
            `yes` for a question answered with a number, `before` with a number, or a choice that
            the question does not offer. The message names the question's answer kind.

                question WTI-OVT-02 in WTI-OVT
                  answer number in hours
                  non-compliant when above weekly-overtime-cap
            """
        case .unitMismatch:
            return """
            A number is compared with a value in another unit: hours with days, years with months.
            Units are compared after dropping a final "s" (`hour` and `hours` match).
            """
        case .missingTitle:
            return """
            A country declares its languages; every public issue it shows needs a title in each of
            them, so the portal never falls back silently to another language. Add the title to the
            issue, or, for an inherited issue, to the country's `titles` block:

                titles km
                  decided by KH-PAC-2013-01
                  UNDERAGE-WORKERS "កម្មករមានអាយុក្រោមអាយុការងារអប្បបរមា"

            When a line of the issue (or of the `titles` block of that language) could not be read,
            a title pasted with curly quotes for instance, that error (E103, E102, E203) is reported
            instead: fixing it usually gives the title. Run `disclose check` again afterwards.
            """
        case .invalidPattern:
            return """
            A `pattern` of a moderation rule is a regular expression (ICU syntax, as used by
            Foundation's NSRegularExpression) and this one cannot be read: an unclosed bracket or
            parenthesis, or a backslash that escapes nothing. Inside quotes a backslash is written
            twice:

                moderation PERSONAL-DATA
                  title en "Phone numbers"
                  pattern "\\\\+?[0-9][0-9 ()-]{7,}[0-9]"
            """
        case .slowPattern:
            return """
            A `pattern` of a moderation rule repeats a group that has alternatives, a repetition
            or an optional part inside, such as `(a|aa)+`, `(a+)+` or `(.*)*`. The matcher can then
            split the same text between the repetitions in very many ways and tries them all when
            the rest of the pattern does not match: `(a|aa)+$` takes about a minute on a response
            of 100 characters, and longer than anyone waits on one of 1,000. (Publishing stops such
            a pattern after a fixed amount of work and holds the response, "could not be screened
            in time", so a pattern like this holds responses instead of screening them.)

            Repeat a single character or a class instead, or write the repetitions out:

                pattern "(\\\\+|00)?[0-9][0-9 ().-]{7,}[0-9]"

            rather than `(\\+|00)?[0-9]([ ().-]?[0-9]){8,}`. A group of fixed text may repeat:
            `(ab)+` is fine.
            """
        case .backReferencePattern:
            return """
            A `pattern` of a moderation rule refers back to what a group matched (`\\1`,
            `\\k<name>`). No bound is known on the time such a pattern takes on a long response,
            so moderation patterns may not use them. Write out the text to look for instead, or
            list the words in a `words` clause:

                words en "idiot idiot"
            """
        case .includeNotFound:
            return """
            An `include` names a file that does not exist. Paths are relative to the file that
            includes them:

                include "../rules/baseline.disclose"
            """
        case .includeOutsideRoot:
            return """
            An `include` points outside the project's rule folders (through `..`, an absolute
            path or a symbolic link). Rule files may only include files inside the folder that
            holds rules/ and countries/, so a rule book cannot be made to read other files.
            """
        case .includeCycle:
            return """
            Files include each other in a circle (A includes B, B includes A). Each file may be
            included once along any path. The message lists the circle.
            """
        case .nothingToChange:
            return """
            A `change` or `withdraw` names an item that the country does not inherit: there is no
            such item in the included files (it may be misspelt), or it is declared in the country
            file itself, where it can simply be edited. Nothing is ever silently ignored.
            """
        case .overlappingDates:
            return """
            Two dated definitions of the same item are in force on the same day, so the rules in
            force on that day would be ambiguous. Make the periods follow each other: `until` is
            the last day in force, inclusive.

                parameter minimum-wage
                  value 190 dollars
                  until 2021-12-31

                parameter minimum-wage
                  value 194 dollars
                  from 2022-01-01
            """
        case .invalidDateRange:
            return """
            A definition ends (`until`) before it starts (`from`). `until` is the last day in force.
            """
        case .tooManyFiles:
            return """
            A rule book includes more than 1,000 files. This limit protects the tool; real rule
            books have a handful.
            """
        case .impreciseDate:
            return """
            A date gives only a month (`2014-10`) or a year (`2014`) where a full day is needed.
            Only a PAC decision's `on` may be that imprecise, because a source often says no more
            than the year in which something was decided; there it means "taken on some day of
            that month or year", and a check that a rule does not start before its decision uses
            the last day it could be. Everything else (`from`, `until`, an example's `on`, a value
            or an answer) says on which day something starts or happens, so write the day, and do
            not guess one: find it in the source.

                decision KH-PAC-2014-01
                  status adopted
                  on 2014

                issue KH-01
                  from 2015-01-01
            """
        case .itemBeforeDecision:
            return """
            A country-level choice (an issue, a question, a parameter, a policy setting, a
            zero-tolerance category, a change or a withdrawal) would take effect before the day
            its PAC decision was taken. A choice without `from` is in force always, so it would be
            applied to assessments made years before the PAC decided it. Give it a `from` line
            with the decision's day, or a later one:

                issue KH-CHEMICALS
                  title en "Chemicals not stored safely"
                  category safety-and-health
                  raised when OSH-CHE-01 is non-compliant
                  decided by KH-PAC-2024-01
                  from 2024-03-15

            Only adopted decisions are checked. A decision that is only proposed has no day of
            adoption yet (its `on` is the day it was proposed), and what rests on it is a draft;
            when the register records the adoption (`status adopted`, `on` the day adopted), this
            check applies. A decision dated only to the month or the year (`on 2014-10`, `on 2014`)
            may have been taken on the last day of that period, so the choice starts on 2014-10-31
            or 2014-12-31 at the earliest.
            """
        case .categoryNotCovered:
            return """
            The portal's policy publishes, in every country, issues in each mandatory category:
            freedom-of-association, forced-labour, child-labour, discrimination, wages,
            safety-and-health and workplace-dialogue. This country has no public issue in one of
            them. Add one, or record the PAC's decision not to:

                omit category workplace-dialogue
                  reason "The BFC list of 21 critical issues has no workplace-dialogue item"
                  decided by KH-PAC-2013-01

            A country that publishes nothing (`publishes nothing`) is not warned.
            """
        case .emptyFile:
            return """
            The file has no declarations. If it is meant to be empty, delete it; otherwise check
            that its content was saved.
            """
        case .malformedCSV:
            return """
            A CSV field is quoted wrongly: a quote opened and never closed (the message points at
            the line where it opened), or a quote in the middle of a field that is not quoted. In
            CSV a field holding a comma, a quote or a line break is put in double quotes, and a quote
            inside it is written twice:

                factory_id,name
                F-001,"Saigon ""Star"" Garments, Ltd"

            Spreadsheet programs do this by themselves when they export CSV. Nothing is published
            until the data reads cleanly.
            """
        case .raggedRow:
            return """
            A row has more or fewer fields than the header has columns, often because a value holds
            a comma but is not in quotes, or a cell was split. Fix the row (or export the sheet
            again) so that every row has one field per column.
            """
        case .missingColumn:
            return """
            A column the table needs is not in its header row. docs/formats.md lists the columns of
            each table; names are matched without regard to case or surrounding spaces.
            """
        case .unknownColumn:
            return """
            The header names a column the table does not have; it may be misspelt (the message
            suggests the closest column) or belong to another table. Unknown columns are refused
            rather than ignored, so that data is never silently dropped.
            """
        case .wrongSeparator:
            return """
            The file separates its fields with semicolons (or tabs), as spreadsheets do in some
            language settings. Export it again as "CSV UTF-8 (comma delimited)".
            """
        case .invalidValue:
            return """
            A field does not hold a valid value: a date that is not YYYY-MM-DD or does not exist
            (2024-02-30), a number that is not a plain decimal (`1e999`, `NaN`), or a word that is
            not one of the allowed values (a method other than on-site, virtual or hybrid; a status
            other than completed or refused). The message names what is allowed.

            Dates must also agree with each other: a report is not finalised, and a service cycle
            does not end, before the assessment day (`finalised_on`, `cycle_ends_on`); a factory
            does not leave the programme (`left_on`) before its first visit, assessed or refused.
            Such a date is most often a wrong year; the message points at it.
            """
        case .unknownRecord:
            return """
            A row refers to something that does not exist: an assessment of an unknown factory, an
            answer to an unknown assessment or to a question that is not in the country's catalogue,
            a factory of a country with no rule file. Check the id for typos.

            Records given as values to the library (`Publisher.publish(_:)`, docs/library.md) are
            checked the same way; with no row to point at, the message names the record by its id.
            """
        case .duplicateRecord:
            return """
            The same record appears twice: two factories or assessments with one id, or two answers
            to one question of one assessment. Remove the repeat; when two answers differ, find
            out which is right.

            Records given as values to the library (`Publisher.publish(_:)`, docs/library.md) are
            checked the same way; the message names the first by its position in the input.
            """
        case .malformedJSON:
            return """
            A line of a JSON Lines file is not one JSON object with string (or, for `cycle`, number,
            and for `attachments`, array) values. Each line must hold exactly one object:

                {"factory_id": "F-001", "name": "Saigon Star Garments", "type": "garment", "country": "VN"}
            """
        case .missingTable:
            return """
            The data folder lacks a table (factories, assessments or answers), or holds it twice
            (both as CSV and as JSON Lines). docs/formats.md describes the folder.
            """
        case .decisionNotInForce:
            return """
            A country-level choice cites a PAC decision that was rejected, or superseded by a
            later one. A rule may only rest on a decision in force: cite the decision that
            replaced it (the register says which, with `status superseded by ID`), or remove the
            choice.
            """
        case .decisionProposed:
            return """
            A choice cites a decision whose status is `proposed`: the PAC has not adopted it yet,
            so this part of the list is a draft. The warning stays until the register records the
            adoption:

                decision VN-PAC-2015-01
                  status adopted
                  on 2015-06-12
            """
        case .decisionOfAnotherCountry:
            return """
            A country file cites a decision from another country's register (a decision is the
            country's whose `CC-decisions.disclose` declares it). Each PAC decides for its own
            country: record the decision in this country's register.
            """
        case .decisionDoesNotCover:
            return """
            A choice cites a decision that does not name the item. A decision names what it decided
            on the line for the kind of choice, and the help line says which one: `publishes` for an
            issue it makes public, `withdraws` for an issue it withdraws for good, `rewords` for an
            issue whose title it changes, and `covers` for anything else (a parameter, a language's
            titles, a change of an issue's condition, a withdrawal for a while, with `until`).
            Either the rule cites the wrong decision, or the register is incomplete:

                decision VN-PAC-2013-01
                  status adopted
                  on 2013-03-15
                  withdraws UNION-CHOICE, UNION-FEDERATION
            """
        case .ruleBeforeDecision:
            return """
            No longer given: `disclose check` now finds a rule that takes effect before its
            decision, dated or not, and reports it as E508, so that such rules are never used.
            """
        case .decisionNotReflected:
            return """
            An adopted decision is not carried out by the rules: an issue it `publishes` is not
            public (and no later adopted decision withdraws it), an issue it `withdraws` is still public, an issue it `rewords` has no title change
            citing it, or an id it `covers` is not in the country's rules at all. Update the
            country file, or correct the register.

            `withdraws` means for good. To suspend an issue for a while (a withdrawal with `from`
            and `until`, after which the issue is public again), the decision lists the issue in
            `covers`, not in `withdraws`:

                decision VN-PAC-2027-01
                  status adopted
                  on 2026-12-01
                  covers GENDER-HIRING

                withdraw issue GENDER-HIRING
                  reason "Suspended during the national hiring survey"
                  decided by VN-PAC-2027-01
                  from 2027-01-01
                  until 2027-06-30
            """
        case .draftList:
            return """
            The country's list is marked `status draft`: its PAC has not decided it yet. This is a
            warning, not an error, so that drafts can be checked and tested before a decision;
            `disclose validate --strict` treats it as a failure.
            """
        case .constraintViolated:
            return """
            A country breaks a programme-wide constraint declared in rules/ (`constraint`
            declarations): for example every zero-tolerance question a country assesses must be
            behind one of its public issues, no country may list a factory before its second
            assessment, and every country covers each mandatory category or records the decision
            that omits it. The message names the constraint and what is missing.
            """
        case .unusableAnswer:
            return """
            An answer does not fit its question's answer kind (`maybe` for a yes-no question, a word
            or a signed number such as `-5` for a number), or is "not applicable" where the question
            does not allow it. The answer is not used. If the question is one of the country's
            critical questions, the assessment is never shown as compliant: it is withheld as
            "incomplete data" and listed in the internal report. Every answer to a question in force
            on the assessment day is checked, including questions that no public issue asks that
            day: those change no finding, but the warning still says the answer was not usable.
            """
        case .undeclaredAttributeValue:
            return """
            A factory's `sector`, `province` or `export_licence` in the factories table is not one
            of the values the rules declare for that attribute (`attribute sector` in
            rules/catalogue.disclose). The value is not used: for every issue of the country that
            reads the attribute, the factory's assessments are withheld as "incomplete data", never
            shown as compliant, and the internal report names the attribute. Correct the value in
            the data (the message suggests the nearest declared value), or, if it is a real value
            the rules do not know yet, add it to the attribute's `values` line.
            """
        case .tableNotAFile:
            return """
            Something is at a table's name in the data folder (`answers.csv`, for example), but it
            is not an ordinary file: a folder, a named pipe, a socket, a device, or a link to a file
            that does not exist. disclose never reads from such a thing (a named pipe could make it
            wait for ever) and never treats the table as absent: the run stops and nothing is
            published. Put the exported table itself at that name.
            """
        case .unreadableTable:
            return """
            A table's file exists but cannot be read: the account that runs disclose may not read it
            (its permissions), or reading it failed part of the way (a disk or network error). The
            table is never treated as absent or as ending early: the run stops and nothing is
            published, so that no factory, assessment, answer or response is silently left out.
            Give the account permission to read the file (`chmod a+r answers.csv`), or copy the
            table again, and rerun.
            """
        }
    }
}
