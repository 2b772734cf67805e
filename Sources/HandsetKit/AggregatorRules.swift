import GSM0338

/// The checks an aggregator applies to every answer of the app, as strictly as a real one.
///
/// Pure, so each rule tests without a socket. The limits come from protocol-facts 2.1 and 2.3: a
/// USSD string is 160 octets, which holds 182 packed GSM-7 characters or 80 UCS-2 ones; the app
/// must answer within 15 s.
public struct AggregatorRules: Hashable, Sendable {
    /// Characters of a GSM-7 screen (extension characters such as `€` count two).
    public var gsm7Limit: Int = 182
    /// Characters of a screen that needs UCS-2.
    public var ucs2Limit: Int = 80
    /// How long the app may take to answer a hop.
    public var answerLimit: Duration = .seconds(15)

    public init(answerLimit: Duration = .seconds(15)) {
        self.answerLimit = answerLimit
    }

    /// Reads one HTTP answer: a screen, or the breach that makes the network drop the session.
    public func judge(_ reply: HTTPReply) -> Result<USSDScreen, AggregatorBreach> {
        guard reply.status == 200 else { return .failure(.httpStatus(reply.status, body: reply.body)) }
        let screen: USSDScreen
        if reply.body.hasPrefix("CON ") {
            screen = USSDScreen(text: String(reply.body.dropFirst(4)), isFinal: false)
        } else if reply.body.hasPrefix("END ") {
            screen = USSDScreen(text: String(reply.body.dropFirst(4)), isFinal: true)
        } else {
            return .failure(.missingPrefix(body: reply.body))
        }
        if let breach = lengthBreach(screen.text) { return .failure(breach) }
        return .success(screen)
    }

    /// The length rule alone: septets for GSM-7 text, UTF-16 units for anything else.
    public func lengthBreach(_ text: String) -> AggregatorBreach? {
        if let septets = GSM7.septetCount(text), GSM7.canEncode(text) {
            return septets > gsm7Limit ? .screenTooLong(characters: septets, limit: gsm7Limit, alphabet: "GSM-7") : nil
        }
        let units = UCS2.unitCount(text)
        return units > ucs2Limit ? .screenTooLong(characters: units, limit: ucs2Limit, alphabet: "UCS-2") : nil
    }
}
