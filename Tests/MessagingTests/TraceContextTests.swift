import XCTest
@testable import Messaging

final class TraceContextTests: XCTestCase {
    func testParse_acceptsW3CExample_andPrintsItBack() throws {
        let text = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
        let context = try XCTUnwrap(TraceContext(traceparent: text))
        XCTAssertEqual(context.traceID, "0af7651916cd43dd8448eb211c80319c")
        XCTAssertTrue(context.sampled)
        XCTAssertEqual(context.traceparent, text)
    }

    func testParse_rejectsMalformedCarriers() {
        for bad in ["", "00-abc-def-01", "01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                    "00-00000000000000000000000000000000-b7ad6b7169203331-01",
                    "00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01"] {
            XCTAssertNil(TraceContext(traceparent: bad), bad)
        }
    }

    func testChild_keepsTraceID_andChangesSpan() {
        let parent = TraceContext.start()
        let child = parent.child()
        XCTAssertEqual(child.traceID, parent.traceID)
        XCTAssertNotEqual(child.spanID, parent.spanID)
        XCTAssertNotNil(TraceContext(traceparent: child.traceparent))
    }
}
