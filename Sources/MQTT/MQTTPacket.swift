/// The MQTT 3.1.1 control packets a client sends or receives, at QoS 0 and 1.
///
/// The QoS 2 packets (PUBREC, PUBREL, PUBCOMP, and PUBLISH or SUBSCRIBE at QoS 2) are recognised by
/// ``MQTTPacketDecoder`` and refused with `MQTT_QOS2_UNSUPPORTED`.
public enum MQTTPacket: Hashable, Sendable {
    /// CONNECT, client to broker.
    case connect(MQTTConnect)
    /// CONNACK, broker to client.
    case connAck(MQTTConnAck)
    /// PUBLISH, either direction.
    case publish(MQTTPublish)
    /// PUBACK, the acknowledgement of a QoS 1 PUBLISH.
    case pubAck(packetIdentifier: UInt16)
    /// SUBSCRIBE, client to broker.
    case subscribe(MQTTSubscribe)
    /// SUBACK, broker to client.
    case subAck(MQTTSubAck)
    /// UNSUBSCRIBE, client to broker.
    case unsubscribe(MQTTUnsubscribe)
    /// UNSUBACK, broker to client.
    case unsubAck(packetIdentifier: UInt16)
    /// PINGREQ, client to broker.
    case pingReq
    /// PINGRESP, broker to client.
    case pingResp
    /// DISCONNECT, client to broker.
    case disconnect

    /// The largest Remaining Length a four-byte variable length integer can hold (§2.2.3).
    public static let maximumRemainingLength = 268_435_455
}
