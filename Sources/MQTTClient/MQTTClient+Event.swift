import MQTT

extension MQTTClient {
    /// A change of the connection, as seen through ``MQTTClient/events()``.
    public enum Event: Hashable, Sendable {
        /// The broker accepted the connection (CONNACK 0); `sessionPresent` says whether it kept the session.
        case connected(sessionPresent: Bool)
        /// The broker granted every subscription.
        case subscribed
        /// The connection ended: `nil` after a requested stop, otherwise why (a reconnection follows), for example
        /// `MQTT_CONNECTION_REFUSED` for wrong credentials or `MQTT_CONNECTION_LOST`.
        case disconnected(MQTTError?)
    }
}
