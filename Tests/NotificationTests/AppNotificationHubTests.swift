import Foundation
import Payments
import Services
import XCTest

final class AppNotificationHubTests: XCTestCase {
    func testPublish_reachesPayerAndPayeeWithTheConfirmationJSON() async throws {
        let hub = AppNotificationHub()
        let payer = await hub.subscribe(msisdn: Seed.payer)
        let payee = await hub.subscribe(msisdn: try MSISDN(parsing: Seed.payee))
        await hub.publish(Seed.confirmation())
        var payerIterator = payer.makeAsyncIterator()
        var payeeIterator = payee.makeAsyncIterator()
        let toPayer = await payerIterator.next()
        let toPayee = await payeeIterator.next()
        XCTAssertEqual(toPayer?.eventId, "TXN-20240902-001:confirmation")
        XCTAssertEqual(toPayee?.transactionId, "TXN-20240902-001")
        let decoded = try EventCoding.decode(PaymentConfirmation.self, from: Data((toPayer?.json ?? "").utf8))
        XCTAssertEqual(decoded, Seed.confirmation())
    }

    func testPublish_doesNotReachOtherSubscribers() async throws {
        let hub = AppNotificationHub()
        let other = await hub.subscribe(msisdn: try MSISDN(parsing: "254722000111"))
        await hub.publish(Seed.confirmation())
        await hub.publish(AppNotification(eventId: "e", transactionId: "t", json: "{}"), to: "254722000111")
        var iterator = other.makeAsyncIterator()
        let first = await iterator.next()
        XCTAssertEqual(first?.eventId, "e", "the seed's confirmation was not for this number")
    }

    func testSubscription_whenConsumerGoesAway_isDropped() async throws {
        let hub = AppNotificationHub()
        let task = Task {
            let stream = await hub.subscribe(msisdn: Seed.payer)
            for await _ in stream {}
        }
        let subscribed = await eventually { await hub.subscriberCount == 1 }
        XCTAssertTrue(subscribed)
        task.cancel()
        let dropped = await eventually { await hub.subscriberCount == 0 }
        XCTAssertTrue(dropped)
    }
}
