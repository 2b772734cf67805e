import HandsetKit
import XCTest

/// The step controller of `--find-max`, fed made-up step results.
final class FindMaxSearchTests: XCTestCase {
    /// A step at `rate` whose completed dialogues all took `p95Ms` (so that is its p95).
    private func step(_ rate: Double, p95Ms: Int, completed: Int = 100, failed: Int = 0, unserved: Int = 0) -> ArrivalStepResult {
        var result = ArrivalStepResult(offeredRate: rate)
        result.scheduled = completed + failed + unserved
        result.completed = completed
        if failed > 0 { result.failures = ["expect-sms": failed] }
        result.unserved = unserved
        result.latency = LatencySummary(Array(repeating: .milliseconds(p95Ms), count: completed))
        return result
    }

    func testInit_offersTheStartRateFirst() {
        XCTAssertEqual(FindMaxSearch(settings: FindMaxSettings(startRate: 12)).nextRate, 12)
    }

    func testRecord_whenAStepHolds_multipliesTheRateByTheFactor() {
        var search = FindMaxSearch(settings: FindMaxSettings(startRate: 10, growth: .factor(1.5)))
        XCTAssertEqual(search.record(step(10, p95Ms: 400)), .holds)
        XCTAssertEqual(search.nextRate, 15)
        search.record(step(15, p95Ms: 600))
        XCTAssertEqual(search.nextRate, 22.5)
        XCTAssertEqual(search.best?.offeredRate, 15)
    }

    func testRecord_withAnIncrement_addsItToTheRate() {
        var search = FindMaxSearch(settings: FindMaxSettings(startRate: 100, growth: .increment(25)))
        search.record(step(100, p95Ms: 400))
        XCTAssertEqual(search.nextRate, 125)
    }

    func testRecord_whenP95PassesTheTarget_endsTheSearch_keepingTheLastStepThatHeld() {
        var search = FindMaxSearch(settings: FindMaxSettings(startRate: 10))
        search.record(step(10, p95Ms: 300))
        search.record(step(15, p95Ms: 1_000))
        let verdict = search.record(step(22.5, p95Ms: 1_001))

        XCTAssertEqual(verdict, .p95TooHigh(.milliseconds(1_001)))
        XCTAssertNil(search.nextRate)
        XCTAssertTrue(search.isFinished)
        XCTAssertEqual(search.best?.offeredRate, 15, "a p95 of exactly 1000 ms still holds")
        XCTAssertEqual(search.steps.map(\.verdict.held), [true, true, false])
    }

    func testVerdict_whenFewerThan99PercentCompleted_doesNotHold_evenWithAFastP95() {
        let search = FindMaxSearch(settings: FindMaxSettings())
        XCTAssertEqual(search.verdict(of: step(10, p95Ms: 100, completed: 98, failed: 2)), .tooFewCompleted(98))
        XCTAssertEqual(search.verdict(of: step(10, p95Ms: 100, completed: 99, failed: 1)), .holds)
    }

    func testVerdict_countsDialoguesThatNeverGotAHandsetAsNotCompleted() {
        let search = FindMaxSearch(settings: FindMaxSettings())
        XCTAssertEqual(search.verdict(of: step(10, p95Ms: 100, completed: 90, unserved: 10)), .tooFewCompleted(90))
    }

    func testVerdict_whenTheStepWasCalledOff_doesNotHold() {
        var result = step(10, p95Ms: 100)
        result.calledOff = true
        XCTAssertEqual(FindMaxSearch(settings: FindMaxSettings()).verdict(of: result), .calledOff)
    }

    func testVerdict_whenNothingCompleted_doesNotHold() {
        let search = FindMaxSearch(settings: FindMaxSettings())
        XCTAssertEqual(search.verdict(of: step(10, p95Ms: 100, completed: 0, failed: 5)), .noCompletedDialogues)
    }

    func testRecord_capsTheRateAtMaxRate_andStopsOnceTheMaximumHeld() {
        var search = FindMaxSearch(settings: FindMaxSettings(startRate: 10, growth: .factor(2), maxRate: 30))
        search.record(step(10, p95Ms: 100))
        XCTAssertEqual(search.nextRate, 20)
        search.record(step(20, p95Ms: 100))
        XCTAssertEqual(search.nextRate, 30, "40 is capped at the maximum")
        search.record(step(30, p95Ms: 100))
        XCTAssertNil(search.nextRate)
        XCTAssertTrue(search.reachedMaxRate)
        XCTAssertEqual(search.best?.offeredRate, 30)
    }

    func testInit_whenTheStartRateIsAboveMaxRate_startsAtMaxRate() {
        XCTAssertEqual(FindMaxSearch(settings: FindMaxSettings(startRate: 50, maxRate: 20)).nextRate, 20)
    }

    func testRecord_whenTheFirstStepFails_hasNoBest_andTheSummarySaysNone() {
        var search = FindMaxSearch(settings: FindMaxSettings(startRate: 10))
        search.record(step(10, p95Ms: 2_500))
        XCTAssertNil(search.best)
        XCTAssertFalse(search.reachedMaxRate)
        let summary = FindMaxReport(search: search, handsets: 10, handsetsNotBound: 0).summary
        XCTAssertTrue(summary.hasPrefix("find-max: highest rate that held: none (the first step, 10.0/s"), summary)
    }

    func testSummary_namesTheHighestRateThatHeld_andItsP95() {
        var search = FindMaxSearch(settings: FindMaxSettings(startRate: 10))
        search.record(step(10, p95Ms: 300))
        search.record(step(15, p95Ms: 870))
        search.record(step(22.5, p95Ms: 1_400))
        XCTAssertEqual(FindMaxReport(search: search, handsets: 10, handsetsNotBound: 0).summary,
                       "find-max: highest rate that held: 15.0 dialogues/s (p95 870 ms)")
    }

    func testStepLine_showsRatesOutcomesPercentilesAndVerdict() {
        var result = step(22.5, p95Ms: 400, completed: 300, failed: 2)
        result.elapsed = .seconds(15)
        let line = FindMaxReport.line(number: 3, step: .init(result: result, verdict: .tooFewCompleted(99.34)))
        XCTAssertTrue(line.hasPrefix("step 3: offered 22.5/s  achieved 20.0/s  completed 300  failed 2  p50/p95/p99 400/400/400 ms"), line)
        XCTAssertTrue(line.contains("only 99.34 % completed"), line)
        XCTAssertTrue(line.contains("failed 2x at: expect-sms"), line)
    }

    func testStepIsLost_whenMoreThanFivePercentAreOverdue_orMoreThanOnePercentFailed() {
        let settings = FindMaxSettings()
        XCTAssertFalse(settings.stepIsLost(planned: 200, overdue: 10, failed: 2))
        XCTAssertTrue(settings.stepIsLost(planned: 200, overdue: 11, failed: 0))
        XCTAssertTrue(settings.stepIsLost(planned: 200, overdue: 0, failed: 3))
    }

    func testPlanned_isTheRateTimesTheStepDuration_andAtLeastOne() {
        let settings = FindMaxSettings(stepDuration: .seconds(15))
        XCTAssertEqual(settings.planned(at: 22.5), 338)
        XCTAssertEqual(FindMaxSettings(stepDuration: .milliseconds(100)).planned(at: 1), 1)
    }
}
