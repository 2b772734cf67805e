import XCTest

@testable import USSD

/// Structural problems in menu files, each reported at its `file:line` with a plain message.
final class MenuLoaderTests: XCTestCase {
    private let settings = """
        settings:
          start: home
          languages: [en, sw]
          labels:
            more: {en: More, sw: Zaidi}
            back: {en: Back, sw: Rudi}
            confirm: {en: Confirm, sw: Kubali}
            cancel: {en: Cancel, sw: Ghairi}
            invalidChoice: {en: Invalid choice., sw: Chaguo si sahihi.}
            wrongPin: {en: Wrong PIN., sw: PIN si sahihi.}
            pinLocked: {en: Locked., sw: Imefungwa.}
            unavailable: {en: Unavailable., sw: Haipatikani.}
        variables:
          amount: {maxWidth: 7, format: thousands}

        """

    private let home = """
        screens:
          home:
            kind: menu
            text: {en: Home, sw: Nyumbani}
            options:
              - label: {en: Quit, sw: Toka}
                next: bye
          bye:
            kind: end
            text: {en: Bye, sw: Kwaheri}

        """

    private func check(_ files: [String: String]) -> [String] {
        MenuCompiler.check(files.map { MenuFile(name: $0.key, contents: $0.value) }).diagnostics.map(\.description)
    }

    func testCheck_whenSettingsAndScreensAreSplitOverFiles_mergesThem() {
        XCTAssertEqual(check(["a.yaml": settings, "b.yaml": home]), [])
    }

    func testCheck_whenNoFileHasSettings_saysWhatIsMissing() {
        XCTAssertEqual(check(["b.yaml": home]), ["b.yaml:1: no file has 'settings:' (start screen, languages, labels)"])
    }

    func testCheck_whenScreenIdIsDefinedTwice_pointsAtBoth() {
        let again = "screens:\n  bye:\n    kind: end\n    text: {en: Bye, sw: Kwaheri}\n"
        XCTAssertEqual(
            check(["a.yaml": settings + home, "c.yaml": again]),
            [
                "c.yaml:2: screen 'bye' is already defined at a.yaml:22"
            ])
    }

    func testCheck_whenKindIsUnknown_listsTheKinds() {
        let flow = home.replacingOccurrences(of: "kind: end", with: "kind: finish")
        XCTAssertEqual(
            check(["a.yaml": settings + flow]),
            [
                "a.yaml:23: screen 'bye' has unknown kind 'finish' (use menu, input, confirm, pin, action, end)"
            ])
    }

    func testCheck_whenPlaceholderIsNotClosed_reportsTheTextAndLanguage() {
        let flow = home.replacingOccurrences(
            of: "text: {en: Bye, sw: Kwaheri}", with: "text: {en: \"Bye {amount\", sw: Kwaheri}")
        XCTAssertEqual(
            check(["a.yaml": settings + flow]),
            [
                "a.yaml:24: text of screen 'bye' (en) has a '{' without a matching '}' around a variable name"
            ])
    }

    func testCheck_whenTextHasAnUndeclaredLanguage_reportsIt() {
        let flow = home.replacingOccurrences(
            of: "text: {en: Bye, sw: Kwaheri}", with: "text: {en: Bye, sw: Kwaheri, fr: Salut}")
        XCTAssertEqual(
            check(["a.yaml": settings + flow]),
            [
                "a.yaml:24: text of screen 'bye' has a 'fr' translation, but 'languages' does not list it"
            ])
    }

    func testCheck_whenALabelIsMissing_namesIt() {
        let trimmed = settings.replacingOccurrences(
            of: "    unavailable: {en: Unavailable., sw: Haipatikani.}\n", with: "")
        XCTAssertEqual(
            check(["a.yaml": trimmed + home]), ["a.yaml:5: 'labels' of 'settings' has no label 'unavailable'"])
    }

    func testCheck_whenStartScreenDoesNotExist_pointsAtStart() {
        let elsewhere = settings.replacingOccurrences(of: "start: home", with: "start: nowhere")
        // Reachability is not judged from a start that does not exist: that would only repeat the problem.
        XCTAssertEqual(check(["a.yaml": elsewhere + home]), ["a.yaml:2: start screen 'nowhere' does not exist"])
    }

    func testCheck_whenPaymentHasNoUncertainOutcome_refusesIt() {
        let pay = """
              pay:
                kind: action
                submit: {transactionType: BUY_GOODS, fields: {amount: amount}}
                next: bye
                failed: bye
            """
        let flow = home.replacingOccurrences(of: "next: bye\n  bye:", with: "next: pay\n\(pay)\n  bye:")
        XCTAssertEqual(check(["a.yaml": settings + flow]), ["a.yaml:23: screen 'pay' needs 'uncertain'"])
    }

    func testCheck_whenScreenShowsASecret_refusesIt() {
        let flow = """
            screens:
              home:
                kind: input
                secret: true
                text: {en: New PIN, sw: PIN mpya}
                validate: {type: pin}
                error: {en: Four digits., sw: Tarakimu nne.}
                store: newPin
                next: bye
              bye:
                kind: end
                text: {en: "Your PIN is {newPin}", sw: Kwaheri}

            """
        let declared = settings + "  newPin: {maxWidth: 4}\n"
        XCTAssertEqual(check(["a.yaml": declared + flow]), ["a.yaml:27: screen 'bye' shows secret 'newPin'"])
    }

    func testCheck_whenFileIsEmpty_saysSo() {
        XCTAssertEqual(
            check(["a.yaml": settings + home, "empty.yaml": "# nothing yet\n"]), ["empty.yaml:1: file is empty"])
    }

    func testCheck_whenKeyIsDuplicated_reportsTheDuplicate() {
        let flow = home.replacingOccurrences(of: "    kind: end\n", with: "    kind: end\n    kind: end\n")
        XCTAssertEqual(check(["a.yaml": settings + flow]), ["a.yaml:23: YAML syntax error: duplicate key 'kind'"])
    }
}
