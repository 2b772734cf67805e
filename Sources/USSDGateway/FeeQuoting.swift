/// Quotes the customer's fee before the confirm screen shows it. The lead plugs the real tariff table in; the
/// gateway only needs the fee in whole shillings.
public protocol FeeQuoting: Sendable {
    /// The fee for `amount` whole shillings of `transactionType` (`P2P_TRANSFER`, `AGENT_WITHDRAWAL`...).
    func fee(transactionType: String, amount: Int) -> Int
}

/// A demo tariff: one banded table for sends and withdrawals, free for airtime and merchant payments (the
/// merchant pays those). Bands follow the shape of the M-PESA table (protocol-facts 2.8); the values are ours,
/// chosen so the seed's example holds: Ksh5,000 costs Ksh15 (the seed's SMS says "Transaction cost Ksh15.00").
public struct BandedFeeTable: FeeQuoting {
    /// Upper bound of each band (inclusive) and its fee; amounts above the last band pay the last fee.
    public var bands: [(upTo: Int, fee: Int)]
    /// Transaction types the table charges; the others are free.
    public var chargedTypes: Set<String>

    public init(
        bands: [(upTo: Int, fee: Int)] = BandedFeeTable.demoBands,
        chargedTypes: Set<String> = ["P2P_TRANSFER", "AGENT_WITHDRAWAL"]
    ) {
        self.bands = bands
        self.chargedTypes = chargedTypes
    }

    /// 1–100 free, then 5, 10, 15 (up to 5,000), 25, 35, 50.
    public static let demoBands: [(upTo: Int, fee: Int)] = [
        (100, 0), (1_000, 5), (2_500, 10), (5_000, 15), (10_000, 25), (35_000, 35), (250_000, 50),
    ]

    public func fee(transactionType: String, amount: Int) -> Int {
        guard chargedTypes.contains(transactionType), amount > 0 else { return 0 }
        return bands.first { amount <= $0.upTo }?.fee ?? bands.last?.fee ?? 0
    }
}
