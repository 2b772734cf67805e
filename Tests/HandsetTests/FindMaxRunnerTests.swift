import HandsetKit
import XCTest

/// Open-loop steps against a fake gateway (no SMSC: the script ends at its END screen, so latency
/// runs from the scheduled start to the dialogue's end).
final class FindMaxRunnerTests: XCTestCase {
    private let script = DialogueScript(name: "two hops", steps: [
        ScriptStep(.dial("*334#"), line: 1), ScriptStep(.send("{peer}"), line: 2), ScriptStep(.expectEnd(.substring("done")), line: 3),
    ])

    private func configuration(_ gateway: FakeGateway, handsets: Int) -> LoadConfiguration {
        LoadConfiguration(gateway: gateway.address, smsc: nil, handsets: handsets, duration: .zero)
    }

    private static func answer(after delay: Duration) -> @Sendable (FakeGateway.Request) -> FakeGateway.Answer {
        { request in
            request.fields["text"] == "" ? .init(body: "CON Enter phone no.", delay: delay) : .init(body: "END done", delay: delay)
        }
    }

    func testRun_againstAFastGateway_growsStepByStepUpToMaxRate_countingEveryDialogue() async throws {
        let gateway = try await FakeGateway.start(answer: Self.answer(after: .zero))
        let settings = FindMaxSettings(startRate: 20, stepDuration: .milliseconds(300), growth: .factor(2), maxRate: 40)
        let report = await FindMaxRunner(configuration: configuration(gateway, handsets: 4), settings: settings).run(script)
        await gateway.stop()

        XCTAssertEqual(report.search.steps.map(\.result.offeredRate), [20, 40])
        XCTAssertEqual(report.search.steps.map(\.result.scheduled), [6, 12])
        for step in report.search.steps {
            XCTAssertEqual(step.verdict, .holds, FindMaxReport.line(number: 0, step: step))
            XCTAssertEqual(step.result.accounted, step.result.scheduled)
        }
        XCTAssertTrue(report.search.reachedMaxRate)
        XCTAssertEqual(gateway.ussdRequests.count, 2 * 18, "two hops per dialogue")
    }

    func testStep_whenThePoolIsBusy_measuresFromTheScheduledStart_notFromTheDial() async throws {
        // One handset, ~100 ms a dialogue, ten dialogues due within 225 ms: they queue for the handset.
        let gateway = try await FakeGateway.start(answer: Self.answer(after: .milliseconds(50)))
        let settings = FindMaxSettings(startRate: 40, stepDuration: .milliseconds(250), maxRate: 40, targetP95: .seconds(10))
        let report = await FindMaxRunner(configuration: configuration(gateway, handsets: 1), settings: settings).run(script)
        await gateway.stop()

        let result = try XCTUnwrap(report.search.steps.first?.result)
        XCTAssertEqual(result.completed, 10)
        XCTAssertGreaterThanOrEqual(result.waitedForHandset, 8)
        let slowest = try XCTUnwrap(result.latency.percentile(100))
        XCTAssertGreaterThan(slowest, .milliseconds(600), "the last dialogue waited for nine others before it could dial")
    }

    func testStep_whenItCannotHold_isCalledOff_andTurnsAwayThoseWaitingForAHandset() async throws {
        let gateway = try await FakeGateway.start(answer: Self.answer(after: .milliseconds(100)))
        let settings = FindMaxSettings(startRate: 50, stepDuration: .seconds(2), targetP95: .milliseconds(150))
        let started = ContinuousClock.now
        let report = await FindMaxRunner(configuration: configuration(gateway, handsets: 1), settings: settings).run(script)
        await gateway.stop()

        let step = try XCTUnwrap(report.search.steps.first)
        XCTAssertEqual(report.search.steps.count, 1)
        XCTAssertEqual(step.verdict, .calledOff)
        XCTAssertNotNil(step.result.calledOffAfter)
        XCTAssertGreaterThan(step.result.lateWhenCalledOff, 5, "more than 5 % of the 100 planned were late")
        XCTAssertLessThan(step.result.scheduled, 100, "scheduling stopped once the step was lost")
        XCTAssertGreaterThan(step.result.unserved, 0)
        XCTAssertEqual(step.result.accounted, step.result.scheduled, "every scheduled dialogue is counted once")
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(2), "a lost step is not played out")
        XCTAssertNil(report.search.best)
    }

    func testStep_neverGivesOneHandsetTwoDialoguesAtOnce() async throws {
        let gateway = try await FakeGateway.start(answer: Self.answer(after: .milliseconds(10)))
        let settings = FindMaxSettings(startRate: 100, stepDuration: .milliseconds(200), maxRate: 100, targetP95: .seconds(10))
        let report = await FindMaxRunner(configuration: configuration(gateway, handsets: 3), settings: settings).run(script)
        await gateway.stop()

        XCTAssertEqual(report.search.steps.first?.result.completed, 20)
        var sessionsByPhone: [String: [String]] = [:]
        for request in gateway.ussdRequests {
            guard let phone = request.fields["phoneNumber"], let session = request.fields["sessionId"] else { continue }
            if sessionsByPhone[phone]?.last != session { sessionsByPhone[phone, default: []].append(session) }
        }
        XCTAssertEqual(sessionsByPhone.count, 3)
        for (phone, sessions) in sessionsByPhone {
            XCTAssertEqual(Set(sessions).count, sessions.count, "\(phone) interleaved two sessions")
        }
    }

    func testStep_withAbandonFaults_cleansUpBeforeTheHandsetIsReused_soFaultFreeDialoguesAllComplete() async throws {
        let fake = PendingOfferGateway()
        let gateway = try await FakeGateway.start(answer: fake.answer)
        var configuration = configuration(gateway, handsets: 2)
        configuration.faults = LoadFaults(abandon: 0.5)
        let confirmScript = DialogueScript(name: "send and confirm", steps: [
            ScriptStep(.dial("*334#"), line: 1), ScriptStep(.expect(.substring("1 Send Money")), line: 2),
            ScriptStep(.send("1"), line: 3), ScriptStep(.expect(.substring("Send Ksh1 to")), line: 4),
            ScriptStep(.send("1"), line: 5), ScriptStep(.expectEnd(.substring("Request received")), line: 6),
        ])
        let settings = FindMaxSettings(startRate: 40, stepDuration: .milliseconds(500), maxRate: 40, targetP95: .seconds(10))
        let report = await FindMaxRunner(configuration: configuration, settings: settings).run(confirmScript)
        await gateway.stop()

        let result = try XCTUnwrap(report.search.steps.first?.result)
        XCTAssertGreaterThan(result.faulted, 0)
        XCTAssertGreaterThan(result.completed, 0)
        XCTAssertEqual(result.failed, 0, "no fault-free dialogue met a Pending offer: \(result.failures)")
        XCTAssertGreaterThan(result.cleanUp.offersCancelled, 0)
        XCTAssertEqual(result.cleanUp.offersCancelled, fake.offersShown)
        XCTAssertEqual(result.accounted, result.scheduled, "clean-up dials are not dialogues")
    }
}
