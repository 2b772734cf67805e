import XCTest
@testable import Services

final class SMSValidityPeriodTests: XCTestCase {
    func testRelative_writesDaysHoursMinutesSecondsAsSMPPRelativeTime() {
        XCTAssertEqual(SMSValidityPeriod.relative(seconds: 86_400), "000001000000000R")
        XCTAssertEqual(SMSValidityPeriod.relative(seconds: 3_723), "000000010203000R")
    }

    func testRelative_clampsToOneSecondAndNinetyNineDays() {
        XCTAssertEqual(SMSValidityPeriod.relative(seconds: -5), "000000000001000R")
        XCTAssertEqual(SMSValidityPeriod.relative(seconds: 1_000 * 86_400), "000099000000000R")
    }
}
