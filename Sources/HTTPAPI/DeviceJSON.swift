import CredentialVerification
import Foundation
import JOSE
import JSON
import Registry
import Storage

/// The JSON of devices, placements, excursions and ingest outcomes.
enum DeviceJSON {
    static func make(_ report: DeviceReport) -> JSONValue {
        guard case .object(var object) = device(report.device) else { return .null }
        object["placements"] = .array(report.placements.map(placement))
        object["location"] = report.placements.last.map { .string($0.location) }
        object["excursions"] = .array(report.excursions.map(excursion))
        object["highestSequence"] = report.highestSequence.map { .integer(Int64(clamping: $0)) }
        return .object(object)
    }

    static func device(_ device: Device) -> JSONValue {
        .object([
            "id": .string(device.id),
            "kind": .string(device.kind.rawValue),
            "publicKey": .string(Base64URL.encode(device.publicKey)),
            "profile": .string(device.profile),
            "label": .string(device.label),
            "createdAt": .string(Timestamp.format(device.createdAt)),
            "disabledAt": device.disabledAt.map { .string(Timestamp.format($0)) } ?? .null,
        ])
    }

    static func placement(_ placement: DevicePlacement) -> JSONValue {
        .object([
            "deviceID": .string(placement.deviceID), "location": .string(placement.location),
            "since": .string(Timestamp.format(placement.since)),
        ])
    }

    static func excursion(_ excursion: StoredExcursion) -> JSONValue {
        .object([
            "kind": .string(excursion.kind),
            "start": .string(Timestamp.format(excursion.start)),
            "end": .string(Timestamp.format(excursion.end)),
            "minutes": .double(excursion.end.timeIntervalSince(excursion.start) / 60),
            "open": .bool(excursion.isOpen),
            "extremeC": .double(excursion.extremeC),
        ])
    }

    static func ingest(_ result: TelemetryIngestResult) -> JSONValue {
        .object([
            "result": .string(result.outcome.rawValue),
            "reason": .string(result.reason),
            "deviceID": .string(result.deviceID),
            "sequence": .integer(Int64(clamping: result.sequence)),
            "readings": .integer(Int64(result.readings)),
            "gap": .integer(Int64(clamping: result.gap)),
        ])
    }
}
