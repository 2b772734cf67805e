import GRDB
import Payments

/// Why a request's recipient cannot be credited.
struct RecipientFailure: Error {
    let code: String
}

extension LedgerDatabase {
    /// The account a request credits, by transaction type:
    /// - `P2P_TRANSFER`: an active registered customer (an unregistered MSISDN fails with
    ///   `UNKNOWN_RECIPIENT`: we hold no unregistered-funds account);
    /// - `AGENT_WITHDRAWAL`, `PAYBILL`, `BUY_GOODS`: the agent, paybill or till numbered `toMsisdn`;
    /// - `AIRTIME_PURCHASE`: the airtime account, for any valid MSISDN;
    /// - anything else fails with `UNSUPPORTED_TRANSACTION_TYPE`.
    func recipientAccount(_ db: Database, of request: PaymentRequest) throws -> Result<Int64, RecipientFailure> {
        let unknown = RecipientFailure(code: ReasonCode.unknownRecipient)
        switch request.transactionType {
        case .p2pTransfer:
            guard let msisdn = request.recipientMSISDN else { return .failure(unknown) }
            let id = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT accountId FROM subscriber WHERE msisdn = ? AND status = 'active'"),
                arguments: [msisdn.value])
            return id.map { .success($0) } ?? .failure(unknown)
        case .agentWithdrawal: return try business(db, .agent, request.toMsisdn).map { .success($0) } ?? .failure(unknown)
        case .paybill: return try business(db, .paybill, request.toMsisdn).map { .success($0) } ?? .failure(unknown)
        case .buyGoods: return try business(db, .till, request.toMsisdn).map { .success($0) } ?? .failure(unknown)
        case .airtimePurchase:
            return request.recipientMSISDN == nil ? .failure(unknown) : .success(SystemAccount.airtime)
        case .unknown:
            return .failure(RecipientFailure(code: ReasonCode.unsupportedTransactionType))
        }
    }

    private func business(_ db: Database, _ kind: AccountKind, _ number: String) throws -> Int64? {
        try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM account WHERE kind = ? AND number = ?"),
            arguments: [kind.rawValue, number])
    }
}
