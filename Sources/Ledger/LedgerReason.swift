/// Reason codes only the ledger gives, next to the shared ones in `Payments.ReasonCode`.
public enum LedgerReason {
    /// The sender's account is locked or closed by an operator.
    public static let accountInactive = "ACCOUNT_INACTIVE"
    /// EXECUTE or RELEASE named a transaction core never reserved.
    public static let unknownReservation = "UNKNOWN_RESERVATION"
    /// EXECUTE named a reservation that was released: nothing may be posted.
    public static let reservationReleased = "RESERVATION_RELEASED"
    /// RELEASE named a reservation that was already executed: the money has moved for good.
    public static let alreadyExecuted = "ALREADY_EXECUTED"
    /// Sender and recipient are the same account.
    public static let sameAccount = "SAME_ACCOUNT"
}
