import Foundation
import HandsetKit

/// The interactive handset: a feature-phone screen in an 80x24 terminal, redrawn on every key,
/// every second (the session timer) and every SMS.
struct TerminalPhone {
    let endpoints: Endpoints
    let msisdn: String
    let lang: String

    private enum Event: Sendable {
        case keys([UInt8])
        case sms(ReceivedSMS)
        case tick
        case inputClosed
    }

    func run() async throws {
        let terminal = RawTerminal()
        defer { terminal.restore() }
        var state = PhoneState(msisdn: msisdn, gateway: endpoints.gateway.description)
        state.language = lang
        state.status = endpoints.smsc == nil ? "SMS off: " + endpoints.smscDescription : "SMSC " + endpoints.smscDescription
        let display = PhoneDisplay()
        let http = endpoints.http()
        let receiver = endpoints.receiver(for: msisdn)
        let (events, sink) = AsyncStream.makeStream(of: Event.self)
        await withTaskGroup(of: Void.self) { group in
            if let receiver {
                group.addTask { try? await receiver.run() }
                group.addTask { for await sms in receiver.inbox { sink.yield(.sms(sms)) } }
            }
            group.addTask {
                for await chunk in StandardInput.chunks() { sink.yield(.keys(chunk)) }
                sink.yield(.inputClosed)
            }
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(1))
                    sink.yield(.tick)
                }
            }
            var phone = Controller(endpoints: endpoints, msisdn: msisdn, http: http)
            terminal.draw(display.render(state))
            loop: for await event in events {
                switch event {
                case .keys(let chunk):
                    if await !phone.handle(chunk, state: &state, redraw: { terminal.draw(display.render($0)) }) { break loop }
                case .sms(let sms):
                    state.inbox.append(ReceivedSMSLine(time: Self.clock(), from: sms.from, text: sms.text))
                case .tick:
                    state.sessionSeconds = phone.startedAt.map { (ContinuousClock.now - $0).milliseconds / 1_000 }
                case .inputClosed:
                    break loop
                }
                terminal.draw(display.render(state))
            }
            await phone.hangUp()
            receiver?.close()
            await http.close()
            group.cancelAll()
        }
    }

    static func clock() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm"
        return formatter.string(from: Date())
    }

    /// Turns keys into dials, answers and cancels.
    private struct Controller {
        let endpoints: Endpoints
        let msisdn: String
        let http: HTTPClient
        var session: USSDSessionClient?
        var startedAt: ContinuousClock.Instant?

        /// False when the subscriber quits.
        mutating func handle(_ chunk: [UInt8], state: inout PhoneState, redraw: (PhoneState) -> Void) async -> Bool {
            if chunk.first == 0x1B, chunk.count > 1 { return true }  // arrow keys and other sequences
            for byte in chunk {
                switch byte {
                case 3, 4: return false  // Ctrl-C, Ctrl-D
                case 0x1B: await cancel(state: &state)
                case 0x7F, 0x08: if !state.input.isEmpty { state.input.removeLast() }
                case 0x0D, 0x0A: await enter(state: &state, redraw: redraw)
                case 0x20...0x7E:
                    if case .ended = state.mode { continue }
                    if state.input.count < 40 { state.input.append(Character(Unicode.Scalar(byte))) }
                default: continue
                }
            }
            return true
        }

        mutating func enter(state: inout PhoneState, redraw: (PhoneState) -> Void) async {
            let input = state.input
            state.input = ""
            switch state.mode {
            case .ended:
                state.mode = .idle
                state.sessionSeconds = nil
                startedAt = nil
            case .idle:
                let fresh = USSDSessionClient(gateway: endpoints.gateway, line: SubscriberLine(msisdn: msisdn), http: http,
                                              rules: endpoints.rules)
                session = fresh
                startedAt = .now
                state.sessionSeconds = 0
                state.mode = .waiting
                redraw(state)
                show(await fresh.dial(input.isEmpty ? DialogueScript.defaultCode : input), state: &state)
            case .inSession:
                guard let session else { return }
                state.mode = .waiting
                redraw(state)
                show(await session.send(input), state: &state)
            case .waiting:
                break
            }
        }

        mutating func cancel(state: inout PhoneState) async {
            state.input = ""
            guard case .inSession = state.mode else { return }
            await hangUp()
            state.mode = .ended("Cancelled.")
        }

        mutating func hangUp() async {
            if let session { await session.abandon() }
            session = nil
            startedAt = nil
        }

        mutating func show(_ outcome: HopOutcome, state: inout PhoneState) {
            switch outcome {
            case .screen(let screen) where screen.isFinal:
                state.mode = .ended(screen.text)
                startedAt = nil
            case .screen(let screen):
                state.mode = .inSession(screen)
            case .breach(let breach):
                state.mode = .ended("Connection problem or invalid MMI code.")
                state.status = "session dropped: \(breach)"
                startedAt = nil
            }
        }
    }
}
