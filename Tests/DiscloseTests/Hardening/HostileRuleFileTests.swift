@testable import Disclose
import Foundation
import Testing

extension Hardening {
    /// Rule files written to break the tool or to mislead the people who read them: one test per
    /// class of hostile input, each asserting the exact diagnostics (code and message) or the
    /// exact safe result. docs/security.md names these tests.
    @Suite struct HostileRuleFileTests {
        static let parameter = "parameter p\n  value 1 hours\n"

        // MARK: Includes that leave the rules root

        @Test func includeUpwardsWithDotDotIsRefused() {
            let result = Hardening.check(texts: [
                "/p/rules/entry.disclose": "include \"../../outside/secret.disclose\"\ninclude \"sub/../../../outside/secret.disclose\"\n" + Self.parameter,
                "/outside/secret.disclose": "parameter secret\n  value 1 hours\n",
            ])
            #expect(Hardening.summary(result.diagnostics) == [
                "E502 `../../outside/secret.disclose` is outside the rules folder",
                "E502 `sub/../../../outside/secret.disclose` is outside the rules folder",
            ])
            #expect(result.ruleBook == nil)
            #expect(!result.files.contains { $0.path.contains("secret") }, "the file outside was read")
        }

        @Test func includeWithAbsolutePathIsRefusedEvenInsideTheRoot() {
            let result = Hardening.check(texts: [
                "/p/rules/entry.disclose": "include \"/etc/passwd\"\ninclude \"/p/rules/other.disclose\"\n" + Self.parameter,
                "/p/rules/other.disclose": "parameter q\n  value 1 hours\n",
                "/etc/passwd": "root:x:0:0:root:/root:/bin/bash\n",
            ])
            #expect(Hardening.summary(result.diagnostics) == [
                "E502 `/etc/passwd` is outside the rules folder",
                "E502 `/p/rules/other.disclose` is outside the rules folder",
            ])
            #expect(result.files.map(\.path) == ["rules/entry.disclose"])
        }

        /// `/p-evil` starts with the characters of `/p`, but is not inside it.
        @Test func includeIntoASiblingFolderWithTheSamePrefixIsRefused() {
            let result = Hardening.check(texts: [
                "/p/rules/entry.disclose": "include \"../../p-evil/x.disclose\"\n" + Self.parameter,
                "/p-evil/x.disclose": "parameter x\n  value 1 hours\n",
            ])
            #expect(Hardening.summary(result.diagnostics) == ["E502 `../../p-evil/x.disclose` is outside the rules folder"])
        }

        @Test func includeThroughSymbolicLinksLeadingOutsideIsRefused() throws {
            let folder = try Hardening.temporaryFolder("symlinks")
            defer { try? FileManager.default.removeItem(at: folder) }
            try Hardening.write([
                "project/rules/entry.disclose": Array(
                    "include \"file-link.disclose\"\ninclude \"folder-link/secret.disclose\"\ninclude \"inside-link.disclose\"\n".utf8),
                "project/rules/real.disclose": Array("parameter real\n  value 1 hours\n".utf8),
                "outside/secret.disclose": Array("parameter secret\n  value 1 hours\n".utf8),
            ], under: folder)
            let rules = folder.appendingPathComponent("project/rules")
            let manager = FileManager.default
            try manager.createSymbolicLink(atPath: rules.appendingPathComponent("file-link.disclose").path, withDestinationPath: "../../outside/secret.disclose")
            try manager.createSymbolicLink(atPath: rules.appendingPathComponent("folder-link").path, withDestinationPath: folder.appendingPathComponent("outside").path)
            // A link that stays inside the root is followed.
            try manager.createSymbolicLink(atPath: rules.appendingPathComponent("inside-link.disclose").path, withDestinationPath: "real.disclose")
            let project = folder.appendingPathComponent("project").path
            let result = Checker.check(entry: rules.appendingPathComponent("entry.disclose").path, displayBase: project)
            #expect(Hardening.summary(result.diagnostics) == [
                "E502 `file-link.disclose` is outside the rules folder",
                "E502 `folder-link/secret.disclose` is outside the rules folder",
            ])
            #expect(result.files.map(\.path).sorted() == ["rules/entry.disclose", "rules/real.disclose"])
        }

        // MARK: Include cycles

        @Test func includeCycleIsReportedOnceWithTheCircle() {
            let result = Hardening.check(texts: [
                "/p/rules/entry.disclose": "include \"a.disclose\"\n" + Self.parameter,
                "/p/rules/a.disclose": "include \"b.disclose\"\nparameter a\n  value 1 hours\n",
                "/p/rules/b.disclose": "include \"a.disclose\"\nparameter b\n  value 1 hours\n",
            ])
            #expect(Hardening.summary(result.diagnostics) == ["E503 files include each other"])
            #expect(result.diagnostics.first?.notes == ["`rules/a.disclose` includes `rules/b.disclose` includes `rules/a.disclose`"])
            #expect(result.diagnostics.first.map(Hardening.location) == "rules/b.disclose:1:9")
        }

        @Test func fileIncludingItselfIsACycle() {
            let result = Hardening.check(texts: ["/p/rules/entry.disclose": "include \"entry.disclose\"\n" + Self.parameter])
            #expect(Hardening.summary(result.diagnostics) == ["E503 files include each other"])
            #expect(result.diagnostics.first?.notes == ["`rules/entry.disclose` includes `rules/entry.disclose`"])
        }

        /// The same file reached along two paths is read once and is not a cycle.
        @Test func diamondIncludeIsReadOnce() {
            let result = Hardening.check(texts: [
                "/p/rules/entry.disclose": "include \"a.disclose\"\ninclude \"b.disclose\"\n" + Self.parameter,
                "/p/rules/a.disclose": "include \"shared.disclose\"\nparameter a\n  value 1 hours\n",
                "/p/rules/b.disclose": "include \"./shared.disclose\"\nparameter b\n  value 1 hours\n",
                "/p/rules/shared.disclose": "parameter shared\n  value 1 hours\n",
            ])
            #expect(result.diagnostics.isEmpty)
            #expect(result.files.filter { $0.path == "rules/shared.disclose" }.count == 1)
        }

        // MARK: Characters that make a file read differently from what it says

        @Test func bidirectionalControlsAndInvisibleCharactersAreFlagged() {
            let result = Hardening.check(texts: [
                "/p/rules/entry.disclose": """
                # reviewed \u{2066}and approved\u{2069}
                parameter p
                  value 1 hours
                  legal "Article 5\u{202E}01 elcitrA"
                  title en "zero\u{200B}width"
                  title fr "byte-order\u{FEFF}mark"
                """,
            ])
            #expect(Hardening.summary(result.diagnostics) == [
                "W107 invisible character U+2066 (LEFT-TO-RIGHT ISOLATE) in comment",
                "W107 invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) in text",
                "W107 invisible character U+200B (ZERO WIDTH SPACE) in text",
                "W107 invisible character U+FEFF (ZERO WIDTH NO-BREAK SPACE) in text",
            ])
            #expect(result.diagnostics.map(Hardening.location) == [
                "rules/entry.disclose:1:12", "rules/entry.disclose:4:19", "rules/entry.disclose:5:17", "rules/entry.disclose:6:23",
            ])
        }

        /// Control characters such as ESC are invisible too, and a diagnostic that quotes the line
        /// would send them to the reader's terminal (where `ESC [2K` erases a line).
        @Test func controlCharactersInTextAreFlagged() {
            let result = Hardening.check(texts: ["/p/rules/entry.disclose": "parameter p\n  value 1 hours\n  legal \"Article 5\u{1B}[2K\"\n"])
            #expect(result.diagnostics.map(\.code) == [.invisibleCharacter])
            #expect(result.diagnostics.first?.message == "invisible character U+001B (ESCAPE) in text",
                    "an ESC byte inside text passes without a warning: \(Hardening.summary(result.diagnostics))")
            // The report quotes the line with the ESC made visible, never sent to the terminal.
            let rendered = DiagnosticRenderer().render(result.diagnostics)
            #expect(!rendered.unicodeScalars.contains("\u{1B}"))
            #expect(rendered.contains("legal \"Article 5\u{241B}[2K\""), "\(rendered)")
        }

        /// Whatever a message quotes (a data field, a file name) reaches the terminal with its
        /// control and text-direction characters made visible, one for one, so carets still line up.
        @Test func renderedReportsCarryNoTerminalControls() {
            let line = "KH-130,Star\u{1B}]0;pwned\u{07}\u{202E}txt.exe\u{9B}31m,garment,KH,"
            let file = SourceFile(path: "factories\u{1B}[2J.csv", text: "factory_id,name,type,country,left_on\n" + line + "\n")
            let diagnostic = Diagnostic(.invalidValue, "`Star\u{1B}]0;pwned\u{07}` is odd", at: SourceRange(file, Span(45, 48)), label: "here\u{1B}[1A",
                                        notes: ["note \u{7F}"], help: "help \u{202E}")
            let rendered = DiagnosticRenderer().render([diagnostic])
            #expect(!rendered.unicodeScalars.contains { [0x1B, 0x07, 0x7F, 0x9B, 0x202E].contains($0.value) }, "\(rendered)")
            #expect(rendered.contains("KH-130,Star\u{241B}]0;pwned\u{2407}\u{FFFD}txt.exe\u{FFFD}31m,garment,KH,"), "\(rendered)")
            #expect(rendered.contains("factories\u{241B}[2J.csv:2:"), "\(rendered)")
        }

        @Test func cyrillicHomoglyphInAnIdIsRefused() {
            // The second id is `UNDERAGE` with a Cyrillic А: it looks the same as the first.
            let result = Hardening.check(texts: [
                "/p/rules/entry.disclose": "parameter UNDERAGE\n  value 1 hours\n\nparameter UNDER\u{0410}GE\n  value 2 hours\n",
            ])
            #expect(Hardening.summary(result.diagnostics) == ["E103 unexpected character `А` (U+0410 CYRILLIC CAPITAL LETTER A)"])
            #expect(result.diagnostics.first.map(Hardening.location) == "rules/entry.disclose:4:16")
            #expect(result.ruleBook == nil)
        }

        @Test func mixedScriptsInIdsAreRefusedButWelcomeInText() {
            let ids = Hardening.check(texts: [
                "/p/rules/entry.disclose": "parameter CHL-L\u{0391}B-01\n  value 1 hours\n\nparameter \u{FF23}\u{FF28}\u{FF2C}\n  value 1 hours\n",
            ])
            #expect(Hardening.summary(ids.diagnostics) == [
                "E103 unexpected character `Α` (U+0391 GREEK CAPITAL LETTER ALPHA)",
                "E103 unexpected character `Ｃ` (U+FF23 FULLWIDTH LATIN CAPITAL LETTER C)",
            ])
            let text = Hardening.check(texts: [
                "/p/rules/entry.disclose": "parameter p\n  value 1 hours\n  legal \"Labour Law ច្បាប់ការងារ قانون العمل Закон\"\n",
            ])
            #expect(text.diagnostics.isEmpty)
        }

        // MARK: Limits

        @Test func tenThousandParenthesesGiveOneDiagnosticAndNoStackOverflow() {
            let condition = String(repeating: "(", count: 10_000) + "Q is yes" + String(repeating: ")", count: 10_000)
            let syntax = Parser.parse(SourceFile(path: "deep.disclose", text: "issue X\n  title en \"x\"\n  category wages\n  raised when \(condition)\n"))
            #expect(Hardening.summary(syntax.diagnostics) == ["E204 condition nests deeper than 32 levels"])
            let nots = Parser.parse(SourceFile(path: "deep.disclose", text: "issue X\n  raised when " + String(repeating: "not ", count: 10_000) + "Q is yes\n"))
            #expect(Hardening.summary(nots.diagnostics) == ["E204 condition nests deeper than 32 levels"])
        }

        @Test func nestingLimitIsExactlyThirtyTwo() {
            func diagnostics(depth: Int) -> [String] {
                let condition = String(repeating: "(", count: depth) + "Q is yes" + String(repeating: ")", count: depth)
                return Hardening.summary(Parser.parse(SourceFile(path: "d.disclose", text: "issue X\n  raised when \(condition)\n")).diagnostics)
            }
            #expect(diagnostics(depth: 32) == [])
            #expect(diagnostics(depth: 33) == ["E204 condition nests deeper than 32 levels"])
        }

        @Test func fileOfSixtyFourMebibytesPlusOneIsRefusedUnread() {
            var big = [UInt8](repeating: UInt8(ascii: " "), count: 64 << 20)
            let exact = Hardening.check(["/p/rules/entry.disclose": big])
            #expect(Hardening.summary(exact.diagnostics) == ["W602 `rules/entry.disclose` declares nothing"])
            big.append(UInt8(ascii: " "))
            let over = Hardening.check(["/p/rules/entry.disclose": big])
            #expect(Hardening.summary(over.diagnostics) == ["E108 `rules/entry.disclose` is larger than 64 MiB"])
            let included = Hardening.check(["/p/rules/entry.disclose": Array("include \"big.disclose\"\n\(Self.parameter)".utf8), "/p/rules/big.disclose": big])
            #expect(Hardening.summary(included.diagnostics) == ["E108 `rules/big.disclose` is larger than 64 MiB"])
        }

        /// On disk the size is known before reading: an 8 GiB (sparse) file is refused with E108,
        /// without reading it into memory (the run is given 1 GiB of address space).
        @Test func hugeFileOnDiskIsRefusedWithoutReadingIt() throws {
            let folder = try Hardening.temporaryFolder("huge")
            defer { try? FileManager.default.removeItem(at: folder) }
            try Hardening.write(["rules/policy.disclose": Array(Self.parameter.utf8)], under: folder)
            for (name, size) in [("over.disclose", UInt64(64 << 20) + 1), ("huge.disclose", UInt64(8) << 30)] {
                let path = folder.appendingPathComponent("rules/\(name)").path
                #expect(FileManager.default.createFile(atPath: path, contents: nil))
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
                try handle.truncate(atOffset: size)
                try handle.close()
                let run = try Hardening.run(["check", "rules/\(name)"], in: folder, seconds: 60, memoryMB: 1024)
                #expect(!run.timedOut)
                #expect(run.status == 1)
                #expect(run.stderr.hasPrefix("error[E108]: `rules/\(name)` is larger than 64 MiB\n"), "\(name): \(run.stderr.prefix(300))")
            }
        }

        @Test func aThousandFilesAreAllowedAndTheThousandAndFirstIsRefused() {
            func project(includes: Int) -> [String: String] {
                var files = ["/p/rules/entry.disclose": (1...includes).map { "include \"f\($0).disclose\"\n" }.joined() + Self.parameter]
                for index in 1...includes { files["/p/rules/f\(index).disclose"] = "parameter p\(index)\n  value 1 hours\n" }
                return files
            }
            let thousand = Hardening.check(texts: project(includes: 999))
            #expect(thousand.diagnostics.isEmpty)
            #expect(thousand.files.count == 1000)
            let more = Hardening.check(texts: project(includes: 1000))
            #expect(Hardening.summary(more.diagnostics) == ["E507 more than 1000 files included"])
            #expect(more.diagnostics.first.map(Hardening.location) == "rules/entry.disclose:1000:9")
            #expect(more.ruleBook == nil)
        }

        /// A line of a megabyte inside text is read in linear time, with no diagnostic.
        @Test func megabyteLineOfTextChecksCleanly() {
            // Without a space at the end, which is text as pasted (W110).
            let line = String(String(repeating: "ច្បាប់ ", count: 1_000_000 / 22).dropLast())
            let clock = ContinuousClock()
            var result: CheckResult?
            let elapsed = clock.measure { result = Hardening.check(texts: ["/p/rules/entry.disclose": Self.parameter + "  legal \"\(line)\"\n"]) }
            #expect(result?.diagnostics.isEmpty == true)
            #expect(elapsed < .seconds(30))
        }

        /// A megabyte line of stray characters (250,000 of them, each its own error) must not make
        /// the checker or its report quadratic: the run ends promptly with a bounded report.
        @Test func megabyteLineOfStrayCharactersGivesABoundedReport() throws {
            let folder = try Hardening.temporaryFolder("long-line")
            defer { try? FileManager.default.removeItem(at: folder) }
            let line = String(repeating: "; ", count: 500_000)
            try Hardening.write(["rules/entry.disclose": Array((Self.parameter + "  legal \(line)\n").utf8)], under: folder)
            let run = try Hardening.run(["check", "rules/entry.disclose"], in: folder, seconds: 60)
            #expect(!run.timedOut, "still running after 60 s")
            #expect(run.status == 1)
            #expect(run.stderr.hasPrefix("error[E103]: unexpected character `;`\n"))
            #expect(run.stderr.utf8.count < 1_000_000, "the report is \(run.stderr.utf8.count) bytes")
        }

        // MARK: Bytes that are not text

        @Test func nulBytesMakeOneDiagnostic() {
            let result = Hardening.check(["/p/rules/entry.disclose": Array("parameter p\0\n  value 1 hours\n  legal \"a\0b\"\n".utf8)])
            #expect(Hardening.summary(result.diagnostics) == ["E106 `rules/entry.disclose` is not a text file"])
            #expect(result.ruleBook == nil)
        }

        @Test func invalidUTF8IsReportedAtTheFirstBadByte() {
            // Latin-1 é, an overlong `/`, a UTF-16 surrogate and a code point above U+10FFFF.
            for (bad, name) in [([UInt8(0xE9)], "latin-1"), ([0xC0, 0xAF], "overlong"), ([0xED, 0xA0, 0x80], "surrogate"), ([0xF4, 0x90, 0x80, 0x80], "too large")] {
                let bytes = Array("parameter p\n  value 1 hours\n  legal \"caf".utf8) + bad + Array("\"\n".utf8)
                let result = Hardening.check(["/p/rules/entry.disclose": bytes])
                #expect(Hardening.summary(result.diagnostics) == ["E101 file is not valid UTF-8"], "\(name)")
                #expect(result.diagnostics.first.map(Hardening.location) == "rules/entry.disclose:3:13", "\(name): the caret is not on the bad byte")
            }
            let outside = Hardening.check(["/p/rules/entry.disclose": Array("parameter p".utf8) + [0xFF, 0xFE] + Array("\n  value 1 hours\n".utf8)])
            #expect(Hardening.summary(outside.diagnostics) == ["E101 file is not valid UTF-8"])
            #expect(outside.diagnostics.first.map(Hardening.location) == "rules/entry.disclose:1:12")
        }

        @Test func emptyFilesDeclareNothing() {
            for bytes in [[], [0xEF, 0xBB, 0xBF], Array("# only a comment\n\n".utf8)] as [[UInt8]] {
                let result = Hardening.check(["/p/rules/entry.disclose": bytes])
                #expect(Hardening.summary(result.diagnostics) == ["W602 `rules/entry.disclose` declares nothing"])
                #expect(result.ruleBook != nil)
            }
        }

        /// A named pipe in the rules folder cannot make the checker wait forever.
        @Test func namedPipeIsNotReadAndDoesNotHang() throws {
            let folder = try Hardening.temporaryFolder("fifo")
            defer { try? FileManager.default.removeItem(at: folder) }
            try Hardening.write(["rules/entry.disclose": Array(("include \"pipe.disclose\"\n" + Self.parameter).utf8)], under: folder)
            #expect(mkfifo(folder.appendingPathComponent("rules/pipe.disclose").path, 0o644) == 0)
            let run = try Hardening.run(["check", "rules/entry.disclose"], in: folder, seconds: 30)
            #expect(!run.timedOut)
            #expect(run.status == 1)
            #expect(run.stderr.hasPrefix("error[E501]: cannot find `pipe.disclose`\n"))
        }
    }
}
