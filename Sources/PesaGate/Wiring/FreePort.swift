import Foundation

/// Free TCP ports on 127.0.0.1 for the Kannel boxes, which take fixed ports from their config file
/// and so cannot be given port 0.
///
/// The kernel picks them (bind to port 0) from its ephemeral range, all at once while every socket
/// is still open so they differ, then the sockets close and Kannel binds them a moment later. That
/// keeps clear of a system Kannel on 13000/13001/13013.
enum FreePort {
    static func loopback(count: Int) throws -> [Int] {
        var sockets: [Int32] = []
        defer { for socket in sockets { close(socket) } }
        var ports: [Int] = []
        for _ in 0..<count {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { throw SMPPBenchError("cannot open a socket to find a free port (errno \(errno))") }
            sockets.append(fd)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = 0
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            // sockaddr_in is the IPv4 form of the generic sockaddr the calls take; same memory.
            let bound = withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                    bind(fd, generic, length) == 0 && getsockname(fd, generic, &length) == 0
                }
            }
            guard bound else { throw SMPPBenchError("cannot bind a loopback socket to find a free port (errno \(errno))") }
            ports.append(Int(UInt16(bigEndian: address.sin_port)))
        }
        return ports
    }
}
