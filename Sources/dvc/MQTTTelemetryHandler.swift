import HTTPAPI
import Logging
import MQTT
import MQTTClient
import NIOCore
import Registry
import Storage
import Telemetry

/// The MQTT side of the ingest: each message on `dvc/v1/devices/{id}/telemetry` goes through the same pipeline as
/// `POST /api/v1/telemetry`. The handler returns (and the client sends PUBACK) once the batch is stored, or once
/// it is refused for a reason a redelivery cannot change (counted by reason); a storage failure throws, so the
/// broker delivers the message again.
struct MQTTTelemetryHandler: Sendable {
    let registry: Registry
    let metrics: ServerMetrics
    let logger: Logger

    func handle(_ message: MQTTMessage) async throws {
        guard let deviceID = MQTTOptions.deviceID(inTopic: message.topicName) else {
            metrics.telemetry(transport: "mqtt", reason: "TELEMETRY_TOPIC_INVALID")
            return
        }
        let bytes = Array(message.payload.readableBytesView)
        do {
            let result = try await registry.telemetry.ingest(bytes, transport: .mqtt, topicDeviceID: deviceID)
            metrics.telemetry(transport: "mqtt", reason: result.reason, storedReadings: result.outcome == .stored ? result.readings : 0)
        } catch let error as TelemetryError {
            metrics.telemetry(transport: "mqtt", reason: error.code)
            logger.notice("telemetry batch refused", metadata: ["error.code": .string(error.code), "transport": "mqtt"])
        } catch let error as StorageError {
            logger.warning("telemetry batch not stored; the broker will deliver it again", metadata: ["error.code": .string(error.code)])
            throw error
        }
    }
}
