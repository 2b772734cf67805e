import Hummingbird
import NIOCore

/// The request context of the USSD routes: Hummingbird's core context plus the caller's address, which the IP
/// allow list needs.
public struct USSDRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }
}
