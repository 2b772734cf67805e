import Foundation
import Ledger
import Logging
import Messaging
import Payments
import USSD

/// The USSD service without HTTP: hops in, screens out, sessions and Pending offers in between. `USSDRoutes`
/// puts it behind `POST /ussd`; a USSD-over-SMPP adapter can drive the same object.
public final class USSDGateway: Sendable {
    public let configuration: USSDGatewayConfiguration
    /// The end-of-session notifications received.
    public let endLog: SessionEndLog
    let services: GatewayServices
    let sessions: SessionStore

    /// - Parameters:
    ///   - menu: the checked menu (`MenuCompiler.compile(directory:)`).
    ///   - fees: the tariff; `BandedFeeTable()` by default (see its documentation).
    ///   - now: the clock; tests inject one to expire sessions without waiting.
    public init(
        configuration: USSDGatewayConfiguration, menu: Menu, ledger: LedgerDatabase, publisher: EventPublisher,
        fees: any FeeQuoting = BandedFeeTable(), transactionIDs: TransactionIDGenerator = .shared,
        texts: GatewayTexts = GatewayTexts(), logger: Logger, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.configuration = configuration
        self.endLog = SessionEndLog(capacity: configuration.endLogCapacity)
        self.sessions = SessionStore(capacity: configuration.sessionCapacity, lifetime: configuration.sessionLifetime.seconds)
        self.services = GatewayServices(
            menu: menu, ledger: ledger, publisher: publisher, fees: fees, transactionIDs: transactionIDs,
            configuration: configuration, texts: texts, pending: PendingOffers(capacity: configuration.pendingCapacity),
            now: now, logger: logger)
    }

    /// Answers one hop. Never throws: every problem is a clean END.
    public func answer(_ hop: Hop) async -> USSDReply {
        let texts = services.texts
        guard configuration.serviceCodes.contains(hop.serviceCode) else {
            return .end(texts.text(texts.unknownServiceCode, .english))
        }
        let start = ContinuousClock.now
        let now = services.now()
        var opened = false
        let (session, replaced) = sessions.session(for: hop, now: now) {
            opened = true
            return USSDSession(id: hop.sessionID, msisdn: hop.msisdn, now: now, services: services)
        }
        if let replaced { _ = await replaced.close() }
        let reply = await session.answer(hop)
        GatewayMetrics.recordHop(reply, newSession: opened, since: start, open: sessions.count)
        if services.logger.logLevel <= .debug {
            let redacted = await session.trail.redactedText
            services.logger.debug(
                "ussd hop", metadata: ["sessionId": "\(hop.sessionID)", "text": "\(redacted)", "end": "\(reply.isEnd)"])
        }
        return reply
    }

    /// Records the aggregator's end-of-session notification (once per session) and frees the session; an
    /// unfinished payment becomes the subscriber's Pending offer.
    public func endSession(_ notification: SessionEndNotification) async {
        GatewayMetrics.recordEnd(status: notification.status)
        guard !endLog.contains(notification.sessionID) else {
            endLog.record(notification.record(redactedInput: "", at: services.now()))
            return
        }
        var redacted: String
        if let session = sessions.remove(notification.sessionID) {
            let facts = await session.close()
            redacted = Redaction.redact(
                text: notification.input, secretInputIndexes: facts.secretIndexes, inputCount: facts.inputCount)
        } else {
            redacted = Self.maskAnyPIN(notification.input)
        }
        endLog.record(notification.record(redactedInput: redacted, at: services.now()))
    }

    /// Sessions currently open.
    public var openSessions: Int { sessions.count }

    /// Without the session, nobody knows where the PIN was: every piece that could be a PIN is masked.
    static func maskAnyPIN(_ input: String) -> String {
        input.split(separator: "*", omittingEmptySubsequences: false).map { piece in
            piece.count >= 4 && piece.count <= 6 && piece.allSatisfy(\.isASCIIDigitLike) ? Redaction.mask : String(piece)
        }.joined(separator: "*")
    }
}

extension Character {
    fileprivate var isASCIIDigitLike: Bool { isASCII && isNumber }
}
