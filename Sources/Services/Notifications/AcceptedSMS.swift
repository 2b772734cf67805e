/// An outbox row the SMSC accepted: the ids it gave the parts and the link that took it.
public struct AcceptedSMS: Sendable, Hashable {
    public var id: Int64
    public var parts: [SubmittedPartRecord]
    public var link: String?

    public init(id: Int64, parts: [SubmittedPartRecord], link: String?) {
        self.id = id
        self.parts = parts
        self.link = link
    }
}
