import CRdKafka

/// Where the consumer's poll thread receives a burst of librdkafka messages, and what it reads from it:
/// runs of one partition (the unit of offset bookkeeping) and the records handed to handlers.
///
/// Used by the poll thread only (hence unchecked `Sendable`): one buffer, reused every round.
final class MessageInbox: @unchecked Sendable {
    /// Consecutive records of one partition, as fetches deliver them.
    struct Run {
        var range: Range<Int>
        var rkt: OpaquePointer?
        var partition: TopicPartition
        /// Where the tracker keeps the partition, and its epoch; nil: drop the run (its partition is not
        /// assigned, or waits for a seek back: its records come again).
        var stamp: (slot: OffsetTracker.Slot, epoch: UInt64)?
    }

    let capacity: Int
    private let messages: UnsafeMutablePointer<UnsafeMutablePointer<rd_kafka_message_t>?>
    private(set) var count = 0
    /// Topic names by librdkafka topic handle: a C string turned into a Swift string once, not per record.
    private var topicNames: [UInt: String] = [:]

    init(capacity: Int) {
        self.capacity = capacity
        messages = .allocate(capacity: capacity)
    }

    deinit {
        release()
        messages.deallocate()
    }

    /// Waits up to `timeout` for a first message (serving callbacks: rebalances, commit results), then
    /// takes what is already fetched, up to capacity, in one call and without waiting. False: nothing came.
    func receive(_ rk: OpaquePointer, _ queue: OpaquePointer, timeoutMilliseconds timeout: Int32) -> Bool {
        release()
        guard let first = rd_kafka_consumer_poll(rk, timeout) else { return false }
        messages[0] = first
        count = 1 + max(0, rd_kafka_consume_batch_queue(queue, 0, messages + 1, capacity - 1))
        return true
    }

    /// Hands the messages back to librdkafka.
    func release() {
        for index in 0..<count { rd_kafka_message_destroy(messages[index]) }
        count = 0
    }

    func offset(at index: Int) -> Int64 { messages[index]!.pointee.offset }

    /// The good messages grouped into runs of one partition.
    func runs() -> [Run] {
        var runs: [Run] = []
        for index in 0..<count {
            let message = messages[index]!.pointee
            guard message.err == RD_KAFKA_RESP_ERR_NO_ERROR else { continue }
            if let last = runs.last, last.range.upperBound == index, last.rkt == message.rkt,
               last.partition.partition == message.partition {
                runs[runs.count - 1].range = last.range.lowerBound..<index + 1
            } else {
                runs.append(Run(range: index..<index + 1, rkt: message.rkt,
                                partition: TopicPartition(topic: topicName(message.rkt), partition: message.partition)))
            }
        }
        return runs
    }

    /// The records of the stamped runs, in delivery order, copied out of librdkafka's buffers.
    func records(of runs: [Run], generation: UInt64) -> [ConsumerRecord] {
        var records: [ConsumerRecord] = []
        records.reserveCapacity(count)
        for run in runs {
            guard let stamp = run.stamp else { continue }
            for index in run.range {
                records.append(RDKafkaMessage.record(from: messages[index]!, topic: run.partition.topic,
                                                     epoch: stamp.epoch, slot: stamp.slot, generation: generation))
            }
        }
        return records
    }

    /// The messages that carry a consumer error instead of a record.
    var errors: [UnsafeMutablePointer<rd_kafka_message_t>] {
        (0..<count).compactMap { messages[$0]!.pointee.err == RD_KAFKA_RESP_ERR_NO_ERROR ? nil : messages[$0] }
    }

    private func topicName(_ rkt: OpaquePointer?) -> String {
        guard let rkt else { return "" }
        let key = UInt(bitPattern: UnsafeMutableRawPointer(rkt))
        if let name = topicNames[key] { return name }
        let name = String(cString: rd_kafka_topic_name(rkt))
        topicNames[key] = name
        return name
    }
}
