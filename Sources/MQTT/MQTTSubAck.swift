/// A SUBACK packet (§3.9): one return code per requested subscription, in order.
public struct MQTTSubAck: Hashable, Sendable {
    /// A SUBACK return code: the granted QoS, or failure (0x80). A granted QoS 2 decodes as `MQTT_QOS2_UNSUPPORTED`.
    public enum ReturnCode: Hashable, Sendable {
        /// The subscription is accepted with this maximum QoS.
        case granted(MQTTQoS)
        /// 0x80: the broker refused the subscription.
        case failure
    }

    /// The packet identifier of the SUBSCRIBE being acknowledged.
    public var packetIdentifier: UInt16
    /// The return codes, at least one.
    public var returnCodes: [ReturnCode]

    /// A SUBACK packet.
    public init(packetIdentifier: UInt16, returnCodes: [ReturnCode]) {
        self.packetIdentifier = packetIdentifier
        self.returnCodes = returnCodes
    }
}
