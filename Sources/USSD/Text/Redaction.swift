/// Removes PINs from a session's `text` (or the end-of-session `input`) before it is logged, cached or recorded.
public enum Redaction {
    /// What a secret input is replaced with; the same for every PIN, so not even its length shows.
    public static let mask = "****"

    /// Joins `inputs` with `*`, masking those at `secretInputIndexes`. Exact: use it whenever the inputs are known.
    public static func redact(inputs: [String], secretInputIndexes: Set<Int>) -> String {
        inputs.enumerated().map { secretInputIndexes.contains($0.offset) ? mask : $0.element }
            .joined(separator: "*")
    }

    /// Masks the secret inputs of a raw `text` whose inputs are not known one by one.
    ///
    /// When the `*`-separated pieces number `inputCount`, no input held a `*` and each piece is one input. When
    /// there are more pieces, some input before or at a secret held a `*`, so every piece a secret could have
    /// landed on is masked: from the first secret index to the last one shifted by the extra pieces. Without
    /// `inputCount` the pieces are taken as the inputs.
    public static func redact(text: String, secretInputIndexes: Set<Int>, inputCount: Int? = nil) -> String {
        guard let first = secretInputIndexes.min(), let last = secretInputIndexes.max() else { return text }
        let pieces = text.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        let extra = max(0, pieces.count - (inputCount ?? pieces.count))
        guard extra > 0 else { return redact(inputs: pieces, secretInputIndexes: secretInputIndexes) }
        let masked = Set(first...(last + extra))
        return redact(inputs: pieces, secretInputIndexes: masked)
    }
}
