import XCTest
@testable import PesaGate

/// How `bench smpp` prints a window and judges its goals: >= 30,000 msg/s and >= 3x Kannel.
final class SMPPBenchLineTests: XCTestCase {
    func line(_ window: Int, ours: Double, kannel: Double?) -> SMPPBenchLine {
        SMPPBenchLine(window: window, ours: SMPPRate(messages: Int(ours), seconds: 1),
                      kannel: kannel.map { SMPPRate(messages: Int($0), seconds: 1) })
    }

    func testText_showsBothRatesAndTheRatio() {
        let text = line(10, ours: 31_500, kannel: 9_000).text
        XCTAssertTrue(text.contains("window   10"), text)
        XCTAssertTrue(text.contains("ours  31,500 msg/s"), text)
        XCTAssertTrue(text.contains("Kannel   9,000 msg/s"), text)
        XCTAssertTrue(text.contains("ratio 3.50x"), text)
    }

    func testGoals_whenFastEnoughAndThreeTimesKannelEverywhere_areMet() {
        let goals = SMPPBenchLine.goals([line(1, ours: 3_000, kannel: 900), line(100, ours: 40_000, kannel: 10_000)], kannelSkipped: nil)
        XCTAssertEqual(goals.count, 2)
        XCTAssertTrue(goals[0].contains(">= 30,000 msg/s: met (best 40,000 msg/s at window 100)"), goals[0])
        XCTAssertTrue(goals[1].contains(">= 3x Kannel: met (lowest ratio 3.33x at window 1)"), goals[1])
    }

    func testGoals_whenOneWindowIsUnderThreeTimesKannel_isNotMet() {
        let goals = SMPPBenchLine.goals([line(1, ours: 3_000, kannel: 1_500), line(100, ours: 40_000, kannel: 10_000)], kannelSkipped: nil)
        XCTAssertTrue(goals[1].contains(">= 3x Kannel: NOT met (lowest ratio 2.00x at window 1)"), goals[1])
    }

    func testGoals_underThirtyThousand_isNotMet() {
        let goals = SMPPBenchLine.goals([line(100, ours: 29_999, kannel: 1_000)], kannelSkipped: nil)
        XCTAssertTrue(goals[0].contains(">= 30,000 msg/s: NOT met"), goals[0])
    }

    func testGoals_withoutKannel_sayWhyTheRatioWasNotMeasured() {
        let goals = SMPPBenchLine.goals([line(10, ours: 5_000, kannel: nil)], kannelSkipped: "Kannel skipped: --kannel off")
        XCTAssertEqual(goals[1], "  >= 3x Kannel: not measured (Kannel skipped: --kannel off)")
        XCTAssertNil(line(10, ours: 5_000, kannel: nil).ratio)
    }

    func testGrouped_writesThousandsSeparators() {
        XCTAssertEqual(SMPPBenchLine.grouped(0), "0")
        XCTAssertEqual(SMPPBenchLine.grouped(999.6), "1,000")
        XCTAssertEqual(SMPPBenchLine.grouped(1_234_567), "1,234,567")
    }
}
