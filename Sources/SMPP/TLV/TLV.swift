import NIOCore

/// One optional parameter: tag, and the value octets as received (length is implied).
public struct TLV: Hashable, Sendable {
    public var tag: TLVTag
    public var value: [UInt8]

    public init(tag: TLVTag, value: [UInt8]) {
        self.tag = tag
        self.value = value
    }

    static func decode(from buffer: inout ByteBuffer) throws(SMPPDecodingError) -> TLV {
        // A TLV header cut short is a TLV running past the end, too; the tag is 0 if unread.
        guard let tagValue = buffer.readInteger(endianness: .big, as: UInt16.self) else {
            throw SMPPDecodingError(.tlvRunsPastEnd(tag: 0))
        }
        guard let length = buffer.readInteger(endianness: .big, as: UInt16.self) else {
            throw SMPPDecodingError(.tlvRunsPastEnd(tag: tagValue))
        }
        let tag = TLVTag(tagValue)
        guard let value = buffer.readBytes(length: Int(length)) else {
            throw SMPPDecodingError(.tlvRunsPastEnd(tag: tagValue))
        }
        if let allowed = tag.allowedLength, !allowed.contains(value.count) {
            throw SMPPDecodingError(.invalidTLVLength(tag: tagValue, length: value.count))
        }
        return TLV(tag: tag, value: value)
    }

    func encode(into buffer: inout ByteBuffer) throws(SMPPEncodingError) {
        guard value.count <= Int(UInt16.max) else { throw .tlvTooLong(tag: tag.rawValue, length: value.count) }
        if let allowed = tag.allowedLength, !allowed.contains(value.count) {
            throw .invalidTLVLength(tag: tag.rawValue, length: value.count)
        }
        buffer.writeInteger(tag.rawValue, endianness: .big)
        buffer.writeInteger(UInt16(value.count), endianness: .big)
        buffer.writeBytes(value)
    }
}
