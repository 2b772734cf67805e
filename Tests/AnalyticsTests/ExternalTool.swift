import Foundation
import XCTest

/// Runs the command-line tools some tests need (promtool, chromium, python3) and finds the repository.
///
/// Output goes to a temporary file rather than a pipe: Chromium's helper processes inherit the handles
/// and may outlive the browser, and a pipe would then never reach end-of-file.
struct ExternalTool {
    struct Result {
        var status: Int32
        var output: String
        var errors: String

        /// Both streams, for failure messages.
        var transcript: String { output + errors }
    }

    let url: URL

    /// The tool named `name` on `PATH` (or in the usual system folders), or a failure that says how to
    /// install it: a missing tool must fail the suite, not skip it, or the check silently stops running.
    static func require(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> ExternalTool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/local/bin", "/usr/bin", "/bin"]
        for folder in folders {
            let candidate = URL(fileURLWithPath: folder).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                return ExternalTool(url: candidate)
            }
        }
        XCTFail("\(name) is not installed: run scripts/install-deps.sh", file: file, line: line)
        throw CocoaError(.fileNoSuchFile)
    }

    /// Runs the tool to completion (killing it after `timeout` seconds) and returns its status, its
    /// standard output and its standard error (kept apart, so that a warning cannot corrupt the output).
    func run(_ arguments: [String], in directory: URL? = nil, timeout: TimeInterval = 60) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("analytics-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outputFile = scratch.appendingPathComponent("stdout")
        let errorFile = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputFile)
        let errors = try FileHandle(forWritingTo: errorFile)
        defer {
            try? output.close()
            try? errors.close()
        }

        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        if process.isRunning {
            process.terminate()
        }
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            output: (try? String(contentsOf: outputFile, encoding: .utf8)) ?? "",
            errors: (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "")
    }

    /// Starts the tool in the background; the caller terminates it.
    func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The repository root: the nearest folder above this file that holds `config/alerts.yml`. Works both
    /// from /work/main and from a dev package whose test folder is a symlink into it.
    static func repositoryRoot(from file: String = #filePath) throws -> URL {
        for start in [URL(fileURLWithPath: file), URL(fileURLWithPath: file).resolvingSymlinksInPath()] {
            var folder = start.deletingLastPathComponent()
            while folder.path != "/" {
                if FileManager.default.fileExists(atPath: folder.appendingPathComponent("config/alerts.yml").path) {
                    return folder
                }
                folder = folder.deletingLastPathComponent()
            }
        }
        XCTFail("no config/alerts.yml above \(file)")
        throw CocoaError(.fileNoSuchFile)
    }
}
