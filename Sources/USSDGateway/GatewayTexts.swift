import USSD

/// The few screens the gateway itself shows, outside the menu's journey: they answer problems with the call or
/// the session rather than a step of a flow. English and Kiswahili, like the menu; anything else reads English.
public struct GatewayTexts: Sendable {
    public var expired: [Language: String] = [
        .english: "Your session has expired. Please dial *334# again.",
        .kiswahili: "Muda wa kipindi chako umekwisha. Tafadhali piga *334# tena.",
    ]
    public var notAnExtension: [Language: String] = [
        .english: "Sorry, we could not follow your input. Please dial *334# again.",
        .kiswahili: "Samahani, hatukuelewa ulichoweka. Tafadhali piga *334# tena.",
    ]
    public var unknownServiceCode: [Language: String] = [
        .english: "This service code is not available.",
        .kiswahili: "Huduma hii haipatikani.",
    ]
    public var inputTooLong: [Language: String] = [
        .english: "Your input is too long. Please dial *334# again.",
        .kiswahili: "Ulichoweka ni kirefu mno. Tafadhali piga *334# tena.",
    ]
    public var notRegistered: [Language: String] = [
        .english: "This number is not registered for M-PESA.",
        .kiswahili: "Nambari hii haijasajiliwa kwa M-PESA.",
    ]
    public var phoneChanged: [Language: String] = [
        .english: "Sorry, we could not follow your session. Please dial *334# again.",
        .kiswahili: "Samahani, hatukuweza kufuatilia kipindi chako. Tafadhali piga *334# tena.",
    ]
    public var unavailable: [Language: String] = [
        .english: "Sorry, the service is not available right now. Please try again later.",
        .kiswahili: "Samahani, huduma haipatikani kwa sasa. Tafadhali jaribu tena baadaye.",
    ]
    /// The resume offer; `{what}` is the payment in the words of its flow (``pendingWhat``).
    public var pending: [Language: String] = [
        .english: "Pending: {what}?\n1 Confirm\n2 Cancel",
        .kiswahili: "Inasubiri: {what}?\n1 Kubali\n2 Ghairi",
    ]
    /// The payment of a resume offer by transaction type, so a withdrawal is not offered as a "send";
    /// `{amount}` (e.g. `5,000`) and `{name}` (the payee, or the number when no name is known) are filled in.
    /// A type missing here reads as a send.
    public var pendingWhat: [Language: [String: String]] = [
        .english: [
            "P2P_TRANSFER": "send Ksh{amount} to {name}",
            "AGENT_WITHDRAWAL": "withdraw Ksh{amount} from {name}",
            "AIRTIME_PURCHASE": "buy Ksh{amount} airtime for {name}",
            "PAYBILL": "pay Ksh{amount} to {name}",
            "BUY_GOODS": "pay Ksh{amount} to {name}",
        ],
        .kiswahili: [
            "P2P_TRANSFER": "tuma Ksh{amount} kwa {name}",
            "AGENT_WITHDRAWAL": "toa Ksh{amount} kwa {name}",
            "AIRTIME_PURCHASE": "nunua airtime ya Ksh{amount} kwa {name}",
            "PAYBILL": "lipa Ksh{amount} kwa {name}",
            "BUY_GOODS": "lipa Ksh{amount} kwa {name}",
        ],
    ]
    public var pendingCancelled: [Language: String] = [
        .english: "Transaction cancelled.",
        .kiswahili: "Muamala umesitishwa.",
    ]

    public init() {}

    func text(_ table: [Language: String], _ language: Language) -> String {
        table[language] ?? table[.english] ?? ""
    }
}
