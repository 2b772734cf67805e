import NIOCore

/// The field layout that `submit_sm` (spec §4.4.1) and `deliver_sm` (§4.6.1) share, so code that
/// builds or reads message content (the SMS encoder, receipts, reassembly) works on either.
public protocol ShortMessagePDU: Hashable, Sendable {
    /// e.g. `USSD` for USSD over SMPP; empty for the SMSC default.
    var serviceType: String { get set }
    var source: Address { get set }
    var destination: Address { get set }
    var esmClass: ESMClass { get set }
    var protocolID: UInt8 { get set }
    var priorityFlag: UInt8 { get set }
    /// Absolute (`YYMMDDhhmmsstnnp`) or relative (`…R`) time; empty for "now".
    var scheduleDeliveryTime: String { get set }
    /// Same format; empty for the SMSC default.
    var validityPeriod: String { get set }
    var registeredDelivery: RegisteredDelivery { get set }
    var replaceIfPresentFlag: UInt8 { get set }
    var dataCoding: DataCoding { get set }
    var smDefaultMessageID: UInt8 { get set }
    /// Up to 254 octets; must be empty when the `message_payload` TLV is used.
    var shortMessage: [UInt8] { get set }
    var tlvs: TLVList { get set }

    init()
}

extension ShortMessagePDU {
    static func decodeBody(from buffer: inout ByteBuffer) throws(SMPPDecodingError) -> Self {
        var body = Self()
        body.serviceType = try buffer.readCString("service_type", maxLength: 6)
        body.source = try Self.readAddress(from: &buffer, prefix: "source_addr")
        body.destination = try Self.readAddress(from: &buffer, prefix: "dest_addr", field: "destination_addr")
        body.esmClass = ESMClass(rawValue: try buffer.readSMPPInteger("esm_class"))
        body.protocolID = try buffer.readSMPPInteger("protocol_id")
        body.priorityFlag = try buffer.readSMPPInteger("priority_flag")
        body.scheduleDeliveryTime = try buffer.readCString("schedule_delivery_time", maxLength: 17)
        body.validityPeriod = try buffer.readCString("validity_period", maxLength: 17)
        body.registeredDelivery = RegisteredDelivery(rawValue: try buffer.readSMPPInteger("registered_delivery"))
        body.replaceIfPresentFlag = try buffer.readSMPPInteger("replace_if_present_flag")
        body.dataCoding = DataCoding(rawValue: try buffer.readSMPPInteger("data_coding"))
        body.smDefaultMessageID = try buffer.readSMPPInteger("sm_default_msg_id")
        let length: UInt8 = try buffer.readSMPPInteger("sm_length")
        body.shortMessage = try buffer.readOctets("short_message", count: Int(length))
        body.tlvs = try TLVList.decode(from: &buffer)
        return body
    }

    func encodeBody(into buffer: inout ByteBuffer) throws(SMPPEncodingError) {
        guard shortMessage.count <= 254 else { throw .shortMessageTooLong(shortMessage.count) }
        guard shortMessage.isEmpty || tlvs.messagePayload == nil else { throw .shortMessageAndMessagePayload }
        try buffer.writeCString(serviceType, field: "service_type", maxLength: 6)
        buffer.writeInteger(source.ton.rawValue)
        buffer.writeInteger(source.npi.rawValue)
        try buffer.writeCString(source.address, field: "source_addr", maxLength: 21)
        buffer.writeInteger(destination.ton.rawValue)
        buffer.writeInteger(destination.npi.rawValue)
        try buffer.writeCString(destination.address, field: "destination_addr", maxLength: 21)
        buffer.writeInteger(esmClass.rawValue)
        buffer.writeInteger(protocolID)
        buffer.writeInteger(priorityFlag)
        try buffer.writeCString(scheduleDeliveryTime, field: "schedule_delivery_time", maxLength: 17)
        try buffer.writeCString(validityPeriod, field: "validity_period", maxLength: 17)
        buffer.writeInteger(registeredDelivery.rawValue)
        buffer.writeInteger(replaceIfPresentFlag)
        buffer.writeInteger(dataCoding.rawValue)
        buffer.writeInteger(smDefaultMessageID)
        buffer.writeInteger(UInt8(shortMessage.count))
        buffer.writeBytes(shortMessage)
        try tlvs.encode(into: &buffer)
    }

    private static func readAddress(
        from buffer: inout ByteBuffer,
        prefix: String,
        field: String? = nil
    ) throws(SMPPDecodingError) -> Address {
        let ton: UInt8 = try buffer.readSMPPInteger(prefix + "_ton")
        let npi: UInt8 = try buffer.readSMPPInteger(prefix + "_npi")
        let address = try buffer.readCString(field ?? prefix, maxLength: 21)
        return Address(ton: TypeOfNumber(rawValue: ton), npi: NumberingPlanIndicator(rawValue: npi), address)
    }
}
