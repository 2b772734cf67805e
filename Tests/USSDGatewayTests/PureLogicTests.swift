import Foundation
import XCTest
@testable import USSDGateway

/// The gateway's pure pieces: form reading, hop validation, fees, signatures, redaction without a session.
final class PureLogicTests: XCTestCase {
    func testFormBody_readsPlusAsSpaceAndPercentEscapes() throws {
        let form = try XCTUnwrap(FormBody(Array("phoneNumber=+254700123456&text=1%2A2&x=a+b".utf8)))
        XCTAssertEqual(form["phoneNumber"], " 254700123456")
        XCTAssertEqual(form["text"], "1*2")
        XCTAssertEqual(form["x"], "a b")
    }

    func testFormBody_whenEscapeBroken_isNil() {
        XCTAssertNil(FormBody(Array("text=%G1".utf8)))
    }

    func testHopParse_whenPlusBecameSpace_normalisesTheMSISDN() throws {
        let form = try XCTUnwrap(FormBody(Array("sessionId=s&serviceCode=*334%23&phoneNumber=+254700123456&networkCode=63902".utf8)))
        let hop = try Hop.parse(form).get()
        XCTAssertEqual(hop.msisdn.value, "254700123456")
        XCTAssertEqual(hop.text, "")
    }

    func testBandedFeeTable_chargesFifteenAtFiveThousandAndNothingForAirtime() {
        let table = BandedFeeTable()
        XCTAssertEqual(table.fee(transactionType: "P2P_TRANSFER", amount: 5_000), 15)
        XCTAssertEqual(table.fee(transactionType: "P2P_TRANSFER", amount: 50), 0)
        XCTAssertEqual(table.fee(transactionType: "AIRTIME_PURCHASE", amount: 5_000), 0)
    }

    func testSignature_isHexHMACSHA256AndComparedExactly() {
        let signature = EndpointGuard.signature(of: Array("a=b".utf8), key: "key")
        XCTAssertEqual(signature.count, 64)
        XCTAssertTrue(EndpointGuard.constantTimeEqual(Array(signature.utf8), Array(signature.utf8)))
        XCTAssertFalse(EndpointGuard.constantTimeEqual(Array("abc".utf8), Array("abd".utf8)))
    }

    func testMaskAnyPIN_withoutTheSession_masksEveryPieceThatCouldBeAPIN() {
        XCTAssertEqual(USSDGateway.maskAnyPIN("1*0711987654*50*1*1234"), "1*0711987654*50*1*****")
    }

    func testConfiguration_idleTimeoutNeverBelowTheNetworks() {
        var configuration = USSDGatewayConfiguration()
        configuration.idleTimeout = .seconds(20)
        XCTAssertEqual(configuration.effectiveIdleTimeout, .seconds(60))
    }
}
