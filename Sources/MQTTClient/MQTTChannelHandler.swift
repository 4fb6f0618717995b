import MQTT
import NIOCore

/// The last handler of a client channel: passes activation, decoded packets, errors and the end of the channel to
/// the ``MQTTConnectionDriver``, on the channel's event loop.
final class MQTTChannelHandler: ChannelInboundHandler {
    typealias InboundIn = MQTTPacket

    private let driver: MQTTConnectionDriver
    private let attempt: Int

    init(driver: MQTTConnectionDriver, attempt: Int) {
        self.driver = driver
        self.attempt = attempt
    }

    func channelActive(context: ChannelHandlerContext) {
        driver.channelActive(attempt: attempt, channel: context.channel)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        driver.packetReceived(attempt: attempt, unwrapInboundIn(data))
    }

    func channelInactive(context: ChannelHandlerContext) {
        driver.channelInactive(attempt: attempt)
        context.fireChannelInactive()
    }

    /// A decoding error (malformed or oversized packet) or a socket error: remember it and close.
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? MQTTError { driver.pipelineFailed(attempt: attempt, error) }
        context.close(promise: nil)
    }
}
