import Foundation
import HandsetKit
import XCTest

final class DialogueScriptParserTests: XCTestCase {
    private let parser = DialogueScriptParser()

    func testParse_whenEveryStepKindIsUsed_readsThemInOrder() throws {
        let script = try parser.parse("""
            name: Send money
            msisdn: "254700123456"
            lang: en
            peer: "254711987654"
            steps:
              - dial
              - expect: "Send Money"
              - expect: {regex: "^M-PESA"}
              - send: "1"
              - wait: 250
              - expect-end: "received"
              - expect-sms: "Confirmed\\\\. Ksh5,000\\\\.00"
              - expect-sms: {regex: "balance", within: 3000}
              - expect-no-sms: 1500
              - expect-end
            """, file: "send.yaml")

        XCTAssertEqual(script.name, "Send money")
        XCTAssertEqual(script.msisdn, "254700123456")
        XCTAssertEqual(script.lang, "en")
        XCTAssertEqual(script.peer, "254711987654")
        XCTAssertEqual(script.steps.map(\.step), [
            .dial("*334#"), .expect(.substring("Send Money")), .expect(.regex("^M-PESA")), .send("1"),
            .wait(milliseconds: 250), .expectEnd(.substring("received")),
            .expectSMS(.regex("Confirmed\\. Ksh5,000\\.00"), withinMillis: DialogueScript.defaultSMSWait),
            .expectSMS(.regex("balance"), withinMillis: 3000), .expectNoSMS(nil, withinMillis: 1500), .expectEnd(nil),
        ])
        XCTAssertEqual(script.steps[1].line, 7)
        XCTAssertTrue(script.needsSMS)
    }

    func testParse_whenNameIsMissing_usesTheFileName() throws {
        let script = try parser.parse("steps:\n  - dial: \"*334#\"\n", file: "balance.yaml")
        XCTAssertEqual(script.name, "balance")
        XCTAssertFalse(script.needsSMS)
    }

    func testParse_whenAStepIsMisspelt_namesItAndItsLine() {
        assertError("steps:\n  - dial\n  - expect-sns: \"x\"\n", is: "bad.yaml:3: unknown step `expect-sns`")
    }

    func testParse_whenARegexIsMalformed_refusesItAtLoad() {
        assertError("steps:\n  - dial\n  - expect: {regex: \"(unclosed\"}\n", is: "bad.yaml:3: bad regular expression /(unclosed/")
    }

    func testParse_whenTheFirstStepIsNotDial_refusesTheScript() {
        assertError("steps:\n  - send: \"1\"\n", is: "bad.yaml:2: the first step must be `dial`")
    }

    func testParse_whenWaitIsNotANumber_saysWhatItMustBe() {
        assertError("steps:\n  - dial\n  - wait: soon\n", is: "bad.yaml:3: `wait` is a whole number of milliseconds")
    }

    func testParse_whenATopLevelKeyIsUnknown_refusesIt() {
        assertError("msidn: \"2547\"\nsteps:\n  - dial\n", is: "bad.yaml:1: unknown key `msidn`")
    }

    func testParse_whenStepsAreMissing_saysSo() {
        assertError("name: empty\n", is: "bad.yaml:1: no `steps`")
    }

    func testParse_whenTheYAMLIsBroken_givesTheLine() {
        assertError("steps:\n  - dial\n  - send: \"1\n", is: "bad.yaml:")
    }

    func testParse_whenLangIsUnknown_refusesIt() {
        assertError("lang: fr\nsteps:\n  - dial\n", is: "bad.yaml:1: `lang` is `en` or `sw`")
    }

    func testParse_shippedDialogues_allLoad() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../simulators/dialogues").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        XCTAssertGreaterThanOrEqual(files.count, 11)
        for file in files {
            XCTAssertNoThrow(try parser.parse(contentsOf: folder.appendingPathComponent(file).path), file)
        }
    }

    private func assertError(_ yaml: String, is prefix: String, line: UInt = #line) {
        XCTAssertThrowsError(try parser.parse(yaml, file: "bad.yaml"), line: line) { error in
            let text = "\(error)"
            XCTAssertTrue(text.hasPrefix(prefix), "got: \(text)", line: line)
        }
    }
}
