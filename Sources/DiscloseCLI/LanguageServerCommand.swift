import DiscloseLanguageServer
import Foundation

func runLanguageServer(_ arguments: inout Arguments) throws -> Int32 {
    let usage = """
    Usage: disclose lsp

    Runs the language server that editors start: it speaks the Language Server Protocol
    on standard input and output, and shows the diagnostics of `disclose check` as files
    change, with hover, go to definition, completion, formatting and quick fixes.
    See docs/editors.md for each editor's setup.
    Exit status: 0 after the editor's `shutdown` and `exit`, 1 otherwise.
    """
    if arguments.flag("--help") { print(usage); return 0 }
    _ = arguments.flag("--stdio")  // what some editors pass by habit; standard input is the only transport
    _ = try arguments.positional(usage: usage)
    return StdioTransport.run(LanguageServer())
}
