import ColdChain
import Crypto
import Foundation
import Storage
import Telemetry

/// A device as the ingest pipeline keeps it in memory: the stored record, its parsed key and profile, and its
/// replay window once loaded.
struct IngestDevice: Sendable {
    let record: Device
    let key: P256.Signing.PublicKey
    let profile: TemperatureProfile
    let loadedAt: Date
    var admissionState: TelemetryDeviceState?

    init(record: Device, loadedAt: Date) throws {
        self.record = record
        do {
            self.key = try P256.Signing.PublicKey(x963Representation: record.publicKey)
        } catch {
            throw RegistryError(.deviceInvalid, "expected the stored device key to be a P-256 point, found another value")
        }
        self.profile = TemperatureProfile.preset(named: record.profile) ?? .refrigerated
        self.loadedAt = loadedAt
    }

    func isEnabled(at now: Date) -> Bool { record.disabledAt.map { $0 > now } ?? true }
}
