/// Where one part sits in a concatenated message: the reference shared by all its parts,
/// their total, and this part's 1-based number. Comes from a UDH or from SAR TLVs.
public struct SMSSegment: Hashable, Sendable {
    public var reference: UInt16
    public var total: UInt8
    public var number: UInt8

    public init(reference: UInt16, total: UInt8, number: UInt8) {
        self.reference = reference
        self.total = total
        self.number = number
    }
}
