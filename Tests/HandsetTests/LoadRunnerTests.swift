import HandsetKit
import XCTest

final class LoadRunnerTests: XCTestCase {
    private let script = DialogueScript(name: "two hops", steps: [
        ScriptStep(.dial("*334#"), line: 1), ScriptStep(.send("{peer}"), line: 2), ScriptStep(.expectEnd(.substring("done")), line: 3),
    ])

    func testRun_givesEachHandsetItsOwnNumber_andItsNeighbourAsPeer() async throws {
        let gateway = try await FakeGateway.start { request in
            request.fields["text"] == "" ? .init(body: "CON Enter phone no.") : .init(body: "END done")
        }
        var configuration = LoadConfiguration(gateway: gateway.address, smsc: nil, handsets: 3, duration: .milliseconds(300))
        configuration.msisdnBase = 254_790_000_000
        let report = await LoadRunner(configuration: configuration).run(script)
        await gateway.stop()

        XCTAssertGreaterThan(report.completed, 2)
        XCTAssertEqual(report.failed, 0, report.text)
        let callers = Set(gateway.ussdRequests.compactMap { $0.fields["phoneNumber"] })
        XCTAssertEqual(callers, ["+254790000000", "+254790000001", "+254790000002"])
        let pairs = Set(gateway.ussdRequests.filter { $0.fields["text"] != "" }.compactMap { r in
            r.fields["phoneNumber"].map { "\($0)->\(r.fields["text"] ?? "")" }
        })
        XCTAssertTrue(pairs.contains("+254790000002->254790000000"), "the last handset pays the first: \(pairs)")
    }

    func testRun_countsDialoguesWithSeededFaultsApart() async throws {
        let gateway = try await FakeGateway.start { request in
            request.fields["text"] == "" ? .init(body: "CON Enter phone no.") : .init(body: "END done")
        }
        var configuration = LoadConfiguration(gateway: gateway.address, smsc: nil, handsets: 2, duration: .milliseconds(300))
        configuration.faults = LoadFaults(abandon: 1)
        let report = await LoadRunner(configuration: configuration).run(script)
        await gateway.stop()

        XCTAssertGreaterThan(report.faulted, 0)
        XCTAssertEqual(report.completed, 0, "every dialogue was abandoned")
        XCTAssertEqual(report.failed, 0, "faulted dialogues are not failures")
        XCTAssertTrue(gateway.events.allSatisfy { $0.fields["status"] == "Incomplete" })
    }

    func testRun_whenDialoguesAreInFlightAtTheEnd_playsThemOut_andCountsEachOnceByItsOutcome() async throws {
        // Each hop takes 200 ms, so every handset's first dialogue is still running when the 100 ms end.
        let gateway = try await FakeGateway.start { request in
            request.fields["text"] == "" ? .init(body: "CON Enter phone no.", delay: .milliseconds(200))
                : .init(body: "END done", delay: .milliseconds(200))
        }
        let configuration = LoadConfiguration(gateway: gateway.address, smsc: nil, handsets: 3, duration: .milliseconds(100))
        let report = await LoadRunner(configuration: configuration).run(script)
        await gateway.stop()

        XCTAssertEqual(report.started, 3, "no handset starts a dialogue after the end")
        XCTAssertEqual(report.completed, 3, report.text)
        XCTAssertEqual(report.failed, 0, report.text)
        XCTAssertEqual(report.overran, 3)
        XCTAssertEqual(report.unaccounted, 0)
        XCTAssertGreaterThanOrEqual(report.elapsed, .milliseconds(400), "the run waited for the dialogues in flight")
        XCTAssertTrue(report.text.contains("in flight when the duration ended: 3"), report.text)
    }

    func testRun_whenDialoguesInFlightAtTheEndFail_countsThemAtTheStepThatFailed() async throws {
        let gateway = try await FakeGateway.start { request in
            request.fields["text"] == "" ? .init(body: "CON Enter phone no.", delay: .milliseconds(200))
                : .init(body: "END refused", delay: .milliseconds(200))
        }
        let configuration = LoadConfiguration(gateway: gateway.address, smsc: nil, handsets: 2, duration: .milliseconds(100))
        let report = await LoadRunner(configuration: configuration).run(script)
        await gateway.stop()

        XCTAssertEqual(report.started, 2)
        XCTAssertEqual(report.failures, ["expect-end screen containing \"done\"": 2], report.text)
        XCTAssertEqual(report.overranFailed, 2)
        XCTAssertEqual(report.unaccounted, 0)
    }

    /// Dial, choose Send Money, confirm: a session left at the confirm screen leaves a Pending offer.
    private let confirmScript = DialogueScript(name: "send and confirm", steps: [
        ScriptStep(.dial("*334#"), line: 1), ScriptStep(.expect(.substring("1 Send Money")), line: 2),
        ScriptStep(.send("1"), line: 3), ScriptStep(.expect(.substring("Send Ksh1 to")), line: 4),
        ScriptStep(.send("1"), line: 5), ScriptStep(.expectEnd(.substring("Request received")), line: 6),
    ])

    func testRun_withAbandonFaults_cancelsTheOffersTheyLeave_soFaultFreeDialoguesAllComplete() async throws {
        let fake = PendingOfferGateway()
        let gateway = try await FakeGateway.start(answer: fake.answer)
        var configuration = LoadConfiguration(gateway: gateway.address, smsc: nil, handsets: 2, duration: .milliseconds(800))
        configuration.faults = LoadFaults(abandon: 0.5)
        configuration.pauseAfterFailure = .milliseconds(10)
        let report = await LoadRunner(configuration: configuration).run(confirmScript)
        await gateway.stop()

        XCTAssertGreaterThan(report.faulted, 0, report.text)
        XCTAssertGreaterThan(report.completed, 0, report.text)
        XCTAssertEqual(report.failed, 0, "no fault-free dialogue met a Pending offer: \(report.text)")
        XCTAssertGreaterThan(report.cleanUp.offersCancelled, 0, report.text)
        XCTAssertEqual(report.cleanUp.offersCancelled, fake.offersShown, "every offer shown was a clean-up's, and was cancelled")
        XCTAssertEqual(report.cleanUp.dials, report.faulted, "one clean-up dial per faulted dialogue")
        XCTAssertEqual(report.unaccounted, 0, "clean-up dials are not dialogues")
        XCTAssertTrue(report.text.contains("clean-up dials (not counted as dialogues): \(report.cleanUp.dials)"), report.text)
    }

    func testRun_whenEveryDialogueFailsAtOnce_pausesBeforeEachNextDial() async throws {
        let gateway = try await FakeGateway.start { _ in .init(body: "END Sorry, the service is not available right now.") }
        var configuration = LoadConfiguration(gateway: gateway.address, smsc: nil, handsets: 1, duration: .milliseconds(500))
        configuration.pauseAfterFailure = .milliseconds(200)
        let report = await LoadRunner(configuration: configuration).run(confirmScript)
        await gateway.stop()

        // Without the pause the one handset would fail hundreds of dialogues in 500 ms.
        XCTAssertLessThanOrEqual(report.started, 3, report.text)
        XCTAssertEqual(report.failed, report.started)
        XCTAssertEqual(report.cleanUp.dials, report.started, "each failed dialogue is followed by one clean-up dial")
        XCTAssertEqual(gateway.ussdRequests.count, 2 * report.started)
    }
}
