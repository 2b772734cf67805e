import Foundation
import Ledger
import Payments
import XCTest
@testable import USSDGateway

/// Helpers for the flow dialogue tests: each test class enrols its own subscribers, so no two classes share an
/// MSISDN, and reads back exactly the payment requests it expects.
extension GatewayFixture {
    /// The day test subscribers opened their accounts: 2024-09-01 09:00 UTC (12:00 in Nairobi), so the mini
    /// statement's first line is dated `01/09`.
    static let openingDay = Date(timeIntervalSince1970: 1_725_181_200)

    /// Registers a subscriber with a PIN, a language, a county (the payment request's `location`) and a
    /// funded account.
    func enrol(
        _ number: String, name: String, language: SubscriberLanguage, region: String, pin: String,
        balance: Int64 = 20_000
    ) throws {
        let msisdn = try MSISDN(parsing: number)
        try ledger.addSubscriber(
            msisdn: msisdn, name: name, language: language, openingBalance: Money(amount: balance), region: region,
            now: Self.openingDay)
        try ledger.setPIN(pin, for: msisdn)
    }

    /// Reads back the payment requests after checking the topic holds exactly `count`, so a missing event fails
    /// at once (instead of the read-back waiting for ever) and an extra one fails too.
    func readExactly(_ count: Int, file: StaticString = #filePath, line: UInt = #line) async throws -> [PaymentRequest] {
        let published = try publishedCount()
        XCTAssertEqual(published, Int64(count), "payment requests on the topic", file: file, line: line)
        guard published == Int64(count), count > 0 else { return [] }
        return try await readRequests(count).map(\.0)
    }
}

extension USSDClient {
    /// One whole session: the first hop (empty `text`), then one hop per input with every answer so far joined by
    /// `*`, as the aggregator sends them. Returns the screen of every hop, the first hop's first.
    func dial(_ inputs: [String], session: String, msisdn: String) async throws -> [String] {
        var screens = [try await hop("", session: session, phone: "+" + msisdn)]
        for count in inputs.indices {
            let text = inputs[...count].joined(separator: "*")
            screens.append(try await hop(text, session: session, phone: "+" + msisdn))
        }
        return screens
    }
}

/// Finds the one request of `type` among those read back (partitions do not keep their order between each other).
func request(
    _ type: TransactionType, to recipient: String, in requests: [PaymentRequest],
    file: StaticString = #filePath, line: UInt = #line
) throws -> PaymentRequest {
    let matching = requests.filter { $0.transactionType == type && $0.toMsisdn == recipient }
    XCTAssertEqual(matching.count, 1, "\(type) to \(recipient) in \(requests)", file: file, line: line)
    return try XCTUnwrap(matching.first, file: file, line: line)
}

/// Asserts that `screen` holds every one of `lines` (substrings), quoting the screen when one is missing.
func assertScreen(
    _ screen: String, startsWith prefix: String, contains lines: [String] = [],
    file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertTrue(screen.hasPrefix(prefix), "expected \"\(prefix)…\", got: \(screen)", file: file, line: line)
    for expected in lines {
        XCTAssertTrue(screen.contains(expected), "expected \"\(expected)\" in: \(screen)", file: file, line: line)
    }
}
