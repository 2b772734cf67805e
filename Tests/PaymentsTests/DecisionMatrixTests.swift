import Payments
import XCTest

/// The seed's matrix row by row, then the cases it leaves open.
final class DecisionMatrixTests: XCTestCase {
    // MARK: the seed's four rows

    func testRow1_approvedApprovedReserved_proceeds() {
        XCTAssertEqual(DecisionMatrix.decide(fraud: .approved, revenue: .approved, core: .reserved), .proceed)
    }

    func testRow2_fraudDeclined_rejectsWhateverTheOthersSay() {
        let revenues: [RevenueDecision?] = [nil, .approved, .declined, .unknown("X")]
        let cores: [CoreStatus?] = [nil, .reserved, .failed, .unknown("X")]
        for revenue in revenues {
            for core in cores {
                XCTAssertEqual(DecisionMatrix.decide(fraud: .declined, revenue: revenue, core: core),
                               .reject(.fraudDeclined), "\(String(describing: revenue)) \(String(describing: core))")
            }
        }
    }

    func testRow3_approvedRevenueDeclined_rejectsWhateverCoreSays() {
        for core: CoreStatus? in [nil, .reserved, .failed] {
            XCTAssertEqual(DecisionMatrix.decide(fraud: .approved, revenue: .declined, core: core),
                           .reject(.revenueDeclined))
        }
    }

    func testRow4_approvedApprovedFailed_rejects() {
        XCTAssertEqual(DecisionMatrix.decide(fraud: .approved, revenue: .approved, core: .failed), .reject(.coreFailed))
    }

    // MARK: cases the seed leaves open

    func testNothingKnown_waits() {
        XCTAssertEqual(DecisionMatrix.decide(fraud: nil, revenue: nil, core: nil), .waiting)
    }

    func testSomePositiveAnswersMissingOthers_waits() {
        XCTAssertEqual(DecisionMatrix.decide(fraud: .approved, revenue: nil, core: nil), .waiting)
        XCTAssertEqual(DecisionMatrix.decide(fraud: nil, revenue: .approved, core: .reserved), .waiting)
        XCTAssertEqual(DecisionMatrix.decide(fraud: .approved, revenue: .approved, core: nil), .waiting)
    }

    func testFirstNegativeAnswer_rejectsWithoutWaitingForTheOthers() {
        XCTAssertEqual(DecisionMatrix.decide(fraud: nil, revenue: .declined, core: nil), .reject(.revenueDeclined))
        XCTAssertEqual(DecisionMatrix.decide(fraud: nil, revenue: nil, core: .failed), .reject(.coreFailed))
        XCTAssertEqual(DecisionMatrix.decide(fraud: nil, revenue: .approved, core: .failed), .reject(.coreFailed))
    }

    func testSeveralNegatives_reasonFollowsSeedOrderNotArrival() {
        XCTAssertEqual(DecisionMatrix.decide(fraud: nil, revenue: .declined, core: .failed), .reject(.revenueDeclined))
        XCTAssertEqual(DecisionMatrix.decide(fraud: .declined, revenue: .declined, core: .failed), .reject(.fraudDeclined))
    }

    func testUnknownValues_rejectAsSoonAsKnown() {
        XCTAssertEqual(DecisionMatrix.decide(fraud: .unknown("REVIEW"), revenue: nil, core: nil),
                       .reject(.unknownAnswer(.fraud, "REVIEW")))
        XCTAssertEqual(DecisionMatrix.decide(fraud: .approved, revenue: .unknown("MAYBE"), core: .reserved),
                       .reject(.unknownAnswer(.revenue, "MAYBE")))
        XCTAssertEqual(DecisionMatrix.decide(fraud: .approved, revenue: .approved, core: .unknown("PENDING")),
                       .reject(.unknownAnswer(.core, "PENDING")))
    }

    func testCoreCompletedOrReleasedAsAnAnswerToARequest_isNotAYes() {
        XCTAssertEqual(DecisionMatrix.decide(fraud: .approved, revenue: .approved, core: .completed),
                       .reject(.unknownAnswer(.core, "COMPLETED")))
        XCTAssertEqual(DecisionMatrix.decide(fraud: nil, revenue: nil, core: .released),
                       .reject(.unknownAnswer(.core, "RELEASED")))
    }

    // MARK: timeouts

    func testOnTimeout_whenWaiting_rejectsNamingMissingSystems() {
        XCTAssertEqual(DecisionMatrix.onTimeout(fraud: .approved, revenue: nil, core: .reserved),
                       .reject(.timeout(missing: [.revenue])))
        XCTAssertEqual(DecisionMatrix.onTimeout(fraud: nil, revenue: nil, core: nil),
                       .reject(.timeout(missing: [.fraud, .revenue, .core])))
    }

    func testOnTimeout_whenAlreadyDecided_keepsTheDecision() {
        XCTAssertEqual(DecisionMatrix.onTimeout(fraud: .approved, revenue: .approved, core: .reserved), .proceed)
        XCTAssertEqual(DecisionMatrix.onTimeout(fraud: .declined, revenue: nil, core: nil), .reject(.fraudDeclined))
    }

    func testRejectReason_codesAndDescriptions() {
        XCTAssertEqual(RejectReason.fraudDeclined.code, "FRAUD_DECLINED")
        XCTAssertEqual(RejectReason.timeout(missing: [.core, .fraud]).description, "TIMEOUT: no answer from FRAUD, CORE")
        XCTAssertEqual(RejectReason.unknownAnswer(.core, "PENDING").description,
                       "UNKNOWN_ANSWER: CORE answered \"PENDING\"")
    }
}
