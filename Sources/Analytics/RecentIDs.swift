import Foundation
import Payments

/// The transaction ids one stream delivered in the last few minutes, each with what a later join needs.
///
/// Kafka delivers at least once: a consumer that restarts before committing sees records again, and a
/// producer that retries may publish twice. Counting each transaction once per stream keeps the figures
/// true; forgetting ids older than the window keeps memory proportional to the window's traffic rather
/// than to the life of the process. A copy that arrives after its id is forgotten is counted again: the
/// price of bounded memory, and rare, since redeliveries follow within seconds.
struct RecentIDs<Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        var value: Value
        var at: Date
    }

    private var entries: [TransactionID: Entry] = [:]
    /// Arrival order, oldest first from `head`, so forgetting touches only what it forgets.
    private var order: [(id: TransactionID, at: Date)] = []
    private var head = 0

    /// Ids currently remembered.
    var count: Int { entries.count }

    /// What was remembered with `id`, if it is remembered.
    func value(for id: TransactionID) -> Value? {
        entries[id]?.value
    }

    /// Remembers `id` with `value`; false when `id` is already remembered (a redelivery).
    mutating func insert(_ id: TransactionID, _ value: Value, at time: Date) -> Bool {
        guard entries[id] == nil else { return false }
        entries[id] = Entry(value: value, at: time)
        order.append((id, time))
        return true
    }

    /// Forgets the ids remembered before `cutoff`.
    mutating func forget(before cutoff: Date) {
        while head < order.count, order[head].at < cutoff {
            let (id, at) = order[head]
            // Remove only the entry this slot recorded: an id forgotten and seen again has a later slot.
            if let entry = entries[id], entry.at == at {
                entries[id] = nil
            }
            head += 1
        }
        // Reclaim the consumed prefix once it is most of the array, so compaction stays amortised O(1).
        if head > 1024, head * 2 > order.count {
            order.removeFirst(head)
            head = 0
        }
    }
}
