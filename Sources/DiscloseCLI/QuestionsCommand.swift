import Disclose
import Foundation

func runQuestions(_ arguments: inout Arguments) throws -> Int32 {
    let usage = """
    Usage: disclose questions WORDS... [--as-of DATE] [--rules DIR]

    Finds the CAT questions that match a few words (`disclose questions annual overtime`), in
    their ids, wordings in every language, compliance points, clusters and legal references,
    ignoring case and accents. For each of the best matches: its wording, its kind of answer,
    which answers are non-compliant, its legal reference, and which issues of which countries
    read it (a draft marked). The catalogue is rules/catalogue.disclose as the countries of
    countries/ use it, in force on DATE (default: today).
    Exit status: 0 some question matches, 1 none does, 64 usage error.
    """
    if arguments.flag("--help") { print(usage); return 0 }
    let day = try arguments.asOf(usage: usage)
    let project = try projectFolder(&arguments, usage: usage)
    let words = try arguments.positional(usage: usage)
    guard !words.isEmpty else { throw UsageError("give a few words to look for, or a question id", usage: usage) }
    let countries = (project as NSString).appendingPathComponent("countries")
    let codes = ((try? FileManager.default.contentsOfDirectory(atPath: countries)) ?? [])
        .filter { $0.hasSuffix(".disclose") && !$0.contains("-") }.map { String($0.dropLast(".disclose".count)) }.sorted()
    guard !codes.isEmpty else { throw UsageError("no country files in `\(countries)`", usage: usage) }
    var books: [String: RuleBook] = [:]
    for (code, result) in zip(codes, Checker.check(entries: codes.map { (countries as NSString).appendingPathComponent($0 + ".disclose") })) {
        if let book = result.ruleBook { books[code] = book } else { printError("note: countries/\(code).disclose has errors; its issues are left out (run `disclose check`)") }
    }
    let search = QuestionSearch(words, books: books, on: day)
    print(search.text().safeForTerminal)
    return search.matches.isEmpty ? 1 : 0
}
