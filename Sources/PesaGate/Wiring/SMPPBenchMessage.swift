import Payments

/// One SMS of `pesagate bench smpp`: the same value goes through our outbox and ESME and through
/// Kannel, so both sides send exactly the same messages.
///
/// Each has its own transaction (the outbox is unique per transaction and recipient) and its own
/// destination MSISDN (real traffic fans out over subscribers; one number would let an SMSC
/// serialise on it), and a text shaped like the seed's confirmation, one GSM 03.38 part long.
struct SMPPBenchMessage: Sendable, Hashable {
    let transactionId: TransactionID
    /// The subscriber who gets the SMS (the payer of the confirmation).
    let msisdn: MSISDN
    let text: String

    /// `count` messages numbered from 0; every one gets `text` when given, else its own
    /// seed-like confirmation.
    static func batch(count: Int, text: String? = nil) throws -> [SMPPBenchMessage] {
        try (0..<count).map { index in
            let payer = try MSISDN(parsing: number(index))
            return SMPPBenchMessage(
                transactionId: try TransactionID(parsing: transactionID(index)), msisdn: payer,
                text: text ?? confirmation(index))
        }
    }

    /// `TXN-20240902-B0000042`: the seed's date, a `B` for benchmark, the index.
    static func transactionID(_ index: Int) -> String {
        "TXN-20240902-B" + padded(index, width: 7)
    }

    /// `254710000042`: one Safaricom-range number per index (90 million before they repeat).
    static func number(_ index: Int) -> String {
        "2547" + padded(10_000_000 + index % 90_000_000, width: 8)
    }

    /// The seed's sender text with amounts that vary by index, e.g. `Confirmed. Ksh5,137.00 sent to
    /// 254719000042 on 2/9/24 at 2:30 PM. New balance is Ksh44,848.00. Transaction cost Ksh15.00.`
    static func confirmation(_ index: Int) -> String {
        let amount = 100 + (index * 37) % 9_900
        let fee = amount > 1_000 ? 15 : 0
        let balance = 50_000 - amount - fee
        let recipient = "2547" + padded(19_000_000 + index % 80_000_000, width: 8)
        return "Confirmed. \(Money.shillings(Int64(amount)).formatted) sent to \(recipient) on 2/9/24 at 2:30 PM. "
            + "New balance is \(Money.shillings(Int64(balance)).formatted). Transaction cost \(Money.shillings(Int64(fee)).formatted)."
    }

    private static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
