extension GSM7 {
    /// 7-bit packing/unpacking (TS 23.038 6.1.2.3) for SMSCs that want packed data.
    ///
    /// Septets are laid down least-significant bit first, so 8 septets fill 7 octets. Bits above
    /// 0x7F in an input septet are ignored. When the count leaves 7 spare bits in the last octet
    /// they are zero, which a receiver could read as a trailing `@`; SMPP carries no septet count,
    /// so callers that care (USSD, TS 23.038 §6.1.2.3.1) append a CR themselves.
    public static func pack(_ septets: [UInt8]) -> [UInt8] {
        var octets: [UInt8] = []
        octets.reserveCapacity((septets.count * 7 + 7) / 8)
        var accumulator: UInt32 = 0
        var bitCount = 0
        for septet in septets {
            accumulator |= UInt32(septet & 0x7F) << UInt32(bitCount)
            bitCount += 7
            while bitCount >= 8 {
                octets.append(UInt8(truncatingIfNeeded: accumulator))
                accumulator >>= 8
                bitCount -= 8
            }
        }
        if bitCount > 0 {
            octets.append(UInt8(truncatingIfNeeded: accumulator))
        }
        return octets
    }

    /// Unpacks `septetCount` septets from packed `octets`.
    ///
    /// Returns fewer septets when the octets run out first, rather than trapping: the input may
    /// come straight off the wire.
    public static func unpack(_ octets: [UInt8], septetCount: Int) -> [UInt8] {
        var septets: [UInt8] = []
        let available = min(max(septetCount, 0), octets.count * 8 / 7)
        septets.reserveCapacity(available)
        var accumulator: UInt32 = 0
        var bitCount = 0
        var next = 0
        while septets.count < available {
            if bitCount < 7 {
                accumulator |= UInt32(octets[next]) << UInt32(bitCount)
                next += 1
                bitCount += 8
            }
            septets.append(UInt8(accumulator & 0x7F))
            accumulator >>= 7
            bitCount -= 7
        }
        return septets
    }
}
