/// The control packet types of MQTT 3.1.1 (§2.2.1), with the fixed-header flag bits each requires.
enum MQTTPacketType: UInt8 {
    case connect = 1
    case connAck = 2
    case publish = 3
    case pubAck = 4
    case pubRec = 5
    case pubRel = 6
    case pubComp = 7
    case subscribe = 8
    case subAck = 9
    case unsubscribe = 10
    case unsubAck = 11
    case pingReq = 12
    case pingResp = 13
    case disconnect = 14

    /// The reserved flag bits (§2.2.2); `nil` for PUBLISH, whose flags carry DUP, QoS and RETAIN.
    var requiredFlags: UInt8? {
        switch self {
        case .publish: return nil
        case .pubRel, .subscribe, .unsubscribe: return 0b0010
        default: return 0
        }
    }
}
