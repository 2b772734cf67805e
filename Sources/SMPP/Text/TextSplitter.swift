/// Cuts a text into chunks of at most `limit` units without breaking what must stay whole.
///
/// Works on `Character`s, so an ESC pair (one character, two septets), a surrogate pair and
/// even a composed emoji such as 👍🏽 never straddle two parts. Only a single grapheme larger
/// than a whole part (pathological stacks of combining marks) is cut, and then between
/// scalars, which still keeps every surrogate pair together.
struct TextSplitter {
    /// Units a character costs: septets for GSM-7, UTF-16 code units for UCS-2.
    let cost: (Character) -> Int

    func split(_ text: String, limit: Int) -> [String] {
        var chunks: [String] = []
        var current = ""
        var used = 0
        func emit() {
            if !current.isEmpty { chunks.append(current) }
            current = ""
            used = 0
        }
        for character in text {
            let units = cost(character)
            if units > limit {
                emit()
                for piece in splitOversized(character, limit: limit) {
                    let pieceUnits = piece.unicodeScalars.reduce(0) { $0 + cost(Character($1)) }
                    if used + pieceUnits > limit { emit() }
                    current.unicodeScalars.append(contentsOf: piece.unicodeScalars)
                    used += pieceUnits
                }
                continue
            }
            if used + units > limit { emit() }
            current.append(character)
            used += units
        }
        emit()
        return chunks
    }

    /// The scalars of one oversized grapheme, grouped into runs that each fit `limit`.
    private func splitOversized(_ character: Character, limit: Int) -> [String] {
        var pieces: [String] = []
        var piece = String.UnicodeScalarView()
        var used = 0
        for scalar in character.unicodeScalars {
            let units = cost(Character(scalar))
            if used + units > limit, !piece.isEmpty {
                pieces.append(String(piece))
                piece = String.UnicodeScalarView()
                used = 0
            }
            piece.append(scalar)
            used += units
        }
        if !piece.isEmpty { pieces.append(String(piece)) }
        return pieces
    }
}
