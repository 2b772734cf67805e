import Foundation
import Synchronization

/// Makes ``TransactionID``s that are unique across threads, processes and machines without coordination.
///
/// Suffix = 8 base-32 characters of a random 40-bit *instance prefix*, drawn once per generator (so once
/// per process for ``shared``), followed by a per-generator atomic counter in base 32 (at least 3
/// characters): `TXN-20240902-K7Q2M9XA000`, `…A001`, ….
///
/// Why this is unique:
/// - Within one generator the counter never repeats (a 64-bit counter would need 584 years at a
///   billion ids a second to wrap), so two ids differ even when minted on the same date by
///   concurrent threads.
/// - Two generators collide only if they drew the same 40-bit prefix *and* mint the same counter on
///   the same date. With `k` generators started on one day the chance of any shared prefix is about
///   `k² / 2⁴¹`: for 1,000 process starts a day, 4.5 × 10⁻⁷ per day, about one in 6,000 years. The
///   ledger's unique transaction id would still refuse a duplicate rather than merge two payments.
/// - No machine identity or clock ordering is needed, so containers cloned from one image and hosts
///   with skewed clocks stay safe.
///
/// The date is the UTC calendar date of the injected clock, so tests can pin it.
public final class TransactionIDGenerator: Sendable {
    /// One generator per process: share it so the counter, not luck, separates ids made here.
    public static let shared = TransactionIDGenerator()

    /// The 8-character base-32 instance prefix every id of this generator carries.
    public let instancePrefix: String

    private let counter: Atomic<UInt64>
    private let now: @Sendable () -> Date

    /// - Parameters:
    ///   - instance: the instance number; only its low 40 bits are used. Random by default.
    ///   - startingCounter: the first counter value (tests use it to check the growing width).
    ///   - now: the clock that dates the ids.
    public init(
        instance: UInt64 = UInt64.random(in: 0..<(1 << 40)),
        startingCounter: UInt64 = 0,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.instancePrefix = Base32.encode(instance & ((1 << 40) - 1), minimumLength: 8)
        self.counter = Atomic(startingCounter)
        self.now = now
    }

    /// A new id, dated today (UTC) by the generator's clock. Thread-safe and lock-free.
    public func next() -> TransactionID {
        let sequence = counter.wrappingAdd(1, ordering: .relaxed).oldValue
        let date = UTCCalendar.compactDate(now())
        return TransactionID(
            unchecked: "TXN-" + date + "-" + instancePrefix + Base32.encode(sequence, minimumLength: 3))
    }
}
