import Foundation
import Payments
import XCTest

final class DeadLetterEnvelopeTests: XCTestCase {
    func testPoison_withUTF8Payload_keepsItAsText() throws {
        let envelope = DeadLetterEnvelope.wrapping(
            kind: .poison, topic: "payment-requests", partition: 7, offset: 1234, key: Array("254700123456".utf8),
            payload: Array("{not json".utf8), error: "invalidJSON", attempts: 1, at: Seed.requestTime)
        let text = String(decoding: try EventCoding.encode(envelope, sortedKeys: true), as: UTF8.self)
        XCTAssertTrue(text.contains(#""kind":"POISON""#))
        XCTAssertTrue(text.contains(#""payload":"{not json""#))
        XCTAssertTrue(text.contains(#""payloadEncoding":"utf8""#))
        XCTAssertTrue(text.contains(#""offset":1234"#))
        XCTAssertFalse(text.contains("missingSystems"))
        XCTAssertEqual(envelope.eventId, "dlq:payment-requests:7:1234")
        let decoded = try EventCoding.decode(DeadLetterEnvelope.self, from: Data(text.utf8))
        XCTAssertEqual(decoded, envelope)
        XCTAssertEqual(decoded.keyBytes, Array("254700123456".utf8))
    }

    func testPoison_withBinaryPayload_keepsBytesAsBase64() throws {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x00, 0x41]
        let envelope = DeadLetterEnvelope.wrapping(
            kind: .poison, topic: "core-processing", partition: 0, offset: 9, key: nil, payload: bytes,
            error: "not UTF-8", attempts: 3, at: Seed.requestTime)
        XCTAssertEqual(envelope.payloadEncoding, .base64)
        let decoded = try EventCoding.decode(DeadLetterEnvelope.self, from: EventCoding.encode(envelope))
        XCTAssertEqual(decoded.payloadBytes, bytes)
        XCTAssertNil(decoded.keyBytes)
    }

    func testTimeout_namesMissingSystemsInStableOrder() throws {
        let envelope = DeadLetterEnvelope.timeout(
            transactionId: Seed.transactionId, missing: [.core, .fraud], at: Seed.completionTime, service: "orchestrator")
        let text = String(decoding: try EventCoding.encode(envelope, sortedKeys: true), as: UTF8.self)
        XCTAssertEqual(
            text,
            #"{"deadLetteredAt":"2024-09-02T14:30:03Z","error":"TIMEOUT","eventId":"TXN-20240902-001:dlq-timeout","kind":"TIMEOUT","missingSystems":["FRAUD","CORE"],"service":"orchestrator","transactionId":"TXN-20240902-001"}"#)
        XCTAssertEqual(try EventCoding.decode(DeadLetterEnvelope.self, from: Data(text.utf8)), envelope)
    }

    func testDecode_unknownKind_isKeptAsUnknown() throws {
        let json = #"{"kind":"MYSTERY","deadLetteredAt":"2024-09-02T14:30:03Z"}"#
        let envelope = try EventCoding.decode(DeadLetterEnvelope.self, from: Data(json.utf8))
        XCTAssertEqual(envelope.kind, .unknown("MYSTERY"))
        XCTAssertEqual(envelope.eventId, "dlq:mystery")
    }
}
