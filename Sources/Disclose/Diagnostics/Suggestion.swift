/// "Did you mean …?": the one helper for ids, keywords, question wording and commands.
///
/// It suggests only when one candidate is clearly close, because a wrong guess is worse
/// than none.
package enum Suggestion {
    /// The candidate within a small edit distance of `word`, if there is one.
    ///
    /// Case differences cost nothing extra beyond the edit itself: `Issue` finds `issue`.
    package static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased().utf8)
        let limit = max(1, min(3, target.count / 3))
        var best: (distance: Int, candidate: String)?
        let targetDigits = target.filter(isDigit)
        // Reused for every candidate: this runs for each unknown id in a data file, against
        // every question of a country.
        var other: [UInt8] = []
        var otherDigits: [UInt8] = []
        var rows = EditRows()
        for candidate in candidates where candidate != word {
            // An ASCII candidate's length is known before it is lowered, and most candidates
            // are too long or too short to be near.
            if candidate.utf8.allSatisfy({ $0 < 0x80 }) {
                guard abs(candidate.utf8.count - target.count) <= limit else { continue }
                other.removeAll(keepingCapacity: true)
                other.append(contentsOf: candidate.utf8.lazy.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 })
            } else {
                other = Array(candidate.lowercased().utf8)
                guard abs(other.count - target.count) <= limit else { continue }
            }
            // `KH-PAC-2024-05` is not a typo of `KH-PAC-2013-01`: numbers may differ by one edit at most.
            otherDigits.removeAll(keepingCapacity: true)
            otherDigits.append(contentsOf: other.lazy.filter(isDigit))
            if !targetDigits.isEmpty || !otherDigits.isEmpty, editDistance(targetDigits, otherDigits, limit: 1, rows: &rows) > 1 { continue }
            let distance = editDistance(target, other, limit: limit, rows: &rows)
            if distance <= limit, best == nil || distance < best!.distance
                || (distance == best!.distance && candidate < best!.candidate)
            {
                best = (distance, candidate)
            }
        }
        return best?.candidate
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    /// The candidate whose description shares the most words with the words of `word`.
    ///
    /// Used for question ids: `AGE-VERIFICATION` finds the question whose wording
    /// mentions verifying age. Each word must share at least its first four letters.
    package static func byWording(_ word: String, among candidates: [(id: String, wording: String)]) -> String? {
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

    /// The three rows of the distance table, kept between calls so that they are allocated once.
    struct EditRows {
        var beforePrevious: [Int] = []
        var previous: [Int] = []
        var row: [Int] = []
    }

    /// Edit distance counting a swap of two neighbouring letters as one edit (`titel` is one
    /// from `title`): exact when it is at most `limit`, otherwise some number above `limit`.
    ///
    /// Only the cells within `limit` of the diagonal are computed (a cell further out is
    /// more than `limit` edits away, and stands in as `limit + 1`), and the work stops as soon
    /// as a whole row is over the limit.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int, rows: inout EditRows) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        if abs(a.count - b.count) > limit { return limit + 1 }
        let over = limit + 1
        rows.beforePrevious.removeAll(keepingCapacity: true)
        rows.beforePrevious.append(contentsOf: repeatElement(over, count: b.count + 2))
        rows.row.removeAll(keepingCapacity: true)
        rows.row.append(contentsOf: repeatElement(over, count: b.count + 2))
        rows.previous.removeAll(keepingCapacity: true)
        rows.previous.append(contentsOf: 0...b.count)
        rows.previous.append(over)
        for i in 1...a.count {
            let low = max(1, i - limit)
            let high = min(b.count, i + limit)
            rows.row[low - 1] = low == 1 ? i : over
            var rowMinimum = over
            for j in low...high {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var cell = min(rows.previous[j] + 1, rows.row[j - 1] + 1, rows.previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    cell = min(cell, rows.beforePrevious[j - 2] + 1)
                }
                rows.row[j] = cell
                rowMinimum = min(rowMinimum, cell)
            }
            rows.row[high + 1] = over
            if rowMinimum > limit { return over }
            (rows.beforePrevious, rows.previous, rows.row) = (rows.previous, rows.row, rows.beforePrevious)
        }
        return rows.previous[b.count]
    }
}
