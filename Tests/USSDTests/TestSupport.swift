import Foundation
import XCTest

@testable import USSD

/// Paths and builders shared by the USSD tests.
enum TestSupport {
    /// This test folder, with symlinks resolved so the dev package and the main package agree.
    static var testsDirectory: URL {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
    }

    /// The shipped `menus/` at the repository root.
    static var menusDirectory: URL {
        testsDirectory.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("menus")
    }

    static func fixture(_ name: String) -> URL {
        testsDirectory.appendingPathComponent("Fixtures").appendingPathComponent(name)
    }

    /// The shipped menu, compiled once per process.
    static let shippedMenu: Menu = {
        do {
            return try MenuCompiler.compile(directory: menusDirectory)
        } catch {
            fatalError("shipped menus do not compile:\n\(error)")
        }
    }()
}

extension TestSupport {
    /// A dialogue on the shipped menu for subscriber 254700123456.
    static func dialogue(_ language: Language = .english) -> Dialogue {
        Dialogue(menu: shippedMenu, language: language, variables: ["msisdn": "254700123456"])
    }

    static let mainEN = "M-PESA\n1 Send Money\n2 Withdraw Cash\n3 Buy Airtime\n4 Lipa na M-PESA\n98 More"
    static let mainSW = "M-PESA\n1 Tuma Pesa\n2 Toa Pesa\n3 Nunua Airtime\n4 Lipa na M-PESA\n98 Zaidi"
    static let receivedEN = "Request received. You will receive a confirmation SMS."
    static let receivedSW = "Ombi limepokelewa. Utapokea SMS ya uthibitisho."
}
