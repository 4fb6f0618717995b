import Foundation
import Storage
import Synchronization

// Devices, telemetry, lots and EPCIS events for the conformance tests. Times are `StoreFixture.now` plus offsets
// in seconds; `now` has a sub-millisecond fraction, so every round trip checks the millisecond rounding.

extension StoreFixture {
    /// `now` plus `seconds`.
    static func at(_ seconds: Double) -> Date { now.addingTimeInterval(seconds) }

    func device(_ id: String, kind: Device.Kind = .logger, profile: String = "2-8") -> Device {
        Device(
            id: id, kind: kind, publicKey: [4] + Array(repeating: UInt8(id.utf8.count), count: 64), profile: profile,
            label: "Fridge \(id), Central store", createdAt: Self.now)
    }

    func placement(_ deviceID: String, at location: String, since seconds: Double) -> DevicePlacement {
        DevicePlacement(deviceID: deviceID, location: location, since: Self.at(seconds))
    }

    /// A batch whose digest is 32 bytes of `digest`, ten minutes after the previous sequence number.
    func batch(_ deviceID: String, sequence: UInt64, digest: UInt8 = 1) -> StoredTelemetryBatch {
        let start = Double(sequence % 10_000) * 600
        return StoredTelemetryBatch(
            deviceID: deviceID, sequence: sequence, digest: Array(repeating: digest, count: 32),
            signedBytes: [0xD2, 0x84] + Array("batch \(sequence) \(digest)".utf8) + [0, 255], readingCount: 10,
            positionCount: 2, firstTime: Self.at(start), lastTime: Self.at(start + 540), transport: "mqtt",
            receivedAt: Self.at(start + 541))
    }

    func excursion(
        _ deviceID: String, _ kind: String = "heat", from start: Double, to end: Double, isOpen: Bool = false,
        extremeC: Double = 9.25
    ) -> StoredExcursion {
        StoredExcursion(
            deviceID: deviceID, kind: kind, start: Self.at(start), end: Self.at(end), isOpen: isOpen, extremeC: extremeC)
    }

    func monitorUpdate(_ deviceID: String, state: [UInt8], at seconds: Double = 0, excursions: [StoredExcursion] = [])
        -> DeviceMonitorUpdate
    {
        DeviceMonitorUpdate(
            state: DeviceMonitorState(deviceID: deviceID, state: state, updatedAt: Self.at(seconds)), excursions: excursions)
    }

    /// An EPCIS event with a hash built from `name` (the CBV form, `ni:///sha-256;…?ver=CBV2.0`).
    func epcisEvent(
        _ name: String, type: String = "ObjectEvent", at seconds: Double, bizStep: String? = "shipping"
    ) -> StoredEPCISEvent {
        StoredEPCISEvent(
            hash: "ni:///sha-256;\(name)?ver=CBV2.0", eventType: type, eventTime: Self.at(seconds), bizStep: bizStep,
            json: Array("{\"type\":\"\(type)\",\"name\":\"\(name)\"}".utf8), capturedAt: Self.at(seconds + 3_600))
    }

    func custody(
        _ gtin: String, _ lot: String, of event: StoredEPCISEvent, locations: [String], inTransit: Bool = false
    ) -> LotCustodyEntry {
        LotCustodyEntry(
            gtin: gtin, lot: lot, time: event.eventTime, eventHash: event.hash, locations: locations, inTransit: inTransit)
    }
}

/// Counts calls from concurrent tasks (the `update` closures of `storeTelemetry`).
final class CallCounter: Sendable {
    private let value = Mutex(0)

    /// Adds one and returns the new count.
    @discardableResult
    func increment() -> Int { value.withLock { $0 += 1; return $0 } }

    var count: Int { value.withLock { $0 } }
}

/// An error of the caller's domain, thrown from an `update` closure.
struct MonitorFoldError: Error, Equatable {}

extension Device {
    var stored: Device {
        var copy = self
        copy.createdAt = createdAt.storedPrecision
        copy.disabledAt = disabledAt?.storedPrecision
        return copy
    }
}

extension DevicePlacement {
    var stored: DevicePlacement { var copy = self; copy.since = since.storedPrecision; return copy }
}

extension StoredTelemetryBatch {
    var stored: StoredTelemetryBatch {
        var copy = self
        copy.firstTime = firstTime?.storedPrecision
        copy.lastTime = lastTime?.storedPrecision
        copy.receivedAt = receivedAt.storedPrecision
        return copy
    }
}

extension DeviceMonitorState {
    var stored: DeviceMonitorState { var copy = self; copy.updatedAt = updatedAt.storedPrecision; return copy }
}

extension StoredExcursion {
    var stored: StoredExcursion {
        var copy = self
        copy.start = start.storedPrecision
        copy.end = end.storedPrecision
        return copy
    }
}

extension Lot {
    var stored: Lot { var copy = self; copy.createdAt = createdAt.storedPrecision; return copy }
}

extension StoredEPCISEvent {
    var stored: StoredEPCISEvent {
        var copy = self
        copy.eventTime = eventTime.storedPrecision
        copy.capturedAt = capturedAt.storedPrecision
        return copy
    }
}

extension LotCustodyEntry {
    var stored: LotCustodyEntry { var copy = self; copy.time = time.storedPrecision; return copy }
}

extension LotEvent {
    var stored: LotEvent { var copy = self; copy.createdAt = createdAt.storedPrecision; return copy }
}
