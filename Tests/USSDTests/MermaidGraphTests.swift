import XCTest

@testable import USSD

final class MermaidGraphTests: XCTestCase {
    func testRender_drawsEveryScreenAndTransitionOfTheShippedMenu() {
        let menu = TestSupport.shippedMenu
        let graph = MermaidGraph.render(menu)
        XCTAssertTrue(graph.hasPrefix("flowchart TD\n    main[\"main: M-PESA\"]\n"), graph)
        XCTAssertTrue(graph.contains("    main -->|\"1 Send Money\"| send_phone\n"))
        XCTAssertTrue(graph.contains("    send_pin[[\"send.pin: Enter M-PESA PIN\"]]\n"))
        XCTAssertTrue(graph.contains("    send_submit([\"send.submit: submit P2P_TRANSFER\"])\n"))
        XCTAssertTrue(graph.contains("    send_confirm -->|\"1 Confirm\"| send_pin\n"))
        let nodes = graph.split(separator: "\n").filter { !$0.contains("-->") }.count - 1
        XCTAssertEqual(nodes, menu.screens.count)
    }

    func testRender_inKiswahili_labelsInKiswahili() {
        let graph = MermaidGraph.render(TestSupport.shippedMenu, language: .kiswahili)
        XCTAssertTrue(graph.contains("    main -->|\"1 Tuma Pesa\"| send_phone\n"))
    }

    func testRender_escapesQuotes() {
        XCTAssertEqual(MermaidGraph.escape("Say \"hi\"\nthen"), "Say #quot;hi#quot; then")
        XCTAssertEqual(MermaidGraph.identifier("send.amount-2"), "send_amount_2")
    }
}
