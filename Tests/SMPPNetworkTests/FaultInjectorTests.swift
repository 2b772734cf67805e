import XCTest

@testable import SMPP

final class FaultInjectorTests: XCTestCase {
    private func verdicts(seed: UInt64, count: Int = 200) -> [FaultInjector.Verdict] {
        var faults = SMSCFaults()
        faults.seed = seed
        faults.queueFullProbability = 0.2
        faults.genericNackProbability = 0.1
        var injector = FaultInjector(faults)
        let now = ContinuousClock.now
        return (0..<count).map { _ in injector.judgeSubmit(now: now) }
    }

    func testSameSeed_givesTheSameFaults() {
        XCTAssertEqual(verdicts(seed: 7), verdicts(seed: 7))
        XCTAssertNotEqual(verdicts(seed: 7), verdicts(seed: 8))
        XCTAssertTrue(verdicts(seed: 7).contains(.refuse(.messageQueueFull)))
        XCTAssertTrue(verdicts(seed: 7).contains(.genericNack))
    }

    func testThrottle_refusesAboveTheRate_andAcceptsAgainNextSecond() {
        var faults = SMSCFaults()
        faults.throttlePerSecond = 3
        var injector = FaultInjector(faults)
        let now = ContinuousClock.now
        let first = (0..<5).map { _ in injector.judgeSubmit(now: now) }
        XCTAssertEqual(first, [.accept, .accept, .accept, .refuse(.throttled), .refuse(.throttled)])
        XCTAssertEqual(injector.judgeSubmit(now: now + .seconds(1)), .accept)
    }

    func testDropAfter_dropsOnceAtTheNthSubmit() {
        var faults = SMSCFaults()
        faults.dropConnectionAfterSubmits = 2
        var injector = FaultInjector(faults)
        let now = ContinuousClock.now
        XCTAssertEqual((0..<4).map { _ in injector.judgeSubmit(now: now) }, [.accept, .dropConnection, .accept, .accept])
    }
}
