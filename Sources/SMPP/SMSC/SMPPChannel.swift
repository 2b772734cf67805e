import NIOCore

/// The async channel type both ends of an SMPP link use: frames in, messages out.
public typealias SMPPAsyncChannel = NIOAsyncChannel<SMPPInboundFrame, SMPPMessage>

extension SMPPAsyncChannel {
    /// Adds the SMPP codec to a fresh TCP channel and wraps it for async use; called from the
    /// bootstrap's channel initializer on the channel's event loop (ESME and SMSC alike).
    static func wrapSMPP(_ channel: any Channel) -> EventLoopFuture<SMPPAsyncChannel> {
        channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMPPInboundFrameDecoder()))
            try channel.pipeline.syncOperations.addHandler(MessageToByteHandler(SMPPFrameEncoder()))
            return try SMPPAsyncChannel(wrappingChannelSynchronously: channel)
        }
    }
}
