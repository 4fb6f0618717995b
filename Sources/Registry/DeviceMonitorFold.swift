import ColdChain
import Foundation
import Storage
import Synchronization
import Telemetry

/// Folds one batch's readings into a device's monitor state inside the store's transaction: restores the
/// excursion tracker, feeds it the main sensor's readings in time order, and returns the new state with every
/// excursion that changed. Readings at or before the tracker's last one (a batch that arrived late) cannot be
/// folded in order: the fold marks the device for a recomputation from all its batches.
final class DeviceMonitorFold: Sendable {
    let deviceID: String
    let profile: TemperatureProfile
    /// The main sensor's readings (sensor absent or 0), in time order, as (ms, °C).
    let readings: [(time: Int64, celsius: Double)]
    let now: Date
    private let recompute = Mutex(false)

    init(deviceID: String, profile: TemperatureProfile, batch: TelemetryBatch, now: Date) {
        self.deviceID = deviceID
        self.profile = profile
        self.readings = Self.mainSensorReadings(batch.readings)
        self.now = now
    }

    /// Whether the batch held readings older than the tracker's latest (set by ``apply(to:)``).
    var needsRecompute: Bool { recompute.withLock { $0 } }

    /// The new state from `previous`. The store may call this more than once (with a state it expected, then with
    /// the one it found); the flag of ``needsRecompute`` reflects the last call.
    func apply(to previous: DeviceMonitorState?) throws -> DeviceMonitorUpdate {
        recompute.withLock { $0 = false }
        var tracker = ExcursionTracker(profile: profile)
        if let previous {
            // A state this build cannot read (a profile change, a newer format) is rebuilt from the batches.
            if let restored = try? ExcursionTracker(profile: profile, restoring: previous.state) {
                tracker = restored
            } else {
                recompute.withLock { $0 = true }
            }
        }
        if let last = tracker.lastReadingTime, let first = readings.first, first.time <= last {
            recompute.withLock { $0 = true }
        }
        let changed = Self.feed(readings, to: &tracker)
        return DeviceMonitorUpdate(
            state: DeviceMonitorState(deviceID: deviceID, state: tracker.encoded(), updatedAt: now),
            excursions: changed.map { Self.stored($0, deviceID: deviceID) })
    }

    /// Feeds readings in order; returns the latest version of every excursion they touched.
    static func feed(_ readings: [(time: Int64, celsius: Double)], to tracker: inout ExcursionTracker) -> [TrackedExcursion] {
        var changed: [String: TrackedExcursion] = [:]
        var order: [String] = []
        for reading in readings {
            for excursion in tracker.add(time: reading.time, celsius: reading.celsius) {
                let key = "\(excursion.kind.rawValue)@\(excursion.start)"
                if changed.updateValue(excursion, forKey: key) == nil { order.append(key) }
            }
        }
        return order.compactMap { changed[$0] }
    }

    static func mainSensorReadings(_ samples: [TemperatureSample]) -> [(time: Int64, celsius: Double)] {
        samples.filter { ($0.sensor ?? 0) == 0 }.map { (time: $0.time, celsius: $0.celsius) }.sorted { $0.time < $1.time }
    }

    static func stored(_ excursion: TrackedExcursion, deviceID: String) -> StoredExcursion {
        StoredExcursion(
            deviceID: deviceID, kind: excursion.kind.rawValue, start: TelemetryIngest.date(excursion.start),
            end: TelemetryIngest.date(excursion.end), isOpen: excursion.isOpen, extremeC: excursion.extremeC)
    }
}
