import XCTest
@testable import PesaGate

final class LibrdkafkaPropertiesFileTests: XCTestCase {
    func testParse_readsKeyValueLinesAndSkipsComments() throws {
        let text = """
            # a real cluster with TLS and SCRAM
            security.protocol=SASL_SSL
            sasl.mechanisms = SCRAM-SHA-512
            sasl.password=s3cr=t

            """
        let properties = try LibrdkafkaPropertiesFile.parse(text, path: "client.properties")
        XCTAssertEqual(properties, ["security.protocol": "SASL_SSL", "sasl.mechanisms": "SCRAM-SHA-512", "sasl.password": "s3cr=t"])
    }

    func testParse_lineWithoutEquals_isReportedWithFileAndLine() {
        XCTAssertThrowsError(try LibrdkafkaPropertiesFile.parse("a=b\nnonsense\n", path: "client.properties")) { error in
            XCTAssertEqual("\(error)", "client.properties:2: expected key=value")
        }
    }
}
