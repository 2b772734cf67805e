import Foundation
import Payments
import XCTest

/// Every event of the seed decodes from the seed's literal JSON and encodes back to the same fields.
final class SeedEventRoundTripTests: XCTestCase {
    func testPaymentRequest_seedStep1_roundTripsWithSeedFields() throws {
        let request = try assertSeedRoundTrip(PaymentRequest.self, Seed.paymentRequest)
        XCTAssertEqual(request.transactionId.value, "TXN-20240902-001")
        XCTAssertEqual(request.timestamp, Seed.requestTime)
        XCTAssertEqual(request.fromMsisdn.value, "254700123456")
        XCTAssertEqual(request.recipientMSISDN?.value, "254711987654")
        XCTAssertEqual(request.amount, Money(amount: 5000, currency: "KES"))
        XCTAssertEqual(request.transactionType, .p2pTransfer)
        XCTAssertEqual(request.deviceId, "IMEI-123456789")
        XCTAssertEqual(request.eventId, "TXN-20240902-001:request")
    }

    func testFraudResult_seedStep3a_roundTripsWithSeedFields() throws {
        let result = try assertSeedRoundTrip(FraudResult.self, Seed.fraudResult)
        XCTAssertEqual(result.fraudScore, 0.23)
        XCTAssertEqual(result.decision, .approved)
        XCTAssertEqual(result.riskFactors, ["NEW_DEVICE", "UNUSUAL_TIME"])
        XCTAssertEqual(result.processingTime, 67)
        XCTAssertEqual(result.eventId, "TXN-20240902-001:fraud")
    }

    func testRevenueResult_seedStep3b_roundTripsWithSeedFields() throws {
        let result = try assertSeedRoundTrip(RevenueResult.self, Seed.revenueResult)
        XCTAssertEqual(result.remainingBalance, 19_985)
        XCTAssertEqual(result.calculatedFee, 15)
        XCTAssertNil(result.reasonCode)
        XCTAssertEqual(result.eventId, "TXN-20240902-001:revenue")
    }

    func testCoreResult_seedStep3c_roundTripsWithSeedFields() throws {
        let result = try assertSeedRoundTrip(CoreResult.self, Seed.coreResult)
        XCTAssertEqual(result.coreStatus, .reserved)
        XCTAssertEqual(result.reservationId, "RES-789123")
        XCTAssertEqual(result.processingTime, 156)
        XCTAssertEqual(result.eventId, "TXN-20240902-001:core-reserve")
    }

    func testCoreCompletion_seedStep5_roundTripsWithSeedFields() throws {
        let completion = try assertSeedRoundTrip(CoreCompletion.self, Seed.coreCompletion)
        XCTAssertEqual(completion.debitedAmount, 5015)
        XCTAssertEqual(completion.creditedAmount, 5000)
        XCTAssertEqual(completion.completionTime, Seed.completionTime)
        XCTAssertNil(completion.senderNewBalance)
        XCTAssertEqual(completion.eventId, "TXN-20240902-001:core-execute")
    }

    func testPaymentConfirmation_seedStep6_roundTripsWithSeedFields() throws {
        let confirmation = try assertSeedRoundTrip(PaymentConfirmation.self, Seed.confirmation)
        XCTAssertEqual(confirmation.finalStatus, .completed)
        XCTAssertTrue(confirmation.confirmationRequired)
        XCTAssertEqual(confirmation.fee, 15)
        XCTAssertEqual(confirmation.eventId, "TXN-20240902-001:confirmation")
    }

    func testAuditEvents_seedStep8_roundTripWithSeedFieldsAndDistinctKeys() throws {
        let debit = try assertSeedRoundTrip(AuditEvent.self, Seed.auditDebited)
        let credit = try assertSeedRoundTrip(AuditEvent.self, Seed.auditCredited)
        XCTAssertEqual(debit.previousBalance, 25_000)
        XCTAssertEqual(debit.newBalance, 19_985)
        XCTAssertEqual(credit.previousBalance, 8_500)
        XCTAssertEqual(credit.newBalance, 13_500)
        XCTAssertEqual(debit.eventId, "TXN-20240902-001:debit:254700123456")
        XCTAssertEqual(credit.eventId, "TXN-20240902-001:credit:254711987654")
    }

    func testEncode_whenEventIdPresentOnInput_keepsIt() throws {
        let json = Seed.fraudResult.replacingOccurrences(
            of: "\"fraudScore\"", with: "\"eventId\": \"custom-id\",\n  \"fraudScore\"")
        let result = try EventCoding.decode(FraudResult.self, from: Data(json.utf8))
        XCTAssertEqual(result.eventId, "custom-id")
    }

    func testPaymentRequest_builtInCode_encodesExactlyTheSeedFields() throws {
        let request = PaymentRequest(
            transactionId: Seed.transactionId, timestamp: Seed.requestTime,
            fromMsisdn: try MSISDN(parsing: "0700123456"), toMsisdn: "254711987654", amount: 5000,
            transactionType: .p2pTransfer, initiationChannel: "USSD", deviceId: "IMEI-123456789",
            location: "NAIROBI")
        let encoded = try JSONSerialization.jsonObject(with: EventCoding.encode(request)) as? NSDictionary
        var seed = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(Seed.paymentRequest.utf8)) as? [String: Any])
        seed["eventId"] = "TXN-20240902-001:request"
        XCTAssertEqual(encoded, seed as NSDictionary)
    }

    func testPaymentRequest_paybillWithAccountReference_roundTrips() throws {
        let request = PaymentRequest(
            transactionId: Seed.transactionId, timestamp: Seed.requestTime,
            fromMsisdn: try MSISDN(parsing: "254700123456"), toMsisdn: "888880", amount: 1200,
            transactionType: .paybill, initiationChannel: "USSD", accountReference: "ACC-42")
        let decoded = try EventCoding.decode(PaymentRequest.self, from: EventCoding.encode(request))
        XCTAssertEqual(decoded, request)
        XCTAssertNil(decoded.recipientMSISDN)
        XCTAssertNil(decoded.deviceId)
    }
}
