import Foundation
import Payments
import Services
import XCTest

/// Tariff bands are data, checked at load.
final class TariffTableTests: XCTestCase {
    let tiers = [1: TariffTable.Tier(perTransaction: 70_000, daily: 70_000, maxBalance: 300_000)]

    func testShippedTariffFile_givesTheSeedsFeeOf15On5000() throws {
        let table = try TariffTable.load(path: ConfigFiles.tariffs)
        XCTAssertEqual(table.fee(for: 5_000, type: .p2pTransfer), 15)
        XCTAssertEqual(table, TariffTable.default)
    }

    func testBandEdges_belongToExactlyOneBand() {
        let table = TariffTable.default
        XCTAssertEqual(table.fee(for: 3_500, type: .p2pTransfer), 13)
        XCTAssertEqual(table.fee(for: 3_501, type: .p2pTransfer), 15)
        XCTAssertEqual(table.fee(for: 5_001, type: .p2pTransfer), 20)
    }

    func testAmountOutsideEveryBand_hasNoFee() {
        XCTAssertNil(TariffTable.default.fee(for: 250_001, type: .p2pTransfer))
        XCTAssertNil(TariffTable.default.fee(for: 0, type: .p2pTransfer))
    }

    func testTypeNotInTheBand_isFree() {
        XCTAssertEqual(TariffTable.default.fee(for: 5_000, type: .paybill), 0)
    }

    func testOverlappingBands_areRefused() {
        XCTAssertThrowsError(try TariffTable(bands: [
            .init(min: 1, max: 100, fees: [:]), .init(min: 100, max: 200, fees: [:]),
        ], tiers: tiers)) { XCTAssertEqual($0 as? TariffError, .overlap(1, 100)) }
    }

    func testGapBetweenBands_isRefused() {
        XCTAssertThrowsError(try TariffTable(bands: [
            .init(min: 1, max: 100, fees: [:]), .init(min: 102, max: 200, fees: [:]),
        ], tiers: tiers)) { XCTAssertEqual($0 as? TariffError, .gap(after: 100, next: 102)) }
    }

    func testInvertedBandAndNegativeFee_areRefused() {
        XCTAssertThrowsError(try TariffTable(bands: [.init(min: 10, max: 5, fees: [:])], tiers: tiers))
        XCTAssertThrowsError(try TariffTable(bands: [.init(min: 1, max: 5, fees: ["P2P_TRANSFER": -1])], tiers: tiers))
    }

    func testBandsOutOfOrderInTheFile_areSortedAndAccepted() throws {
        let table = try TariffTable.parse(yaml: """
            bands:
              - {min: 101, max: 200, fees: {P2P_TRANSFER: 2}}
              - {min: 1, max: 100, fees: {P2P_TRANSFER: 1}}
            tiers:
              1: {perTransaction: 100, daily: 200, maxBalance: 300}
            """)
        XCTAssertEqual(table.fee(for: 150, type: .p2pTransfer), 2)
        XCTAssertEqual(table.tier(1).daily, 200)
    }
}
