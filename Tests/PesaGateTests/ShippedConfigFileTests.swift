import Foundation
import XCTest
@testable import PesaGate

/// The shipped `pesagate.yaml` is the configuration reference: it must list every key at its default.
final class ShippedConfigFileTests: XCTestCase {
    func testShippedFile_setsEveryKeyToItsDocumentedDefault() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("pesagate.yaml").path
        let reader = SettingsReader(layers: try await SettingsLayers(flags: [:], environment: [:], filePath: path))
        for definition in Settings.definitions {
            let (value, source) = reader.raw(definition.key)
            XCTAssertEqual(source, .file(path), "\(definition.key) is missing from pesagate.yaml")
            XCTAssertEqual(value, definition.defaultValue, "\(definition.key) in pesagate.yaml differs from the default")
        }
    }
}
