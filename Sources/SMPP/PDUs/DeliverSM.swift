import NIOCore

/// Body of `deliver_sm` (spec §4.6.1): a message from the SMSC to the ESME: a mobile-originated
/// SMS, a routed message to a handset, or (with `esm_class` 0x04) a delivery receipt.
public struct DeliverSM: ShortMessagePDU {
    public var serviceType: String
    public var source: Address
    public var destination: Address
    public var esmClass: ESMClass
    public var protocolID: UInt8
    public var priorityFlag: UInt8
    public var scheduleDeliveryTime: String
    public var validityPeriod: String
    public var registeredDelivery: RegisteredDelivery
    public var replaceIfPresentFlag: UInt8
    public var dataCoding: DataCoding
    public var smDefaultMessageID: UInt8
    public var shortMessage: [UInt8]
    public var tlvs: TLVList

    public init() {
        self.init(source: Address(), destination: Address())
    }

    public init(
        serviceType: String = "",
        source: Address,
        destination: Address,
        esmClass: ESMClass = .default,
        protocolID: UInt8 = 0,
        priorityFlag: UInt8 = 0,
        scheduleDeliveryTime: String = "",
        validityPeriod: String = "",
        registeredDelivery: RegisteredDelivery = .none,
        replaceIfPresentFlag: UInt8 = 0,
        dataCoding: DataCoding = .smscDefault,
        smDefaultMessageID: UInt8 = 0,
        shortMessage: [UInt8] = [],
        tlvs: TLVList = []
    ) {
        self.serviceType = serviceType
        self.source = source
        self.destination = destination
        self.esmClass = esmClass
        self.protocolID = protocolID
        self.priorityFlag = priorityFlag
        self.scheduleDeliveryTime = scheduleDeliveryTime
        self.validityPeriod = validityPeriod
        self.registeredDelivery = registeredDelivery
        self.replaceIfPresentFlag = replaceIfPresentFlag
        self.dataCoding = dataCoding
        self.smDefaultMessageID = smDefaultMessageID
        self.shortMessage = shortMessage
        self.tlvs = tlvs
    }

    static func decode(from buffer: inout ByteBuffer) throws(SMPPDecodingError) -> Self {
        try decodeBody(from: &buffer)
    }

    func encode(into buffer: inout ByteBuffer) throws(SMPPEncodingError) {
        try encodeBody(into: &buffer)
    }
}
