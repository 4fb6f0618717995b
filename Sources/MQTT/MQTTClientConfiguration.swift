/// What the client state machine needs to know: identity, session, keep-alive, subscriptions, backoff, limits.
public struct MQTTClientConfiguration: Hashable, Sendable {
    /// The client identifier (1 to 23 characters is what every broker must accept; longer ones usually work).
    public var clientIdentifier: String
    /// User name and password, if the broker requires them.
    public var credentials: MQTTCredentials?
    /// `false` (the default) keeps the broker-side session across reconnections, so QoS 1 messages that were not
    /// acknowledged are redelivered; required for the at-least-once guarantee across broker or network failures.
    public var cleanSession: Bool
    /// The keep-alive interval in seconds (0 turns keep-alive off).
    public var keepAliveSeconds: UInt16
    /// The subscriptions made, and made again, after every accepted connection.
    public var subscriptions: [MQTTSubscription]
    /// The delay policy between reconnection attempts.
    public var reconnectBackoff: MQTTReconnectBackoff
    /// The largest packet accepted from the broker; larger ones close the connection with `MQTT_TOO_LARGE`.
    public var maximumPacketSize: Int

    /// A configuration.
    public init(
        clientIdentifier: String, credentials: MQTTCredentials? = nil, cleanSession: Bool = false,
        keepAliveSeconds: UInt16 = 30, subscriptions: [MQTTSubscription] = [],
        reconnectBackoff: MQTTReconnectBackoff = MQTTReconnectBackoff(),
        maximumPacketSize: Int = MQTTPacketDecoder.defaultMaximumPacketSize
    ) {
        self.clientIdentifier = clientIdentifier
        self.credentials = credentials
        self.cleanSession = cleanSession
        self.keepAliveSeconds = keepAliveSeconds
        self.subscriptions = subscriptions
        self.reconnectBackoff = reconnectBackoff
        self.maximumPacketSize = maximumPacketSize
    }

    /// Checks the values a broker would refuse or the encoder would reject; throws `MQTT_INVALID_CONFIGURATION`.
    public func validate() throws(MQTTError) {
        let idLength = clientIdentifier.utf8.count
        guard idLength <= 65_535, !clientIdentifier.utf8.contains(0) else {
            throw MQTTError(.invalidConfiguration, "expected a client identifier of at most 65535 bytes without U+0000")
        }
        guard idLength > 0 || cleanSession else {
            throw MQTTError(.invalidConfiguration, "expected a client identifier, or clean session, found neither")
        }
        if let credentials {
            let userOK = credentials.username.utf8.count <= 65_535 && !credentials.username.utf8.contains(0)
            guard userOK, (credentials.password?.count ?? 0) <= 65_535 else {
                throw MQTTError(.invalidConfiguration, "expected a user name and password of at most 65535 bytes each")
            }
        }
        guard subscriptions.count <= 1_000 else {
            throw MQTTError(.invalidConfiguration, "expected at most 1000 subscriptions, found \(subscriptions.count)")
        }
        guard reconnectBackoff.initialDelay > .zero, reconnectBackoff.maximumDelay >= reconnectBackoff.initialDelay,
            reconnectBackoff.multiplier >= 1
        else {
            throw MQTTError(.invalidConfiguration, "expected 0 < initial delay <= maximum delay and a multiplier >= 1")
        }
        guard maximumPacketSize >= 2 else {
            throw MQTTError(
                .invalidConfiguration, "expected a maximum packet size of at least 2, found \(maximumPacketSize)")
        }
    }

    /// The CONNECT packet for this configuration.
    var connectPacket: MQTTConnect {
        MQTTConnect(
            clientIdentifier: clientIdentifier, cleanSession: cleanSession, keepAliveSeconds: keepAliveSeconds,
            credentials: credentials)
    }
}
