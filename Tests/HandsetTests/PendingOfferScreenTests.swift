import HandsetKit
import XCTest

final class PendingOfferScreenTests: XCTestCase {
    func testIsOffer_recognisesTheEnglishOffer() {
        XCTAssertTrue(PendingOfferScreen.isOffer("Pending: send Ksh1 to JOHN KAMAU?\n1 Confirm\n2 Cancel"))
    }

    func testIsOffer_recognisesTheKiswahiliOffer() {
        XCTAssertTrue(PendingOfferScreen.isOffer("Inasubiri: tuma Ksh5,000 kwa JOHN KAMAU?\n1 Kubali\n2 Ghairi"))
    }

    func testIsOffer_whenTheMenuShows_isFalse() {
        XCTAssertFalse(PendingOfferScreen.isOffer("M-PESA\n1 Send Money\n2 Withdraw Cash\n3 Buy Airtime"))
    }

    func testIsOffer_whenTheWordIsNotInTheTitle_isFalse() {
        XCTAssertFalse(PendingOfferScreen.isOffer("My Account\n1 Balance\n2 Pending payments"))
    }

    func testIsOffer_whenThereIsNoCancelChoice_isFalse() {
        XCTAssertFalse(PendingOfferScreen.isOffer("Pending: your request is being processed."))
    }
}
