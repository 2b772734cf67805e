import ArgumentParser
import XCTest
@testable import PesaGate

/// `pesagate bench smpp` as an operator types it: defaults, Kannel modes, and what it refuses.
final class BenchSMPPCommandTests: XCTestCase {
    func parse(_ arguments: [String]) throws -> BenchCommand.SMPPBench {
        let command = try PesaGateCommand.parseAsRoot(["bench", "smpp"] + arguments)
        return try XCTUnwrap(command as? BenchCommand.SMPPBench)
    }

    func testParse_withNoOptions_measuresWindows1_10_100_withKannelWhenInstalled() throws {
        let command = try parse([])
        XCTAssertEqual(command.windowSizes, [1, 10, 100])
        XCTAssertEqual(command.kannel, .auto)
        XCTAssertNil(command.messages)
        XCTAssertFalse(command.breakdown)
    }

    func testParse_takesWindowsKannelModeAndCount() throws {
        let command = try parse(["--windows", "5, 50", "--kannel", "required", "--messages", "300"])
        XCTAssertEqual(command.windowSizes, [5, 50])
        XCTAssertEqual(command.kannel, .required)
        XCTAssertEqual(command.messages, 300)
    }

    func testParse_refusesAZeroWindowAnUnknownKannelModeAndAnEmptyRun() {
        XCTAssertThrowsError(try parse(["--windows", "0,10"]))
        XCTAssertThrowsError(try parse(["--kannel", "sometimes"]))
        XCTAssertThrowsError(try parse(["--messages", "0"]))
    }

    func testParse_refusesATextLongerThanOneSMS() throws {
        XCTAssertNoThrow(try parse(["--text", String(repeating: "a", count: 160)]))
        XCTAssertThrowsError(try parse(["--text", String(repeating: "a", count: 161)]))
        XCTAssertThrowsError(try parse(["--text", String(repeating: "😊", count: 40)]), "UCS-2 fits 70 units")
    }
}
