import SMPP

/// Receipts as our ESME matched them, kept until the driver prints its report.
actor ReceiptLog {
    private(set) var events: [ReceiptEvent] = []

    func add(_ event: ReceiptEvent) { events.append(event) }

    /// Final receipts so far (a part may also get intermediate ones).
    var finalCount: Int { events.filter { $0.receipt.state.isFinal }.count }
}
