import GSM0338

/// Packed GSM-7 in `short_message`, with or without a UDH in front.
///
/// With a UDH the text starts on the next septet boundary after it (TS 23.040 §9.2.3.24: fill
/// bits), so the header is accounted for as `ceil(octets × 8 / 7)` septets. SMPP has no septet
/// count, so when the last octet would end in 7 spare zero bits (which read as a trailing `@`)
/// a CR is added as padding, as TS 23.038 §6.1.2.3.1 prescribes, and a reader drops a final CR
/// that ends exactly on an octet boundary. The cost: such a text cannot end in a genuine CR.
enum PackedGSM {
    static let carriageReturn: UInt8 = 0x0D

    static func pack(septets: [UInt8], header: [UInt8]) -> [UInt8] {
        let headerSeptets = (header.count * 8 + 6) / 7
        var all = [UInt8](repeating: 0, count: headerSeptets) + septets
        if all.count % 8 == 7 { all.append(carriageReturn) }
        var octets = GSM7.pack(all)
        octets.replaceSubrange(0..<header.count, with: header)
        return octets
    }

    /// The text septets of packed `octets` whose first `headerLength` octets are a UDH.
    static func unpack(_ octets: [UInt8], headerLength: Int) -> [UInt8] {
        let headerSeptets = (headerLength * 8 + 6) / 7
        let total = octets.count * 8 / 7
        var septets = Array(GSM7.unpack(octets, septetCount: total).dropFirst(headerSeptets))
        if total % 8 == 0, septets.last == carriageReturn { septets.removeLast() }
        return septets
    }
}
