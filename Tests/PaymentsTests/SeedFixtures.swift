import Foundation
import Payments
import XCTest

/// The seed's literal JSON events (shared/seed/mpesa-kafka-architecture.md), byte for byte: the contract.
enum Seed {
    static let paymentRequest = """
    {
      "transactionId": "TXN-20240902-001",
      "timestamp": "2024-09-02T14:30:00Z",
      "fromMsisdn": "254700123456",
      "toMsisdn": "254711987654",
      "amount": 5000,
      "currency": "KES",
      "transactionType": "P2P_TRANSFER",
      "initiationChannel": "USSD",
      "deviceId": "IMEI-123456789",
      "location": "NAIROBI"
    }
    """

    static let fraudResult = """
    {
      "transactionId": "TXN-20240902-001",
      "fraudScore": 0.23,
      "decision": "APPROVED",
      "riskFactors": ["NEW_DEVICE", "UNUSUAL_TIME"],
      "processingTime": 67,
      "fraudSystemId": "FMS-001"
    }
    """

    static let revenueResult = """
    {
      "transactionId": "TXN-20240902-001",
      "accountBalance": 25000,
      "dailyLimit": 70000,
      "dailyUsed": 12000,
      "decision": "APPROVED",
      "calculatedFee": 15,
      "remainingBalance": 19985
    }
    """

    static let coreResult = """
    {
      "transactionId": "TXN-20240902-001",
      "coreStatus": "RESERVED",
      "reservationId": "RES-789123",
      "coreTransactionId": "CORE-789123",
      "processingTime": 156
    }
    """

    static let coreCompletion = """
    {
      "transactionId": "TXN-20240902-001",
      "coreStatus": "COMPLETED",
      "debitAccount": "254700123456",
      "creditAccount": "254711987654",
      "debitedAmount": 5015,
      "creditedAmount": 5000,
      "transactionFee": 15,
      "completionTime": "2024-09-02T14:30:03Z"
    }
    """

    static let confirmation = """
    {
      "transactionId": "TXN-20240902-001",
      "finalStatus": "COMPLETED",
      "fromMsisdn": "254700123456",
      "toMsisdn": "254711987654",
      "amount": 5000,
      "fee": 15,
      "completionTime": "2024-09-02T14:30:03Z",
      "confirmationRequired": true
    }
    """

    static let auditDebited = """
    {
      "transactionId": "TXN-20240902-001",
      "eventType": "BALANCE_DEBITED",
      "msisdn": "254700123456",
      "previousBalance": 25000,
      "newBalance": 19985,
      "timestamp": "2024-09-02T14:30:03Z"
    }
    """

    static let auditCredited = """
    {
      "transactionId": "TXN-20240902-001",
      "eventType": "BALANCE_CREDITED",
      "msisdn": "254711987654",
      "previousBalance": 8500,
      "newBalance": 13500,
      "timestamp": "2024-09-02T14:30:03Z"
    }
    """

    static let transactionId = try! TransactionID(parsing: "TXN-20240902-001")

    /// 2024-09-02T14:30:00Z
    static let requestTime = Date(timeIntervalSince1970: 1_725_287_400)
    /// 2024-09-02T14:30:03Z
    static let completionTime = Date(timeIntervalSince1970: 1_725_287_403)
}

/// Decodes the seed's `json` as `T`, re-encodes it, and checks that every seed field comes back with the
/// same name and value (integers as integers), and that the only other fields are `extras`.
@discardableResult
func assertSeedRoundTrip<T: Codable>(
    _ type: T.Type, _ json: String, extras: Set<String> = ["eventId"],
    file: StaticString = #filePath, line: UInt = #line
) throws -> T {
    let value = try EventCoding.decode(T.self, from: Data(json.utf8))
    let encoded = try EventCoding.encode(value, sortedKeys: true)
    let text = String(decoding: encoded, as: UTF8.self)
    let seed = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let output = try XCTUnwrap(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
    for (key, seedValue) in seed {
        XCTAssertEqual(output[key] as? NSObject, seedValue as? NSObject, "field \(key)", file: file, line: line)
    }
    XCTAssertEqual(Set(output.keys).subtracting(seed.keys), extras, "extra fields", file: file, line: line)
    // Numbers keep their exact text (5000 never becomes 5000.0), strings and booleans too.
    let literal = try NSRegularExpression(pattern: #""(\w+)": ((\d+(\.\d+)?)|("[^"]*")|true|false)(?=[,\n}])"#)
    let range = NSRange(json.startIndex..., in: json)
    let matches = literal.matches(in: json, range: range)
    XCTAssertGreaterThanOrEqual(matches.count, seed.count - 1, "scalar fields checked", file: file, line: line)
    for match in matches {
        let key = String(json[Range(match.range(at: 1), in: json)!])
        let raw = String(json[Range(match.range(at: 2), in: json)!])
        XCTAssertTrue(text.contains("\"\(key)\":\(raw)"), "\(key) should encode as \(raw) in \(text)",
                      file: file, line: line)
    }
    return value
}
