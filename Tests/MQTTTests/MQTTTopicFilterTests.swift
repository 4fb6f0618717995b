import MQTT
import Testing

@Suite("MQTT topic filters")
struct MQTTTopicFilterTests {
    /// (filter, topic name, matches) from §4.7.1 and §4.7.2 and the telemetry layout.
    static let table: [(String, String, Bool)] = [
        ("dvc/v1/devices/+/telemetry", "dvc/v1/devices/fridge-7/telemetry", true),
        ("dvc/v1/devices/+/telemetry", "dvc/v1/devices//telemetry", true),  // '+' matches an empty level
        ("dvc/v1/devices/+/telemetry", "dvc/v1/devices/a/b/telemetry", false),
        ("dvc/v1/devices/+/telemetry", "dvc/v1/devices/fridge-7/status", false),
        ("dvc/v1/devices/+/telemetry", "dvc/v1/devices/fridge-7", false),
        ("dvc/v1/devices/+/telemetry", "dvc/v1/devices/fridge-7/telemetry/extra", false),
        ("dvc/v1/devices/+/telemetry", "DVC/v1/devices/fridge-7/telemetry", false),  // case-sensitive
        ("sport/tennis/player1/#", "sport/tennis/player1", true),
        ("sport/tennis/player1/#", "sport/tennis/player1/ranking", true),
        ("sport/tennis/player1/#", "sport/tennis/player1/score/wimbledon", true),
        ("sport/tennis/player1/#", "sport/tennis/player2", false),
        ("sport/#", "sport", true),
        ("#", "sport/tennis", true),
        ("#", "/", true),
        ("sport/tennis/+", "sport/tennis/player1", true),
        ("sport/tennis/+", "sport/tennis/player1/ranking", false),
        ("sport/+", "sport", false),
        ("sport/+", "sport/", true),
        ("+/+", "/finance", true),
        ("/+", "/finance", true),
        ("+", "/finance", false),
        ("+", "finance", true),
        ("a/b", "a/b", true),
        ("a/b", "a/b/", false),
        ("a/b", "a", false),
        ("+/+/#", "a", false),
        ("+/#", "a", true),
        // '$' topics are not matched by a filter starting with a wildcard (§4.7.2).
        ("#", "$SYS/broker/load", false),
        ("+/monitor/Clients", "$SYS/monitor/Clients", false),
        ("$SYS/#", "$SYS/monitor/Clients", true),
        ("$SYS/monitor/+", "$SYS/monitor/Clients", true),
        ("a/$x", "a/$x", true),
        ("+/$x", "a/$x", true),
        // Topic names with wildcards are not topic names and match nothing.
        ("#", "a/+", false),
        ("#", "a/#", false),
        ("#", "", false),
    ]

    @Test(arguments: table)
    func matches(filter: String, topic: String, expected: Bool) throws {
        #expect(try MQTTTopicFilter(filter).matches(topicName: topic) == expected, "\(filter) vs \(topic)")
    }

    @Test(arguments: [
        "#", "+", "+/+", "a/#", "a/+/b", "/", "//", "a//b", "$SYS/#", "sport/tennis/#", "+/tennis/#", "é/ü/😀",
    ])
    func acceptsValidFilters(_ text: String) throws {
        #expect(try MQTTTopicFilter(text).string == text)
    }

    @Test(arguments: ["", "a#", "a/#/b", "#/", "sport/tennis#", "a+", "+a/b", "a/b+", "++", "##", "a/\u{0}", "#/#"])
    func rejectsInvalidFilters(_ text: String) {
        #expect(throws: MQTTError(.invalidTopic, "")) { try MQTTTopicFilter(text) }
    }

    @Test func rejectsOverlongFilters() throws {
        #expect(try MQTTTopicFilter(String(repeating: "a", count: 65_535)).string.utf8.count == 65_535)
        #expect(throws: MQTTError(.invalidTopic, "")) { try MQTTTopicFilter(String(repeating: "a", count: 65_536)) }
    }

    @Test func validatesTopicNames() throws {
        try MQTTTopic.validateName("dvc/v1/devices/x/telemetry")
        try MQTTTopic.validateName("/")
        try MQTTTopic.validateName("$SYS/x")
        for bad in ["", "a/+", "a/#", "+", "a\u{0}b"] {
            #expect(throws: MQTTError(.invalidTopic, "")) { try MQTTTopic.validateName(bad) }
        }
    }

    @Test func reportsWildcards() throws {
        #expect(try MQTTTopicFilter("a/+/b").hasWildcards)
        #expect(try MQTTTopicFilter("a/#").hasWildcards)
        #expect(try !MQTTTopicFilter("a/b").hasWildcards)
    }
}
