import Ledger
import Payments

/// The revenue check as a pure function: the sender's posted state (never counting this payment's own
/// reservation), the recipient's state, the tariff and the tier limits in; the seed's `RevenueResult` out.
/// Checks run in the order a subscriber wants the reason: who, how much, limits, funds, then the
/// recipient's balance cap. Informational: core repeats funds and limits atomically when it reserves.
public struct RevenueEvaluator: Sendable {
    /// What revenue knows of the recipient.
    public enum Recipient: Sendable, Hashable {
        /// A registered customer with this balance and tier.
        case customer(balance: Money, kycTier: Int)
        /// A P2P recipient with no wallet.
        case unknown
        /// A business, airtime or other account without a balance cap.
        case uncapped
    }

    public let tariff: TariffTable

    public init(tariff: TariffTable) {
        self.tariff = tariff
    }

    public func evaluate(
        _ request: PaymentRequest, sender: SpendingSnapshot?, recipient: Recipient
    ) -> RevenueResult {
        let txn = request.transactionId
        let amount = request.amount
        let fee = tariff.fee(for: amount, type: request.transactionType) ?? .zero
        guard let sender else {
            return RevenueResult(
                transactionId: txn, accountBalance: .zero, dailyLimit: .zero, dailyUsed: .zero, decision: .declined,
                calculatedFee: fee, remainingBalance: .zero, reasonCode: ReasonCode.unknownSender)
        }
        let limits = tariff.tier(sender.kycTier)
        let balance = sender.balance.amount
        let remaining = balance - amount.amount - fee.amount
        func answer(_ reason: String?) -> RevenueResult {
            RevenueResult(
                transactionId: txn, accountBalance: sender.balance, dailyLimit: Money(amount: limits.daily),
                dailyUsed: sender.dailyUsed, decision: reason == nil ? .approved : .declined, calculatedFee: fee,
                remainingBalance: Money(amount: reason == nil ? remaining : balance), reasonCode: reason)
        }
        if sender.status != .active { return answer(LedgerReason.accountInactive) }
        guard amount.amount > 0, amount.currency == Money.defaultCurrency else { return answer(ReasonCode.invalidAmount) }
        if case .unknown = request.transactionType { return answer(ReasonCode.unsupportedTransactionType) }
        if amount.amount > limits.perTransaction { return answer(ReasonCode.transactionLimitExceeded) }
        // Below the first band or above the last: the tariff has no price for it.
        if tariff.fee(for: amount, type: request.transactionType) == nil { return answer(ReasonCode.invalidAmount) }
        if sender.dailyUsed.amount + amount.amount > limits.daily { return answer(ReasonCode.dailyLimitExceeded) }
        if remaining < 0 { return answer(ReasonCode.insufficientFunds) }
        switch recipient {
        case .unknown:
            return answer(ReasonCode.unknownRecipient)
        case let .customer(recipientBalance, tier):
            if recipientBalance.amount + amount.amount > tariff.tier(tier).maxBalance {
                return answer(ReasonCode.balanceLimitExceeded)
            }
        case .uncapped:
            break
        }
        return answer(nil)
    }
}
