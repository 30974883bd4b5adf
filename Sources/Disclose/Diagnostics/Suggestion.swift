/// "Did you mean …?": the one helper for ids, keywords, question wording and commands.
///
/// It suggests only when one candidate is clearly close, because a wrong guess is worse
/// than none.
public enum Suggestion {
    /// The candidate within a small edit distance of `word`, if there is one.
    ///
    /// Case differences cost nothing extra beyond the edit itself: `Issue` finds `issue`.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased().utf8)
        let limit = max(1, min(3, target.count / 3))
        var best: (distance: Int, candidate: String)?
        let targetDigits = target.filter { $0 >= 48 && $0 <= 57 }
        for candidate in candidates where candidate != word {
            let other = Array(candidate.lowercased().utf8)
            guard abs(other.count - target.count) <= limit else { continue }
            // `KH-PAC-2024-05` is not a typo of `KH-PAC-2013-01`: numbers may differ by one edit at most.
            let otherDigits = other.filter { $0 >= 48 && $0 <= 57 }
            if !targetDigits.isEmpty || !otherDigits.isEmpty, editDistance(targetDigits, otherDigits, limit: 1) > 1 { continue }
            let distance = editDistance(target, other, limit: limit)
            if distance <= limit, best == nil || distance < best!.distance
                || (distance == best!.distance && candidate < best!.candidate)
            {
                best = (distance, candidate)
            }
        }
        return best?.candidate
    }

    /// The candidate whose description shares the most words with the words of `word`.
    ///
    /// Used for question ids: `AGE-VERIFICATION` finds the question whose wording
    /// mentions verifying age. Each word must share at least its first four letters.
    public static func byWording(_ word: String, among candidates: [(id: String, wording: String)]) -> String? {
        let stems = word.lowercased().split(whereSeparator: { !$0.isLetter }).map { String($0.prefix(4)) }.filter { $0.count >= 4 }
        guard !stems.isEmpty else { return nil }
        var best: (score: Int, id: String)?
        for candidate in candidates {
            let words = Set(candidate.wording.lowercased().split(whereSeparator: { !$0.isLetter }).map { String($0.prefix(4)) })
            let score = stems.filter(words.contains).count
            if score == stems.count, best == nil || score > best!.score || (score == best!.score && candidate.id < best!.id) {
                best = (score, candidate.id)
            }
        }
        return best?.id
    }

    /// Edit distance counting a swap of two neighbouring letters as one edit (`titel` is one
    /// from `title`), giving up early once it exceeds `limit`.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var row = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            row[0] = i
            var rowMinimum = row[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    row[j] = min(row[j], beforePrevious[j - 2] + 1)
                }
                rowMinimum = min(rowMinimum, row[j])
            }
            if rowMinimum > limit { return limit + 1 }
            (beforePrevious, previous, row) = (previous, row, beforePrevious)
        }
        return previous[b.count]
    }
}
