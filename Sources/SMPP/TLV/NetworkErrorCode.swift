/// `network_error_code` (tag 0x0423, three octets): network type, then a 16-bit error code.
public struct NetworkErrorCode: Hashable, Sendable {
    public var networkType: UInt8
    public var errorCode: UInt16

    public static let ansi136: UInt8 = 1
    public static let is95: UInt8 = 2
    public static let gsm: UInt8 = 3
    public static let ansi41: UInt8 = 4

    public init(networkType: UInt8, errorCode: UInt16) {
        self.networkType = networkType
        self.errorCode = errorCode
    }

    init?(octets: [UInt8]) {
        guard octets.count == 3 else { return nil }
        networkType = octets[0]
        errorCode = UInt16(octets[1]) << 8 | UInt16(octets[2])
    }

    var octets: [UInt8] { [networkType, UInt8(errorCode >> 8), UInt8(truncatingIfNeeded: errorCode)] }
}
