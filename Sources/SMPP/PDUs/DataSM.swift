import NIOCore

/// Body of `data_sm` (spec §4.7.1): a leaner `submit_sm`/`deliver_sm` whose content travels in
/// TLVs (`message_payload`), used by some SMSCs for USSD and long messages. Its addresses may
/// be up to 64 characters.
public struct DataSM: Hashable, Sendable {
    public var serviceType: String
    public var source: Address
    public var destination: Address
    public var esmClass: ESMClass
    public var registeredDelivery: RegisteredDelivery
    public var dataCoding: DataCoding
    public var tlvs: TLVList

    public init(
        serviceType: String = "",
        source: Address,
        destination: Address,
        esmClass: ESMClass = .default,
        registeredDelivery: RegisteredDelivery = .none,
        dataCoding: DataCoding = .smscDefault,
        tlvs: TLVList = []
    ) {
        self.serviceType = serviceType
        self.source = source
        self.destination = destination
        self.esmClass = esmClass
        self.registeredDelivery = registeredDelivery
        self.dataCoding = dataCoding
        self.tlvs = tlvs
    }

    static func decode(from buffer: inout ByteBuffer) throws(SMPPDecodingError) -> Self {
        let serviceType = try buffer.readCString("service_type", maxLength: 6)
        let sourceTON: UInt8 = try buffer.readSMPPInteger("source_addr_ton")
        let sourceNPI: UInt8 = try buffer.readSMPPInteger("source_addr_npi")
        let source = try buffer.readCString("source_addr", maxLength: 65)
        let destinationTON: UInt8 = try buffer.readSMPPInteger("dest_addr_ton")
        let destinationNPI: UInt8 = try buffer.readSMPPInteger("dest_addr_npi")
        let destination = try buffer.readCString("destination_addr", maxLength: 65)
        let esmClass: UInt8 = try buffer.readSMPPInteger("esm_class")
        let registeredDelivery: UInt8 = try buffer.readSMPPInteger("registered_delivery")
        let dataCoding: UInt8 = try buffer.readSMPPInteger("data_coding")
        return Self(
            serviceType: serviceType,
            source: Address(ton: .init(rawValue: sourceTON), npi: .init(rawValue: sourceNPI), source),
            destination: Address(ton: .init(rawValue: destinationTON), npi: .init(rawValue: destinationNPI), destination),
            esmClass: ESMClass(rawValue: esmClass),
            registeredDelivery: RegisteredDelivery(rawValue: registeredDelivery),
            dataCoding: DataCoding(rawValue: dataCoding),
            tlvs: try TLVList.decode(from: &buffer)
        )
    }

    func encode(into buffer: inout ByteBuffer) throws(SMPPEncodingError) {
        try buffer.writeCString(serviceType, field: "service_type", maxLength: 6)
        buffer.writeInteger(source.ton.rawValue)
        buffer.writeInteger(source.npi.rawValue)
        try buffer.writeCString(source.address, field: "source_addr", maxLength: 65)
        buffer.writeInteger(destination.ton.rawValue)
        buffer.writeInteger(destination.npi.rawValue)
        try buffer.writeCString(destination.address, field: "destination_addr", maxLength: 65)
        buffer.writeInteger(esmClass.rawValue)
        buffer.writeInteger(registeredDelivery.rawValue)
        buffer.writeInteger(dataCoding.rawValue)
        try tlvs.encode(into: &buffer)
    }
}
