import Foundation
import GRDB
import Kafka
import Ledger
import Messaging
import Payments
import USSD

extension USSDSession {
    /// Answers one effect of the dialogue with the ledger, the fee table or Kafka. A failure the engine has no
    /// answer for becomes an answer that does not fit the effect, which the engine turns into its clean
    /// "service not available" END.
    func perform(_ effect: DialogueEffect) async -> EffectAnswer {
        let ledger = services.ledger
        switch effect {
        case .lookupName(let recipient, let number):
            let name = lookUp(recipient, number)
            lastPayee = name ?? number
            return .name(name)
        case .quoteFee(let transactionType, let amount):
            let fee = services.fees.fee(transactionType: transactionType, amount: amount)
            noteConfirmScreen(transactionType: transactionType, amount: amount)
            return .fee(fee)
        case .verifyPIN(let pin):
            return await verify(pin)
        case .submitPayment(let intent):
            return await submit(intent)
        case .query(.balance):
            guard let balance = try? ledger.balance(of: msisdn) else { return .failed() }
            return .succeeded(["balance": String(balance.formatted.drop { !$0.isNumber && $0 != "-" })])
        case .query(.miniStatement):
            guard let lines = try? ledger.miniStatement(of: msisdn, limit: 5) else { return .failed() }
            return .succeeded(["statement": StatementFormat.lines(lines)])
        case .changePIN(let newPIN):
            let done = (try? newPIN.withDigits { try ledger.setPIN($0, for: msisdn) }) != nil
            return done ? .succeeded() : .failed()
        case .setLanguage(let language):
            guard let value = SubscriberLanguage(rawValue: language.rawValue) else { return .failed() }
            let done = (try? ledger.setLanguage(value, for: msisdn)) != nil
            return done ? .succeeded() : .failed()
        }
    }

    private func lookUp(_ recipient: RecipientKind, _ number: String) -> String? {
        let ledger = services.ledger
        switch recipient {
        case .subscriber:
            guard let other = try? MSISDN(parsing: number) else { return nil }
            return (try? ledger.subscriber(other))??.name
        case .agent: return (try? ledger.account(kind: .agent, number: number))??.name
        case .till: return (try? ledger.account(kind: .till, number: number))??.name
        case .paybill: return (try? ledger.account(kind: .paybill, number: number))??.name
        }
    }

    /// The confirm screen is about to show: from here on a timeout leaves a Pending offer. The transaction id is
    /// fixed now and kept for every later publish of this payment.
    private func noteConfirmScreen(transactionType: String, amount: Int) {
        guard let dialogue else { return }
        let consumed = dialogue.inputCount
        guard consumed <= fedInputs.count, !dialogue.secretInputIndexes.contains(where: { $0 < consumed }) else { return }
        draft = PaymentDraft(
            transactionID: draft?.transactionID ?? services.transactionIDs.next(),
            // A flow without a name look-up (airtime) is offered with the number it was for.
            transactionType: transactionType, amount: amount, payee: lastPayee ?? dialogue.value(of: "toMsisdn") ?? "",
            inputs: Array(fedInputs.prefix(consumed)), language: dialogue.language,
            mayBePersisted: draft?.mayBePersisted ?? false)
    }

    /// Checks the PIN with an attempt id per session and input, so the ledger counts a replayed hop once.
    private func verify(_ pin: PIN) async -> EffectAnswer {
        let now = services.now()
        let attemptID = "\(id)@\(Int64(createdAt.timeIntervalSince1970 * 1000)):\((dialogue?.inputCount ?? 0) - 1)"
        // The async check: the attempt's durable commit must not hold a cooperative thread. The digits
        // live only for this call.
        let verification = try? await services.ledger.verifyPIN(
            pin.withDigits { $0 }, for: msisdn, attemptID: attemptID, now: now)
        switch verification {
        case .accepted: return .pinAccepted
        case .rejected(let attemptsLeft) where attemptsLeft > 0: return .pinRejected(attemptsLeft: attemptsLeft)
        case .rejected:
            return .pinLocked(minutes: Int((services.ledger.configuration.pinLockDuration / 60).rounded(.up)))
        case .locked(let until):
            return .pinLocked(minutes: max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up))))
        case .accountInactive, nil:
            return .failed()
        }
    }

    /// Publishes the payment request and answers only once Kafka has: acknowledged, certainly not persisted
    /// ("nothing was charged"), or possibly persisted (an SMS will confirm; the id is kept for a Pending offer).
    private func submit(_ intent: PaymentIntent) async -> EffectAnswer {
        let transactionID = draft?.transactionID ?? services.transactionIDs.next()
        guard let request = PaymentRequestBuilder.build(
            intent, transactionID: transactionID, from: msisdn, at: services.now(),
            channel: services.configuration.initiationChannel, location: region)
        else { return .failed() }
        let trace = TraceContext.payment(transactionID.value)
        do {
            let event = try OutgoingEvent(request, topic: .paymentRequests, key: msisdn.value, trace: trace)
            try await services.publisher.publish(event)
        } catch let error as KafkaError {
            var kept = draft ?? PaymentDraft(
                transactionID: transactionID, transactionType: intent.transactionType, amount: intent.amount ?? 0,
                payee: lastPayee ?? request.toMsisdn, inputs: [], language: language)
            if error.persistence == .notPersisted, !kept.mayBePersisted {
                services.logger.warning(
                    "payment request not persisted", metadata: ["transactionId": "\(transactionID)", "error": "\(error)"])
                draft = nil
                return .failed(["transactionId": transactionID.value])
            }
            services.logger.warning(
                "payment request possibly persisted", metadata: ["transactionId": "\(transactionID)", "error": "\(error)"])
            kept.mayBePersisted = true
            let now = services.now()
            services.pending.put(
                kept, for: msisdn, until: now.addingTimeInterval(services.configuration.resumeWindow.seconds), now: now)
            draft = nil
            return .uncertain(["transactionId": transactionID.value])
        } catch {
            draft = nil
            return .failed()
        }
        services.logger.info(
            "payment request published",
            metadata: ["transactionId": "\(transactionID)", "traceId": "\(trace.traceID)", "traceparent": "\(trace.traceparent)"])
        services.pending.remove(transactionID, for: msisdn)
        draft = nil
        return .succeeded(["transactionId": transactionID.value])
    }
}
