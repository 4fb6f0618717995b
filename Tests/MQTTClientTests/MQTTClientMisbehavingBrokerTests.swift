import MQTT
import MQTTClient
import NIOCore
import NIOPosix
import Testing

/// A fake broker that answers every connection with fixed bytes, to check that bad broker behaviour closes the
/// connection with a code (and a reconnection) rather than crashing.
final class FixedReplyHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    let reply: [UInt8]

    init(reply: [UInt8]) { self.reply = reply }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // Answer the CONNECT (whatever it is) with the fixed bytes.
        context.writeAndFlush(NIOAny(ByteBuffer(bytes: reply)), promise: nil)
    }
}

@Suite("MQTT client against a misbehaving broker")
struct MQTTClientMisbehavingBrokerTests {
    @Test(
        arguments: [
            ([0xF0, 0x00], "MQTT_MALFORMED"),  // reserved packet type 15
            ([0x20, 0x02, 0x00, 0x05], "MQTT_CONNECTION_REFUSED"),  // CONNACK: not authorized
            ([0x30, 0x05, 0x00, 0x01, 0x61, 0x62, 0x63], "MQTT_PROTOCOL"),  // PUBLISH before CONNACK
            ([0x20, 0x02, 0x00, 0x00, 0x90, 0x03, 0x00, 0x01, 0x80], "MQTT_SUBSCRIPTION_REFUSED"),
            ([0x20, 0x7F], "MQTT_KEEP_ALIVE_TIMEOUT"),  // a CONNACK that never completes: the keep-alive ends it
        ] as [([UInt8], String)])
    func badBrokerBytesCloseWithTheirCodeAndReconnect(reply: [UInt8], code: String) async throws {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(FixedReplyHandler(reply: reply))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(server.localAddress?.port)
        let client = try MQTTClient(
            configuration: MQTTClient.Configuration(
                host: "127.0.0.1", port: port,
                session: MQTTClientConfiguration(
                    clientIdentifier: "ingest-bad-broker", keepAliveSeconds: 1,
                    subscriptions: [MQTTSubscription(topicFilter: telemetryFilter, qos: .atLeastOnce)],
                    reconnectBackoff: MQTTReconnectBackoff(
                        initialDelay: .milliseconds(50), maximumDelay: .milliseconds(200)))),
            logger: testLogger)
        let events = EventRecorder(client)
        let running = RunningClient(client)
        let disconnections = {
            events.all.compactMap { event -> String? in
                if case .disconnected(let error?) = event { return error.code }
                return nil
            }
        }
        #expect(await waitUntil(timeout: .seconds(60)) { disconnections().count >= 2 })
        #expect(disconnections().first == code)
        try await running.stop()
        try await server.close()
    }
}
