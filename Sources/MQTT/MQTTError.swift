import CodedErrors

/// An error from the MQTT codec or client state machine, with a stable code.
///
/// Messages name what was expected and what was found, never topic names, payload bytes, client
/// identifiers or credentials.
public struct MQTTError: CodeIdentifiedError {
    /// Stable code of an MQTT error.
    public typealias Code = ErrorCode<MQTTError>

    /// The stable code.
    public let errorCode: Code
    /// What was expected and what was found.
    public let message: String

    /// An error with a stable code and a message without payload data.
    public init(_ code: Code, _ message: String) {
        self.errorCode = code
        self.message = message
    }
}

extension ErrorCode where Domain == MQTTError {
    /// A packet breaks the MQTT 3.1.1 wire format: reserved bits, lengths, strings, packet identifiers, QoS 3.
    public static let malformed = Self("MQTT_MALFORMED")
    /// A packet is larger than the configured maximum packet size.
    public static let tooLarge = Self("MQTT_TOO_LARGE")
    /// A well-formed packet arrived when the protocol does not allow it (or a CONNECT has another protocol level).
    public static let protocolViolation = Self("MQTT_PROTOCOL")
    /// A QoS 2 packet or request: this client supports QoS 0 and 1 only.
    public static let qos2Unsupported = Self("MQTT_QOS2_UNSUPPORTED")
    /// A topic name or topic filter breaks the MQTT topic rules (empty, misplaced wildcard, U+0000).
    public static let invalidTopic = Self("MQTT_INVALID_TOPIC")
    /// The broker refused the connection (CONNACK return code 1 to 5).
    public static let connectionRefused = Self("MQTT_CONNECTION_REFUSED")
    /// The broker refused a subscription (SUBACK return code 0x80).
    public static let subscriptionRefused = Self("MQTT_SUBSCRIPTION_REFUSED")
    /// No CONNACK or PINGRESP arrived within the keep-alive interval.
    public static let keepAliveTimeout = Self("MQTT_KEEP_ALIVE_TIMEOUT")
    /// The network connection closed without the client asking for it.
    public static let connectionLost = Self("MQTT_CONNECTION_LOST")
    /// Too many published QoS 1 messages wait for their PUBACK.
    public static let publishQueueFull = Self("MQTT_PUBLISH_QUEUE_FULL")
    /// A client configuration value is out of range.
    public static let invalidConfiguration = Self("MQTT_INVALID_CONFIGURATION")
}
