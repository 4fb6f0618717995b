/// Rules shared by topic names and topic filters (§1.5.3, §4.7).
public enum MQTTTopic {
    /// Checks a topic name for PUBLISH (and the will topic): not empty, at most 65,535 bytes, no U+0000, no `+` or
    /// `#`. Throws `MQTT_INVALID_TOPIC`.
    public static func validateName(_ name: String) throws(MQTTError) {
        try checkEncodable(name, what: "topic name")
        if name.utf8.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "#") }) {
            throw MQTTError(.invalidTopic, "expected a topic name without wildcards, found '+' or '#'")
        }
    }

    /// Not empty, at most 65,535 UTF-8 bytes, no U+0000.
    static func checkEncodable(_ text: String, what: String) throws(MQTTError) {
        let count = text.utf8.count
        guard count > 0 else { throw MQTTError(.invalidTopic, "expected a non-empty \(what), found an empty one") }
        guard count <= 65_535 else {
            throw MQTTError(.invalidTopic, "expected a \(what) of at most 65535 bytes, found \(count)")
        }
        guard !text.utf8.contains(0) else { throw MQTTError(.invalidTopic, "expected a \(what) without U+0000") }
    }
}
