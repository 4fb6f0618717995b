import ColdChain
import Crypto
import Foundation
import Storage
import Synchronization
import Telemetry

/// The one ingest pipeline behind `POST /api/v1/telemetry` and the MQTT subscription (docs/TELEMETRY.md §5):
/// read the claimed device from the envelope, look its key up, verify the signature, apply the admission rules,
/// then store the batch with the device's excursion tracking in one transaction. A batch is stored at most once:
/// the store's unique (device, sequence) decides, also between replicas.
///
/// Safe to share between tasks. Devices are cached for ``deviceCacheLifetime`` seconds (a disabled device is
/// refused by every replica within that time); each device's replay window is loaded once and kept up to date.
public final class TelemetryIngest: Sendable {
    let store: any PlatformStore
    /// The admission rules (clock-skew tolerance, replay window).
    public let admission: TelemetryAdmission
    /// Size and count limits of a signed batch.
    public let limits: TelemetryLimits
    /// How long a looked-up device is trusted before it is read again, in seconds.
    public let deviceCacheLifetime: TimeInterval
    let devices = Mutex<[String: IngestDevice]>([:])

    /// Creates the pipeline over `store`.
    public init(
        store: any PlatformStore, admission: TelemetryAdmission = TelemetryAdmission(), limits: TelemetryLimits = .default,
        deviceCacheLifetime: TimeInterval = 10
    ) {
        self.store = store
        self.admission = admission
        self.limits = limits
        self.deviceCacheLifetime = deviceCacheLifetime
    }

    /// Ingests one signed batch.
    ///
    /// - Parameters:
    ///   - topicDeviceID: over MQTT, the device named in the topic `dvc/v1/devices/{id}/telemetry`; it must be the
    ///     batch's device.
    /// - Returns: stored, duplicate (a retry: acknowledge it) or rejected by the admission rules, with the reason.
    /// - Throws: ``TelemetryError`` when the batch cannot be verified (malformed, too large, unknown or disabled
    ///   device, bad signature, device mismatch); ``StorageError`` when the store fails (the transport should not
    ///   acknowledge, so that the device retries).
    public func ingest(
        _ bytes: [UInt8], transport: TelemetryTransport, topicDeviceID: String? = nil, now: Date = Date()
    ) async throws -> TelemetryIngestResult {
        let claimed = try SignedTelemetry.claimedDeviceID(of: bytes[...], limits: limits)
        if let topicDeviceID, topicDeviceID != claimed.rawValue {
            throw TelemetryError(
                .deviceMismatch, "expected the topic's device to be the batch's kid, found another device", field: "topic")
        }
        guard let device = try await device(claimed.rawValue, now: now), device.isEnabled(at: now) else {
            throw TelemetryError(.unknownDevice, "expected a registered, enabled device for the kid, found none", field: "kid")
        }
        let batch = try SignedTelemetry.verify(bytes, limits: limits) { $0 == claimed ? device.key : nil }
        let digest = batch.digest()
        let state = try await admissionState(device.record.id)
        let decision = admission.decide(batch, digest: digest, state: state, now: Self.milliseconds(now))
        let deviceID = device.record.id
        func result(_ outcome: TelemetryIngestResult.Outcome, _ reason: String) -> TelemetryIngestResult {
            TelemetryIngestResult(
                outcome: outcome, reason: reason, deviceID: deviceID, sequence: batch.sequence, readings: batch.readings.count,
                gap: outcome == .stored ? decision.gap : 0)
        }
        switch decision.action {
        case .reject: return result(.rejected, decision.reason.rawValue)
        case .acknowledge: return result(.duplicate, decision.reason.rawValue)
        case .store: break
        }
        let fold = DeviceMonitorFold(deviceID: deviceID, profile: device.profile, batch: batch, now: now)
        let outcome = try await store.storeTelemetry(Self.record(batch, signed: bytes, digest: digest, transport: transport, now: now)) {
            try fold.apply(to: $0)
        }
        switch outcome {
        case .stored:
            recordAccepted(deviceID, sequence: batch.sequence, digest: digest)
            if fold.needsRecompute { try await recomputeExcursions(deviceID: deviceID, now: now) }
            return result(.stored, decision.reason.rawValue)
        case .duplicate:
            recordAccepted(deviceID, sequence: batch.sequence, digest: digest)
            return result(.duplicate, TelemetryAdmissionReason.duplicate.rawValue)
        case .conflictingDigest:
            return result(.rejected, TelemetryAdmissionReason.replay.rawValue)
        }
    }

    /// Forgets a cached device (after it was disabled or its placement changed on this replica).
    public func forget(deviceID: String) {
        _ = devices.withLock { $0.removeValue(forKey: deviceID) }
    }

    // MARK: Devices and admission state

    /// The device, from the cache while it is fresh, else from the store.
    func device(_ id: String, now: Date) async throws -> IngestDevice? {
        if let cached = devices.withLock({ $0[id] }), now.timeIntervalSince(cached.loadedAt) < deviceCacheLifetime {
            return cached
        }
        guard let record = try await store.device(id: id) else { return nil }
        let fresh = try IngestDevice(record: record, loadedAt: now)
        return devices.withLock { cache in
            var entry = fresh
            entry.admissionState = cache[id]?.admissionState
            cache[id] = entry
            return entry
        }
    }

    /// The device's replay window: kept in the cache, loaded from the store the first time.
    func admissionState(_ deviceID: String) async throws -> TelemetryDeviceState {
        if let state = devices.withLock({ $0[deviceID]?.admissionState }) { return state }
        let window = try await store.telemetryWindow(deviceID: deviceID, count: Int(admission.windowSize))
        var digests: [UInt64: [UInt8]] = [:]
        for entry in window { digests[entry.sequence] = entry.digest }
        let state = TelemetryDeviceState(highestSequence: window.first?.sequence, acceptedDigests: digests)
        devices.withLock { cache in
            if cache[deviceID] != nil, cache[deviceID]?.admissionState == nil { cache[deviceID]?.admissionState = state }
        }
        return state
    }

    func recordAccepted(_ deviceID: String, sequence: UInt64, digest: [UInt8]) {
        let windowSize = admission.windowSize
        devices.withLock { cache in
            cache[deviceID]?.admissionState?.recordAccepted(sequence: sequence, digest: digest, windowSize: windowSize)
        }
    }

    // MARK: Helpers

    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) }

    static func date(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

    static func record(
        _ batch: TelemetryBatch, signed: [UInt8], digest: [UInt8], transport: TelemetryTransport, now: Date
    ) -> StoredTelemetryBatch {
        let times = batch.readings.map(\.time) + batch.positions.map(\.time)
        return StoredTelemetryBatch(
            deviceID: batch.deviceID.rawValue, sequence: batch.sequence, digest: digest, signedBytes: signed,
            readingCount: batch.readings.count, positionCount: batch.positions.count, firstTime: times.min().map(date),
            lastTime: times.max().map(date), transport: transport.rawValue, receivedAt: now)
    }
}
