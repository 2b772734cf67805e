import Foundation
import Logging
import Payments
import SMPP
import Services
import Synchronization
import XCTest

extension Logger {
    /// Test logger: silent unless NOTIFY_TEST_LOG is set.
    static var quiet: Logger {
        var logger = Logger(label: "notification-test")
        logger.logLevel = ProcessInfo.processInfo.environment["NOTIFY_TEST_LOG"] == nil ? .critical : .debug
        return logger
    }
}

enum Seed {
    static let transactionId = try! TransactionID(parsing: "TXN-20240902-001")
    static let payer = try! MSISDN(parsing: "254700123456")
    static let payee = "254711987654"
    static let completion = EventCoding.parseTimestamp("2024-09-02T14:30:03Z")!
    /// The seed's step 7 SMS, byte for byte.
    static let smsText = "Confirmed. Ksh5,000.00 sent to 254711987654 on 2/9/24 at 2:30 PM. New balance is Ksh19,985.00. Transaction cost Ksh15.00."

    /// The seed's step 6 confirmation, with the sender's new balance from step 3b.
    static func confirmation(
        id: TransactionID = transactionId, status: FinalStatus = .completed, type: TransactionType? = nil,
        to: String = payee, balance: Money? = 19985, reason: String? = nil, name: String? = nil, required: Bool = true
    ) -> PaymentConfirmation {
        PaymentConfirmation(
            transactionId: id, finalStatus: status, fromMsisdn: payer, toMsisdn: to, amount: 5000, fee: 15,
            completionTime: completion, confirmationRequired: required, transactionType: type,
            senderNewBalance: balance, recipientName: name, reason: reason)
    }

    /// A clock that starts at the seed's request time and keeps ticking, so timeouts still run.
    static func tickingClock() -> @Sendable () -> Date {
        let start = Date()
        let origin = EventCoding.parseTimestamp("2024-09-02T14:30:00Z")!
        return { origin.addingTimeInterval(Date().timeIntervalSince(start)) }
    }
}

enum Fixtures {
    /// The shipped `config/sms-texts.yaml` of the repository (found through the symlinked test folder).
    static var textsPath: String {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("config/sms-texts.yaml").path
    }

    static func texts() throws -> ConfirmationTexts { try ConfirmationTexts.load(path: textsPath) }

    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("notify-\(UUID().uuidString)-\(name)").path
    }
}

/// A clock a test moves by hand.
final class ManualClock: Sendable {
    private let current: Mutex<Date>
    init(_ start: Date) { current = Mutex(start) }
    var now: Date { current.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
    var function: @Sendable () -> Date { { self.now } }
}

/// Polls `condition` until it holds or `timeout` passes.
func eventually(timeout: Duration = .seconds(20), _ condition: @Sendable () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(50))
    }
    return try await condition()
}

/// Reads the SMSC simulator's recording; empty while the file does not exist yet.
func recorded(_ path: String) -> [RecordedMessage] {
    (try? RecordedMessage.readAll(path: path)) ?? []
}
