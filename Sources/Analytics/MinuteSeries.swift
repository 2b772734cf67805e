import Foundation

/// A ring of per-minute tallies covering the last N minutes.
///
/// Slot `minute mod N` holds minute `minute`; writing a newer minute into a slot resets it, so old minutes
/// vanish without a sweep, and an event for a minute already overwritten is dropped.
struct MinuteSeries: Sendable {
    private var slots: [(minute: Int64, tally: MinuteTally)]

    init(minutes: Int) {
        slots = Array(repeating: (Int64.min, MinuteTally()), count: max(1, minutes))
    }

    /// Minutes since 1970 (UTC), the key of a slot.
    static func minute(of date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 / 60).rounded(.down))
    }

    /// Applies `change` to the tally of `date`'s minute, unless that minute has scrolled out of the ring.
    mutating func update(at date: Date, _ change: (inout MinuteTally) -> Void) {
        let minute = MinuteSeries.minute(of: date)
        let index = slotIndex(minute)
        if slots[index].minute < minute {
            slots[index] = (minute, MinuteTally())
        } else if slots[index].minute > minute {
            return
        }
        change(&slots[index].tally)
    }

    /// The tally of `minute`, empty when nothing was counted in it or it has scrolled out.
    func tally(minute: Int64) -> MinuteTally {
        let slot = slots[slotIndex(minute)]
        return slot.minute == minute ? slot.tally : MinuteTally()
    }

    /// The sum of the tallies of `first...last`.
    func merged(from first: Int64, through last: Int64) -> MinuteTally {
        var sum = MinuteTally()
        guard first <= last else { return sum }
        for minute in first...last {
            sum.merge(tally(minute: minute))
        }
        return sum
    }

    private func slotIndex(_ minute: Int64) -> Int {
        let count = Int64(slots.count)
        return Int(((minute % count) + count) % count)
    }
}
