// Shared by every fuzz target: where the project is, how a property failure is reported,
// and checks that apply to any run (diagnostics point inside their files, public CSV is
// well formed and safe to open in a spreadsheet).
//
// Compiled together with one target file and linked against the library built by
// fuzz/run.sh (`@testable import`, so internal entry points can be called).

@testable import Disclose
import Foundation

/// The folder that holds rules/ and countries/: $DISCLOSE_FUZZ_PROJECT, or two folders above this file.
let fuzzProjectRoot: String = {
    if let root = ProcessInfo.processInfo.environment["DISCLOSE_FUZZ_PROJECT"], !root.isEmpty { return root }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
}()

/// A folder for this process's files: in /dev/shm (memory) where there is one, so that no
/// run waits for a disk.
func scratchFolder(_ name: String) -> String {
    let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm/" : NSTemporaryDirectory()
    let folder = base + "disclose-fuzz-\(name)-\(ProcessInfo.processInfo.processIdentifier)"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
}

/// Writes a file with plain POSIX calls: no temporary file, no fsync.
func writeFile(_ path: String, _ bytes: [UInt8]) {
    guard let file = fopen(path, "wb") else {
        fuzzRequire(false, "cannot write \(path)")
        return
    }
    if !bytes.isEmpty { fuzzRequire(fwrite(bytes, 1, bytes.count, file) == bytes.count, "cannot write \(path)") }
    fclose(file)
}

/// Stops the run with a message: libFuzzer records the input as a crash.
func fuzzRequire(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                 file: StaticString = #file, line: UInt = #line) {
    if !condition() {
        FileHandle.standardError.write(Data("\n== disclose fuzz property failed: \(message())\n".utf8))
        fatalError(message(), file: file, line: line)
    }
}

/// The rule files (rules/ and countries/) of a project folder, keyed by their path under `base`.
func ruleFiles(of project: String, under base: String) -> [String: [UInt8]] {
    var files: [String: [UInt8]] = [:]
    for folder in ["rules", "countries"] {
        let path = (project as NSString).appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for name in names where name.hasSuffix(".disclose") {
            if let data = FileManager.default.contents(atPath: (path as NSString).appendingPathComponent(name)) {
                files["\(base)/\(folder)/\(name)"] = [UInt8](data)
            }
        }
    }
    return files
}

/// A cheap hash of the input: the checks that cost most (rendering, re-parsing output as JSON,
/// SARIF) run for one input in sixteen, chosen by content so that a crash always reproduces.
func isThorough(_ data: UnsafePointer<UInt8>, _ size: Int) -> Bool {
    var hash: UInt32 = 2_166_136_261
    for index in 0..<size { hash = (hash ^ UInt32(data[index])) &* 16_777_619 }
    return hash % 16 == 0
}

/// Every diagnostic points inside the file it names; when `thorough`, they also render as
/// text, as JSON that parses, and as SARIF (rendering costs more than most of what is fuzzed).
func checkDiagnostics(_ diagnostics: [Diagnostic], thorough: Bool) {
    for diagnostic in diagnostics {
        for range in [diagnostic.range].compactMap({ $0 }) + diagnostic.secondary.map(\.range) {
            fuzzRequire(range.span.start >= 0 && range.span.start <= range.span.end && range.span.end <= range.file.bytes.count,
                        "\(diagnostic.code.code) span \(range.span.start)..<\(range.span.end) outside \(range.file.path) (\(range.file.bytes.count) bytes)")
        }
        fuzzRequire(!diagnostic.message.isEmpty, "\(diagnostic.code.code) has an empty message")
    }
    guard thorough else { return }
    _ = DiagnosticRenderer().render(diagnostics)
    let json = DiagnosticExport.json(diagnostics).serialized()
    fuzzRequire(isValidJSON(json), "diagnostics JSON does not parse")
    _ = DiagnosticExport.sarif(diagnostics, toolVersion: "fuzz").serialized(pretty: false)
}

/// True when `text` parses as JSON (fragments allowed).
func isValidJSON(_ text: String) -> Bool {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) != nil
}

/// Reads RFC 4180 CSV strictly, as a spreadsheet would: the records, each a list of fields.
/// Nil when the text is not well formed (a stray quote, an unclosed quote).
func strictCSVRecords(_ text: String) -> [[String]]? {
    let bytes = Array(text.utf8)
    var records: [[String]] = []
    var fields: [String] = []
    var field: [UInt8] = []
    var index = 0
    var atFieldStart = true
    while index < bytes.count {
        let byte = bytes[index]
        if atFieldStart, byte == 0x22 {
            index += 1
            while true {
                guard index < bytes.count else { return nil }
                if bytes[index] == 0x22 {
                    if index + 1 < bytes.count, bytes[index + 1] == 0x22 { field.append(0x22); index += 2; continue }
                    index += 1
                    break
                }
                field.append(bytes[index])
                index += 1
            }
            atFieldStart = false
            guard index == bytes.count || bytes[index] == 0x2C || bytes[index] == 0x0D || bytes[index] == 0x0A else { return nil }
            continue
        }
        switch byte {
        case 0x2C:
            fields.append(String(decoding: field, as: UTF8.self))
            field = []
            atFieldStart = true
            index += 1
        case 0x0D, 0x0A:
            fields.append(String(decoding: field, as: UTF8.self))
            field = []
            records.append(fields)
            fields = []
            atFieldStart = true
            index += (byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) ? 2 : 1
        case 0x22:
            return nil
        default:
            field.append(byte)
            atFieldStart = false
            index += 1
        }
    }
    if !atFieldStart || !field.isEmpty || !fields.isEmpty {
        fields.append(String(decoding: field, as: UTF8.self))
        records.append(fields)
    }
    return records
}

/// A public CSV file is well formed, every row has the header's number of fields, and no
/// field starts with a character that makes a spreadsheet read it as a formula.
func checkPublicCSV(name: String, text: String) {
    guard let records = strictCSVRecords(text) else {
        fuzzRequire(false, "\(name) is not well-formed CSV")
        return
    }
    fuzzRequire(!records.isEmpty, "\(name) has no header")
    let width = records[0].count
    for (number, record) in records.enumerated() {
        fuzzRequire(record.count == width, "\(name) record \(number + 1) has \(record.count) fields, the header \(width)")
        for field in record {
            if let first = field.unicodeScalars.first {
                fuzzRequire(!"=+-@\t\r".unicodeScalars.contains(first), "\(name) record \(number + 1) has a field starting with a formula character: \(field.debugDescription)")
            }
        }
    }
}
