// "Did you mean …?": the examples the messages rely on, and the fast candidate loop checked
// against the plain algorithm it replaced.

@testable import Disclose
@testable import DiscloseSample
import Testing

@Suite struct SuggestionTests {
    @Test(arguments: [
        ("Issue", ["issue", "policy"], "issue"),
        ("titel", ["title", "titles", "tile"], "title"),
        ("quesiton", ["question", "parameter"], "question"),
        ("KH-PAC-2024-05", ["KH-PAC-2013-01"], nil),
        ("KH-PAC-2013-1", ["KH-PAC-2013-01"], "KH-PAC-2013-01"),
        ("ÉTÉ", ["été", "hiver"], "été"),
        ("xyz", ["issue", "policy"], nil),
        ("issue", ["issue"], nil),
    ] as [(String, [String], String?)])
    func suggests(_ word: String, _ candidates: [String], _ expected: String?) {
        #expect(Suggestion.closest(to: word, among: candidates) == expected)
    }

    /// Random ids from a small alphabet (upper and lower case, digits, `-`, letters outside
    /// ASCII whose lower case is longer or shorter in UTF-8) agree with the plain algorithm.
    @Test func agreesWithThePlainAlgorithm() {
        let alphabet: [String] = ["a", "b", "c", "A", "B", "-", "1", "2", "é", "É", "İ", "ß", "K"]
        var random = SampleRandom(seed: 7)
        func word() -> String {
            (0..<(1 + Int(random.next() % 9))).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }.joined()
        }
        // The target after a few random edits (a letter changed, added, removed, or two
        // neighbours swapped): near the limit, where an error in the distance would show.
        func edited(_ target: String) -> String {
            var letters = target.map(String.init)
            for _ in 0..<Int(random.next() % 5) {
                let at = Int(random.next() % UInt64(letters.count + 1))
                let letter = alphabet[Int(random.next() % UInt64(alphabet.count))]
                switch random.next() % 4 {
                case 0 where at < letters.count: letters[at] = letter
                case 1: letters.insert(letter, at: at)
                case 2 where at < letters.count && letters.count > 1: letters.remove(at: at)
                case 3 where at + 1 < letters.count: letters.swapAt(at, at + 1)
                default: break
                }
            }
            return letters.joined()
        }
        for _ in 0..<3_000 {
            let target = word()
            let candidates = (0..<(1 + Int(random.next() % 12))).map { _ in
                switch random.next() % 4 {
                case 0: target.lowercased()
                case 1: word()
                default: edited(target)
                }
            }
            #expect(Suggestion.closest(to: target, among: candidates) == plainClosest(to: target, among: candidates),
                    "\(target) among \(candidates)")
        }
    }

    /// The algorithm as first written: every candidate lowered and measured afresh.
    func plainClosest(to word: String, among candidates: [String]) -> String? {
        let target = Array(word.lowercased().utf8)
        let limit = max(1, min(3, target.count / 3))
        var best: (distance: Int, candidate: String)?
        let targetDigits = target.filter { $0 >= 48 && $0 <= 57 }
        for candidate in candidates where candidate != word {
            let other = Array(candidate.lowercased().utf8)
            guard abs(other.count - target.count) <= limit else { continue }
            let otherDigits = other.filter { $0 >= 48 && $0 <= 57 }
            if !targetDigits.isEmpty || !otherDigits.isEmpty, plainDistance(targetDigits, otherDigits) > 1 { continue }
            let distance = plainDistance(target, other)
            if distance <= limit, best == nil || distance < best!.distance || (distance == best!.distance && candidate < best!.candidate) {
                best = (distance, candidate)
            }
        }
        return best?.candidate
    }

    /// Optimal string alignment distance, the whole table, no early exit.
    func plainDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1) }
            }
        }
        return table[a.count][b.count]
    }
}
