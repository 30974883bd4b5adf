import Disclose
import DiscloseSample
import Foundation

func runSample(_ arguments: inout Arguments) throws -> Int32 {
    let usage = """
    Usage: disclose sample [--seed N] [--scale X] [--format csv|jsonl] [--rules DIR] --out DIR

    Generates realistic raw CAT data (factories, assessments, answers and responses, as
    described in docs/formats.md) for every country in DIR/countries that publishes, with
    non-compliance rates taken from Better Work's published figures. The same seed and
    scale give the same bytes on every machine.

      --seed N      seed of every random choice (default 1)
      --scale X     size relative to the real programmes: 1 gives about 200 factories and
                    2-3 MB of CSV, 10 and 100 proportionally more (default 1); a fixed set
                    of scenario factories (refusals, exits, zero-tolerance cases, responses
                    to hold, hostile text) is always included
      --format F    csv (default) or jsonl
      --rules DIR   the project holding countries/ and rules/ (default: the working folder)
      --out DIR     the folder to write factories, assessments, answers and responses to;
                    created if needed, existing files of those tables replaced

    Countries whose rule files have errors, or that publish nothing, are skipped with a note.
    Exit status: 0 written, 64 usage error, 2 nothing could be generated or written.
    """
    if arguments.flag("--help") { print(usage); return 0 }
    let format = try arguments.format(SampleFormat.allCases.map(\.rawValue), default: "csv", usage: usage)
    let seedText = try arguments.option("--seed", usage: usage) ?? "1"
    guard let seed = UInt64(seedText) else {
        throw UsageError("`\(seedText)` is not a seed; give a whole number from 0 to \(UInt64.max)", usage: usage)
    }
    let scaleText = try arguments.option("--scale", usage: usage) ?? "1"
    guard let scale = Double(scaleText), scale.isFinite, scale >= 0, scale <= SampleData.maximumScale else {
        throw UsageError("`\(scaleText)` is not a scale; give a number from 0 to \(Int(SampleData.maximumScale)), such as 1 or 0.5",
                         usage: usage)
    }
    let project = try projectFolder(&arguments, usage: usage)
    guard let out = try arguments.option("--out", usage: usage) else {
        throw UsageError("give the folder to write to with `--out DIR`", usage: usage)
    }
    let extra = try arguments.positional(usage: usage)
    guard extra.isEmpty else { throw UsageError("unexpected argument `\(extra[0])`", usage: usage) }

    let data = try SampleData(seed: seed, scale: scale).generate(rulesRoot: project)
    for skipped in data.skippedCountries {
        printError("skipped \(skipped.code): \(skipped.reason)")
    }
    let written = try data.write(to: out, format: SampleFormat(rawValue: format) ?? .csv)
    let refusals = data.assessments.filter { $0.status == .refused }.count
    let total = written.reduce(0) { $0 + $1.bytes }
    printError("""
        wrote \(out) (\(data.countries.joined(separator: ", "))): \(data.factories.count) factories, \
        \(data.assessments.count) assessments (\(refusals) refused), \(data.answerCount) answers, \
        \(data.responses.count) responses; \(sizeText(total))
        """)
    for file in written {
        printError("  \(file.name.padding(toLength: 18, withPad: " ", startingAt: 0)) \(sizeText(file.bytes))")
    }
    return 0
}

/// `2.4 MB`, `512 KB`, `80 bytes`.
private func sizeText(_ bytes: Int) -> String {
    if bytes >= 1_000_000 { return "\(bytes / 1_000_000).\(bytes % 1_000_000 / 100_000) MB" }
    if bytes >= 1_000 { return "\(bytes / 1_000) KB" }
    return "\(bytes) bytes"
}
