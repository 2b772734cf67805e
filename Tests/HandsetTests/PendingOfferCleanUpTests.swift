import HandsetKit
import XCTest

final class PendingOfferCleanUpTests: XCTestCase {
    func testRun_whenTheGatewayOffersAPendingPayment_answersCancel_andCountsIt() async throws {
        let gateway = try await FakeGateway.start { request in
            request.fields["text"] == "" ? .init(body: "CON Inasubiri: tuma Ksh1 kwa JOHN KAMAU?\n1 Kubali\n2 Ghairi")
                : .init(body: "END Muamala umesitishwa.")
        }
        let result = await cleanUp(gateway).run(http: HTTPClient(host: "127.0.0.1", port: gateway.port))
        await gateway.stop()

        XCTAssertEqual(result.dials, 1)
        XCTAssertEqual(result.offersCancelled, 1)
        XCTAssertTrue(result.clean)
        XCTAssertEqual(gateway.ussdRequests.map { $0.fields["text"] ?? "?" }, ["", "2"])
        XCTAssertEqual(gateway.events.map { $0.fields["status"] ?? "?" }, ["Success"])
    }

    func testRun_whenTheMenuShows_leavesWithoutAnswering() async throws {
        let gateway = try await FakeGateway.start { _ in .init(body: PendingOfferGateway.menu) }
        let result = await cleanUp(gateway).run(http: HTTPClient(host: "127.0.0.1", port: gateway.port))
        await gateway.stop()

        XCTAssertEqual(result.dials, 1)
        XCTAssertEqual(result.offersCancelled, 0)
        XCTAssertTrue(result.clean)
        XCTAssertEqual(gateway.ussdRequests.count, 1, "nothing is chosen from the menu")
        XCTAssertEqual(gateway.events.map { $0.fields["status"] ?? "?" }, ["Incomplete"])
    }

    func testRun_whenTheOfferStaysAfterCancel_dialsOnceMore_thenReportsItUnclean() async throws {
        let gateway = try await FakeGateway.start { _ in .init(body: PendingOfferGateway.offer) }
        let result = await cleanUp(gateway).run(http: HTTPClient(host: "127.0.0.1", port: gateway.port))
        await gateway.stop()

        XCTAssertEqual(result.dials, 2)
        XCTAssertEqual(result.offersCancelled, 0)
        XCTAssertFalse(result.clean)
    }

    private func cleanUp(_ gateway: FakeGateway) -> PendingOfferCleanUp {
        PendingOfferCleanUp(gateway: gateway.address, line: SubscriberLine(msisdn: "254790000000"), code: "*334#")
    }
}
