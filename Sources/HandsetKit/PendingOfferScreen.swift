/// Recognises the gateway's Pending offer screen, in English ("Pending: send Ksh… 2 Cancel") and
/// Kiswahili ("Inasubiri: tuma Ksh… 2 Ghairi") (`GatewayTexts.pending`): its first line holds the
/// word, which no menu screen does, and it offers a `2` choice to cancel.
public enum PendingOfferScreen {
    /// The offer's leading word in each language the gateway speaks, lowercased.
    static let words = ["pending", "inasubiri"]
    /// The offer's Cancel choice (`2 Cancel` / `2 Ghairi`).
    static let cancelChoice = "2"

    public static func isOffer(_ text: String) -> Bool {
        let lines = text.split(separator: "\n")
        guard let first = lines.first?.lowercased(), words.contains(where: { first.contains($0) }) else { return false }
        return lines.contains { $0.hasPrefix(cancelChoice + " ") }
    }
}
