import NIOCore

/// The optional parameters of a PDU, in wire order, with typed accessors for the tags PesaGate
/// uses. Unknown tags stay in ``entries`` as raw values, so a PDU re-encodes byte for byte.
public struct TLVList: Hashable, Sendable, ExpressibleByArrayLiteral {
    public var entries: [TLV]

    public init(_ entries: [TLV] = []) { self.entries = entries }
    public init(arrayLiteral elements: TLV...) { entries = elements }

    public var isEmpty: Bool { entries.isEmpty }

    /// The value of the first TLV with `tag`. Setting replaces it in place, appends it, or
    /// (with nil) removes every TLV with that tag.
    public subscript(tag: TLVTag) -> [UInt8]? {
        get { entries.first { $0.tag == tag }?.value }
        set {
            guard let newValue else {
                entries.removeAll { $0.tag == tag }
                return
            }
            if let index = entries.firstIndex(where: { $0.tag == tag }) {
                entries[index].value = newValue
            } else {
                entries.append(TLV(tag: tag, value: newValue))
            }
        }
    }

    // MARK: Typed accessors

    public var messagePayload: [UInt8]? {
        get { self[.messagePayload] }
        set { self[.messagePayload] = newValue }
    }

    public var sarMessageReference: UInt16? {
        get { uint16(.sarMessageReference) }
        set { setUInt16(.sarMessageReference, newValue) }
    }

    public var sarTotalSegments: UInt8? {
        get { self[.sarTotalSegments]?.first }
        set { self[.sarTotalSegments] = newValue.map { [$0] } }
    }

    public var sarSegmentSequence: UInt8? {
        get { self[.sarSegmentSequence]?.first }
        set { self[.sarSegmentSequence] = newValue.map { [$0] } }
    }

    /// C-Octet String on the wire; read with or without the NUL, since SMSCs differ.
    public var receiptedMessageID: String? {
        get {
            guard var bytes = self[.receiptedMessageID] else { return nil }
            if bytes.last == 0 { bytes.removeLast() }
            return ByteBuffer.cStringText(bytes)
        }
        set {
            self[.receiptedMessageID] = newValue.map { Array($0.utf8) + [0] }
        }
    }

    public var messageState: MessageState? {
        get { self[.messageState]?.first.map(MessageState.init(rawValue:)) }
        set { self[.messageState] = newValue.map { [$0.rawValue] } }
    }

    public var networkErrorCode: NetworkErrorCode? {
        get { self[.networkErrorCode].flatMap(NetworkErrorCode.init(octets:)) }
        set { self[.networkErrorCode] = newValue?.octets }
    }

    public var userMessageReference: UInt16? {
        get { uint16(.userMessageReference) }
        set { setUInt16(.userMessageReference, newValue) }
    }

    public var ussdServiceOp: USSDServiceOp? {
        get { self[.ussdServiceOp]?.first.map(USSDServiceOp.init(rawValue:)) }
        set { self[.ussdServiceOp] = newValue.map { [$0.rawValue] } }
    }

    public var itsSessionInfo: ITSSessionInfo? {
        get { uint16(.itsSessionInfo).map(ITSSessionInfo.init(rawValue:)) }
        set { setUInt16(.itsSessionInfo, newValue?.rawValue) }
    }

    /// In a bind response: the SMPP version the SMSC speaks (0x34 for 3.4).
    public var scInterfaceVersion: UInt8? {
        get { self[.scInterfaceVersion]?.first }
        set { self[.scInterfaceVersion] = newValue.map { [$0] } }
    }

    private func uint16(_ tag: TLVTag) -> UInt16? {
        guard let bytes = self[tag], bytes.count == 2 else { return nil }
        return UInt16(bytes[0]) << 8 | UInt16(bytes[1])
    }

    private mutating func setUInt16(_ tag: TLVTag, _ value: UInt16?) {
        self[tag] = value.map { [UInt8($0 >> 8), UInt8(truncatingIfNeeded: $0)] }
    }

    // MARK: Wire format

    /// Reads TLVs until the body ends.
    static func decode(from buffer: inout ByteBuffer) throws(SMPPDecodingError) -> TLVList {
        var list = TLVList()
        while buffer.readableBytes > 0 {
            list.entries.append(try TLV.decode(from: &buffer))
        }
        return list
    }

    func encode(into buffer: inout ByteBuffer) throws(SMPPEncodingError) {
        for entry in entries { try entry.encode(into: &buffer) }
    }
}
