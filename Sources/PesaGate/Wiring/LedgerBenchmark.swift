import Foundation
import Ledger
import Payments

/// `pesagate bench ledger`: durable transfers per second on the SQLite ledger, each a whole transfer —
/// the reservation with its limit checks, the execution with its double-entry postings, both
/// idempotency rows and the outbox rows (core's events and the two balance audit events) — committed
/// with `synchronous=FULL`, one transaction per batch (group commit). Batch size 1 is the baseline:
/// one durable commit per operation, what a ledger without group commit pays.
struct LedgerBenchmark {
    var transfers: Int
    var accounts: Int
    var batchSizes: [Int]

    struct Line {
        var batchSize: Int
        var transfers: Int
        var seconds: Double
        var rate: Double { Double(transfers) / seconds }
    }

    func run() throws -> (lines: [Line], invariants: LedgerInvariants) {
        let scratch = try BenchmarkScratch(name: "ledger")
        defer { scratch.remove() }
        let ledger = try scratch.ledger()
        let numbers = try ledger.seedLoadAccounts(count: accounts, balance: 100_000, firstNumber: 8_000_000)
        let limits = TierLimits.default
        var lines: [Line] = []
        var serial = 0
        for batchSize in batchSizes {
            // The baseline's one commit per operation is slow: it gets fewer transfers, enough to measure.
            let count = batchSize == 1 ? min(transfers, 2_000) : transfers
            let started = ContinuousClock.now
            var done = 0
            while done < count {
                let size = min(batchSize, count - done)
                var operations: [LedgerOperation] = []
                operations.reserveCapacity(size * 2)
                var ids: [TransactionID] = []
                for _ in 0..<size {
                    serial += 1
                    let id = try TransactionID(parsing: "TXN-20240902-BENCH\(String(serial, radix: 32).uppercased())")
                    let from = numbers[serial % numbers.count]
                    let to = numbers[(serial + 1) % numbers.count]
                    let request = PaymentRequest(
                        transactionId: id, timestamp: Date(), fromMsisdn: from, toMsisdn: to.value, amount: Money(amount: 1),
                        transactionType: .p2pTransfer, initiationChannel: "USSD")
                    operations.append(.reserve(request, fee: .zero, limits: limits))
                    ids.append(id)
                }
                if batchSize == 1 {
                    _ = try ledger.apply(operations)
                    _ = try ledger.apply(ids.map { .execute($0) })
                } else {
                    _ = try ledger.apply(operations + ids.map { .execute($0) })
                }
                done += size
            }
            lines.append(Line(batchSize: batchSize, transfers: count, seconds: (ContinuousClock.now - started).benchSeconds))
        }
        return (lines, try ledger.checkInvariants())
    }
}
