import Foundation

/// One USSD session, played the way the aggregator plays it: the same `sessionId` on every hop,
/// `text` holding every input so far joined by `*`, each answer checked by ``AggregatorRules``, and
/// the end-of-session notification posted once the session is over, whatever ended it.
public actor USSDSessionClient {
    public let sessionID: String
    public let line: SubscriberLine
    private let gateway: GatewayAddress
    private let http: HTTPClient
    private let rules: AggregatorRules
    private var serviceCode = ""
    private var inputs: [String] = []
    /// Positions in `inputs` typed on a PIN screen: masked in the notification.
    private var secretPositions: Set<Int> = []
    private var started: ContinuousClock.Instant?
    private var hops = 0
    private var lastAnswer = ""
    public private(set) var screen: USSDScreen?
    public private(set) var isOpen = false
    /// Set once the end-of-session notification was posted (or tried).
    public private(set) var endStatus: SessionEndStatus?

    public init(gateway: GatewayAddress, line: SubscriberLine, http: HTTPClient, rules: AggregatorRules = AggregatorRules(),
                sessionID: String = USSDSessionClient.makeSessionID()) {
        self.gateway = gateway
        self.line = line
        self.http = http
        self.rules = rules
        self.sessionID = sessionID
    }

    /// A fresh id in the aggregator's style (`ATUid_…`).
    public static func makeSessionID() -> String {
        "ATUid_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    }

    /// The first hop: `text` is empty.
    public func dial(_ code: String) async -> HopOutcome {
        serviceCode = code
        started = .now
        isOpen = true
        return await hop()
    }

    /// A later hop with the subscriber's answer appended to `text`.
    public func send(_ input: String) async -> HopOutcome {
        guard isOpen else { return .breach(.transport("the session is already closed")) }
        if let screen, screen.asksForPIN, input.count >= 4, input.allSatisfy(\.isNumber) {
            secretPositions.insert(inputs.count)
        }
        inputs.append(input)
        return await hop()
    }

    /// The subscriber cancels or walks away: the network closes the session as `Incomplete`.
    public func abandon() async {
        guard isOpen else { return }
        isOpen = false
        await notifyEnd(.incomplete, error: nil)
    }

    /// `input` of the notification: the path with PIN positions masked.
    public var maskedInput: String {
        inputs.enumerated().map { secretPositions.contains($0.offset) ? "****" : $0.element }.joined(separator: "*")
    }

    public var hopsCount: Int { hops }

    private func hop() async -> HopOutcome {
        hops += 1
        let fields: [(String, String)] = [
            ("sessionId", sessionID), ("serviceCode", serviceCode), ("phoneNumber", line.phoneNumber),
            ("networkCode", line.networkCode), ("text", inputs.joined(separator: "*")),
        ]
        let outcome: HopOutcome
        do {
            let reply = try await http.postForm(path: gateway.path, fields: fields, timeout: rules.answerLimit)
            lastAnswer = reply.body
            switch rules.judge(reply) {
            case .success(let screen): outcome = .screen(screen)
            case .failure(let breach): outcome = .breach(breach)
            }
        } catch HTTPClientError.timedOut {
            outcome = .breach(.slowAnswer(limitMillis: rules.answerLimit.milliseconds))
        } catch {
            outcome = .breach(.transport("\(error)"))
        }
        switch outcome {
        case .screen(let screen):
            self.screen = screen
            if screen.isFinal {
                isOpen = false
                await notifyEnd(.success, error: nil)
            }
        case .breach(let breach):
            isOpen = false
            await notifyEnd(.failed, error: breach.errorMessage)
        }
        return outcome
    }

    private func notifyEnd(_ status: SessionEndStatus, error: String?) async {
        endStatus = status
        let elapsed = started.map { ContinuousClock.now - $0 } ?? .zero
        let fields: [(String, String)] = [
            ("date", ISO8601DateFormatter().string(from: Date())), ("sessionId", sessionID),
            ("serviceCode", serviceCode), ("networkCode", line.networkCode), ("phoneNumber", line.phoneNumber),
            ("status", status.rawValue), ("cost", "KES 0.0000"), ("durationInMillis", String(elapsed.milliseconds)),
            ("hopsCount", String(hops)), ("input", maskedInput), ("lastAppResponse", lastAnswer),
            ("errorMessage", error ?? ""),
        ]
        // The gateway's answer does not matter to the subscriber; a lost notification is the app's loss.
        _ = try? await http.postForm(path: gateway.eventsPath, fields: fields, timeout: rules.answerLimit)
    }
}
