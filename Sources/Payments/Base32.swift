/// Crockford-style base 32 (digits and upper-case letters without I, L, O, U), for id suffixes that
/// fit the seed's `[A-Z0-9]` shape, stay short, and cannot be misread as 1/0 when read aloud to support.
enum Base32 {
    static let alphabet: [Character] = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// `value` in base 32, left-padded with `0` to `minimumLength`.
    static func encode(_ value: UInt64, minimumLength: Int) -> String {
        var characters: [Character] = []
        var rest = value
        repeat {
            characters.append(alphabet[Int(rest & 31)])
            rest >>= 5
        } while rest > 0
        while characters.count < minimumLength {
            characters.append("0")
        }
        return String(characters.reversed())
    }
}
