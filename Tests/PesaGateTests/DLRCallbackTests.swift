import XCTest
@testable import PesaGate

/// Kannel's delivery-report callbacks: only a final DELIVRD counts as delivered.
final class DLRCallbackTests: XCTestCase {
    func testQuery_withTypeOne_isAFinalDelivery() throws {
        let callback = try XCTUnwrap(DLRCallback(query: "ref=w10%3ATXN-20240902-B0000001&type=1"))
        XCTAssertEqual(callback.reference, "w10:TXN-20240902-B0000001")
        XCTAssertTrue(callback.isDelivered)
        XCTAssertTrue(callback.isFinal)
    }

    func testQuery_withTypeTwoOrSixteen_isFinalButNotDelivered() throws {
        for type in [2, 16] {
            let callback = try XCTUnwrap(DLRCallback(query: "ref=a&type=\(type)"))
            XCTAssertFalse(callback.isDelivered, "type \(type)")
            XCTAssertTrue(callback.isFinal, "type \(type)")
        }
    }

    func testQuery_withAnIntermediateType_isNotFinal() throws {
        for type in [4, 8] {
            let callback = try XCTUnwrap(DLRCallback(query: "type=\(type)&ref=a"))
            XCTAssertFalse(callback.isFinal, "type \(type)")
            XCTAssertFalse(callback.isDelivered, "type \(type)")
        }
    }

    func testQuery_withoutReferenceOrNumericType_isRejected() {
        XCTAssertNil(DLRCallback(query: "type=1"))
        XCTAssertNil(DLRCallback(query: "ref=&type=1"))
        XCTAssertNil(DLRCallback(query: "ref=a"))
        XCTAssertNil(DLRCallback(query: "ref=a&type=%d"), "an unfilled Kannel escape is not a type")
    }

    func testQuery_decodesPlusAsSpace_andKeepsAMalformedEscape() throws {
        XCTAssertEqual(DLRCallback(query: "ref=a+b%2Bc&type=1")?.reference, "a b+c")
        XCTAssertEqual(DLRCallback(query: "ref=50%ZZ&type=1")?.reference, "50%ZZ")
    }
}
