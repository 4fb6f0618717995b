/// A CONNACK packet (§3.2).
public struct MQTTConnAck: Hashable, Sendable {
    /// The CONNACK return codes of MQTT 3.1.1 (§3.2.2.3); values 6 to 255 are reserved and decode as malformed.
    public enum ReturnCode: UInt8, Hashable, Sendable, CaseIterable {
        /// 0: connection accepted.
        case accepted = 0
        /// 1: the broker does not support protocol level 4.
        case unacceptableProtocolVersion = 1
        /// 2: the client identifier is not allowed.
        case identifierRejected = 2
        /// 3: the MQTT service is unavailable.
        case serverUnavailable = 3
        /// 4: the user name or password is malformed or wrong.
        case badUsernameOrPassword = 4
        /// 5: the client is not authorised to connect.
        case notAuthorized = 5
    }

    /// Whether the broker kept a session from an earlier connection (always false when refused).
    public var sessionPresent: Bool
    /// The return code.
    public var returnCode: ReturnCode

    /// A CONNACK packet.
    public init(sessionPresent: Bool, returnCode: ReturnCode) {
        self.sessionPresent = sessionPresent
        self.returnCode = returnCode
    }
}
