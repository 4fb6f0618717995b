import ColdChain
import Crypto
import Foundation
import LotIntegrity
import Storage
import Telemetry

extension Registry {
    /// A device to register (admin).
    public struct DeviceRegistration: Sendable {
        public var id: String
        public var kind: Device.Kind
        public var publicKey: P256.Signing.PublicKey
        /// `2-8` (default), `minus-25-15` or `minus-90-60`.
        public var profile: String
        public var label: String
        /// Where it is from now on (an SGLN, GIAI or SSCC as URN or Digital Link, or another URI), if known.
        public var location: String?

        /// Creates a registration.
        public init(
            id: String, kind: Device.Kind, publicKey: P256.Signing.PublicKey, profile: String = "2-8", label: String = "",
            location: String? = nil
        ) {
            self.id = id
            self.kind = kind
            self.publicKey = publicKey
            self.profile = profile
            self.label = label
            self.location = location
        }
    }

    /// Registers a device with its key and, if given, its location: `DEVICE_INVALID` for a bad id, profile, label
    /// or location, `STORAGE_DUPLICATE` (from the store) for an id in use.
    @discardableResult
    public func register(_ registration: DeviceRegistration, now: Date = Date()) async throws -> Device {
        do {
            _ = try TelemetryDeviceID(registration.id)
        } catch {
            throw RegistryError(.deviceInvalid, "expected a device id of 1 to 64 characters A-Z a-z 0-9 . _ : -, found another value")
        }
        guard TemperatureProfile.preset(named: registration.profile) != nil else {
            let names = TemperatureProfile.presets.map(\.name).joined(separator: ", ")
            throw RegistryError(.deviceInvalid, "expected a profile among \(names), found another value")
        }
        guard registration.label.count <= 200 else {
            throw RegistryError(.deviceInvalid, "expected a label of at most 200 characters, found \(registration.label.count)")
        }
        let device = Device(
            id: registration.id, kind: registration.kind, publicKey: Array(registration.publicKey.x963Representation),
            profile: registration.profile, label: registration.label, createdAt: now)
        let placement = try registration.location.map {
            DevicePlacement(deviceID: registration.id, location: try Self.location($0), since: now)
        }
        try await store.insert(device, placement: placement)
        return device
    }

    /// Moves a device to `location` from `since` on (default now): `DEVICE_NOT_FOUND`, `DEVICE_INVALID`.
    @discardableResult
    public func place(deviceID: String, at location: String, since: Date? = nil, now: Date = Date()) async throws -> DevicePlacement {
        let placement = DevicePlacement(deviceID: deviceID, location: try Self.location(location), since: since ?? now)
        do {
            try await store.place(placement)
        } catch let error as StorageError where error.errorCode == .notFound {
            throw RegistryError(.deviceNotFound, "expected a registered device, found none with the id")
        }
        telemetry.forget(deviceID: deviceID)
        return placement
    }

    /// Disables a device: its batches are refused from now on (by other replicas within the device cache's lifetime).
    public func disableDevice(id: String, now: Date = Date()) async throws {
        do {
            try await store.disableDevice(id: id, at: now)
        } catch let error as StorageError where error.errorCode == .notFound {
            throw RegistryError(.deviceNotFound, "expected a registered device, found none with the id")
        }
        telemetry.forget(deviceID: id)
    }

    /// A device's record, placements and current excursions (open, or closed in the last 30 days).
    public func deviceReport(id: String, now: Date = Date()) async throws -> DeviceReport {
        guard let device = try await store.device(id: id) else {
            throw RegistryError(.deviceNotFound, "expected a registered device, found none with the id")
        }
        let placements = try await store.placements(deviceID: id)
        let excursions = try await store.excursions(deviceIDs: [id], from: now.addingTimeInterval(-30 * 86_400), to: now)
        let batches = try await store.telemetryWindow(deviceID: id, count: 1)
        return DeviceReport(device: device, placements: placements, excursions: excursions, highestSequence: batches.first?.sequence)
    }

    /// A location identifier as stored: GS1 URNs and Digital Links in one canonical form, other URIs unchanged.
    static func location(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard (1...300).contains(trimmed.utf8.count), !trimmed.contains(where: { $0.isNewline }) else {
            throw RegistryError(.deviceInvalid, "expected a location identifier of 1 to 300 characters on one line, found another value")
        }
        return CustodyExtractor.normaliseLocation(trimmed)
    }
}

/// A device with what the server knows of it (`GET /api/v1/devices/{id}`).
public struct DeviceReport: Sendable {
    public var device: Device
    /// Oldest first; the last is where it is now.
    public var placements: [DevicePlacement]
    /// Open excursions and those of the last 30 days.
    public var excursions: [StoredExcursion]
    /// The highest sequence number stored, if any.
    public var highestSequence: UInt64?
}
