// disclose-bench: throughput of the rule-language front end (lex, parse, check).
//
//   disclose-bench generate [--size-mb 30] [--out PATH]
//       Writes the synthetic catalogue and checks it: exits 1 if it has any error.
//   disclose-bench measure --file PATH --project DIR [--runs 5] [--shipped-runs 20]
//                  [--cli-wall-ms MS --cli-best-ms MS --cli-cpu-ms MS --cli-runs N --cli-tool NAME --cli-status N] [--meta KEY=VALUE ...]
//                  [--report PATH]
//       Times lexing, parsing and checking in process, writes a Markdown report.
//   disclose-bench profile --what lex|parse|check|shipped [--file PATH] [--project DIR] [--runs 1]
//       Runs one workload and nothing else, for valgrind --tool=callgrind or perf.
//   disclose-bench evaluate [--project DIR] [--data DIR] [--as-of 2025-06-30] [--runs 11] [--repeats 20]
//       Assessments per second of PreparedEvaluator.evaluate, one thread, in memory (Evaluate.swift).
//
// Use bench/run.sh, which builds everything in release mode and passes the machine details.
import Disclose
import Foundation

// MARK: Arguments

var arguments = Array(CommandLine.arguments.dropFirst())
let mode = arguments.isEmpty ? "help" : arguments.removeFirst()
var options: [String: [String]] = [:]
while !arguments.isEmpty {
    let key = arguments.removeFirst()
    guard key.hasPrefix("--"), !arguments.isEmpty else { fail("expected --option VALUE, found `\(key)`") }
    options[String(key.dropFirst(2)), default: []].append(arguments.removeFirst())
}

@MainActor func option(_ name: String) -> String? { options[name]?.last }
@MainActor func intOption(_ name: String, _ fallback: Int) -> Int {
    guard let text = option(name) else { return fallback }
    guard let value = Int(text), value > 0 else { fail("--\(name) needs a positive whole number") }
    return value
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("disclose-bench: \(message)\n".utf8))
    exit(1)
}

func log(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

// MARK: Timing

/// Keeps results alive so that the optimiser cannot drop the work being timed.
nonisolated(unsafe) var blackHole = 0

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

struct Sample {
    var name: String
    var times: [Double]  // wall-clock seconds, sorted
    var cpuTimes: [Double]  // CPU seconds of the process (user + system), sorted
    var median: Double { Sample.median(times) }
    var best: Double { times[0] }
    var cpuMedian: Double { Sample.median(cpuTimes) }

    static func median(_ values: [Double]) -> Double {
        let n = values.count
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2
    }
}

/// CPU time used by this process so far, in seconds: unlike the wall clock, it hardly
/// moves when other processes compete for the cores.
func processCPUTime() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// Runs `body` once to warm up, then `runs` times, timing each run with `ContinuousClock`
/// (and the process's CPU time alongside).
func measure(_ name: String, runs: Int, _ body: () -> Int) -> Sample {
    let clock = ContinuousClock()
    blackHole &+= body()
    var times: [Double] = []
    var cpuTimes: [Double] = []
    for _ in 0..<runs {
        let cpuStart = processCPUTime()
        let start = clock.now
        blackHole &+= body()
        times.append(seconds(clock.now - start))
        cpuTimes.append(processCPUTime() - cpuStart)
    }
    let sample = Sample(name: name, times: times.sorted(), cpuTimes: cpuTimes.sorted())
    log(String(format: "  %@: median %.3f ms, best %.3f ms, CPU time median %.3f ms (%d runs)", name, sample.median * 1000,
               sample.best * 1000, sample.cpuMedian * 1000, runs))
    return sample
}

// MARK: Checking the generated file

struct Counts {
    var errors = 0, warnings = 0
    init(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            if diagnostic.severity == .error { errors += 1 } else { warnings += 1 }
        }
    }
}

/// The generated file as one in-memory rule book, so that timings leave out the disk.
struct InMemory {
    static let root = "/bench"
    static let path = "/bench/large.disclose"
    let access: MemoryFileAccess

    init(text: String) { access = MemoryFileAccess([InMemory.path: text]) }

    func check() -> CheckResult {
        Checker.check(entry: InMemory.path, root: InMemory.root, access: access, displayBase: InMemory.root)
    }
}

func validate(_ text: String) {
    let result = InMemory(text: text).check()
    let counts = Counts(result.diagnostics)
    log("checked the generated file: \(counts.errors) errors, \(counts.warnings) warnings")
    if counts.errors > 0 || result.ruleBook == nil {
        let source = result.files.first
        for diagnostic in result.diagnostics.prefix(10) {
            var place = ""
            if let range = diagnostic.range, let file = source {
                let (line, column) = file.location(of: range.span.start)
                place = " at \(line):\(column): \(file.lineText(line))"
            }
            log("  \(diagnostic.severity) \(diagnostic.message)\(place)")
        }
        fail("the generated file must check without errors")
    }
}

// MARK: Modes

switch mode {
case "generate":
    let megabytes = intOption("size-mb", 30)
    let out = option("out") ?? "scratch/large.disclose"
    let clock = ContinuousClock()
    let start = clock.now
    var generator = Generator()
    let text = generator.generate(targetBytes: megabytes * 1_000_000)
    let stats = generator.stats
    log(String(format: "generated %.1f MB in %.2f s: ", Double(text.utf8.count) / 1e6, seconds(clock.now - start))
        + "\(stats.clusters) clusters, \(stats.points) points, \(stats.questions) questions, \(stats.issues) issues, "
        + "\(stats.examples) examples, \(stats.parameters) parameters")
    validate(text)
    try FileManager.default.createDirectory(atPath: (out as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try text.write(toFile: out, atomically: true, encoding: .utf8)
    log("wrote \(out)")

case "measure":
    guard let path = option("file") else { fail("measure needs --file PATH (see generate)") }
    guard let project = option("project") else { fail("measure needs --project DIR (the folder holding rules/ and countries/)") }
    let runs = intOption("runs", 5)
    let shippedRuns = intOption("shipped-runs", 20)
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    let bytes = [UInt8](data)
    let megabytes = Double(bytes.count) / 1e6
    let text = String(decoding: bytes, as: UTF8.self)
    log(String(format: "large file: %@, %.1f MB", path, megabytes))

    // Sanity: the file must parse and check cleanly, or the timings mean nothing.
    let inMemory = InMemory(text: text)
    let validation = inMemory.check()
    let largeCounts = Counts(validation.diagnostics)
    guard largeCounts.errors == 0 else { fail("\(path) has \(largeCounts.errors) errors; regenerate it") }
    let syntax = Parser.parse(SourceFile(path: path, bytes: bytes))
    let declarations = syntax.declarations.count
    let tokenCount = Lexer.tokens(of: SourceFile(path: path, bytes: bytes)).tokens.count
    let lines = bytes.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }

    log("in-process, \(runs) runs each (after one warm-up run):")
    let lex = measure("lex", runs: runs) {
        Lexer.tokens(of: SourceFile(path: path, bytes: bytes)).tokens.count
    }
    let parse = measure("lex+parse", runs: runs) {
        Parser.parse(SourceFile(path: path, bytes: bytes)).declarations.count
    }
    let check = measure("lex+parse+check", runs: runs) {
        inMemory.check().diagnostics.count
    }

    // The shipped rule files, each one an entry, as `disclose check rules countries` does.
    let collected = RuleFiles.collect([project + "/rules", project + "/countries"])
    let entries = collected.files
    var shippedBytes = 0
    for entry in entries { shippedBytes += FileManager.default.contents(atPath: entry)?.count ?? 0 }
    let shippedResults = Checker.check(entries: entries)
    var seen = Set<Diagnostic>()
    let shippedCounts = Counts(shippedResults.flatMap(\.diagnostics).filter { seen.insert($0).inserted })
    log("shipped rule files: \(entries.count) files, \(shippedBytes) bytes, \(shippedCounts.errors) errors, \(shippedCounts.warnings) warnings")
    let shipped = measure("check shipped files", runs: shippedRuns) {
        Checker.check(entries: entries).count
    }

    // MARK: Report

    let parseCheckTarget = 50.0  // MB/s
    let shippedTarget = 20.0  // ms in process
    let cliTarget = 100.0  // ms wall, process start included
    func mbps(_ sample: Sample) -> Double { megabytes / sample.median }
    func ms(_ value: Double) -> String { String(format: "%.2f ms", value * 1000) }
    func rate(_ value: Double) -> String { String(format: "%.1f MB/s", value) }
    func verdict(_ met: Bool) -> String { met ? "**met**" : "**NOT met**" }

    var report: [String] = []
    let meta = (options["meta"] ?? []).map { item -> (String, String) in
        let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
        return (parts[0], parts.count > 1 ? parts[1] : "")
    }
    report.append("# disclose: parse and check throughput")
    report.append("")
    report.append("Produced by `bench/run.sh`; see `bench/README.md` for what each figure measures.")
    report.append("")
    if !meta.isEmpty {
        report.append("| | |")
        report.append("|---|---|")
        for (key, value) in meta { report.append("| \(key) | \(value.replacingOccurrences(of: "|", with: "\\|")) |") }
        report.append("")
    }
    report.append("## Targets")
    report.append("")
    report.append("Status is judged on the median wall-clock time, as the targets say; the CPU-time figure beside it")
    report.append("is what the same runs cost the process itself, and hardly moves when the machine is busy.")
    report.append("")
    report.append("| Target | Measured (median) | CPU time | Status |")
    report.append("|---|---|---|---|")
    let checkRate = mbps(check)
    report.append("| lex+parse+check of the large file ≥ \(Int(parseCheckTarget)) MB/s | \(rate(checkRate)) | \(rate(megabytes / check.cpuMedian)) | \(verdict(checkRate >= parseCheckTarget)) |")
    report.append("| all shipped rule files checked in process < \(Int(shippedTarget)) ms | \(ms(shipped.median)) | \(ms(shipped.cpuMedian)) | \(verdict(shipped.median * 1000 < shippedTarget)) |")
    if let cli = option("cli-wall-ms").flatMap(Double.init) {
        let cpu = option("cli-cpu-ms").map { "\($0) ms" } ?? "—"
        report.append("| `disclose check rules countries` < \(Int(cliTarget)) ms wall, process start included | \(String(format: "%.2f ms", cli)) | \(cpu) | \(verdict(cli < cliTarget)) |")
    } else {
        report.append("| `disclose check rules countries` < \(Int(cliTarget)) ms wall, process start included | not measured | — | — |")
    }
    report.append("")
    report.append("## In process (release build, median of \(runs) runs after one warm-up run)")
    report.append("")
    report.append(String(format: "Large file: %.1f MB (%d bytes), %d lines, %d tokens, %d declarations; ", megabytes, bytes.count, lines, tokenCount, declarations)
        + "checks with \(largeCounts.errors) errors and \(largeCounts.warnings) warnings.")
    report.append("")
    report.append("| Measure | Median | Throughput | Best run | CPU time (median) | Throughput by CPU time |")
    report.append("|---|---|---|---|---|---|")
    for (label, sample) in [("lex (`Lexer.tokens(of:)`)", lex), ("lex+parse (`Parser.parse`)", parse),
                            ("lex+parse+check (`Checker.check`, in memory)", check)] {
        report.append("| \(label) | \(ms(sample.median)) | \(rate(mbps(sample))) | \(ms(sample.best)) | \(ms(sample.cpuMedian)) | \(rate(megabytes / sample.cpuMedian)) |")
    }
    let checkOnly = check.median - parse.median
    let checkOnlyCPU = check.cpuMedian - parse.cpuMedian
    report.append("| check alone (difference of the two medians above) | \(ms(checkOnly)) | \(checkOnly > 0 ? rate(megabytes / checkOnly) : "—") | — "
        + "| \(ms(checkOnlyCPU)) | \(checkOnlyCPU > 0 ? rate(megabytes / checkOnlyCPU) : "—") |")
    report.append("")
    report.append("Shipped rule files: \(entries.count) entry files under `rules/` and `countries/`, \(shippedBytes) bytes; "
        + "they check with \(shippedCounts.errors) errors and \(shippedCounts.warnings) warnings.")
    report.append("")
    report.append("| Measure | Median | Best run | CPU time (median) | Runs |")
    report.append("|---|---|---|---|---|")
    report.append("| `Checker.check(entries:)` on every shipped file, from disk | \(ms(shipped.median)) | \(ms(shipped.best)) | \(ms(shipped.cpuMedian)) | \(shippedRuns) |")
    if let cli = option("cli-wall-ms") {
        let tool = option("cli-tool") ?? "loop"
        let cliRuns = option("cli-runs") ?? "?"
        report.append("")
        report.append("## Command line (wall time, process start included)")
        report.append("")
        let best = option("cli-best-ms").map { "\($0) ms" } ?? "—"
        let cpu = option("cli-cpu-ms").map { "\($0) ms" } ?? "—"
        report.append("| Command | Median | Best run | CPU time (mean, user + system) | Runs | Timed with |")
        report.append("|---|---|---|---|---|---|")
        report.append("| `.build/release/disclose check rules countries` | \(cli) ms | \(best) | \(cpu) | \(cliRuns) | \(tool) |")
        if let status = option("cli-status") {
            report.append("")
            report.append("Exit status of the timed command: \(status) (1 means the shipped files have errors; it is timed all the same).")
        }
    }
    let markdown = report.joined(separator: "\n") + "\n"
    if let out = option("report") {
        try markdown.write(toFile: out, atomically: true, encoding: .utf8)
        log("wrote \(out)")
    }
    print(markdown, terminator: "")
    if blackHole == 42 { log("") }  // never true in practice; keeps `blackHole` observable

case "profile":
    // One workload in a loop and nothing else, to run under valgrind or perf.
    let what = option("what") ?? "check"
    let runs = intOption("runs", 1)
    switch what {
    case "lex", "parse", "check":
        guard let path = option("file"), let data = FileManager.default.contents(atPath: path) else { fail("profile needs --file PATH") }
        let bytes = [UInt8](data)
        let inMemory = InMemory(text: String(decoding: bytes, as: UTF8.self))
        for _ in 0..<runs {
            switch what {
            case "lex": blackHole &+= Lexer.tokens(of: SourceFile(path: path, bytes: bytes)).tokens.count
            case "parse": blackHole &+= Parser.parse(SourceFile(path: path, bytes: bytes)).declarations.count
            default: blackHole &+= inMemory.check().diagnostics.count
            }
        }
    case "shipped":
        guard let project = option("project") else { fail("profile --what shipped needs --project DIR") }
        let entries = RuleFiles.collect([project + "/rules", project + "/countries"]).files
        for _ in 0..<runs { blackHole &+= Checker.check(entries: entries).count }
    default:
        fail("--what is one of lex, parse, check, shipped")
    }
    log("done (\(blackHole))")

case "evaluate":
    runEvaluateBenchmark()

default:
    print("""
    Usage: disclose-bench generate [--size-mb 30] [--out scratch/large.disclose]
           disclose-bench measure --file PATH --project DIR [--runs 5] [--shipped-runs 20]
                          [--cli-wall-ms MS --cli-best-ms MS --cli-cpu-ms MS --cli-runs N --cli-tool NAME --cli-status N]
                          [--meta KEY=VALUE ...] [--report PATH]
           disclose-bench profile --what lex|parse|check|shipped [--file PATH] [--project DIR] [--runs 1]
           disclose-bench evaluate [--project DIR] [--data DIR] [--as-of 2025-06-30] [--runs 11] [--repeats 20]
    Run bench/run.sh to build in release mode and measure everything in one go.
    """)
    exit(mode == "help" || mode == "--help" ? 0 : 64)
}
