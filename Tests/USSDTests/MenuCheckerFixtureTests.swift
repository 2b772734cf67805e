import XCTest

@testable import USSD

/// Each folder under `Fixtures/` is the same small valid menu with exactly one rule broken; the checker must
/// name that rule, and only that rule, at the right `file:line`.
final class MenuCheckerFixtureTests: XCTestCase {
    private func diagnostics(_ fixture: String) -> [String] {
        MenuCompiler.check(directory: TestSupport.fixture(fixture)).diagnostics.map(\.description)
    }

    func testCheck_whenFixtureIsValid_reportsNothing() {
        XCTAssertEqual(diagnostics("valid"), [])
    }

    func testCheck_whenScreenCanExceed182Septets_countsExtensionCharactersTwiceAndVariablesAtMaxWidth() {
        // "Goodbye. Your note: " (20) + memo at 150 + " [ref] ~ 10 € ^|" (13 characters, 5 of them
        // extension characters: 22 septets) = 192.
        XCTAssertEqual(
            diagnostics("too-long-gsm7"),
            [
                "flow.yaml:36: screen 'bye' (en) can reach 192 of 182 GSM-7 characters"
            ])
    }

    func testCheck_whenTextIsNotGSM7_appliesThe80CharacterLimit() {
        // 85 characters would fit GSM-7's 182, but the check mark makes the screen UCS-2.
        XCTAssertEqual(
            diagnostics("too-long-ucs2"),
            [
                "flow.yaml:37: screen 'bye' (sw) can reach 85 of 80 UCS-2 characters "
                    + "(a character outside GSM-7 makes the screen UCS-2)"
            ])
    }

    func testCheck_whenScreenIsUnreachable_namesIt() {
        XCTAssertEqual(diagnostics("unreachable"), ["flow.yaml:33: screen 'orphan' is unreachable from 'home'"])
    }

    func testCheck_whenReferenceIsMissing_pointsAtTheReference() {
        XCTAssertEqual(diagnostics("missing-screen"), ["flow.yaml:9: screen 'home' refers to missing screen 'byebye'"])
    }

    func testCheck_whenFlowCannotReachAnEnd_namesTheTrappedScreen() {
        XCTAssertEqual(diagnostics("no-end"), ["flow.yaml:35: screen 'loop' cannot reach an end screen"])
    }

    func testCheck_whenTranslationIsMissing_namesTheLanguage() {
        XCTAssertEqual(
            diagnostics("missing-translation"),
            [
                "flow.yaml:25: text of screen 'pay.pin' has no 'sw' translation"
            ])
    }

    func testCheck_whenPINScreenIsNotSecret_refusesIt() {
        XCTAssertEqual(
            diagnostics("pin-not-secret"),
            [
                "flow.yaml:22: PIN screen 'pay.pin' must be marked secret: true"
            ])
    }

    func testCheck_whenYAMLIsBroken_reportsTheSyntaxErrorWithItsLines() {
        XCTAssertEqual(
            diagnostics("yaml-syntax"),
            [
                "flow.yaml:25: YAML syntax error: did not find expected ',' or '}' "
                    + "(while parsing a flow mapping that starts at line 19)"
            ])
    }

    func testCheck_whenVariableIsUndeclared_refusesIt() {
        XCTAssertEqual(
            diagnostics("undeclared-variable"),
            [
                "flow.yaml:19: text of screen 'pay.confirm' uses undeclared variable 'shop'"
            ])
    }

    func testCheck_whenKeyIsMisspelt_reportsTheUnknownKey() {
        XCTAssertEqual(diagnostics("unknown-key"), ["flow.yaml:25: unknown key 'secert' in screen 'pay.pin'"])
    }

    func testCheck_whenInputCanStoreMoreThanTheDeclaredWidth_refusesTheWidth() {
        // max 100000 shown with separators is "100,000": 7 characters, but 'amount' is declared 5 wide.
        XCTAssertEqual(
            diagnostics("variable-too-narrow"),
            [
                "flow.yaml:10: input 'pay.amount' can store 7 characters in 'amount', more than its maxWidth 5"
            ])
    }

    func testCheck_whenDirectoryIsMissing_saysSo() {
        let missing = TestSupport.fixture("no-such-folder")
        XCTAssertEqual(diagnostics("no-such-folder"), ["\(missing.path):1: cannot read the menus directory"])
    }

    func testCompile_whenMenusAreBroken_throwsEveryDiagnostic() {
        XCTAssertThrowsError(try MenuCompiler.compile(directory: TestSupport.fixture("unreachable"))) { error in
            XCTAssertEqual(
                (error as? MenuCompileError)?.description, "flow.yaml:33: screen 'orphan' is unreachable from 'home'")
        }
    }
}
