/// A user name and optional password for CONNECT. In MQTT 3.1.1 a password needs a user name (§3.1.2.9).
///
/// `description` and the mirror hide the password, so credentials do not end up in logs by accident.
public struct MQTTCredentials: Hashable, Sendable, CustomStringConvertible, CustomReflectable {
    /// The user name (a UTF-8 string of at most 65,535 bytes, without U+0000).
    public var username: String
    /// The password: binary data of at most 65,535 bytes.
    public var password: [UInt8]?

    /// Credentials with a user name and an optional password.
    public init(username: String, password: [UInt8]? = nil) {
        self.username = username
        self.password = password
    }

    /// Credentials with a UTF-8 password.
    public init(username: String, password: String) {
        self.init(username: username, password: Array(password.utf8))
    }

    /// Names the user and says whether a password is set, without showing it.
    public var description: String {
        "MQTTCredentials(username: \(username), password: \(password == nil ? "none" : "<redacted>"))"
    }

    /// A mirror without the password bytes.
    public var customMirror: Mirror {
        Mirror(self, children: ["username": username, "password": password == nil ? "none" : "<redacted>"])
    }
}
