import Foundation
import Payments
import USSD

/// Turns a confirmed `PaymentIntent` into the seed's `PaymentRequest`.
///
/// Where each flow's number goes (the ledger reads `toMsisdn` as the recipient account's number):
/// - `P2P_TRANSFER`, `AIRTIME_PURCHASE`: `toMsisdn` is the recipient's MSISDN, normalised to `2547…`;
/// - `AGENT_WITHDRAWAL`: `toMsisdn` is the agent number, the store number goes in `accountReference`;
/// - `PAYBILL`: `toMsisdn` is the business number, with the subscriber's `accountReference`;
/// - `BUY_GOODS`: `toMsisdn` is the till number.
///
/// `deviceId` stays empty: the aggregator does not identify the handset. The aggregator does not name the
/// cell either (its `networkCode` names the operator, not a place), so `location` is the county the
/// subscriber registered in (KYC), when the ledger has one: where the subscriber lives, not where the
/// phone is, which is what the seed's analytics and fraud rules can use.
enum PaymentRequestBuilder {
    static func build(
        _ intent: PaymentIntent, transactionID: TransactionID, from msisdn: MSISDN, at time: Date, channel: String,
        location: String? = nil
    ) -> PaymentRequest? {
        guard let amount = intent.amount, amount > 0 else { return nil }
        let type = TransactionType(rawValue: intent.transactionType)
        let fields = intent.fields
        let recipient: String?
        var reference: String?
        switch type {
        case .p2pTransfer, .airtimePurchase:
            recipient = fields["toMsisdn"].flatMap { try? MSISDN(parsing: $0) }?.value
        case .agentWithdrawal:
            recipient = fields["agentNumber"]
            reference = fields["storeNumber"]
        case .paybill:
            recipient = fields["businessNumber"]
            reference = fields["accountReference"]
        case .buyGoods:
            recipient = fields["tillNumber"]
        case .unknown:
            recipient = nil
        }
        guard let recipient, !recipient.isEmpty else { return nil }
        return PaymentRequest(
            transactionId: transactionID, timestamp: time, fromMsisdn: msisdn, toMsisdn: recipient,
            amount: Money(amount: Int64(amount)), transactionType: type, initiationChannel: channel,
            location: location, accountReference: reference)
    }
}
