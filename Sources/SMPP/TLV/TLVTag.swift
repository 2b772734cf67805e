/// A TLV tag (spec §5.3.2). Open: unknown tags are kept and passed on untouched.
public struct TLVTag: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    public init(_ rawValue: UInt16) { self.rawValue = rawValue }

    public static let receiptedMessageID = Self(0x001E)
    public static let additionalStatusInfoText = Self(0x001D)
    public static let payloadType = Self(0x0019)
    public static let userMessageReference = Self(0x0204)
    public static let sourcePort = Self(0x020A)
    public static let destinationPort = Self(0x020B)
    public static let sarMessageReference = Self(0x020C)
    public static let sarTotalSegments = Self(0x020E)
    public static let sarSegmentSequence = Self(0x020F)
    public static let scInterfaceVersion = Self(0x0210)
    public static let networkErrorCode = Self(0x0423)
    public static let messagePayload = Self(0x0424)
    public static let deliveryFailureReason = Self(0x0425)
    public static let moreMessagesToSend = Self(0x0426)
    public static let messageState = Self(0x0427)
    public static let ussdServiceOp = Self(0x0501)
    public static let itsSessionInfo = Self(0x1383)

    /// The lengths a known tag may have, as (minimum, maximum); nil when any length goes.
    /// Checked when decoding so a typed accessor never meets a value of the wrong size.
    var allowedLength: ClosedRange<Int>? {
        switch self {
        case .payloadType, .sarTotalSegments, .sarSegmentSequence, .scInterfaceVersion,
             .deliveryFailureReason, .moreMessagesToSend, .messageState, .ussdServiceOp:
            1...1
        case .userMessageReference, .sourcePort, .destinationPort, .sarMessageReference, .itsSessionInfo:
            2...2
        case .networkErrorCode:
            3...3
        case .receiptedMessageID:
            1...65
        case .additionalStatusInfoText:
            1...256
        default:
            nil
        }
    }

    public var description: String {
        switch self {
        case .receiptedMessageID: "receipted_message_id"
        case .additionalStatusInfoText: "additional_status_info_text"
        case .payloadType: "payload_type"
        case .userMessageReference: "user_message_reference"
        case .sourcePort: "source_port"
        case .destinationPort: "destination_port"
        case .sarMessageReference: "sar_msg_ref_num"
        case .sarTotalSegments: "sar_total_segments"
        case .sarSegmentSequence: "sar_segment_seqnum"
        case .scInterfaceVersion: "sc_interface_version"
        case .networkErrorCode: "network_error_code"
        case .messagePayload: "message_payload"
        case .deliveryFailureReason: "delivery_failure_reason"
        case .moreMessagesToSend: "more_messages_to_send"
        case .messageState: "message_state"
        case .ussdServiceOp: "ussd_service_op"
        case .itsSessionInfo: "its_session_info"
        default: "0x" + String(rawValue, radix: 16)
        }
    }
}
