/// SMPP 3.4 `command_status` (spec §5.1.3): an open set, since SMSCs use vendor codes
/// (0x400–0x4FF), so a struct with the known codes as constants.
public struct CommandStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt32

    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }

    public static let ok = Self(0x00)  // ESME_ROK
    public static let invalidMessageLength = Self(0x01)  // ESME_RINVMSGLEN
    public static let invalidCommandLength = Self(0x02)  // ESME_RINVCMDLEN
    public static let invalidCommandID = Self(0x03)  // ESME_RINVCMDID
    public static let invalidBindStatus = Self(0x04)  // ESME_RINVBNDSTS
    public static let alreadyBound = Self(0x05)  // ESME_RALYBND
    public static let invalidPriorityFlag = Self(0x06)  // ESME_RINVPRTFLG
    public static let invalidRegisteredDelivery = Self(0x07)  // ESME_RINVREGDLVFLG
    public static let systemError = Self(0x08)  // ESME_RSYSERR
    public static let invalidSourceAddress = Self(0x0A)  // ESME_RINVSRCADR
    public static let invalidDestinationAddress = Self(0x0B)  // ESME_RINVDSTADR
    public static let invalidMessageID = Self(0x0C)  // ESME_RINVMSGID
    public static let bindFailed = Self(0x0D)  // ESME_RBINDFAIL
    public static let invalidPassword = Self(0x0E)  // ESME_RINVPASWD
    public static let invalidSystemID = Self(0x0F)  // ESME_RINVSYSID
    public static let cancelFailed = Self(0x11)  // ESME_RCANCELFAIL
    public static let replaceFailed = Self(0x13)  // ESME_RREPLACEFAIL
    public static let messageQueueFull = Self(0x14)  // ESME_RMSGQFUL
    public static let invalidServiceType = Self(0x15)  // ESME_RINVSERTYP
    public static let invalidESMClass = Self(0x43)  // ESME_RINVESMCLASS
    public static let submitFailed = Self(0x45)  // ESME_RSUBMITFAIL
    public static let invalidSourceTON = Self(0x48)  // ESME_RINVSRCTON
    public static let invalidSourceNPI = Self(0x49)  // ESME_RINVSRCNPI
    public static let invalidDestinationTON = Self(0x50)  // ESME_RINVDSTTON
    public static let invalidDestinationNPI = Self(0x51)  // ESME_RINVDSTNPI
    public static let invalidSystemType = Self(0x53)  // ESME_RINVSYSTYP
    public static let throttled = Self(0x58)  // ESME_RTHROTTLED
    public static let invalidScheduledDeliveryTime = Self(0x61)  // ESME_RINVSCHED
    public static let invalidValidityPeriod = Self(0x62)  // ESME_RINVEXPIRY
    public static let temporaryApplicationError = Self(0x64)  // ESME_RX_T_APPN
    public static let permanentApplicationError = Self(0x65)  // ESME_RX_P_APPN
    public static let rejectedByApplication = Self(0x66)  // ESME_RX_R_APPN
    public static let queryFailed = Self(0x67)  // ESME_RQUERYFAIL
    public static let invalidOptionalParameterStream = Self(0xC0)  // ESME_RINVOPTPARSTREAM
    public static let optionalParameterNotAllowed = Self(0xC1)  // ESME_ROPTPARNOTALLWD
    public static let invalidParameterLength = Self(0xC2)  // ESME_RINVPARLEN
    public static let missingOptionalParameter = Self(0xC3)  // ESME_RMISSINGOPTPARAM
    public static let invalidOptionalParameterValue = Self(0xC4)  // ESME_RINVOPTPARAMVAL
    public static let deliveryFailure = Self(0xFE)  // ESME_RDELIVERYFAILURE
    public static let unknownError = Self(0xFF)  // ESME_RUNKNOWNERR

    public var isOK: Bool { self == .ok }

    /// Worth retrying later: the SMSC is busy or briefly broken, the message itself is fine.
    ///
    /// Follows Kannel's classification (RMSGQFUL, RTHROTTLED, RX_T_APPN, RSYSERR); everything
    /// else, e.g. an invalid destination, is a rejection that a retry would only repeat.
    public var isTemporary: Bool {
        self == .messageQueueFull || self == .throttled || self == .temporaryApplicationError || self == .systemError
    }

    /// The SMSC asks us to slow down: the ESME pauses the whole link, not just this message.
    public var asksToSlowDown: Bool { self == .throttled || self == .messageQueueFull }

    /// The spec's constant name (`ESME_RTHROTTLED`), or the hex value for codes we do not know.
    public var name: String {
        if let name = Self.names[rawValue] { return name }
        return "0x" + String(rawValue, radix: 16, uppercase: true)
    }

    public var description: String { name }

    private static let names: [UInt32: String] = [
        0x00: "ESME_ROK", 0x01: "ESME_RINVMSGLEN", 0x02: "ESME_RINVCMDLEN", 0x03: "ESME_RINVCMDID",
        0x04: "ESME_RINVBNDSTS", 0x05: "ESME_RALYBND", 0x06: "ESME_RINVPRTFLG", 0x07: "ESME_RINVREGDLVFLG",
        0x08: "ESME_RSYSERR", 0x0A: "ESME_RINVSRCADR", 0x0B: "ESME_RINVDSTADR", 0x0C: "ESME_RINVMSGID",
        0x0D: "ESME_RBINDFAIL", 0x0E: "ESME_RINVPASWD", 0x0F: "ESME_RINVSYSID", 0x11: "ESME_RCANCELFAIL",
        0x13: "ESME_RREPLACEFAIL", 0x14: "ESME_RMSGQFUL", 0x15: "ESME_RINVSERTYP", 0x43: "ESME_RINVESMCLASS",
        0x45: "ESME_RSUBMITFAIL", 0x48: "ESME_RINVSRCTON", 0x49: "ESME_RINVSRCNPI", 0x50: "ESME_RINVDSTTON",
        0x51: "ESME_RINVDSTNPI", 0x53: "ESME_RINVSYSTYP", 0x58: "ESME_RTHROTTLED", 0x61: "ESME_RINVSCHED",
        0x62: "ESME_RINVEXPIRY", 0x64: "ESME_RX_T_APPN", 0x65: "ESME_RX_P_APPN", 0x66: "ESME_RX_R_APPN",
        0x67: "ESME_RQUERYFAIL", 0xC0: "ESME_RINVOPTPARSTREAM", 0xC1: "ESME_ROPTPARNOTALLWD",
        0xC2: "ESME_RINVPARLEN", 0xC3: "ESME_RMISSINGOPTPARAM", 0xC4: "ESME_RINVOPTPARAMVAL",
        0xFE: "ESME_RDELIVERYFAILURE", 0xFF: "ESME_RUNKNOWNERR",
    ]
}
