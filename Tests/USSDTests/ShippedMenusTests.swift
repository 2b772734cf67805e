import XCTest

@testable import USSD

/// The menus the gateway ships must pass every rule: the gateway refuses to start otherwise.
final class ShippedMenusTests: XCTestCase {
    func testShippedMenus_passEveryCheck() {
        let (document, diagnostics) = MenuCompiler.check(directory: TestSupport.menusDirectory)
        XCTAssertEqual(diagnostics.map(\.description), [])
        XCTAssertEqual(document?.menu.start, "main")
    }

    func testShippedMenus_areInEnglishAndKiswahili() {
        XCTAssertEqual(TestSupport.shippedMenu.languages, [.english, .kiswahili])
    }

    func testShippedMenus_submitEveryDocumentedTransactionType() {
        let types = TestSupport.shippedMenu.screens.values.compactMap { screen -> String? in
            guard case .action(let body) = screen.kind, case .submit(let type, _) = body.kind else { return nil }
            return type
        }
        XCTAssertEqual(Set(types), ["P2P_TRANSFER", "AGENT_WITHDRAWAL", "AIRTIME_PURCHASE", "PAYBILL", "BUY_GOODS"])
    }

    func testShippedMenus_askForThePINOnlyOnSecretScreens() {
        for screen in TestSupport.shippedMenu.screens.values {
            if case .pin = screen.kind { XCTAssertTrue(screen.secret, screen.id) }
        }
    }
}
