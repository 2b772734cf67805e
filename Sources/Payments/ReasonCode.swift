/// Reason codes shared by the services, so that a decline reads the same in the revenue result, core's
/// FAILED, the confirmation and the SMS template that words it. The wire fields stay plain strings, so a
/// code unknown to this build still travels.
public enum ReasonCode {
    public static let insufficientFunds = "INSUFFICIENT_FUNDS"
    public static let transactionLimitExceeded = "TRANSACTION_LIMIT_EXCEEDED"
    public static let dailyLimitExceeded = "DAILY_LIMIT_EXCEEDED"
    public static let balanceLimitExceeded = "BALANCE_LIMIT_EXCEEDED"
    public static let unknownSender = "UNKNOWN_SENDER"
    public static let unknownRecipient = "UNKNOWN_RECIPIENT"
    public static let unsupportedTransactionType = "UNSUPPORTED_TRANSACTION_TYPE"
    public static let invalidAmount = "INVALID_AMOUNT"
    /// A RELEASE reached core before the request: the request then fails and reserves nothing.
    public static let releasedBeforeRequest = "RELEASED_BEFORE_REQUEST"
    public static let fraudDeclined = "FRAUD_DECLINED"
    public static let revenueDeclined = "REVENUE_DECLINED"
    public static let coreFailed = "CORE_FAILED"
    /// A validation system answered with a value this build does not know.
    public static let unknownAnswer = "UNKNOWN_ANSWER"
    /// A validation system did not answer within the orchestrator's timeout.
    public static let timeout = "TIMEOUT"
}
