import HandsetKit
import XCTest

final class PhoneDisplayTests: XCTestCase {
    private let display = PhoneDisplay()

    func testRender_fitsAnOrdinaryTerminal() {
        var state = PhoneState(msisdn: "254700123456", gateway: "http://127.0.0.1:8080/ussd")
        state.mode = .inSession(USSDScreen(text: String(repeating: "word ", count: 36), isFinal: false))
        state.inbox = (1...6).map { ReceivedSMSLine(time: "14:3\($0)", from: "MPESA", text: String(repeating: "long text ", count: 16)) }
        let lines = display.render(state)
        XCTAssertEqual(lines.count, 24)
        XCTAssertTrue(lines.allSatisfy { $0.count <= 80 }, lines.filter { $0.count > 80 }.joined(separator: "\n"))
    }

    func testRender_showsTheScreenTheInputAndTheTimer() {
        var state = PhoneState(msisdn: "254700123456", gateway: "http://127.0.0.1:8080/ussd")
        state.mode = .inSession(USSDScreen(text: "M-PESA\n1 Send Money", isFinal: false))
        state.input = "1"
        state.sessionSeconds = 75
        let text = display.render(state).joined(separator: "\n")
        XCTAssertTrue(text.contains("| M-PESA "))
        XCTAssertTrue(text.contains("| 1 Send Money "))
        XCTAssertTrue(text.contains(" > 1_"))
        XCTAssertTrue(text.contains("01:15"))
        XCTAssertTrue(text.contains("[Enter] Send   [Esc] Cancel"))
    }

    func testRender_listsTheNewestSMSFirst() throws {
        var state = PhoneState(msisdn: "254700123456", gateway: "g")
        state.inbox = [
            ReceivedSMSLine(time: "14:30", from: "MPESA", text: "first"),
            ReceivedSMSLine(time: "14:31", from: "MPESA", text: "second"),
        ]
        let text = display.render(state).joined(separator: "\n")
        XCTAssertTrue(text.contains("SMS inbox (2)"))
        let second = try XCTUnwrap(text.range(of: "second"))
        let first = try XCTUnwrap(text.range(of: "first"))
        XCTAssertLessThan(second.lowerBound, first.lowerBound)
    }
}
