import Foundation
import Payments
import XCTest

/// Bad records fail with an error that names the field; unknown enum values survive decoding.
final class EventDecodingTests: XCTestCase {
    private func decodeRequest(replacing old: String, with new: String) throws(EventDecodingError) -> PaymentRequest {
        let json = Seed.paymentRequest.replacingOccurrences(of: old, with: new)
        return try EventCoding.decode(PaymentRequest.self, from: Data(json.utf8))
    }

    private func expectError(
        _ body: () throws -> Void, kind: EventDecodingError.Kind, field: String?,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        do {
            try body()
            XCTFail("expected \(kind) in \(field ?? "record")", file: file, line: line)
        } catch let error as EventDecodingError {
            XCTAssertEqual(error.kind, kind, "\(error)", file: file, line: line)
            XCTAssertEqual(error.field, field, "\(error)", file: file, line: line)
        } catch {
            XCTFail("unexpected \(error)", file: file, line: line)
        }
    }

    func testDecode_whenFieldMissing_namesTheField() {
        expectError({ _ = try decodeRequest(replacing: "\"fromMsisdn\"", with: "\"sender\"") },
                    kind: .missingField, field: "fromMsisdn")
    }

    func testDecode_whenAmountIsAString_reportsWrongType() {
        expectError({ _ = try decodeRequest(replacing: "5000", with: "\"5000\"") }, kind: .wrongType, field: "amount")
    }

    func testDecode_whenAmountIsFractional_reportsAmount() {
        do {
            _ = try decodeRequest(replacing: "5000", with: "5000.5")
            XCTFail("a fractional amount must not decode")
        } catch {
            XCTAssertEqual(error.field, "amount", "\(error)")
        }
    }

    func testDecode_whenMsisdnInvalid_reportsInvalidValueInThatField() {
        expectError({ _ = try decodeRequest(replacing: "254700123456", with: "255700123456") },
                    kind: .invalidValue, field: "fromMsisdn")
    }

    func testDecode_whenTransactionIdMalformed_reportsInvalidValue() {
        expectError({ _ = try decodeRequest(replacing: "TXN-20240902-001", with: "TX-1") },
                    kind: .invalidValue, field: "transactionId")
    }

    func testDecode_whenTimestampNotISO8601_reportsInvalidValue() {
        expectError({ _ = try decodeRequest(replacing: "2024-09-02T14:30:00Z", with: "yesterday") },
                    kind: .invalidValue, field: "timestamp")
    }

    func testDecode_whenNotJSON_reportsInvalidJSONWithoutField() {
        expectError({ _ = try EventCoding.decode(PaymentRequest.self, from: Data("{not json".utf8)) },
                    kind: .invalidJSON, field: nil)
    }

    func testDecode_whenTransactionTypeUnknown_keepsItAsUnknown() throws {
        let request = try decodeRequest(replacing: "P2P_TRANSFER", with: "LOAN_REPAYMENT")
        XCTAssertEqual(request.transactionType, .unknown("LOAN_REPAYMENT"))
        XCTAssertFalse(request.transactionType.isKnown)
        let reencoded = String(decoding: try EventCoding.encode(request), as: UTF8.self)
        XCTAssertTrue(reencoded.contains("\"transactionType\":\"LOAN_REPAYMENT\""))
    }

    func testDecode_whenDecisionsAndStatusesUnknown_keepsThemAsUnknown() throws {
        let fraud = try EventCoding.decode(
            FraudResult.self, from: Data(Seed.fraudResult.replacingOccurrences(of: "APPROVED", with: "REVIEW").utf8))
        XCTAssertEqual(fraud.decision, .unknown("REVIEW"))
        let revenue = try EventCoding.decode(
            RevenueResult.self, from: Data(Seed.revenueResult.replacingOccurrences(of: "APPROVED", with: "MAYBE").utf8))
        XCTAssertEqual(revenue.decision, .unknown("MAYBE"))
        let core = try EventCoding.decode(
            CoreResult.self, from: Data(Seed.coreResult.replacingOccurrences(of: "RESERVED", with: "PENDING").utf8))
        XCTAssertEqual(core.coreStatus, .unknown("PENDING"))
        let confirmation = try EventCoding.decode(
            PaymentConfirmation.self,
            from: Data(Seed.confirmation.replacingOccurrences(of: "\"COMPLETED\"", with: "\"REVERSED\"").utf8))
        XCTAssertEqual(confirmation.finalStatus, .unknown("REVERSED"))
    }

    func testOpenEnums_knownRawValues_mapToNamedCases() {
        XCTAssertEqual(TransactionType(rawValue: "BUY_GOODS"), .buyGoods)
        XCTAssertEqual(TransactionType.knownCases.map(\.rawValue),
                       ["P2P_TRANSFER", "AGENT_WITHDRAWAL", "AIRTIME_PURCHASE", "PAYBILL", "BUY_GOODS"])
        XCTAssertEqual(AuditEventType(rawValue: "SMS_DELIVERED"), .smsDelivered)
        XCTAssertEqual(AuditEventType.knownCases.count, 13)
        XCTAssertEqual(CoreCommandKind(rawValue: "RELEASE"), .release)
        XCTAssertEqual(DeadLetterKind(rawValue: "TIMEOUT"), .timeout)
        XCTAssertEqual(FraudDecision.unknown("APPROVED"), .approved)
        XCTAssertEqual(Set<ValidationSystem>([.unknown("CORE"), .core]).count, 1)
    }

    func testTimestamps_withFractionalSecondsOrOffset_decode() throws {
        XCTAssertEqual(EventCoding.parseTimestamp("2024-09-02T14:30:00.000Z"), Seed.requestTime)
        XCTAssertEqual(EventCoding.parseTimestamp("2024-09-02T17:30:00+03:00"), Seed.requestTime)
        XCTAssertNil(EventCoding.parseTimestamp("2024-09-02 14:30"))
    }

    func testTimestamps_encodeInUTCWithoutFractionalSeconds() {
        XCTAssertEqual(EventCoding.formatTimestamp(Seed.requestTime.addingTimeInterval(0.75)), "2024-09-02T14:30:00Z")
        XCTAssertEqual(EventCoding.formatTimestamp(Date(timeIntervalSince1970: 0)), "1970-01-01T00:00:00Z")
        XCTAssertEqual(EventCoding.formatTimestamp(Date(timeIntervalSince1970: 951_782_400)), "2000-02-29T00:00:00Z")
        XCTAssertEqual(EventCoding.formatTimestamp(Date(timeIntervalSince1970: -1)), "1969-12-31T23:59:59Z")
    }
}
