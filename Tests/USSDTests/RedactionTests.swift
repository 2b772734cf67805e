import XCTest

@testable import USSD

/// PIN positions of a `text` are masked before anything is logged, cached or recorded.
final class RedactionTests: XCTestCase {
    func testRedact_whenInputsAreKnown_masksExactlyTheSecretOnes() {
        XCTAssertEqual(
            Redaction.redact(inputs: ["1", "0711987654", "5000", "1", "1234"], secretInputIndexes: [4]),
            "1*0711987654*5000*1*****"
        )
    }

    func testRedact_aRawText_masksTheSecretPositions() {
        XCTAssertEqual(
            Redaction.redact(text: "5*3*1234*5678*5678", secretInputIndexes: [2, 3, 4], inputCount: 5),
            "5*3*" + Array(repeating: Redaction.mask, count: 3).joined(separator: "*")
        )
    }

    func testRedact_whenNothingIsSecret_leavesTheTextAlone() {
        XCTAssertEqual(Redaction.redact(text: "1*0711987654", secretInputIndexes: []), "1*0711987654")
    }

    func testRedact_whenAnInputBeforeThePINHeldAStar_stillMasksThePIN() {
        // Inputs: 4, 1, 888880, "AB*12", 1500, 1, PIN: seven inputs in eight pieces.
        let text = "4*1*888880*AB*12*1500*1*1234"
        let redacted = Redaction.redact(text: text, secretInputIndexes: [6], inputCount: 7)
        XCTAssertFalse(redacted.contains("1234"), redacted)
        XCTAssertTrue(redacted.hasPrefix("4*1*888880*AB*12*1500*"), redacted)
    }

    func testRedact_afterADialogue_hidesEveryPINTheSubscriberTyped() {
        var dialogue = TestSupport.dialogue()
        var inputs = ["98", "5", "3", "1234"]
        _ = dialogue.start(prefilledInputs: inputs)
        _ = dialogue.resume(with: .pinAccepted)
        for input in ["5678", "5678"] {
            _ = dialogue.receive(input)
            inputs.append(input)
        }
        let text = inputs.joined(separator: "*")
        let redacted = Redaction.redact(
            text: text, secretInputIndexes: dialogue.secretInputIndexes, inputCount: dialogue.inputCount)
        XCTAssertEqual(redacted, "98*5*3*" + ["****", "****", "****"].joined(separator: "*"))
    }
}
