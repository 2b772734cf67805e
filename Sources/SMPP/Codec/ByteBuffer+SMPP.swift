import GSM0338
import NIOCore

/// Reading and writing the SMPP field types (spec §3.1): integers, C-Octet Strings and
/// Octet Strings. Every read checks the remaining length first and throws a named error, so
/// a hostile body can neither trap nor make us allocate more than it holds.
extension ByteBuffer {
    mutating func readSMPPInteger<T: FixedWidthInteger>(
        _ field: String,
        as type: T.Type = T.self
    ) throws(SMPPDecodingError) -> T {
        guard let value = readInteger(endianness: .big, as: T.self) else {
            throw SMPPDecodingError(.truncated(field: field))
        }
        return value
    }

    /// Reads a C-Octet String; `maxLength` counts the terminating NUL, as the spec's tables do.
    mutating func readCString(_ field: String, maxLength: Int) throws(SMPPDecodingError) -> String {
        let view = readableBytesView
        guard let nul = view.firstIndex(of: 0) else {
            throw SMPPDecodingError(.missingCStringTerminator(field: field))
        }
        let length = nul - view.startIndex
        guard length < maxLength else {
            throw SMPPDecodingError(.cStringTooLong(field: field, maxLength: maxLength))
        }
        let bytes = view[view.startIndex..<nul]
        moveReaderIndex(forwardBy: length + 1)
        return Self.cStringText(bytes)
    }

    mutating func readOctets(_ field: String, count: Int) throws(SMPPDecodingError) -> [UInt8] {
        guard count >= 0, let bytes = readBytes(length: count) else {
            throw SMPPDecodingError(.truncated(field: field))
        }
        return bytes
    }

    /// Throws unless the body has been read to its end.
    func expectFullyRead() throws(SMPPDecodingError) {
        guard readableBytes == 0 else { throw SMPPDecodingError(.leftoverBytes(count: readableBytes)) }
    }

    /// Writes a C-Octet String; `maxLength` counts the terminating NUL.
    mutating func writeCString(_ value: String, field: String, maxLength: Int) throws(SMPPEncodingError) {
        let bytes = try Self.cStringBytes(value, field: field)
        guard bytes.count < maxLength else { throw .cStringTooLong(field: field, maxLength: maxLength) }
        writeBytes(bytes)
        writeInteger(UInt8(0))
    }

    /// C-Octet Strings are ASCII in practice; Latin-1 keeps any other octet lossless both ways.
    static func cStringText<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        return Latin1.decode(Array(bytes))
    }

    static func cStringBytes(_ value: String, field: String) throws(SMPPEncodingError) -> [UInt8] {
        let utf8 = value.utf8
        if utf8.allSatisfy({ $0 < 0x80 && $0 != 0 }) { return Array(utf8) }
        guard let bytes = Latin1.encode(value), !bytes.contains(0) else { throw .invalidCString(field: field) }
        return bytes
    }
}
