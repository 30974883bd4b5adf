/// What makes a moderation pattern unsafe to run on text a factory typed: the shapes that
/// make a backtracking matcher (ICU's, as every common one) take exponential time.
///
/// A pattern is read once, left to right, as the matcher would, tracking groups. It is unsafe
/// when a group that repeats (`*`, `+`, `{n,}`, `{n,m}` with m above 1) has anything inside
/// that varies: alternatives (`(a|aa)+`), a repetition (`(a+)+`, `(.*)*`) or an optional part
/// (`(a?a?)+`). The matcher can then split the same text between the repetitions in
/// exponentially many ways, and tries them all when the rest does not match: `(a|aa)+$` took
/// 54 s on a 100-character response. Back-references (`\1`, `\k<name>`) are unsafe too: no
/// bound is known for them. Repeating one character or class (`[0-9 ().-]{7,}`), or a group
/// of fixed text (`(ab)+`), is safe. `Moderator` still bounds the work of every pattern at
/// run time; this check tells the person who wrote the pattern, before any response waits.
enum PatternHazard: Equatable, Sendable {
    /// A repeated group with something inside that varies; the group and its repetition.
    case nestedRepetition(String)
    /// A back-reference, as written.
    case backReference(String)

    /// The first hazard of `pattern`, if any. Never fails: text it cannot follow (ICU reports
    /// a pattern it cannot read as E404) is taken as plain characters.
    static func first(in pattern: String) -> PatternHazard? {
        let scalars = Array(pattern.unicodeScalars)
        func text(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }
        struct Group {
            var start: Int
            var varies = false
        }
        enum Atom {
            case none, single, group(Group)
        }
        var groups = [Group(start: 0)]
        var last = Atom.none
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "\\":
                let next = index + 1 < scalars.count ? scalars[index + 1] : " "
                if ("1"..."9").contains(next) {
                    var end = index + 2
                    while end < scalars.count, ("0"..."9").contains(scalars[end]) { end += 1 }
                    return .backReference(text(index..<end))
                }
                if next == "k", index + 2 < scalars.count, scalars[index + 2] == "<" {
                    let end = scalars[index...].firstIndex(of: ">").map { $0 + 1 } ?? scalars.count
                    return .backReference(text(index..<end))
                }
                if next == "Q" {
                    // Quoted text up to `\E`: plain characters.
                    var end = index + 2
                    while end + 1 < scalars.count, !(scalars[end] == "\\" && scalars[end + 1] == "E") { end += 1 }
                    index = min(end + 2, scalars.count)
                    last = .single
                    continue
                }
                index += 2
                // `\p{…}`, `\x{…}`, `\N{…}`: the braces belong to the escape.
                if index < scalars.count, scalars[index] == "{", "pPxN".unicodeScalars.contains(next) {
                    index = (scalars[index...].firstIndex(of: "}") ?? scalars.count - 1) + 1
                }
                last = .single
            case "[":
                index = endOfClass(scalars, from: index)
                last = .single
            case "(":
                if index + 2 < scalars.count, scalars[index + 1] == "?", scalars[index + 2] == "#" {
                    index = (scalars[index...].firstIndex(of: ")") ?? scalars.count - 1) + 1
                    continue
                }
                if let end = endOfFlags(scalars, from: index) {
                    index = end
                    continue
                }
                groups.append(Group(start: index))
                last = .none
                index = endOfGroupOpening(scalars, from: index)
            case ")":
                index += 1
                guard groups.count > 1 else { last = .single; continue }
                let group = groups.removeLast()
                if group.varies { groups[groups.count - 1].varies = true }
                last = .group(group)
            case "|":
                groups[groups.count - 1].varies = true
                last = .none
                index += 1
            case "*", "+", "?", "{":
                guard let (end, maximum) = quantifier(scalars, from: index) else {
                    last = .single
                    index += 1
                    continue
                }
                if case .group(let group) = last, maximum > 1, group.varies {
                    return .nestedRepetition(text(group.start..<end))
                }
                groups[groups.count - 1].varies = true
                last = .none
                index = end
            default:
                last = .single
                index += 1
            }
        }
        return nil
    }

    /// The end of a character class `[…]` starting at `start`, which may nest (`[a-z&&[^q]]`).
    private static func endOfClass(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var depth = 0
        var index = start
        while index < scalars.count {
            switch scalars[index] {
            case "\\": index += 1
            case "[": depth += 1
            case "]":
                depth -= 1
                if depth == 0 { return index + 1 }
            default: break
            }
            index += 1
        }
        return scalars.count
    }

    /// Where a group's contents start: after `(`, `(?:`, `(?=`, `(?<!`, `(?<name>`, `(?i:`.
    private static func endOfGroupOpening(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        guard start + 2 < scalars.count, scalars[start + 1] == "?" else { return start + 1 }
        var index = start + 2
        switch scalars[index] {
        case ":", "=", "!", ">": return index + 1
        case "<":
            if index + 1 < scalars.count, scalars[index + 1] == "=" || scalars[index + 1] == "!" { return index + 2 }
            return (scalars[index...].firstIndex(of: ">") ?? scalars.count - 1) + 1
        default:
            while index < scalars.count, scalars[index].properties.isAlphabetic || scalars[index] == "-" { index += 1 }
            return index < scalars.count && scalars[index] == ":" ? index + 1 : index
        }
    }

    /// The end of a flag setting such as `(?i)` or `(?-x)`, which is no group; nil otherwise.
    private static func endOfFlags(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 1 < scalars.count, scalars[start + 1] == "?" else { return nil }
        var index = start + 2
        while index < scalars.count, scalars[index].properties.isAlphabetic || scalars[index] == "-" { index += 1 }
        guard index < scalars.count, index > start + 2, scalars[index] == ")" else { return nil }
        return index + 1
    }

    /// A quantifier at `start`: where it ends (after a lazy `?` or possessive `+`) and the most
    /// repetitions it allows (`Int.max` for no bound); nil for a `{` that starts no quantifier.
    private static func quantifier(_ scalars: [Unicode.Scalar], from start: Int) -> (end: Int, maximum: Int)? {
        var end = start + 1
        var maximum: Int
        switch scalars[start] {
        case "*", "+": maximum = Int.max
        case "?": maximum = 1
        default:
            // `{n}`, `{n,}` or `{n,m}`.
            var numbers: [Int?] = [nil]
            while end < scalars.count, scalars[end] != "}" {
                let scalar = scalars[end]
                if scalar == "," {
                    guard numbers.count == 1 else { return nil }
                    numbers.append(nil)
                } else if let digit = Int(String(scalar)), ("0"..."9").contains(scalar) {
                    numbers[numbers.count - 1] = min((numbers[numbers.count - 1] ?? 0) * 10 + digit, 1_000_000)
                } else {
                    return nil
                }
                end += 1
            }
            guard end < scalars.count, let low = numbers[0] else { return nil }
            end += 1
            maximum = numbers.count == 1 ? low : (numbers[1] ?? Int.max)
        }
        if end < scalars.count, scalars[end] == "?" || scalars[end] == "+" { end += 1 }
        return (end, maximum)
    }
}
