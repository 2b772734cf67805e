import XCTest

@testable import SMPP

/// The send window as a pure machine: order, pauses and what a lost link puts back.
final class SubmitSchedulerTests: XCTestCase {
    private let start = ContinuousClock.now

    private func part(_ order: UInt64, to destination: String, message: UInt64? = nil) -> QueuedPart {
        QueuedPart(
            order: order, messageKey: message ?? order, reference: "r\(order)", partNumber: 1, totalParts: 1,
            submit: SubmitSM(source: .alphanumeric("MPESA"), destination: .international(destination), shortMessage: [UInt8(order)])
        )
    }

    private func scheduler(window: Int = 10) -> SubmitScheduler {
        var configuration = ESMEConfiguration()
        configuration.windowSize = window
        configuration.throttlePause = .seconds(1)
        return SubmitScheduler(configuration: configuration)
    }

    private func sentSequence(_ next: SubmitScheduler.Next, file: StaticString = #filePath, line: UInt = #line) -> (UInt32, [UInt8])? {
        guard case .send(let message) = next, case .submitSM(let submit) = message.pdu else {
            XCTFail("expected a submit, got \(next)", file: file, line: line)
            return nil
        }
        return (message.sequenceNumber, submit.shortMessage)
    }

    func testNext_whenDestinationBusy_sendsOtherDestinationsFirst() {
        var machine = scheduler()
        machine.enqueue([part(1, to: "A"), part(2, to: "A"), part(3, to: "B")])
        XCTAssertEqual(sentSequence(machine.next(now: start))?.1, [1])
        XCTAssertEqual(sentSequence(machine.next(now: start))?.1, [3], "A has a part in flight, so B goes")
        guard case .idle = machine.next(now: start) else { return XCTFail("A's second part must wait") }
    }

    func testThrottled_pausesTheLink_andResendsTheFailedPartFirst() {
        var machine = scheduler()
        machine.enqueue([part(1, to: "A"), part(2, to: "A")])
        let (sequence, _) = sentSequence(machine.next(now: start))!
        guard case .retrying = machine.receiveResponse(sequenceNumber: sequence, status: .throttled, messageID: "", now: start) else {
            return XCTFail("throttled must be retried")
        }
        guard case .wait(let until) = machine.next(now: start) else { return XCTFail("the link must pause") }
        XCTAssertEqual(until, start + .seconds(1))
        XCTAssertEqual(sentSequence(machine.next(now: until))?.1, [1], "the failed part goes first")
    }

    func testPermanentError_failsWithoutRetry() {
        var machine = scheduler()
        machine.enqueue([part(1, to: "A")])
        let (sequence, _) = sentSequence(machine.next(now: start))!
        guard case .failed(_, .rejected(.invalidDestinationAddress, partNumber: 1)) =
            machine.receiveResponse(sequenceNumber: sequence, status: .invalidDestinationAddress, messageID: "", now: start)
        else { return XCTFail("a permanent error is final") }
        XCTAssertEqual(machine.queuedCount, 0)
    }

    func testWindowFull_isIdleUntilAResponse() {
        var machine = scheduler(window: 2)
        machine.enqueue([part(1, to: "A"), part(2, to: "B"), part(3, to: "C")])
        let first = sentSequence(machine.next(now: start))!
        _ = sentSequence(machine.next(now: start))
        guard case .idle = machine.next(now: start) else { return XCTFail("window of 2 is full") }
        _ = machine.receiveResponse(sequenceNumber: first.0, status: .ok, messageID: "1", now: start)
        XCTAssertEqual(sentSequence(machine.next(now: start))?.1, [3])
    }

    func testLinkLost_requeuesOnlyUnansweredParts_inOrder() {
        var machine = scheduler()
        machine.enqueue([part(1, to: "A"), part(2, to: "B"), part(3, to: "C")])
        let first = sentSequence(machine.next(now: start))!
        _ = sentSequence(machine.next(now: start))
        _ = sentSequence(machine.next(now: start))
        _ = machine.receiveResponse(sequenceNumber: first.0, status: .ok, messageID: "1", now: start)
        machine.linkLost()
        XCTAssertEqual(machine.queuedCount, 2)
        XCTAssertEqual(sentSequence(machine.next(now: start))?.1, [2])
        XCTAssertEqual(sentSequence(machine.next(now: start))?.1, [3])
    }

    func testGenericNack_failsTheRequestWithItsSequenceNumber() {
        var machine = scheduler()
        machine.enqueue([part(1, to: "A")])
        let (sequence, _) = sentSequence(machine.next(now: start))!
        guard case .failed(_, .genericNack(let nacked, _)) = machine.receiveNack(sequenceNumber: sequence, status: .invalidCommandLength) else {
            return XCTFail("generic_nack must fail the request")
        }
        XCTAssertEqual(nacked, sequence)
    }

    func testOverdueRequest_isReportedAfterTheResponseTimeout() {
        var configuration = ESMEConfiguration()
        configuration.responseTimeout = .seconds(2)
        var machine = SubmitScheduler(configuration: configuration)
        machine.enqueue([part(1, to: "A")])
        _ = machine.next(now: start)
        XCTAssertFalse(machine.hasOverdueRequest(now: start + .seconds(1)))
        XCTAssertTrue(machine.hasOverdueRequest(now: start + .seconds(2)))
    }
}
