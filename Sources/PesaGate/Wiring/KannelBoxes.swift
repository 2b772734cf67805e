import Foundation
import Synchronization

/// bearerbox and smsbox running as children of the benchmark, on one `kannel.conf`.
///
/// They are stopped by ``stop()`` on every path out of a measurement, and also when the benchmark
/// itself is interrupted (SIGINT, SIGTERM): Kannel boxes outliving a run would hold their ports and
/// keep reconnecting to a simulator that is gone.
final class KannelBoxes: Sendable {
    /// Where `bearerbox` and `smsbox` are installed: Debian puts them in /usr/sbin, which is not on
    /// every user's PATH.
    struct Binaries: Sendable, Hashable {
        var bearerbox: String
        var smsbox: String

        /// The installed boxes, or the reason they cannot be used.
        static func locate(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> Result<Binaries, SMPPBenchError> {
            let folders = ["/usr/sbin", "/usr/local/sbin"] + (path ?? "").split(separator: ":").map(String.init)
            func find(_ name: String) -> String? {
                folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
            }
            guard let bearerbox = find("bearerbox"), let smsbox = find("smsbox") else {
                return .failure(SMPPBenchError("bearerbox/smsbox not found in /usr/sbin, /usr/local/sbin or PATH; install the Debian package kannel"))
            }
            return .success(Binaries(bearerbox: bearerbox, smsbox: smsbox))
        }
    }

    private let running = Mutex<[Process]>([])
    private let directory: URL

    init(directory: URL) {
        self.directory = directory
        KannelBoxes.interruptions.watch(self)
    }

    /// Starts one box on `config` with the console silenced (`-v 4`: panics only); its output
    /// goes to `<name>.out` in the scratch folder, read back when something fails.
    func start(_ binary: String, config: URL) throws {
        let name = URL(fileURLWithPath: binary).lastPathComponent
        let output = directory.appendingPathComponent("\(name).out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["-v", "4", config.path]
        process.currentDirectoryURL = directory
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        running.withLock { $0.append(process) }
    }

    /// True while every box started is still running.
    var allRunning: Bool { running.withLock { $0.allSatisfy(\.isRunning) } }

    /// The last lines of each box's log and console output, for an error message.
    func diagnostics(lines: Int = 8) -> String {
        ["bearerbox.log", "smsbox.log", "bearerbox.out", "smsbox.out"].compactMap { file in
            guard let text = try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8), !text.isEmpty
            else { return nil }
            let tail = text.split(separator: "\n").suffix(lines).joined(separator: "\n    ")
            return "  \(file):\n    \(tail)"
        }.joined(separator: "\n")
    }

    /// Stops the boxes, smsbox first (it is the client of bearerbox): SIGTERM, then SIGKILL for a
    /// box still running after `grace`. Safe to call more than once.
    func stop(grace: Duration = .seconds(3)) async {
        let processes = running.withLock { processes in
            defer { processes.removeAll() }
            return processes
        }
        for process in processes.reversed() where process.isRunning { process.terminate() }
        let deadline = ContinuousClock.now + grace
        while processes.contains(where: \.isRunning), ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        for process in processes where process.isRunning { kill(process.processIdentifier, SIGKILL) }
        for process in processes { process.waitUntilExit() }
    }

    /// Kills every box at once and removes their folder, from a signal handler's queue (no
    /// awaiting there, and the process exits right after, so no `defer` would clean up).
    fileprivate func killNow() {
        let processes = running.withLock { $0 }
        for process in processes where process.isRunning { kill(process.processIdentifier, SIGKILL) }
        for process in processes { process.waitUntilExit() }
        try? FileManager.default.removeItem(at: directory)
    }

    fileprivate static let interruptions = Interruptions()

    /// On SIGINT or SIGTERM, kills the boxes of every live ``KannelBoxes`` and exits as the signal
    /// would have (128 + signal number).
    fileprivate final class Interruptions: @unchecked Sendable {
        // Touched only under `lock`; the sources live as long as the process.
        private let lock = NSLock()
        private var watched: [WeakBoxes] = []
        private var sources: [any DispatchSourceSignal] = []

        func watch(_ boxes: KannelBoxes) {
            lock.withLock {
                watched.removeAll { $0.boxes == nil }
                watched.append(WeakBoxes(boxes: boxes))
                guard sources.isEmpty else { return }
                for number in [SIGINT, SIGTERM] {
                    signal(number, SIG_IGN)
                    let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                    source.setEventHandler { [weak self] in
                        self?.lock.withLock { self?.watched.forEach { $0.boxes?.killNow() } }
                        exit(128 + number)
                    }
                    source.resume()
                    sources.append(source)
                }
            }
        }

        private struct WeakBoxes {
            weak var boxes: KannelBoxes?
        }
    }
}
