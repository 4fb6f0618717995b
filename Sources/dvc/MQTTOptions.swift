import ArgumentParser
import Foundation
import MQTT
import MQTTClient

/// `--mqtt URL`, `--mqtt-client-id` and `--mqtt-concurrency`: the broker `dvc serve` subscribes to for device telemetry, and that
/// `dvc device simulate` publishes to.
struct MQTTOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "An MQTT 3.1.1 broker, mqtt://[user[:password]@]host[:port] (port 1883 by default); the password may come from DVC_MQTT_PASSWORD instead.",
            valueName: "URL"))
    var mqtt: String?

    @Option(help: "The MQTT client identifier (stable across restarts, so the broker keeps this client's session; distinct per replica).")
    var mqttClientID: String?

    @Option(help: "How many telemetry messages dvc serve stores at once (1 to 256): batches of one device are always stored in order, one at a time.")
    var mqttConcurrency: Int = 8

    /// The topic filter of device telemetry.
    static let telemetryFilter = "dvc/v1/devices/+/telemetry"

    /// The topic a device publishes its batches to.
    static func telemetryTopic(deviceID: String) -> String { "dvc/v1/devices/\(deviceID)/telemetry" }

    /// The device id in a telemetry topic, or nil for another topic.
    static func deviceID(inTopic topic: String) -> String? {
        let parts = topic.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "dvc", parts[1] == "v1", parts[2] == "devices", parts[4] == "telemetry", !parts[3].isEmpty
        else { return nil }
        return String(parts[3])
    }

    /// The client configuration for `--mqtt`, or nil without it.
    func configuration(defaultClientID: String, subscribe: Bool) throws -> MQTTClient.Configuration? {
        guard let mqtt else { return nil }
        guard let url = URLComponents(string: mqtt), url.scheme == "mqtt", let host = url.host, !host.isEmpty else {
            throw CommandError.usage("expected --mqtt mqtt://[user[:password]@]host[:port], found another value")
        }
        var credentials: MQTTCredentials?
        if let user = url.user {
            let password = url.password ?? ProcessInfo.processInfo.environment["DVC_MQTT_PASSWORD"]
            credentials = password.map { MQTTCredentials(username: user, password: $0) } ?? MQTTCredentials(username: user)
        }
        var subscriptions: [MQTTSubscription] = []
        if subscribe {
            subscriptions = [MQTTSubscription(topicFilter: try MQTTTopicFilter(Self.telemetryFilter), qos: .atLeastOnce)]
        }
        let configuration = MQTTClient.Configuration(
            host: host, port: url.port ?? 1883,
            session: MQTTClientConfiguration(
                clientIdentifier: mqttClientID ?? defaultClientID, credentials: credentials, cleanSession: false,
                keepAliveSeconds: 30, subscriptions: subscriptions),
            handlerConcurrency: subscribe ? mqttConcurrency : 1)
        do {
            try configuration.validate()
        } catch {
            throw CommandError.usage("expected a valid MQTT configuration: \(error.message)")
        }
        return configuration
    }
}
