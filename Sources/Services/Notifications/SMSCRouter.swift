import Logging
import SMPP

/// The notification service's SMPP links, routed and failed over by configuration.
///
/// Each message goes to the best link for its number that is bound (``SMSCRoutingTable``); when none
/// is, to the best link, whose queue waits for it to come back. A link that stays down for
/// ``failoverAfter`` while another candidate is up gives back its unsent messages
/// (``ESMEClient/withdrawUnaccepted()``): they fail as `withdrawn`, the dispatcher requeues them, and
/// the next round routes them to a link that is up. A message partly accepted by a link is never
/// moved, so no part goes out twice.
public final class SMSCRouter: Sendable {
    public let links: [(name: String, client: ESMEClient)]
    public let table: SMSCRoutingTable
    public let failoverAfter: Duration
    let logger: Logger

    public init(
        links: [(name: String, client: ESMEClient)], table: SMSCRoutingTable, failoverAfter: Duration = .seconds(5),
        logger: Logger
    ) {
        self.links = links
        self.table = table
        self.failoverAfter = failoverAfter
        self.logger = logger
    }

    /// One client per configured link.
    public convenience init(configurations: [SMSCLinkConfiguration], failoverAfter: Duration = .seconds(5), logger: Logger) throws {
        let table = try SMSCRoutingTable(links: configurations.map { .init(name: $0.name, prefixes: $0.prefixes) })
        let links = configurations.map { link in
            var linkLogger = logger
            linkLogger[metadataKey: "smsc"] = "\(link.name)"
            return (name: link.name, client: ESMEClient(configuration: link.esme, logger: linkLogger))
        }
        self.init(links: links, table: table, failoverAfter: failoverAfter, logger: logger)
    }

    /// A single link serving every number.
    public convenience init(single client: ESMEClient, name: String = "smsc", logger: Logger) {
        self.init(links: [(name: name, client: client)], table: SMSCRoutingTable(catchAll: name), logger: logger)
    }

    /// Sends `messages`, keeping their order per link (and so per destination); each outcome names
    /// the link that accepted the message.
    public func submitInOrder(_ messages: [OutgoingSMS]) async -> [Result<(link: String, parts: [SubmittedPart]), any Error>] {
        await outcomes(of: enqueue(messages))
    }

    /// Routes and queues `messages` in this order, returning before the SMSCs answer, so the next
    /// batch can queue behind them; ``outcomes(of:)`` waits for the answers.
    public func enqueue(_ messages: [OutgoingSMS]) async -> RoutedBatch {
        var up: [Bool] = []
        for link in links { up.append(await link.client.isBound) }
        var entries = [RoutedBatch.Entry](repeating: .unrouted(ESMEError.closed), count: messages.count)
        var perLink: [Int: [(position: Int, message: OutgoingSMS)]] = [:]
        for (position, message) in messages.enumerated() {
            guard let index = table.route(for: message.destination.address, isUp: { up[$0] }) else {
                entries[position] = .unrouted(SMSCRoutingError.noRoute(msisdn: message.destination.address))
                continue
            }
            perLink[index, default: []].append((position, message))
        }
        for (index, batch) in perLink {
            let tickets = await links[index].client.enqueueInOrder(batch.map(\.message))
            for (item, ticket) in zip(batch, tickets) { entries[item.position] = .queued(link: index, ticket) }
        }
        return RoutedBatch(entries: entries)
    }

    /// Waits for the answer to every message of `batch`, in the batch's order.
    public func outcomes(of batch: RoutedBatch) async -> [Result<(link: String, parts: [SubmittedPart]), any Error>] {
        var outcomes: [Result<(link: String, parts: [SubmittedPart]), any Error>] = []
        for entry in batch.entries {
            switch entry {
            case .unrouted(let error):
                outcomes.append(.failure(error))
            case .queued(let index, let ticket):
                let link = links[index]
                outcomes.append(await link.client.outcome(of: ticket).map { (link.name, $0) })
            }
        }
        return outcomes
    }

    /// Receipts of every link, each with the name of the link it came on. Call once: each link's
    /// receipts can be iterated by one task only (the dispatcher's).
    public func receipts() -> AsyncStream<(link: String, event: ReceiptEvent)> {
        AsyncStream { continuation in
            let pump = Task {
                await withTaskGroup(of: Void.self) { group in
                    for link in links {
                        group.addTask { for await event in link.client.receipts { continuation.yield((link.name, event)) } }
                    }
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in pump.cancel() }
        }
    }

    /// Hands each link the parts it accepted before a restart; parts of rows that name no link (from
    /// before links had names) go to every link, since any of them may have sent them.
    public func expectReceipts(_ parts: [String?: [SubmittedPart]]) async {
        for (name, waiting) in parts {
            for link in links where name == nil || link.name == name {
                await link.client.expectReceipts(for: waiting)
            }
        }
    }

    /// Runs every link (connect, bind, reconnect) and the failover watch until shutdown. A link
    /// whose credentials are refused stops alone; the others go on.
    public func run() async throws {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for link in links {
                group.addTask {
                    do {
                        try await link.client.run()
                    } catch {
                        self.logger.error("SMSC link stopped", metadata: ["smsc": "\(link.name)", "error": "\(error)"])
                        if self.links.count == 1 { throw error }
                    }
                    return true
                }
            }
            if links.count > 1 {
                group.addTask {
                    await self.watchForFailover()
                    return false
                }
            }
            // The links end at shutdown; the watch only then.
            var running = links.count
            while running > 0, let wasLink = try await group.next() {
                if wasLink { running -= 1 }
            }
            group.cancelAll()
        }
    }

    /// Unbinds every link.
    public func shutdown() async {
        await withDiscardingTaskGroup { group in
            for link in links { group.addTask { await link.client.shutdown() } }
        }
    }

    /// Waits until the first link is bound (start-up ordering and tests).
    public func waitUntilBound() async {
        await links.first?.client.waitUntilBound()
    }

    private func watchForFailover() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: min(failoverAfter / 4, .seconds(1)))
            var anyUp = false
            for link in links where await link.client.isBound { anyUp = true }
            guard anyUp else { continue }
            for link in links {
                guard let down = await link.client.downFor, down >= failoverAfter else { continue }
                let moved = await link.client.withdrawUnaccepted()
                if moved > 0 {
                    logger.warning("SMSC link down; its queued messages fail over", metadata: [
                        "smsc": "\(link.name)", "messages": "\(moved)", "downFor": "\(down)",
                    ])
                    SMSMetrics.failedOver(moved, from: link.name)
                }
            }
        }
    }
}
