import MQTT
import NIOCore

/// Encodes one packet (the test fails through the thrown error if it cannot).
func encoded(_ packet: MQTTPacket) throws -> [UInt8] {
    var buffer = ByteBuffer()
    try MQTTPacketEncoder.encode(packet, into: &buffer)
    return Array(buffer.readableBytesView)
}

/// Decodes packets from `bytes` until the decoder needs more; returns them and the bytes left.
func decodedAll(_ bytes: [UInt8], maximumPacketSize: Int = MQTTPacketDecoder.defaultMaximumPacketSize) throws -> (
    packets: [MQTTPacket], leftover: Int
) {
    let decoder = MQTTPacketDecoder(maximumPacketSize: maximumPacketSize)
    var buffer = ByteBuffer(bytes: bytes)
    var packets: [MQTTPacket] = []
    while let packet = try decoder.decodePacket(from: &buffer) { packets.append(packet) }
    return (packets, buffer.readableBytes)
}

/// Decodes exactly one packet that covers all of `bytes`.
func decodedOne(_ bytes: [UInt8], maximumPacketSize: Int = MQTTPacketDecoder.defaultMaximumPacketSize) throws
    -> MQTTPacket?
{
    let (packets, leftover) = try decodedAll(bytes, maximumPacketSize: maximumPacketSize)
    guard packets.count == 1, leftover == 0 else { return nil }
    return packets[0]
}

func filter(_ text: String) throws -> MQTTTopicFilter { try MQTTTopicFilter(text) }

func buffer(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

let telemetry = try! MQTTTopicFilter("dvc/v1/devices/+/telemetry")

/// One packet of every kind, QoS 0 and 1, with and without optional parts.
let samplePackets: [MQTTPacket] = [
    .connect(MQTTConnect(clientIdentifier: "dvc-ingest", cleanSession: false, keepAliveSeconds: 30)),
    .connect(MQTTConnect(clientIdentifier: "", cleanSession: true, keepAliveSeconds: 0)),
    .connect(
        MQTTConnect(
            clientIdentifier: "dvc-ingest", cleanSession: true, keepAliveSeconds: 65_535,
            credentials: MQTTCredentials(username: "ingest", password: "s3cret"),
            will: MQTTWill(topicName: "dvc/v1/status", message: buffer("offline"), qos: .atLeastOnce, retain: true))),
    .connect(
        MQTTConnect(
            clientIdentifier: "ünïcode-🚀", cleanSession: false, keepAliveSeconds: 1,
            credentials: MQTTCredentials(username: "user-only"))),
    .connect(
        MQTTConnect(
            clientIdentifier: "c", cleanSession: false, keepAliveSeconds: 5,
            credentials: MQTTCredentials(username: "", password: [0, 255, 0]),
            will: MQTTWill(topicName: "w", message: ByteBuffer(), qos: .atMostOnce, retain: false))),
    .connAck(MQTTConnAck(sessionPresent: true, returnCode: .accepted)),
    .connAck(MQTTConnAck(sessionPresent: false, returnCode: .accepted)),
    .connAck(MQTTConnAck(sessionPresent: false, returnCode: .badUsernameOrPassword)),
    .connAck(MQTTConnAck(sessionPresent: false, returnCode: .notAuthorized)),
    .publish(
        MQTTPublish(
            topicName: "dvc/v1/devices/fridge-7/telemetry", payload: buffer("{\"t\":4.5}"), delivery: .atMostOnce)),
    .publish(MQTTPublish(topicName: "a", payload: ByteBuffer(), delivery: .atMostOnce, retain: true)),
    .publish(
        MQTTPublish(
            topicName: "dvc/v1/devices/fridge-7/telemetry", payload: buffer("reading"),
            delivery: .atLeastOnce(packetIdentifier: 1, duplicate: false))),
    .publish(
        MQTTPublish(
            topicName: "/", payload: ByteBuffer(bytes: [0, 1, 2]),
            delivery: .atLeastOnce(packetIdentifier: 65_535, duplicate: true), retain: true)),
    .pubAck(packetIdentifier: 1),
    .pubAck(packetIdentifier: 65_535),
    .subscribe(
        MQTTSubscribe(
            packetIdentifier: 10, subscriptions: [MQTTSubscription(topicFilter: telemetry, qos: .atLeastOnce)])),
    .subscribe(
        MQTTSubscribe(
            packetIdentifier: 2,
            subscriptions: [
                MQTTSubscription(topicFilter: try! MQTTTopicFilter("#"), qos: .atMostOnce),
                MQTTSubscription(topicFilter: try! MQTTTopicFilter("a/+/c/#"), qos: .atLeastOnce),
            ])),
    .subAck(MQTTSubAck(packetIdentifier: 10, returnCodes: [.granted(.atLeastOnce)])),
    .subAck(MQTTSubAck(packetIdentifier: 3, returnCodes: [.granted(.atMostOnce), .failure, .granted(.atLeastOnce)])),
    .unsubscribe(MQTTUnsubscribe(packetIdentifier: 4, topicFilters: [telemetry, try! MQTTTopicFilter("x")])),
    .unsubAck(packetIdentifier: 4),
    .pingReq,
    .pingResp,
    .disconnect,
]
