/// A CONNECT packet (§3.1): protocol name "MQTT", protocol level 4.
public struct MQTTConnect: Hashable, Sendable {
    /// The client identifier; an empty one requires `cleanSession` (§3.1.3.1).
    public var clientIdentifier: String
    /// Whether the broker discards the session (subscriptions and unacknowledged QoS 1 messages).
    public var cleanSession: Bool
    /// The keep-alive interval in seconds; 0 turns keep-alive off.
    public var keepAliveSeconds: UInt16
    /// User name and password, if any.
    public var credentials: MQTTCredentials?
    /// The will message, if any.
    public var will: MQTTWill?

    /// A CONNECT packet.
    public init(
        clientIdentifier: String, cleanSession: Bool, keepAliveSeconds: UInt16,
        credentials: MQTTCredentials? = nil, will: MQTTWill? = nil
    ) {
        self.clientIdentifier = clientIdentifier
        self.cleanSession = cleanSession
        self.keepAliveSeconds = keepAliveSeconds
        self.credentials = credentials
        self.will = will
    }
}
