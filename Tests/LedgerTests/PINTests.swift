import Foundation
import Ledger
import Payments
import XCTest

/// PINs: verifiers only, three strikes lock for 15 minutes, replays count once.
final class PINTests: XCTestCase {
    private let now = Fixture.requestTime

    private func ledgerWithPIN(_ pin: String = "4827") throws -> LedgerDatabase {
        let ledger = try Fixture.seededLedger()
        try ledger.setPIN(pin, for: Fixture.john)
        return ledger
    }

    func testVerifyPIN_whenCorrect_accepts() throws {
        let ledger = try ledgerWithPIN()
        XCTAssertEqual(try ledger.verifyPIN("4827", for: Fixture.john, attemptID: "s1:3", now: now), .accepted)
        XCTAssertEqual(try ledger.subscriber(Fixture.john)?.hasPIN, true)
    }

    func testVerifyPIN_threeWrongPINs_lockForFifteenMinutes() throws {
        // Given John's PIN 4827
        let ledger = try ledgerWithPIN()
        // When he enters three wrong PINs
        XCTAssertEqual(try ledger.verifyPIN("1111", for: Fixture.john, attemptID: "a1", now: now), .rejected(attemptsLeft: 2))
        XCTAssertEqual(try ledger.verifyPIN("2222", for: Fixture.john, attemptID: "a2", now: now), .rejected(attemptsLeft: 1))
        let third = try ledger.verifyPIN("3333", for: Fixture.john, attemptID: "a3", now: now)
        // Then the third locks the account for 15 minutes, and even the right PIN is refused meanwhile
        let until = now.addingTimeInterval(15 * 60)
        XCTAssertEqual(third, .locked(until: until))
        XCTAssertEqual(
            try ledger.verifyPIN("4827", for: Fixture.john, attemptID: "a4", now: now.addingTimeInterval(14 * 60)),
            .locked(until: until))
        // And after the lock the right PIN works again
        XCTAssertEqual(
            try ledger.verifyPIN("4827", for: Fixture.john, attemptID: "a5", now: now.addingTimeInterval(15 * 60 + 1)),
            .accepted)
    }

    func testVerifyPIN_afterALockExpires_countsWrongPINsAfresh() throws {
        let ledger = try ledgerWithPIN()
        for n in 1...3 { _ = try ledger.verifyPIN("0000", for: Fixture.john, attemptID: "w\(n)", now: now) }
        let later = now.addingTimeInterval(16 * 60)
        XCTAssertEqual(try ledger.verifyPIN("0000", for: Fixture.john, attemptID: "w4", now: later), .rejected(attemptsLeft: 2))
    }

    func testVerifyPIN_correctPIN_resetsTheWrongCount() throws {
        let ledger = try ledgerWithPIN()
        _ = try ledger.verifyPIN("0000", for: Fixture.john, attemptID: "b1", now: now)
        _ = try ledger.verifyPIN("0000", for: Fixture.john, attemptID: "b2", now: now)
        XCTAssertEqual(try ledger.verifyPIN("4827", for: Fixture.john, attemptID: "b3", now: now), .accepted)
        XCTAssertEqual(try ledger.verifyPIN("0000", for: Fixture.john, attemptID: "b4", now: now), .rejected(attemptsLeft: 2))
    }

    func testVerifyPIN_whenAnAttemptIsReplayed_doesNotCountTwice() throws {
        // Given one wrong attempt
        let ledger = try ledgerWithPIN()
        XCTAssertEqual(try ledger.verifyPIN("0000", for: Fixture.john, attemptID: "hop-7", now: now), .rejected(attemptsLeft: 2))
        // When the same hop is delivered twice more
        XCTAssertEqual(try ledger.verifyPIN("0000", for: Fixture.john, attemptID: "hop-7", now: now), .rejected(attemptsLeft: 2))
        XCTAssertEqual(try ledger.verifyPIN("0000", for: Fixture.john, attemptID: "hop-7", now: now), .rejected(attemptsLeft: 2))
        // Then the next wrong attempt is only the second
        XCTAssertEqual(try ledger.verifyPIN("0000", for: Fixture.john, attemptID: "hop-8", now: now), .rejected(attemptsLeft: 1))
    }

    func testVerifyPIN_whenConfiguredThresholdAndDuration_usesThem() throws {
        var configuration = LedgerConfiguration()
        configuration.pinLockThreshold = 2
        configuration.pinLockDuration = 60
        let ledger = try Fixture.seededLedger(configuration: configuration)
        try ledger.setPIN("4827", for: Fixture.john)
        XCTAssertEqual(try ledger.verifyPIN("0000", for: Fixture.john, attemptID: "c1", now: now), .rejected(attemptsLeft: 1))
        XCTAssertEqual(try ledger.verifyPIN("0000", for: Fixture.john, attemptID: "c2", now: now), .locked(until: now.addingTimeInterval(60)))
    }

    func testVerifyPIN_whenAccountClosed_answersInactive() throws {
        let ledger = try ledgerWithPIN()
        try ledger.setStatus(.closed, of: Fixture.john)
        XCTAssertEqual(try ledger.verifyPIN("4827", for: Fixture.john, attemptID: "d1", now: now), .accountInactive)
    }

    func testSetPIN_whenNotFourDigits_throwsInvalidPIN() throws {
        let ledger = try Fixture.seededLedger()
        for pin in ["123", "12345", "12a4", "١٢٣٤", ""] {
            XCTAssertThrowsError(try ledger.setPIN(pin, for: Fixture.john)) { XCTAssertEqual($0 as? LedgerError, .invalidPIN) }
        }
        XCTAssertThrowsError(try ledger.setPIN("1234", for: Fixture.unregistered))
        XCTAssertThrowsError(try ledger.verifyPIN("1234", for: Fixture.mary, attemptID: "e1", now: now)) {
            XCTAssertEqual($0 as? LedgerError, .pinNotSet(Fixture.mary.value))
        }
    }

    func testVerifyPIN_concurrentWrongAttemptsFromTwoSessions_lockAtExactlyThree() throws {
        // Given John's PIN on a file ledger opened twice, like two gateway processes
        let (ledger, path) = try Fixture.fileLedger(self)
        try ledger.addSubscriber(msisdn: Fixture.john, name: "JOHN KAMAU", openingBalance: 100)
        try ledger.setPIN("4827", for: Fixture.john)
        let other = try LedgerDatabase.open(path: path.path, tokenizer: Fixture.tokenizer(), pinHasher: Fixture.hasher())
        let ledgers = [ledger, other]
        let answers = Answers()
        let now = self.now
        // When eight wrong attempts race from two connections
        DispatchQueue.concurrentPerform(iterations: 8) { n in
            let answer = try? ledgers[n % 2].verifyPIN("0000", for: Fixture.john, attemptID: "race-\(n)", now: now)
            answers.append(answer)
        }
        // Then exactly two were told "attempts left" (2 and 1) and every other one is locked
        let all = answers.values
        XCTAssertEqual(all.count, 8)
        let rejected = all.compactMap { if case let .rejected(left)? = $0 { left } else { nil } }.sorted()
        XCTAssertEqual(rejected, [1, 2])
        XCTAssertEqual(all.filter { if case .locked? = $0 { true } else { false } }.count, 6)
    }

    func testPIN_neverAppearsInTheDatabaseFiles() throws {
        // Given a PIN set and checked (right and wrong) on a file ledger
        let (ledger, path) = try Fixture.fileLedger(self)
        try ledger.addSubscriber(msisdn: Fixture.john, name: "JOHN KAMAU", openingBalance: 100)
        try ledger.setPIN("4827", for: Fixture.john)
        _ = try ledger.verifyPIN("4827", for: Fixture.john, attemptID: "f1", now: now)
        _ = try ledger.verifyPIN("9153", for: Fixture.john, attemptID: "f2", now: now)
        // When the database, WAL and shared-memory files are read byte by byte
        var bytes = Data()
        for suffix in ["", "-wal", "-shm"] {
            if let data = FileManager.default.contents(atPath: path.path + suffix) { bytes.append(data) }
        }
        XCTAssertGreaterThan(bytes.count, 0)
        // Then neither PIN is there, while the MSISDN (control) is
        XCTAssertNotNil(bytes.range(of: Data("254700123456".utf8)), "control: the search sees plain text")
        XCTAssertNil(bytes.range(of: Data("4827".utf8)))
        XCTAssertNil(bytes.range(of: Data("9153".utf8)))
    }
}

/// A lock-protected list for results gathered from concurrent work.
final class Answers: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [PINVerification?] = []
    func append(_ value: PINVerification?) { lock.withLock { stored.append(value) } }
    var values: [PINVerification?] { lock.withLock { stored } }
}
