/// Splits a filled screen that runs over the network's limit into pages joined by `98 More` / `0 Back`.
///
/// This is the run-time safety net behind the compiler's proof: a registered name or a statement longer than
/// its declared width still reaches the subscriber in full, page by page, and nothing is ever cut off.
struct Paginator {
    let moreLine: String
    let backLine: String

    /// Pages for one laid-out page. `content` and `navigation` are filled lines; `backOnFirst` says whether the
    /// first page offers `0 Back`; `closes` marks an END screen, whose last page has no navigation.
    func paginate(content: [String], navigation: [String], backOnFirst: Bool, closes: Bool) -> [String] {
        // A filled value may hold line breaks of its own (a statement): page breaks prefer those.
        let content = content.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        let whole = (content + navigation).joined(separator: "\n")
        let encoding = ScreenLength.of(whole)
        guard !encoding.fits else { return [whole] }
        let measure = { (text: String) in
            encoding.isGSM7 ? ScreenLength.of(text).count : text.utf16.count
        }
        var remaining = content
        var pages: [String] = []
        while !remaining.isEmpty {
            let hasBack = !pages.isEmpty || backOnFirst
            let finalNavigation =
                closes ? [] : navigation + (hasBack && !navigation.contains(backLine) ? [backLine] : [])
            let last = (remaining + finalNavigation).joined(separator: "\n")
            if measure(last) <= encoding.limit {
                pages.append(last)
                break
            }
            let pageNavigation = [moreLine] + (hasBack ? [backLine] : [])
            let budget = max(1, encoding.limit - measure(pageNavigation.joined(separator: "\n")) - 1)
            let taken = take(from: &remaining, budget: budget, measure: measure)
            pages.append((taken + pageNavigation).joined(separator: "\n"))
        }
        return pages
    }

    /// Takes whole lines while they fit. A line that fits a page of its own waits for the next page; a longer
    /// one must be split anyway, so it fills the rest of this page, broken at a space where possible (or
    /// between characters when one word is longer than a page). Always takes at least one character.
    private func take(from remaining: inout [String], budget: Int, measure: (String) -> Int) -> [String] {
        var taken: [String] = []
        while let line = remaining.first {
            let candidate = (taken + [line]).joined(separator: "\n")
            if measure(candidate) <= budget {
                taken.append(line)
                remaining.removeFirst()
                continue
            }
            let room = budget - (taken.isEmpty ? 0 : measure(taken.joined(separator: "\n")) + 1)
            if taken.isEmpty || (measure(line) > budget && room > 0) {
                let (head, tail) = split(line, budget: max(room, 1), measure: measure)
                taken.append(head)
                remaining[0] = tail
            }
            break
        }
        return taken
    }

    /// The longest head of `line` within `budget`, preferring a break at a space (which is then dropped).
    private func split(_ line: String, budget: Int, measure: (String) -> Int) -> (String, String) {
        var head = ""
        var lastSpace: String.Index?
        var index = line.startIndex
        while index < line.endIndex {
            let next = head + String(line[index])
            if measure(next) > budget, !head.isEmpty { break }
            if line[index] == " " { lastSpace = index }
            head = next
            index = line.index(after: index)
        }
        if index < line.endIndex, let space = lastSpace, space > line.startIndex {
            return (String(line[..<space]), String(line[line.index(after: space)...]))
        }
        return (head, String(line[index...]))
    }
}
