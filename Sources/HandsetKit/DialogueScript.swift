/// A scripted dialogue: who dials, and the steps with their expectations.
///
/// Each dialogue that moves money names MSISDNs of its own, so dialogues pass in any order
/// against one `pesagate run` (the lockout dialogue must not lock an account another pays from).
public struct DialogueScript: Hashable, Sendable {
    /// A human name for reports (defaults to the file name).
    public var name: String
    /// The subscriber who dials; `--msisdn` overrides it.
    public var msisdn: String?
    /// The handset's display language (`en`/`sw`); the gateway picks the screens' language per subscriber.
    public var lang: String?
    /// The number `{peer}` stands for in steps (load mode gives each handset a neighbour instead).
    public var peer: String?
    public var steps: [ScriptStep]
    /// Accounts that must exist (beyond the demo seed) for the dialogue to pass.
    public var accounts: [ScriptAccount] = []

    public init(name: String, msisdn: String? = nil, lang: String? = nil, peer: String? = nil, steps: [ScriptStep]) {
        self.name = name
        self.msisdn = msisdn
        self.lang = lang
        self.peer = peer
        self.steps = steps
    }

    /// True when a step waits for an SMS, so the runner needs an SMSC link.
    public var needsSMS: Bool {
        steps.contains {
            switch $0.step {
            case .expectSMS, .expectNoSMS: true
            default: false
            }
        }
    }

    /// The default service code.
    public static let defaultCode = "*334#"
    /// How long `expect-sms` waits when the script gives no `within`.
    public static let defaultSMSWait = 10_000
}
