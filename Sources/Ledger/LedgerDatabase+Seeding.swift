import Foundation
import GRDB
import Payments

extension LedgerDatabase {
    /// The seed's subscribers (and a few more), agents, tills and paybills, so the seed's example works
    /// out of the box. Skips accounts that already exist, so running it twice is harmless.
    public func seedDemoData(now: Date = Date()) throws {
        let subscribers: [(String, String, SubscriberLanguage, Int64, String)] = [
            ("254700123456", "JOHN KAMAU", .english, 25_000, "NAIROBI"),
            ("254711987654", "MARY WANJIKU", .english, 8_500, "KIAMBU"),
            ("254722334455", "PETER OTIENO", .swahili, 12_000, "KISUMU"),
            ("254733445566", "GRACE ACHIENG", .swahili, 3_000, "MOMBASA"),
            ("254110556677", "JAMES MWANGI", .english, 50_000, "NAKURU"),
        ]
        for (number, name, language, balance, region) in subscribers {
            let msisdn = try MSISDN(parsing: number)
            guard try subscriber(msisdn) == nil else { continue }
            try addSubscriber(
                msisdn: msisdn, name: name, language: language, openingBalance: Money(amount: balance), region: region,
                now: now)
        }
        let businesses: [(AccountKind, String, String, Int64)] = [
            (.agent, "123456", "MAMA MBOGA AGENCIES", 100_000),
            (.agent, "234567", "KIBERA CASH POINT", 50_000),
            (.till, "832910", "NAIVAS SUPERMARKET", 0),
            (.till, "555444", "JAVA HOUSE", 0),
            (.paybill, "888880", "KENYA POWER", 0),
            (.paybill, "247247", "EQUITY BANK", 0),
        ]
        for (kind, number, name, balance) in businesses where try account(kind: kind, number: number) == nil {
            try addBusiness(kind: kind, number: number, name: name, openingBalance: Money(amount: balance), now: now)
        }
    }

    /// Counties load accounts are spread over, weighted roughly like M-PESA traffic (Nairobi first), so
    /// the dashboard's geographic distribution has something to show.
    static let loadRegions = [
        "NAIROBI", "NAIROBI", "NAIROBI", "KIAMBU", "MOMBASA", "NAKURU", "KISUMU", "MACHAKOS", "UASIN GISHU", "KAKAMEGA",
    ]

    /// Creates `count` funded customers for load tests in ONE transaction, numbered `25479xxxxxxx` from
    /// `firstNumber` (a block no demo subscriber uses), tier 2, with `pin` when given, registered in
    /// counties by number (``loadRegions``). Returns their MSISDNs in order. One opening entry funds them all.
    public func seedLoadAccounts(
        count: Int, balance: Money, pin: String? = nil, firstNumber: Int = 0, now: Date = Date()
    ) throws -> [MSISDN] {
        precondition(count >= 0 && firstNumber >= 0 && firstNumber + count <= 10_000_000, "25479 + 7 digits")
        try Self.validate(name: "LOAD", balance: balance)
        if let pin, !PINHasher.isWellFormed(pin) { throw LedgerError.invalidPIN }
        let msisdns = try (firstNumber..<(firstNumber + count)).map { n in
            let digits = String(n)
            return try MSISDN(parsing: "25479" + String(repeating: "0", count: 7 - digits.count) + digits)
        }
        try transaction { db in
            let insertAccount = try db.cachedStatement(sql: "INSERT INTO account (kind, number, name) VALUES ('customer', ?, ?)")
            let insertSubscriber = try db.cachedStatement(sql: """
                INSERT INTO subscriber (accountId, msisdn, language, kycTier, status, pinSalt, pinVerifier, createdAt, region)
                VALUES (?, ?, 'en', 2, 'active', ?, ?, ?, ?)
                """)
            var legs: [Journal.Leg] = []
            legs.reserveCapacity(count + 1)
            for (index, msisdn) in msisdns.enumerated() {
                try insertAccount.execute(arguments: [msisdn.value, "LOAD \(msisdn.value)"])
                let accountId = db.lastInsertedRowID
                let salt = pin.map { _ in pinHasher.makeSalt() }
                let verifier = zip(pin, salt).map { pinHasher.verifier(pin: $0, salt: $1) }
                let region = Self.loadRegions[(firstNumber + index) % Self.loadRegions.count]
                try insertSubscriber.execute(arguments: [
                    accountId, msisdn.value, salt, verifier, now.timeIntervalSince1970, region,
                ])
                legs.append(.init(accountId: accountId, amount: balance.amount))
            }
            if balance.amount > 0 && count > 0 {
                legs.append(.init(accountId: SystemAccount.issuance, amount: -balance.amount * Int64(count)))
                try Journal.post(db, reference: "opening:load:\(firstNumber)", step: Step.opening, legs: legs, at: now)
            }
        }
        return msisdns
    }
}

private func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
