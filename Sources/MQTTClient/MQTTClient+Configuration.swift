import MQTT

extension MQTTClient {
    /// Where the broker is, and the MQTT session settings.
    public struct Configuration: Hashable, Sendable {
        /// The broker's host name or address.
        public var host: String
        /// The broker's TCP port (1883 for plain MQTT).
        public var port: Int
        /// Client identifier, credentials, clean session (default `false`), keep-alive, subscriptions, backoff,
        /// maximum packet size.
        public var session: MQTTClientConfiguration
        /// How long opening the TCP connection may take before it counts as failed (and is retried).
        public var connectTimeout: Duration
        /// How many received messages may wait for the handler before the client stops reading from the socket
        /// (flow control; reading resumes at half). Mosquitto sends a slow subscriber far more unacknowledged QoS 1
        /// messages than its in-flight limit suggests; TCP then holds them back. The messages of the socket read in
        /// progress are still delivered, so the queue can exceed this by one read; nothing is dropped.
        public var deliveryBufferSize: Int
        /// How many messages the handler may work on at once (1 to 256, default 1). Messages on one topic name
        /// always go to the handler one at a time, in arrival order; messages on different topics may overlap.
        /// PUBACKs still leave in arrival order, as MQTT 3.1.1 requires: one stored early waits for those before it.
        public var handlerConcurrency: Int

        /// A configuration.
        public init(
            host: String, port: Int = 1883, session: MQTTClientConfiguration, connectTimeout: Duration = .seconds(10),
            deliveryBufferSize: Int = 1_000, handlerConcurrency: Int = 1
        ) {
            self.host = host
            self.port = port
            self.session = session
            self.connectTimeout = connectTimeout
            self.deliveryBufferSize = deliveryBufferSize
            self.handlerConcurrency = handlerConcurrency
        }

        /// Checks the session settings and the ranges of port, timeout and buffer; throws
        /// `MQTT_INVALID_CONFIGURATION`.
        public func validate() throws(MQTTError) {
            try session.validate()
            guard (1...65_535).contains(port) else {
                throw MQTTError(.invalidConfiguration, "expected a port from 1 to 65535, found \(port)")
            }
            guard !host.isEmpty else { throw MQTTError(.invalidConfiguration, "expected a host, found none") }
            guard connectTimeout > .zero else {
                throw MQTTError(.invalidConfiguration, "expected a positive connect timeout")
            }
            guard deliveryBufferSize >= 1 else {
                throw MQTTError(
                    .invalidConfiguration, "expected a delivery buffer of at least 1, found \(deliveryBufferSize)")
            }
            guard (1...256).contains(handlerConcurrency) else {
                throw MQTTError(
                    .invalidConfiguration, "expected a handler concurrency from 1 to 256, found \(handlerConcurrency)")
            }
        }
    }
}
