import Foundation
import GRDB
import Payments

extension LedgerDatabase {
    /// Registers a customer with an opening balance drawn from the issuance account.
    public func addSubscriber(
        msisdn: MSISDN, name: String, language: SubscriberLanguage = .english, kycTier: Int = 1,
        openingBalance: Money = .zero, region: String? = nil, now: Date = Date()
    ) throws {
        try Self.validate(name: name, balance: openingBalance)
        guard kycTier >= 0 else { throw LedgerError.invalidField("KYC tier must not be negative") }
        try transaction { db in
            let accountId = try insertAccount(db, kind: .customer, number: msisdn.value, name: name)
            try db.cachedStatement(sql: """
                INSERT INTO subscriber (accountId, msisdn, language, kycTier, status, createdAt, region)
                VALUES (?, ?, ?, ?, 'active', ?, ?)
                """)
                .execute(arguments: [
                    accountId, msisdn.value, language.rawValue, kycTier, now.timeIntervalSince1970,
                    region.map { $0.uppercased() },
                ])
            try fundOpening(db, accountId: accountId, number: msisdn.value, amount: openingBalance.amount, at: now)
        }
    }

    /// Registers an agent, till or paybill, optionally with an opening float.
    public func addBusiness(
        kind: AccountKind, number: String, name: String, openingBalance: Money = .zero, now: Date = Date()
    ) throws {
        guard kind.isBusiness else { throw LedgerError.invalidField("\(kind) is not a business account") }
        guard !number.isEmpty, number.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw LedgerError.invalidField("business number must be digits")
        }
        try Self.validate(name: name, balance: openingBalance)
        try transaction { db in
            let accountId = try insertAccount(db, kind: kind, number: number, name: name)
            try fundOpening(db, accountId: accountId, number: "\(kind.rawValue):\(number)", amount: openingBalance.amount, at: now)
        }
    }

    /// Sets an operator status (active, locked, closed).
    public func setStatus(_ status: SubscriberStatus, of msisdn: MSISDN) throws {
        try transaction { db in
            try db.execute(sql: "UPDATE subscriber SET status = ? WHERE msisdn = ?", arguments: [status.rawValue, msisdn.value])
            guard db.changesCount == 1 else { throw LedgerError.unknownSubscriber(msisdn.value) }
        }
    }

    /// All subscribers, by MSISDN.
    public func listSubscribers() throws -> [Subscriber] {
        try read { db in
            try Row.fetchAll(db, sql: Subscriber.selection + " ORDER BY s.msisdn").map(Subscriber.init(row:))
        }
    }

    /// One subscriber, or nil.
    public func subscriber(_ msisdn: MSISDN) throws -> Subscriber? {
        try read { db in
            // Cached: the USSD gateway looks subscribers up on most hops.
            try Row.fetchOne(db.cachedStatement(sql: Subscriber.selection + " WHERE s.msisdn = ?"), arguments: [msisdn.value])
                .map(Subscriber.init(row:))
        }
    }

    /// A customer's balance, or nil for an unknown MSISDN.
    public func balance(of msisdn: MSISDN) throws -> Money? {
        try account(kind: .customer, number: msisdn.value)?.balance
    }

    /// Any account by kind and number (system accounts are numbered by their kind in upper case, e.g.
    /// `FEE_INCOME`; see ``systemAccount(_:)``).
    public func account(kind: AccountKind, number: String) throws -> Account? {
        try read { db in
            try Row.fetchOne(
                db.cachedStatement(sql: "SELECT name, balance FROM account WHERE kind = ? AND number = ?"),
                arguments: [kind.rawValue, number]
            ).map { Account(kind: kind, number: number, name: $0["name"], balance: Money(amount: $0["balance"])) }
        }
    }

    /// The issuance, hold, fee income or airtime account.
    public func systemAccount(_ kind: AccountKind) throws -> Account {
        guard let account = try account(kind: kind, number: kind.rawValue.uppercased()) else {
            throw LedgerError.invalidField("\(kind) is not a system account")
        }
        return account
    }

    /// The last `limit` postings on a customer's account, newest first (the *334# mini statement).
    public func miniStatement(of msisdn: MSISDN, limit: Int = 5) throws -> [StatementLine] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.reference, e.step, p.amount, e.createdAt,
                       CASE WHEN r.senderAccountId = a.id THEN ra.number ELSE sa.number END AS counterparty
                FROM account a
                JOIN posting p ON p.accountId = a.id
                JOIN entry e ON e.id = p.entryId
                LEFT JOIN reservation r ON r.transactionId = e.reference
                LEFT JOIN account ra ON ra.id = r.recipientAccountId
                LEFT JOIN account sa ON sa.id = r.senderAccountId
                WHERE a.kind = 'customer' AND a.number = ?
                ORDER BY p.id DESC LIMIT ?
                """, arguments: [msisdn.value, limit]
            ).map { row in
                StatementLine(
                    reference: row["reference"], step: row["step"], amount: Money(amount: row["amount"]),
                    counterparty: row["counterparty"], time: Date(timeIntervalSince1970: row["createdAt"]))
            }
        }
    }

    // MARK: - Helpers

    static func validate(name: String, balance: Money) throws {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw LedgerError.invalidField("name is empty") }
        guard balance.currency == Money.defaultCurrency, balance.amount >= 0 else {
            throw LedgerError.invalidAmount("opening balance must be zero or more shillings")
        }
    }

    func insertAccount(_ db: Database, kind: AccountKind, number: String, name: String) throws -> Int64 {
        let exists = try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT 1 FROM account WHERE kind = ? AND number = ?"),
            arguments: [kind.rawValue, number]) ?? false
        guard !exists else { throw LedgerError.duplicateAccount(number) }
        try db.cachedStatement(sql: "INSERT INTO account (kind, number, name) VALUES (?, ?, ?)")
            .execute(arguments: [kind.rawValue, number, name])
        return db.lastInsertedRowID
    }

    func fundOpening(_ db: Database, accountId: Int64, number: String, amount: Int64, at date: Date) throws {
        guard amount > 0 else { return }
        try Journal.post(
            db, reference: "opening:\(number)", step: Step.opening,
            legs: [.init(accountId: SystemAccount.issuance, amount: -amount), .init(accountId: accountId, amount: amount)],
            at: date)
    }

    /// Records the subscriber's menu and SMS language (My Account → Language).
    public func setLanguage(_ language: SubscriberLanguage, for msisdn: MSISDN) throws {
        try transaction { db in
            try db.execute(
                sql: "UPDATE subscriber SET language = ? WHERE msisdn = ?", arguments: [language.rawValue, msisdn.value])
            guard db.changesCount == 1 else { throw LedgerError.unknownSubscriber(msisdn.value) }
        }
    }
}
