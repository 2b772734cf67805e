/// Refuses librdkafka settings that would break the payment guarantees, with a message that says which
/// key and why. A payment request that was acknowledged must never be lost or duplicated by the client,
/// and an offset must never be committed before the work it stands for.
public enum SafetyPolicy {
    public static func checkProducer(_ props: [String: String]) throws(KafkaError) {
        if let value = props["enable.idempotence"], !isTrue(value) {
            throw .configuration(
                "enable.idempotence=\(value) is refused for payment topics: without it a retried send can write a payment twice")
        }
        if let acks = props["acks"] ?? props["request.required.acks"], acks != "all", acks != "-1" {
            throw .configuration(
                "acks=\(acks) is refused for payment topics: only acks=all (-1) survives the loss of a leader")
        }
        if let value = props["max.in.flight.requests.per.connection"], let n = Int(value), n > 5 {
            throw .configuration(
                "max.in.flight.requests.per.connection=\(n) is refused: the idempotent producer keeps order only up to 5")
        }
    }

    public static func checkConsumer(_ props: [String: String]) throws(KafkaError) {
        if let value = props["enable.auto.commit"], isTrue(value) {
            throw .configuration(
                "enable.auto.commit=\(value) is refused: offsets would be committed before the payment was processed")
        }
        if let value = props["enable.auto.offset.store"], isTrue(value) {
            throw .configuration(
                "enable.auto.offset.store=\(value) is refused: an offset is stored only after its handler succeeded")
        }
    }

    private static func isTrue(_ value: String) -> Bool {
        ["true", "1", "yes", "on"].contains(value.lowercased())
    }
}
