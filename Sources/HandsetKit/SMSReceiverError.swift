import SMPP

/// Why an ``SMSReceiver`` could not receive.
public enum SMSReceiverError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The SMSC refused the bind (wrong system_id or password).
    case bindRefused(CommandStatus)
    /// The link closed before the bind was answered.
    case closedBeforeBind

    public var description: String {
        switch self {
        case .bindRefused(let status): "the SMSC refused bind_receiver: \(status)"
        case .closedBeforeBind: "the SMSC closed the link before answering bind_receiver"
        }
    }
}
