import HandsetKit
import XCTest

final class USSDSessionClientTests: XCTestCase {
    func testHops_sendTheAggregatorsFields_withTextJoiningEveryInputByStar() async throws {
        let gateway = try await FakeGateway.start { _ in .init(body: "CON Next") }
        let session = client(gateway)
        _ = await session.dial("*334#")
        _ = await session.send("1")
        _ = await session.send("0711987654")
        await session.abandon()
        await gateway.stop()

        let hops = gateway.ussdRequests
        XCTAssertEqual(hops.map { $0.fields["text"] }, ["", "1", "1*0711987654"])
        XCTAssertEqual(Set(hops.map { $0.fields["sessionId"] }).count, 1, "one sessionId for the whole session")
        XCTAssertEqual(hops.first?.fields["phoneNumber"], "+254700123456", "the + survives form encoding")
        XCTAssertEqual(hops.first?.fields["serviceCode"], "*334#")
        XCTAssertEqual(hops.first?.fields["networkCode"], "63902")
    }

    func testEnd_postsASuccessNotification_withThePINMasked() async throws {
        let gateway = try await FakeGateway.start { request in
            switch request.fields["text"] {
            case "": .init(body: "CON Enter M-PESA PIN")
            default: .init(body: "END Request received.")
            }
        }
        let session = client(gateway)
        _ = await session.dial("*334#")
        let outcome = await session.send("1234")
        await gateway.stop()

        XCTAssertEqual(outcome.screen?.isFinal, true)
        let event = try XCTUnwrap(gateway.events.first)
        XCTAssertEqual(event.fields["status"], "Success")
        XCTAssertEqual(event.fields["hopsCount"], "2")
        XCTAssertEqual(event.fields["input"], "****")
        XCTAssertNotNil(event.fields["durationInMillis"].flatMap(Int.init))
        XCTAssertEqual(gateway.ussdRequests.last?.fields["text"], "1234", "the gateway itself gets the PIN")
    }

    func testAbandon_postsAnIncompleteNotification() async throws {
        let gateway = try await FakeGateway.start { _ in .init(body: "CON M-PESA\n1 Send Money") }
        let session = client(gateway)
        _ = await session.dial("*334#")
        _ = await session.send("1")
        await session.abandon()
        await gateway.stop()

        XCTAssertEqual(gateway.events.map { $0.fields["status"] }, ["Incomplete"])
        XCTAssertEqual(gateway.events.first?.fields["input"], "1")
    }

    func testSlowAnswer_isABreach_andTheSessionEndsFailed() async throws {
        let gateway = try await FakeGateway.start { _ in .init(body: "CON Too late", delay: .milliseconds(600)) }
        let session = client(gateway, answerLimit: .milliseconds(150))
        let outcome = await session.dial("*334#")
        await gateway.stop()

        XCTAssertEqual(outcome, .breach(.slowAnswer(limitMillis: 150)))
        let open = await session.isOpen
        XCTAssertFalse(open)
        XCTAssertEqual(gateway.events.first?.fields["status"], "Failed")
    }

    func testMissingPrefix_endsTheSessionFailed_withTheReasonInErrorMessage() async throws {
        let gateway = try await FakeGateway.start { _ in .init(body: "Welcome") }
        let session = client(gateway)
        let outcome = await session.dial("*334#")
        await gateway.stop()

        XCTAssertEqual(outcome, .breach(.missingPrefix(body: "Welcome")))
        XCTAssertEqual(gateway.events.first?.fields["status"], "Failed")
        XCTAssertTrue(gateway.events.first?.fields["errorMessage"]?.contains("neither CON nor END") ?? false)
    }

    private func client(_ gateway: FakeGateway, answerLimit: Duration = .seconds(5)) -> USSDSessionClient {
        USSDSessionClient(
            gateway: gateway.address, line: SubscriberLine(msisdn: "254700123456"),
            http: HTTPClient(host: "127.0.0.1", port: gateway.port), rules: AggregatorRules(answerLimit: answerLimit))
    }
}
