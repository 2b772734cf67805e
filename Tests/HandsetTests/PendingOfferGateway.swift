import Synchronization

/// The part of the real gateway that seeded faults trip over, as answers for ``FakeGateway``: a
/// session left at the confirm screen (abandoned, or never finished) leaves a Pending offer, which
/// the number's next dial shows instead of the menu until it is answered. `1` sends, `2` cancels.
final class PendingOfferGateway: Sendable {
    static let menu = "CON M-PESA\n1 Send Money\n2 Withdraw Cash"
    static let confirm = "CON Send Ksh1 to JOHN KAMAU?\n1 Confirm\n2 Cancel"
    static let offer = "CON Pending: send Ksh1 to JOHN KAMAU?\n1 Confirm\n2 Cancel"

    private struct State {
        /// Per number, the session holding its unfinished payment (a confirm screen or an offer).
        var unfinished: [String: String] = [:]
        /// Sessions that show an offer rather than the menu.
        var offerSessions: Set<String> = []
        var offersShown = 0
    }

    private let state = Mutex(State())

    var offersShown: Int { state.withLock { $0.offersShown } }

    func answer(_ request: FakeGateway.Request) -> FakeGateway.Answer {
        let phone = request.fields["phoneNumber"] ?? ""
        let session = request.fields["sessionId"] ?? ""
        let text = request.fields["text"] ?? ""
        let body: String = state.withLock { state in
            if text.isEmpty {
                // A payment some other session left unfinished becomes this session's offer.
                guard let holder = state.unfinished[phone], holder != session else { return Self.menu }
                state.unfinished[phone] = session
                state.offerSessions.insert(session)
                state.offersShown += 1
                return Self.offer
            }
            if state.offerSessions.contains(session) {
                state.unfinished[phone] = nil
                return text == "2" ? "END Transaction cancelled." : "END Request received."
            }
            switch text {
            case "1":
                state.unfinished[phone] = session
                return Self.confirm
            case "1*1":
                state.unfinished[phone] = nil
                return "END Request received."
            default:
                return "END Sorry, we could not follow your input."
            }
        }
        return FakeGateway.Answer(body: body)
    }
}
