import Foundation
import Kafka
import Messaging
import Payments

/// One line per record: where it is, its key, and the event as the typed decoder understood it.
enum EventPrinter {
    static func line(for record: ConsumerRecord, topic: Topic) -> String {
        let place = "\(record.coordinates) key=\(record.keyString ?? "-")"
        do {
            let json = try decodeAndReencode(record, topic: topic)
            return "\(place) \(json)"
        } catch {
            return "\(place) ERROR \(error)"
        }
    }

    private static func decodeAndReencode(_ record: ConsumerRecord, topic: Topic) throws -> String {
        let encoded: Data
        switch topic {
        case .paymentRequests: encoded = try EventCoding.encode(record.decodeEvent(PaymentRequest.self), sortedKeys: true)
        case .fraudAnalysis: encoded = try EventCoding.encode(record.decodeEvent(FraudResult.self), sortedKeys: true)
        case .revenueValidation: encoded = try EventCoding.encode(record.decodeEvent(RevenueResult.self), sortedKeys: true)
        case .paymentConfirmations: encoded = try EventCoding.encode(record.decodeEvent(PaymentConfirmation.self), sortedKeys: true)
        case .auditTrail: encoded = try EventCoding.encode(record.decodeEvent(AuditEvent.self), sortedKeys: true)
        case .paymentDLQ: encoded = try EventCoding.encode(record.decodeEvent(DeadLetterEnvelope.self), sortedKeys: true)
        case .coreProcessing:
            switch try CoreProcessingRecord.decode(from: Data(record.value)) {
            case .result(let result): encoded = try EventCoding.encode(result, sortedKeys: true)
            case .completion(let completion): encoded = try EventCoding.encode(completion, sortedKeys: true)
            case .command(let command): encoded = try EventCoding.encode(command, sortedKeys: true)
            case .unknown: return "(a core-processing record of a kind this tool does not know)"
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }
}

/// The seed's step-1 example, the story every demo and acceptance test tells.
enum SeedExample {
    static func request(id: TransactionID, at date: Date) throws -> PaymentRequest {
        let json = """
            {"transactionId":"\(id)","timestamp":"\(EventCoding.formatTimestamp(date))","fromMsisdn":"254700123456",\
            "toMsisdn":"254711987654","amount":5000,"currency":"KES","transactionType":"P2P_TRANSFER",\
            "initiationChannel":"USSD","deviceId":"IMEI-123456789","location":"NAIROBI"}
            """
        return try EventCoding.decode(PaymentRequest.self, from: Data(json.utf8))
    }
}
