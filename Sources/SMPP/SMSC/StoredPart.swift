import Foundation

/// One accepted `submit_sm`/`data_sm` inside the simulator, kept until its receipt is sent.
struct StoredPart: Sendable {
    var messageID: String
    /// The content as it will be forwarded to the handset (a `deliver_sm` body).
    var content: DeliverSM
    var registeredDelivery: RegisteredDelivery
    var origin: SMSCConnectionID
    var originSystemID: String
    var submitted: ContinuousClock.Instant

    /// The receipt `deliver_sm`: from the handset back to the sender, with the text format most
    /// ESMEs parse and the SMPP 3.4 TLVs (`receipted_message_id`, `message_state`).
    func receipt(state: MessageState) -> DeliverSM {
        let now = ReceiptTimestamp.now()
        // The receipt is an ASCII record under data_coding 0: a character outside printable ASCII
        // becomes `?`, or gateways that size its fields in characters break (Jasmin does).
        let preview = (try? SMSDecoder().decode(content).text()).map { text in
            String(text.prefix(20).map { ($0.asciiValue ?? 0) >= 0x20 && ($0.asciiValue ?? 0) < 0x7F ? $0 : "?" })
        }
        let receipt = DeliveryReceipt(
            messageID: messageID, state: state, submitted: 1,
            submitDate: now, doneDate: now, text: preview
        )
        return receipt.deliverSM(source: content.destination, destination: content.source)
    }

    /// Builds the stored form from a `submit_sm`: only what a handset needs is carried on.
    init(messageID: String, content: DeliverSM, registeredDelivery: RegisteredDelivery,
         origin: SMSCConnectionID, originSystemID: String, submitted: ContinuousClock.Instant) {
        self.messageID = messageID
        self.content = content
        self.registeredDelivery = registeredDelivery
        self.origin = origin
        self.originSystemID = originSystemID
        self.submitted = submitted
    }
}

extension DeliverSM {
    /// The `deliver_sm` that carries a submitted part on to the handset: same addresses,
    /// alphabet, UDH bit and concatenation TLVs.
    init(forwarding submit: SubmitSM) {
        var esmClass = ESMClass.default
        esmClass.hasUDH = submit.esmClass.hasUDH
        self.init(
            serviceType: submit.serviceType, source: submit.source, destination: submit.destination,
            esmClass: esmClass, protocolID: submit.protocolID, dataCoding: submit.dataCoding,
            shortMessage: submit.shortMessage, tlvs: submit.tlvs
        )
    }

    init(forwarding data: DataSM) {
        var esmClass = ESMClass.default
        esmClass.hasUDH = data.esmClass.hasUDH
        self.init(
            serviceType: data.serviceType, source: data.source, destination: data.destination,
            esmClass: esmClass, dataCoding: data.dataCoding, tlvs: data.tlvs
        )
    }
}

extension ReceiptTimestamp {
    /// The current UTC time to the minute, as receipts print it.
    static func now() -> ReceiptTimestamp {
        let seconds = Int(Date().timeIntervalSince1970)
        let day = seconds / 86_400
        let (year, month, dayOfMonth) = civil(fromDays: day)
        let rest = seconds % 86_400
        return ReceiptTimestamp(year: year % 100, month: month, day: dayOfMonth, hour: rest / 3600, minute: rest % 3600 / 60)
    }

    /// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
