/// `its_session_info` (tag 0x1383, two octets), as USSD gateways reuse it: the first octet is a
/// session number; in the second, bits 7–1 are a sequence number and bit 0 ends the session.
/// Vendors differ (one packs a 15-bit dialog id), so the raw value stays available.
public struct ITSSessionInfo: Hashable, Sendable {
    public var rawValue: UInt16

    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public init(sessionNumber: UInt8, sequenceNumber: UInt8, endOfSession: Bool) {
        rawValue = UInt16(sessionNumber) << 8 | UInt16((sequenceNumber & 0x7F) << 1) | (endOfSession ? 1 : 0)
    }

    public var sessionNumber: UInt8 { UInt8(truncatingIfNeeded: rawValue >> 8) }
    public var sequenceNumber: UInt8 { UInt8(truncatingIfNeeded: rawValue) >> 1 }
    public var endOfSession: Bool { rawValue & 1 != 0 }
    /// The 15 bits above the end-of-session bit, for dialects that use them as one dialog id.
    public var dialogID: UInt16 { rawValue >> 1 }
}
