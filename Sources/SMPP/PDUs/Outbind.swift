import NIOCore

/// Body of `outbind` (spec §4.1.7): the SMSC asks the ESME to bind as a receiver.
public struct Outbind: Hashable, Sendable {
    public var systemID: String
    public var password: String

    public init(systemID: String, password: String) {
        self.systemID = systemID
        self.password = password
    }

    static func decode(from buffer: inout ByteBuffer) throws(SMPPDecodingError) -> Self {
        let systemID = try buffer.readCString("system_id", maxLength: 16)
        let password = try buffer.readCString("password", maxLength: 9)
        try buffer.expectFullyRead()
        return Self(systemID: systemID, password: password)
    }

    func encode(into buffer: inout ByteBuffer) throws(SMPPEncodingError) {
        try buffer.writeCString(systemID, field: "system_id", maxLength: 16)
        try buffer.writeCString(password, field: "password", maxLength: 9)
    }
}
