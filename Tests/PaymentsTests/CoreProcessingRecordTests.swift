import Foundation
import Payments
import XCTest

/// Every consumer of `core-processing` must tell results, completions and commands apart.
final class CoreProcessingRecordTests: XCTestCase {
    private func classify(_ json: String) throws(EventDecodingError) -> CoreProcessingRecord {
        try CoreProcessingRecord.decode(from: Data(json.utf8))
    }

    func testDecode_seedReservedEvent_isResult() throws {
        guard case let .result(result) = try classify(Seed.coreResult) else { return XCTFail("not a result") }
        XCTAssertEqual(result.coreStatus, .reserved)
    }

    func testDecode_failedEvent_isResult() throws {
        let json = #"{"transactionId":"TXN-20240902-001","coreStatus":"FAILED","reasonCode":"INSUFFICIENT_FUNDS"}"#
        guard case let .result(result) = try classify(json) else { return XCTFail("not a result") }
        XCTAssertEqual(result.reasonCode, ReasonCode.insufficientFunds)
    }

    func testDecode_seedCompletedEvent_isCompletion() throws {
        guard case let .completion(completion) = try classify(Seed.coreCompletion) else {
            return XCTFail("not a completion")
        }
        XCTAssertEqual(completion.transactionFee, 15)
    }

    func testDecode_executeAndReleaseCommands_areCommands() throws {
        for kind in [CoreCommandKind.execute, .release] {
            let command = CoreCommand(
                command: kind, transactionId: Seed.transactionId, reservationId: "RES-789123",
                issuedAt: Seed.completionTime)
            let record = try CoreProcessingRecord.decode(from: EventCoding.encode(command))
            XCTAssertEqual(record, .command(command))
            XCTAssertEqual(record.transactionId, Seed.transactionId)
        }
    }

    func testCommand_encodesCommandFieldAndNoCoreStatus() throws {
        let command = CoreCommand(command: .execute, transactionId: Seed.transactionId, issuedAt: Seed.completionTime)
        let text = String(decoding: try EventCoding.encode(command, sortedKeys: true), as: UTF8.self)
        XCTAssertEqual(
            text,
            #"{"command":"EXECUTE","eventId":"TXN-20240902-001:command-execute","issuedAt":"2024-09-02T14:30:03Z","transactionId":"TXN-20240902-001"}"#)
    }

    func testDecode_unknownCommand_isStillACommandWithUnknownKind() throws {
        let json = #"{"command":"REVERSE","transactionId":"TXN-20240902-001","issuedAt":"2024-09-02T14:30:03Z"}"#
        guard case let .command(command) = try classify(json) else { return XCTFail("not a command") }
        XCTAssertEqual(command.command, .unknown("REVERSE"))
    }

    func testDecode_objectWithNeitherField_isUnknown() throws {
        XCTAssertEqual(try classify(#"{"transactionId":"TXN-20240902-001","hello":1}"#), .unknown)
        XCTAssertNil(try classify("{}").eventId)
    }

    func testDecode_whenNotAnObject_throwsInvalidJSON() {
        XCTAssertThrowsError(try classify("[1,2]"))
        XCTAssertThrowsError(try classify("garbage")) {
            XCTAssertEqual(($0 as? EventDecodingError)?.kind, .invalidJSON)
        }
    }

    func testDecode_whenCompletionMalformed_namesTheField() {
        let json = Seed.coreCompletion.replacingOccurrences(of: "\"debitedAmount\": 5015,", with: "")
        XCTAssertThrowsError(try classify(json)) {
            XCTAssertEqual(($0 as? EventDecodingError)?.field, "debitedAmount")
        }
    }

    func testReleasedAcknowledgement_isAResultWithItsOwnEventId() throws {
        let json = #"{"transactionId":"TXN-20240902-001","coreStatus":"RELEASED","reservationId":"RES-1"}"#
        guard case let .result(result) = try classify(json) else { return XCTFail("not a result") }
        XCTAssertEqual(result.eventId, "TXN-20240902-001:core-release")
    }
}
