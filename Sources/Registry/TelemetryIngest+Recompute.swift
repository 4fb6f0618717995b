import ColdChain
import Foundation
import Storage
import Telemetry

extension TelemetryIngest {
    /// Rebuilds a device's excursions from all of its stored batches, in time order: after a batch arrived late
    /// (readings older than the latest folded in) or the stored tracker state could not be read.
    public func recomputeExcursions(deviceID: String, now: Date = Date()) async throws {
        guard let device = try await device(deviceID, now: now) else { return }
        var readings: [(time: Int64, celsius: Double)] = []
        var after: UInt64?
        let page = 500
        while true {
            let batches = try await store.telemetryBatches(deviceID: deviceID, afterSequence: after, limit: page)
            for stored in batches {
                // Stored batches were verified at ingest; verifying again also guards against a tampered row.
                let batch = try SignedTelemetry.verify(stored.signedBytes, limits: limits) { _ in device.key }
                readings += DeviceMonitorFold.mainSensorReadings(batch.readings)
            }
            guard let last = batches.last, batches.count == page else { break }
            after = last.sequence
        }
        readings.sort { $0.time < $1.time }
        var tracker = ExcursionTracker(profile: device.profile)
        let excursions = DeviceMonitorFold.feed(readings, to: &tracker)
        try await store.replaceMonitor(
            DeviceMonitorUpdate(
                state: DeviceMonitorState(deviceID: deviceID, state: tracker.encoded(), updatedAt: now),
                excursions: excursions.map { DeviceMonitorFold.stored($0, deviceID: deviceID) }))
    }
}
