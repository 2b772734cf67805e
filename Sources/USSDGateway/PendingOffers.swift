import Foundation
import Payments
import Synchronization

/// Payments waiting for a redial: at most one per subscriber, each for `resumeWindow`.
///
/// Taking an offer removes it, so two sessions of one subscriber can never both hold it; a session that times
/// out again puts it back with the same transaction id.
final class PendingOffers: Sendable {
    private struct Entry: Sendable {
        var draft: PaymentDraft
        var expiresAt: Date
    }

    private let entries = Mutex<[MSISDN: Entry]>([:])
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Offers `draft` to `msisdn` until `expiresAt`, replacing an older offer.
    func put(_ draft: PaymentDraft, for msisdn: MSISDN, until expiresAt: Date, now: Date) {
        entries.withLock { entries in
            entries[msisdn] = Entry(draft: draft, expiresAt: expiresAt)
            guard entries.count > capacity else { return }
            // Rare (only when full): drop what has expired, then the offers closest to expiring.
            entries = entries.filter { $0.value.expiresAt > now }
            while entries.count > capacity, let oldest = entries.min(by: { $0.value.expiresAt < $1.value.expiresAt }) {
                entries[oldest.key] = nil
            }
        }
    }

    /// Removes and returns the live offer for `msisdn`.
    func take(for msisdn: MSISDN, now: Date) -> PaymentDraft? {
        entries.withLock { entries in
            guard let entry = entries.removeValue(forKey: msisdn), entry.expiresAt > now else { return nil }
            return entry.draft
        }
    }

    /// Forgets the offer of `transactionID` (it has been acknowledged elsewhere).
    func remove(_ transactionID: TransactionID, for msisdn: MSISDN) {
        entries.withLock { entries in
            if entries[msisdn]?.draft.transactionID == transactionID { entries[msisdn] = nil }
        }
    }

    var count: Int { entries.withLock { $0.count } }
}
