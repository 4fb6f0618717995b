/// A validated MQTT topic filter (§4.7): levels separated by `/`, where `+` matches one level and a final `#`
/// matches the parent level and any number of child levels.
///
/// Validation: not empty, at most 65,535 UTF-8 bytes, no U+0000, `+` and `#` only as a whole level, `#` only as the
/// last level. Matching follows §4.7.2: a filter starting with a wildcard does not match a topic starting with `$`.
public struct MQTTTopicFilter: Hashable, Sendable, CustomStringConvertible {
    /// The filter text.
    public let string: String

    /// Validates a topic filter; throws `MQTT_INVALID_TOPIC`.
    public init(_ string: String) throws(MQTTError) {
        try MQTTTopic.checkEncodable(string, what: "topic filter")
        let levels = string.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        for (index, level) in levels.enumerated() {
            let hasPlus = level.contains(UInt8(ascii: "+"))
            let hasHash = level.contains(UInt8(ascii: "#"))
            if hasPlus && level.count != 1 {
                throw MQTTError(
                    .invalidTopic,
                    "expected '+' to fill a whole level of the topic filter, "
                        + "found it mixed with other characters in level \(index + 1)"
                )
            }
            if hasHash && (level.count != 1 || index != levels.count - 1) {
                throw MQTTError(
                    .invalidTopic,
                    "expected '#' only as the whole last level of the topic filter, "
                        + "found it in level \(index + 1) of \(levels.count)"
                )
            }
        }
        self.string = string
    }

    /// The filter text.
    public var description: String { string }

    /// Whether the filter contains `+` or `#`.
    public var hasWildcards: Bool { string.utf8.contains { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "#") } }

    /// Whether a topic name matches this filter. Topic names with wildcards never match.
    public func matches(topicName: String) -> Bool {
        let topic = topicName.utf8
        guard !topic.isEmpty, !topic.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "#") })
        else { return false }
        let filterLevels = string.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        let topicLevels = topic.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        // §4.7.2: wildcards at the first level do not match topics starting with '$'.
        if topic.first == UInt8(ascii: "$"), let first = filterLevels.first,
            first.elementsEqual("+".utf8) || first.elementsEqual("#".utf8)
        {
            return false
        }
        var index = 0
        while index < filterLevels.count {
            let level = filterLevels[index]
            if level.elementsEqual("#".utf8) { return true }  // matches the parent level and any children
            guard index < topicLevels.count else { return false }
            if !level.elementsEqual("+".utf8) && !level.elementsEqual(topicLevels[index]) { return false }
            index += 1
        }
        return index == topicLevels.count
    }
}
