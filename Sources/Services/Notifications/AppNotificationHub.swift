import Payments
import Synchronization

/// Fans payment confirmations out to the apps of the subscribers involved: each open connection
/// subscribes for its MSISDN and gets an `AsyncStream` of ``AppNotification``s.
///
/// Live only: an app that is offline misses the push and reads its statement instead (the SMS is
/// the durable channel). Each stream keeps only the newest ``bufferSize`` notifications, so a stalled
/// client cannot make the gateway buffer without bound.
public actor AppNotificationHub {
    public let bufferSize: Int
    private var subscribers: [String: [Int: AsyncStream<AppNotification>.Continuation]] = [:]
    private var nextID = 0
    /// Streams ended by their consumer; filled synchronously from `onTermination`, which cannot
    /// call into the actor, and swept on the next subscribe or publish.
    private let ended = EndedStreams()

    public init(bufferSize: Int = 16) {
        self.bufferSize = bufferSize
    }

    /// A stream of the confirmations in which `msisdn` pays or is paid, until the caller stops
    /// iterating it.
    public func subscribe(msisdn: MSISDN) -> AsyncStream<AppNotification> {
        sweep()
        nextID += 1
        let id = nextID
        let (stream, continuation) = AsyncStream.makeStream(
            of: AppNotification.self, bufferingPolicy: .bufferingNewest(bufferSize))
        let ended = ended
        continuation.onTermination = { _ in ended.insert(id) }
        subscribers[msisdn.value, default: [:]][id] = continuation
        return stream
    }

    /// Pushes `confirmation` to the payer and, when it is a subscriber, the payee.
    public func publish(_ confirmation: PaymentConfirmation) {
        guard let json = try? EventCoding.encode(confirmation, sortedKeys: true) else { return }
        let notification = AppNotification(
            eventId: confirmation.eventId, transactionId: confirmation.transactionId.value,
            json: String(decoding: json, as: UTF8.self))
        var targets = [confirmation.fromMsisdn.value]
        if let payee = try? MSISDN(parsing: confirmation.toMsisdn), payee != confirmation.fromMsisdn {
            targets.append(payee.value)
        }
        for msisdn in targets { publish(notification, to: msisdn) }
    }

    /// Pushes `notification` to every stream open for `msisdn`.
    public func publish(_ notification: AppNotification, to msisdn: String) {
        sweep()
        for (id, continuation) in subscribers[msisdn] ?? [:] {
            if case .terminated = continuation.yield(notification) { drop(id) }
        }
    }

    /// Open streams, over all MSISDNs.
    public var subscriberCount: Int {
        sweep()
        return subscribers.values.reduce(0) { $0 + $1.count }
    }

    private func sweep() {
        for id in ended.takeAll() { drop(id) }
    }

    private func drop(_ id: Int) {
        for (msisdn, streams) in subscribers where streams[id] != nil {
            subscribers[msisdn]?[id] = nil
            if subscribers[msisdn]?.isEmpty == true { subscribers[msisdn] = nil }
        }
    }
}

/// Ids of streams whose consumer went away.
private final class EndedStreams: Sendable {
    private let ids = Mutex<[Int]>([])
    func insert(_ id: Int) { ids.withLock { $0.append(id) } }
    func takeAll() -> [Int] { ids.withLock { ids in defer { ids.removeAll() }; return ids } }
}
