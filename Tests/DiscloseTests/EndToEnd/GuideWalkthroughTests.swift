import Foundation
import Testing

/// Runs every command of `docs/changing-your-list.md` with the real binary, in the order of the
/// guide, and checks that it prints what the guide says, so that the guide cannot drift.
///
/// The guide's markup (also described in a comment at the top of the guide):
///
/// - A ```` ```sh ```` block holds exactly one command, `$ disclose …`, run from the project's
///   folder. The fenced block right after it must be a ```` ```text ```` block: what the command
///   prints, its standard output followed by its standard error. A ```` ```text ```` block that
///   does not follow a command is refused, so that no output in the guide goes unchecked.
///   The command must exit 0 or 1 (problems found); 64 or 2 fails the test.
/// - `<!-- guide: append FILE -->` before a fenced block (```` ```disclose ````): the block is
///   added to the end of FILE, after a blank line, as the officer is told to do.
/// - `<!-- guide: edit FILE -->` before a ```` ```diff ```` block: lines starting with `-` are
///   replaced by the lines starting with `+`, lines starting with a space are context; the
///   old lines must occur exactly once in FILE.
/// - `<!-- guide: fresh -->`: the project is put back as shipped (each recipe starts there).
///
/// The project is a temporary copy of `rules/`, `countries/` and `examples/sample`, committed
/// in a temporary git repository (fixed author and date, as in `DiffTests`), so the package is
/// never modified. Output is normalised: the temporary folder's path is written `.`, and the
/// repository's commit hash (short or full) `COMMIT`. Trailing spaces at the ends of lines and
/// blank lines at the end of the output are dropped. A line `...` alone in an output block
/// stands for lines the guide leaves out (any number); every other line is checked, in order.
///
/// `BLESS=1` rewrites, from the real output, the output blocks of the guide that do not match
/// it (a block that matches, with its `...`, is kept), and nothing else of the file: every
/// other line is kept byte for byte. Read the change before committing it.
@Suite struct GuideWalkthroughTests {
    typealias CLI = CommandLineTests

    static let guide = Golden.packageRoot.appendingPathComponent("docs/changing-your-list.md")

    /// A fenced block of the guide: its language, the lines between the fences (with the
    /// fence's indentation removed), where those lines are in the file, and the directive
    /// (`<!-- guide: … -->`) on the closest non-blank line before it, if any.
    struct Block {
        var language: String
        var lines: [String]
        var indent: String
        /// Index in the file's lines of the opening fence; the content is `open + 1 ..< close`.
        var open: Int
        var close: Int
        var directive: String?
    }

    static func blocks(of text: String) -> (lines: [String], blocks: [Block]) {
        let lines = text.components(separatedBy: "\n")
        var blocks: [Block] = []
        var index = 0
        var directive: String?
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("<!-- guide:"), trimmed.hasSuffix("-->") {
                directive = String(trimmed.dropFirst("<!-- guide:".count).dropLast(3)).trimmingCharacters(in: .whitespaces)
                if directive == "fresh" {
                    blocks.append(Block(language: "", lines: [], indent: "", open: index, close: index, directive: "fresh"))
                    directive = nil
                }
            } else if trimmed.hasPrefix("```") {
                let indent = String(line.prefix { $0 == " " })
                let language = String(trimmed.dropFirst(3)).trimmingCharacters(in: .whitespaces)
                var close = index + 1
                while close < lines.count, lines[close].trimmingCharacters(in: .whitespaces) != "```" { close += 1 }
                let content = lines[min(index + 1, close)..<close].map { $0.hasPrefix(indent) ? String($0.dropFirst(indent.count)) : $0 }
                blocks.append(Block(language: language, lines: content, indent: indent, open: index, close: close, directive: directive))
                directive = nil
                index = close
            } else if !trimmed.isEmpty {
                directive = nil
            }
            index += 1
        }
        return (lines, blocks)
    }

    /// Splits a command line into arguments: spaces separate them, double quotes group.
    static func arguments(_ line: String) -> [String] {
        var arguments: [String] = [], current = "", quoted = false, started = false
        for character in line {
            if character == "\"" { quoted.toggle(); started = true }
            else if character == " ", !quoted { if started { arguments.append(current) }; current = ""; started = false }
            else { current.append(character); started = true }
        }
        if started { arguments.append(current) }
        return arguments
    }

    /// The temporary project: rules, countries and the sample, committed.
    static func project() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-guide-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("examples"), withIntermediateDirectories: true)
        for name in ["rules", "countries", "examples/sample"] {
            try FileManager.default.copyItem(at: Golden.packageRoot.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        try DiffTests.git(["init", "-q"], in: folder)
        try DiffTests.git(["add", "-A"], in: folder)
        try DiffTests.git(["commit", "-qm", "rules as shipped"], in: folder)
        return folder
    }

    static func normalised(_ text: String, folder: URL, commits: [String]) -> String {
        var text = text
        for path in [folder.path, folder.resolvingSymlinksInPath().path] {
            text = text.replacingOccurrences(of: path + "/", with: "").replacingOccurrences(of: path, with: ".")
        }
        for commit in commits where !commit.isEmpty { text = text.replacingOccurrences(of: commit, with: "COMMIT") }
        var lines = text.components(separatedBy: "\n").map { line in
            var line = line
            while line.last == " " { line.removeLast() }
            return line
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// Applies an `edit` directive's diff to `text`.
    static func applying(_ diff: [String], to text: String) -> String? {
        var old: [String] = [], new: [String] = []
        for line in diff {
            if line.hasPrefix("-") { old.append(String(line.dropFirst())) }
            else if line.hasPrefix("+") { new.append(String(line.dropFirst())) }
            else { let context = line.hasPrefix(" ") ? String(line.dropFirst()) : line; old.append(context); new.append(context) }
        }
        let before = old.joined(separator: "\n") + "\n", after = new.joined(separator: "\n") + "\n"
        // Whole lines only: the old lines start a line of the file.
        let framed = "\n" + text, target = "\n" + before
        guard let first = framed.range(of: target),
              framed.range(of: target, range: framed.index(after: first.lowerBound)..<framed.endIndex) == nil else { return nil }
        return String(framed.replacingCharacters(in: first, with: "\n" + after).dropFirst())
    }

    @Test func everyCommandOfTheGuidePrintsWhatTheGuideSays() throws {
        let source = try String(contentsOf: Self.guide, encoding: .utf8)
        let (lines, blocks) = Self.blocks(of: source)
        let folder = try Self.project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let commits = [try DiffTests.git(["rev-parse", "HEAD"], in: folder), try DiffTests.git(["rev-parse", "--short", "HEAD"], in: folder)]
        var rewritten = lines
        var replacements: [(Block, [String])] = []
        var commandsRun = 0
        var index = 0
        while index < blocks.count {
            let block = blocks[index]
            let place = "docs/changing-your-list.md:\(block.open + 1)"
            if block.directive == "fresh" {
                try DiffTests.git(["checkout", "-q", "--", "."], in: folder)
                try DiffTests.git(["clean", "-fdq"], in: folder)
            } else if let directive = block.directive {
                let words = directive.split(separator: " ").map(String.init)
                guard words.count == 2, let file = Optional(folder.appendingPathComponent(words[1])),
                      let text = try? String(contentsOf: file, encoding: .utf8) else {
                    Issue.record("\(place): cannot apply `\(directive)`"); index += 1; continue
                }
                switch words[0] {
                case "append":
                    try (text + "\n" + block.lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
                case "edit" where block.language == "diff":
                    guard let edited = Self.applying(block.lines, to: text) else {
                        Issue.record("\(place): the lines to replace are not in \(words[1]) exactly once"); break
                    }
                    try edited.write(to: file, atomically: true, encoding: .utf8)
                default:
                    Issue.record("\(place): unknown directive `\(directive)`")
                }
            } else if block.language == "sh" {
                let commands = block.lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                guard commands.count == 1, commands[0].hasPrefix("$ disclose ") else {
                    Issue.record("\(place): a ```sh block holds exactly one line `$ disclose …`"); index += 1; continue
                }
                guard index + 1 < blocks.count, blocks[index + 1].language == "text", blocks[index + 1].directive == nil else {
                    Issue.record("\(place): the command is not followed by a ```text block of its output"); index += 1; continue
                }
                let arguments = Array(Self.arguments(String(commands[0].dropFirst(2))).dropFirst())
                let run = try CLI.run(arguments, in: folder, environment: ["NO_COLOR": "1"])
                commandsRun += 1
                #expect(run.status == 0 || run.status == 1, "\(place): `\(commands[0])` exited with status \(run.status): \(run.stderr)")
                let actual = Self.normalised(run.stdout + run.stderr, folder: folder, commits: commits)
                let expectedBlock = blocks[index + 1]
                let actualLines = actual.components(separatedBy: "\n")
                if Self.matches(actualLines, expectedBlock.lines) {
                    // As the guide says.
                } else if Golden.isBlessing {
                    replacements.append((expectedBlock, actualLines))
                } else {
                    Issue.record("\(place): `\(commands[0])` prints something else than the guide says:\n\(Self.firstDifference(expectedBlock.lines, actualLines))")
                }
                index += 1
            } else if block.language == "text" {
                Issue.record("\(place): a ```text block that does not follow a command is not checked; show the command that prints it")
            }
            index += 1
        }
        #expect(commandsRun > 0)
        if Golden.isBlessing {
            // From the end, so that the earlier blocks' line numbers still hold.
            for (block, actual) in replacements.reversed() {
                rewritten.replaceSubrange((block.open + 1)..<block.close, with: actual.map { $0.isEmpty ? "" : block.indent + $0 })
            }
            try rewritten.joined(separator: "\n").write(to: Self.guide, atomically: true, encoding: .utf8)
        }
    }

    /// The line that stands for lines of the output the guide leaves out.
    static let elision = "..."

    /// True when `actual` is `expected`, each `...` line of `expected` standing for any number
    /// of lines (none included); the lines between are matched in order, the first fit taken.
    static func matches(_ actual: [String], _ expected: [String]) -> Bool {
        var parts: [[String]] = [[]]
        for line in expected { if line == elision { parts.append([]) } else { parts[parts.count - 1].append(line) } }
        if parts.count == 1 { return actual == expected }
        let head = parts.first!, tail = parts.last!
        guard actual.count >= head.count + tail.count, Array(actual.prefix(head.count)) == head,
              Array(actual.suffix(tail.count)) == tail else { return false }
        var position = head.count
        let end = actual.count - tail.count
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            var found: Int?
            var start = position
            while start + part.count <= end {
                if Array(actual[start..<(start + part.count)]) == part { found = start; break }
                start += 1
            }
            guard let found else { return false }
            position = found + part.count
        }
        return true
    }

    /// Where the output first differs from the guide (`...` lines skipped from the guide).
    static func firstDifference(_ expected: [String], _ actual: [String]) -> String {
        let e = expected.filter { $0 != elision }
        for line in 0..<max(e.count, actual.count) {
            let left = line < e.count ? e[line] : "(nothing)", right = line < actual.count ? actual[line] : "(nothing)"
            if left != right { return "line \(line + 1) of the output\n  guide:  \(left)\n  actual: \(right)" }
        }
        return "the guide's `...` lines leave out too much or too little"
    }

    /// The markup itself: a command's output block, the edits, and quoting.
    @Test func theMarkupIsReadAsDocumented() {
        let text = "<!-- guide: append countries/VN.disclose -->\n\n```disclose\nissue X\n```\n\n```sh\n$ disclose check\n```\n\n  ```text\n  a\n\n  b\n  ```\n"
        let (_, blocks) = Self.blocks(of: text)
        #expect(blocks.map(\.language) == ["disclose", "sh", "text"])
        #expect(blocks[0].directive == "append countries/VN.disclose")
        #expect(blocks[1].directive == nil)
        #expect(blocks[2].lines == ["a", "", "b"])
        #expect(Self.arguments("disclose questions \"annual overtime\" x") == ["disclose", "questions", "annual overtime", "x"])
        #expect(Self.applying(["   a", "-  b", "+  c"], to: "x\n  a\n  b\n") == "x\n  a\n  c\n")
        #expect(Self.applying(["  a", "-  b"], to: "x\n  a\n  b\n") == nil, "context is a whole line")
        #expect(Self.applying(["-  b"], to: "  b\n  b\n") == nil)
        #expect(Self.matches(["a", "b", "c", "d"], ["a", "...", "c", "...", "d"]))
        #expect(Self.matches(["a", "d"], ["a", "...", "d"]))
        #expect(!Self.matches(["a", "b"], ["a", "...", "c"]))
        #expect(!Self.matches(["a", "b"], ["a"]))
    }
}
