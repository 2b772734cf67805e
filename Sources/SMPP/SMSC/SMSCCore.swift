import Logging
import NIOCore

/// Identifies one TCP connection inside the simulator.
typealias SMSCConnectionID = Int

/// The state all connections of an ``SMSCServer`` share: who is bound, message ids, parts
/// waiting for a handset, reassembly and recording, receipts and faults.
///
/// An actor so that routing a message from one connection to a handset on another needs no
/// locks; the connection loops only parse and hand over.
actor SMSCCore {
    private struct Link {
        var writer: NIOAsyncChannelOutboundWriter<SMPPMessage>
        var close: @Sendable () -> Void
        var systemID: String
        var kind: SMSCSession.BindKind
        var addressRange: String
        var nextSequence: UInt32 = 1
        /// Parts forwarded to this handset, by the `deliver_sm`'s sequence number.
        var forwarded: [UInt32: StoredPart] = [:]
    }

    let configuration: SMSCConfiguration
    private let logger: Logger
    private var links: [SMSCConnectionID: Link] = [:]
    private var faults: FaultInjector
    private var nextMessageID: UInt64 = 0x1000
    private var assembler = SMSCAssembler()
    private var recorder: MessageRecorder?
    /// Parts for absent handsets, by message id, and the order they came in per MSISDN.
    private var waiting: [String: StoredPart] = [:]
    private var waitingOrder: [String: [String]] = [:]
    /// Receipts for an ESME account with no receiving link right now.
    private var heldReceipts: [String: [DeliverSM]] = [:]
    /// A success response held back to be sent out of order (fault injection).
    private var heldResponses: [SMSCConnectionID: SMPPMessage] = [:]
    private var timers: [Int: Task<Void, Never>] = [:]
    private var nextTimer = 0
    private var stopped = false

    init(configuration: SMSCConfiguration, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        faults = FaultInjector(configuration.faults)
        recorder = try configuration.recordPath.map { try MessageRecorder(path: $0) }
    }

    // MARK: Binding

    func authenticate(
        _ request: BindRequest, kind: SMSCSession.BindKind, connection: SMSCConnectionID,
        writer: NIOAsyncChannelOutboundWriter<SMPPMessage>, close: @escaping @Sendable () -> Void
    ) -> CommandStatus {
        let isHandset = request.systemID == configuration.handsetSystemID
        guard isHandset || request.systemID == configuration.systemID else { return .invalidSystemID }
        let expected = isHandset ? configuration.handsetPassword : configuration.password
        guard request.password == expected else { return .invalidPassword }
        let range = Self.normalizedMSISDN(request.addressRange.address)
        links[connection] = Link(writer: writer, close: close, systemID: request.systemID, kind: kind, addressRange: range)
        logger.debug("bound", metadata: ["system_id": "\(request.systemID)", "range": "\(range)"])
        return .ok
    }

    /// Called once the bind response is on the wire, so nothing overtakes it.
    func bindAnswered(connection: SMSCConnectionID) async {
        guard let link = links[connection], link.kind.canReceive else { return }
        if link.systemID == configuration.handsetSystemID {
            await flushWaiting(for: link.addressRange)
        } else if let held = heldReceipts.removeValue(forKey: link.systemID) {
            for receipt in held { await send(.deliverSM(receipt), on: connection) }
        }
    }

    func disconnected(_ connection: SMSCConnectionID) async {
        heldResponses[connection] = nil
        guard let link = links.removeValue(forKey: connection) else { return }
        // Parts a handset never confirmed go back to wait for its next bind.
        for (_, part) in link.forwarded.sorted(by: { $0.key < $1.key }) { park(part) }
        await flushWaiting(for: link.addressRange)
    }

    // MARK: Submits

    /// Handles one `submit_sm` or `data_sm`: faults, the response, then routing and recording.
    /// Returns false when a fault dropped the connection, so its loop reads nothing more.
    func submit(_ content: DeliverSM, wantsReceipt: RegisteredDelivery, isDataSM: Bool, sequenceNumber: UInt32, connection: SMSCConnectionID) async -> Bool {
        guard let link = links[connection] else { return true }
        func response(_ status: CommandStatus, _ id: String) -> SMPPMessage {
            SMPPMessage(
                sequenceNumber: sequenceNumber, status: status,
                pdu: isDataSM ? .dataSMResp(DataSMResponse(messageID: id)) : .submitSMResp(SubmitSMResponse(messageID: id))
            )
        }
        if let refusal = Self.validate(content) {
            await send(response(refusal, ""), on: connection)
            return true
        }
        switch faults.judgeSubmit(now: .now) {
        case .dropConnection:
            logger.info("fault: dropping connection", metadata: ["connection": "\(connection)"])
            link.close()
            return false
        case .genericNack:
            await send(SMPPMessage(sequenceNumber: sequenceNumber, status: .systemError, pdu: .genericNack), on: connection)
            return true
        case .refuse(let status):
            await send(response(status, ""), on: connection)
            return true
        case .accept:
            break
        }
        let messageID = String(nextMessageID, radix: 16)
        nextMessageID += 1
        await answerAccepted(response(.ok, messageID), on: connection)
        record(content, messageID: messageID, systemID: link.systemID)
        let part = StoredPart(
            messageID: messageID, content: content, registeredDelivery: wantsReceipt,
            origin: connection, originSystemID: link.systemID, submitted: .now
        )
        await route(part)
        return true
    }

    /// Sends a success response, or with ``SMSCFaults/reorderResponses`` holds it to go out
    /// after the next one.
    private func answerAccepted(_ message: SMPPMessage, on connection: SMSCConnectionID) async {
        guard configuration.faults.reorderResponses else { return await send(message, on: connection) }
        if let earlier = heldResponses.removeValue(forKey: connection) {
            await send(message, on: connection)
            await send(earlier, on: connection)
            return
        }
        heldResponses[connection] = message
        startTimer(after: .milliseconds(50)) { core in await core.releaseHeldResponse(connection, sequence: message.sequenceNumber) }
    }

    private func releaseHeldResponse(_ connection: SMSCConnectionID, sequence: UInt32) async {
        guard let held = heldResponses[connection], held.sequenceNumber == sequence else { return }
        heldResponses[connection] = nil
        await send(held, on: connection)
    }

    private func record(_ content: DeliverSM, messageID: String, systemID: String) {
        do {
            guard let complete = try assembler.add(content, messageID: messageID, systemID: systemID) else { return }
            recorder?.record(complete)
        } catch {
            logger.warning("cannot read message content", metadata: ["message_id": "\(messageID)", "error": "\(error)"])
        }
    }

    // MARK: Routing to handsets

    private func route(_ part: StoredPart) async {
        let msisdn = Self.normalizedMSISDN(part.content.destination.address)
        if let handset = handsetLink(for: msisdn) {
            await forward(part, to: handset)
        } else if configuration.unrouted == .deliver {
            scheduleReceipt(for: part, state: .delivered)
        } else {
            park(part)
            let id = part.messageID
            startTimer(after: configuration.expiry) { core in await core.expire(id) }
        }
    }

    private func park(_ part: StoredPart) {
        let msisdn = Self.normalizedMSISDN(part.content.destination.address)
        waiting[part.messageID] = part
        waitingOrder[msisdn, default: []].append(part.messageID)
    }

    private func flushWaiting(for msisdn: String) async {
        guard let handset = handsetLink(for: msisdn), let ids = waitingOrder.removeValue(forKey: msisdn) else { return }
        for id in ids {
            guard let part = waiting.removeValue(forKey: id) else { continue }
            await forward(part, to: handset)
        }
    }

    private func forward(_ part: StoredPart, to connection: SMSCConnectionID) async {
        guard var link = links[connection] else { return park(part) }
        let sequence = link.nextSequence
        link.nextSequence = sequence &+ 1
        link.forwarded[sequence] = part
        links[connection] = link
        var deliver = part.content
        deliver.registeredDelivery = .none
        do {
            try await link.writer.write(SMPPMessage(sequenceNumber: sequence, pdu: .deliverSM(deliver)))
        } catch {
            // The link is going away; `disconnected` parks the part again.
        }
    }

    func handsetAnswered(sequenceNumber: UInt32, status: CommandStatus, connection: SMSCConnectionID) {
        guard let part = links[connection]?.forwarded.removeValue(forKey: sequenceNumber) else { return }
        scheduleReceipt(for: part, state: status.isOK ? .delivered : .undeliverable)
    }

    private func expire(_ messageID: String) {
        guard let part = waiting.removeValue(forKey: messageID) else { return }
        let msisdn = Self.normalizedMSISDN(part.content.destination.address)
        waitingOrder[msisdn]?.removeAll { $0 == messageID }
        scheduleReceipt(for: part, state: .expired)
    }

    private func handsetLink(for msisdn: String) -> SMSCConnectionID? {
        links.filter { $0.value.systemID == configuration.handsetSystemID && $0.value.kind.canReceive && $0.value.addressRange == msisdn }
            .keys.min()
    }

    // MARK: Receipts

    private func scheduleReceipt(for part: StoredPart, state: MessageState) {
        guard part.registeredDelivery.wantsReceipt(delivered: state == .delivered), !faults.losesReceipt() else { return }
        let receipt = part.receipt(state: state)
        let delay = configuration.receiptDelay + configuration.faults.receiptExtraDelay
        let origin = part.origin
        let systemID = part.originSystemID
        if delay <= .zero {
            Task { await self.deliverReceipt(receipt, origin: origin, systemID: systemID) }
        } else {
            startTimer(after: delay) { core in await core.deliverReceipt(receipt, origin: origin, systemID: systemID) }
        }
    }

    private func deliverReceipt(_ receipt: DeliverSM, origin: SMSCConnectionID, systemID: String) async {
        guard !stopped else { return }
        // The submitting link if it can take a deliver_sm, else any receiving link of the account.
        let target = links[origin]?.kind.canReceive == true
            ? origin
            : links.filter { $0.value.systemID == systemID && $0.value.kind.canReceive }.keys.min()
        guard let target else {
            heldReceipts[systemID, default: []].append(receipt)
            return
        }
        await send(.deliverSM(receipt), on: target)
    }

    // MARK: Plumbing

    private func send(_ pdu: PDU, on connection: SMSCConnectionID) async {
        guard var link = links[connection] else { return }
        let sequence = link.nextSequence
        link.nextSequence = sequence &+ 1
        links[connection] = link
        await send(SMPPMessage(sequenceNumber: sequence, pdu: pdu), on: connection)
    }

    private func send(_ message: SMPPMessage, on connection: SMSCConnectionID) async {
        guard let writer = links[connection]?.writer else { return }
        try? await writer.write(message)
    }

    private func startTimer(after delay: Duration, _ action: @escaping @Sendable (SMSCCore) async -> Void) {
        let key = nextTimer
        nextTimer += 1
        timers[key] = Task {
            try? await Task.sleep(for: delay)
            guard !Task.isCancelled else { return }
            await action(self)
            self.timerFinished(key)
        }
    }

    private func timerFinished(_ key: Int) { timers[key] = nil }

    func stop() {
        stopped = true
        for task in timers.values { task.cancel() }
        timers = [:]
        recorder?.close()
        recorder = nil
    }

    /// What a real SMSC refuses for good: a destination that is not a phone number.
    static func validate(_ content: DeliverSM) -> CommandStatus? {
        let digits = normalizedMSISDN(content.destination.address)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { return .invalidDestinationAddress }
        guard !content.source.address.isEmpty else { return .invalidSourceAddress }
        return nil
    }

    /// Handsets bind with `+2547…` or `2547…`; both mean the same subscriber.
    static func normalizedMSISDN(_ raw: String) -> String {
        raw.hasPrefix("+") ? String(raw.dropFirst()) : raw
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
