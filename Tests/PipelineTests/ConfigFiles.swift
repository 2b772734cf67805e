import Foundation

/// The shipped config files (`/work/main/config`), found from this source file's real location.
enum ConfigFiles {
    static var directory: URL {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("config")
    }

    static var fraudRules: String { directory.appendingPathComponent("fraud-rules.yaml").path }
    static var tariffs: String { directory.appendingPathComponent("tariffs.yaml").path }
}
