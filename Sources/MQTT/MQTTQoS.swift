/// The quality-of-service levels this client supports. QoS 2 (exactly once) is refused with
/// `MQTT_QOS2_UNSUPPORTED`: exactly-once counting is done by the application's store instead.
public enum MQTTQoS: UInt8, Hashable, Sendable, CaseIterable {
    /// QoS 0: at most once, no acknowledgement.
    case atMostOnce = 0
    /// QoS 1: at least once, acknowledged with PUBACK; may be redelivered.
    case atLeastOnce = 1

    /// Maps a two-bit QoS field: 0 and 1 are supported, 2 is refused, 3 is malformed.
    static func decode(_ bits: UInt8, field: String) throws(MQTTError) -> MQTTQoS {
        switch bits {
        case 0: return .atMostOnce
        case 1: return .atLeastOnce
        case 2: throw MQTTError(.qos2Unsupported, "expected QoS 0 or 1 in the \(field), found QoS 2")
        default: throw MQTTError(.malformed, "expected QoS 0, 1 or 2 in the \(field), found \(bits)")
        }
    }
}
