import Foundation
import Services
import XCTest

final class NotificationConfigurationTests: XCTestCase {
    func testDefaults_areNairobiTimeTheSeedsSenderAndTheSMSGatewayGroup() {
        let configuration = NotificationConfiguration()
        XCTAssertEqual(configuration.timeZone.secondsFromGMT(for: Seed.completion), 3 * 3600)
        XCTAssertEqual(configuration.sender, "MPESA")
        XCTAssertEqual(configuration.consumerGroup, "sms-gateway-cg")
        XCTAssertEqual(configuration.maxAge, .seconds(86_400))
        XCTAssertEqual(configuration.textsPath, "config/sms-texts.yaml")
    }

    func testTextsPath_whenFileMissing_isReportedUnreadable() throws {
        var configuration = NotificationConfiguration()
        configuration.textsPath = "/nonexistent/sms-texts.yaml"
        XCTAssertThrowsError(try ConfirmationTexts.load(path: configuration.textsPath)) { error in
            guard case .unreadable? = error as? ConfirmationTextsError else { return XCTFail("\(error)") }
        }
    }
}
