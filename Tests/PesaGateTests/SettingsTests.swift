import Foundation
import XCTest
@testable import PesaGate

final class SettingsTests: XCTestCase {
    private func yaml(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pesagate-\(UUID().uuidString).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testDefaults_whenNothingIsConfigured_matchTheDocumentedTable() async throws {
        let settings = try Settings.load(from: try await SettingsLayers(flags: [:], environment: [:], filePath: nil))
        XCTAssertEqual(settings.dataDirectory, "./data")
        XCTAssertEqual(settings.httpPort, 8080)
        XCTAssertEqual(settings.kafkaBrokers, "", "empty means: start the embedded cluster")
        XCTAssertEqual(settings.embeddedBrokers, 3)
        XCTAssertEqual(settings.serviceCode, "*334#")
        XCTAssertEqual(settings.smsTimeZone, "Africa/Nairobi")
    }

    func testPrecedence_flagBeatsEnvironmentBeatsFile() async throws {
        let file = try yaml("http:\n  port: 7000\nkafka:\n  fetchWaitMaxMs: 50\n  embeddedBrokers: 1\n")
        let layers = try await SettingsLayers(
            flags: ["http.port": ("http-port", "9000")],
            environment: ["PESAGATE_HTTP_PORT": "8000", "PESAGATE_KAFKA_FETCH_WAIT_MAX_MS": "20"],
            filePath: file)
        let settings = try Settings.load(from: layers)
        XCTAssertEqual(settings.httpPort, 9000, "flag wins")
        XCTAssertEqual(settings.fetchWaitMaxMs, 20, "environment beats file")
        XCTAssertEqual(settings.embeddedBrokers, 1, "file beats default")
    }

    func testBadValue_namesKeyValueAndEnvironmentVariable() async throws {
        let layers = try await SettingsLayers(flags: [:], environment: ["PESAGATE_KAFKA_FETCH_WAIT_MAX_MS": "abc"], filePath: nil)
        XCTAssertThrowsError(try Settings.load(from: layers)) { error in
            XCTAssertEqual("\(error)",
                           #"configuration error: kafka.fetchWaitMaxMs = "abc" is not a whole number (from environment variable PESAGATE_KAFKA_FETCH_WAIT_MAX_MS)"#)
        }
    }

    func testBadValue_fromFile_namesTheFile() async throws {
        let file = try yaml("kafka:\n  brokers: \"localhost\"\n")
        let layers = try await SettingsLayers(flags: [:], environment: [:], filePath: file)
        XCTAssertThrowsError(try Settings.load(from: layers)) { error in
            XCTAssertEqual("\(error)", #"configuration error: kafka.brokers = "localhost" is not a list of host:port (from file \#(file))"#)
        }
    }

    func testOutOfRangeAndUnknownValues_areRefused() async throws {
        for (key, value, reason) in [("http.port", "70000", "is outside 0...65535"),
                                     ("sms.timeZone", "Mars/Olympus", "is not a known time zone"),
                                     ("log.level", "loud", "is not one of")] {
            let layers = try await SettingsLayers(flags: [key: ("x", value)], environment: [:], filePath: nil)
            XCTAssertThrowsError(try Settings.load(from: layers), key) { error in
                XCTAssertTrue("\(error)".contains(reason), "\(error)")
            }
        }
    }

    func testMissingConfigFile_isAnError() async {
        do {
            _ = try await SettingsLayers(flags: [:], environment: [:], filePath: "/nonexistent/pesagate.yaml")
            XCTFail("a named file that does not exist must not be ignored")
        } catch {
            XCTAssertTrue("\(error)".contains("does not exist"), "\(error)")
        }
    }

    func testEnvironmentNames_followSwiftConfigurationsEncoding() {
        XCTAssertEqual(SettingsLayers.environmentName(for: "kafka.fetchWaitMaxMs"), "PESAGATE_KAFKA_FETCH_WAIT_MAX_MS")
        XCTAssertEqual(SettingsLayers.environmentName(for: "data"), "PESAGATE_DATA")
    }

    func testEveryDefinition_hasAValidDefault() async throws {
        // Settings.load reads every definition; a default that does not parse would throw here.
        _ = try Settings.load(from: try await SettingsLayers(flags: [:], environment: [:], filePath: nil))
        XCTAssertEqual(Set(Settings.definitions.map(\.key)).count, Settings.definitions.count, "keys are unique")
    }
}
