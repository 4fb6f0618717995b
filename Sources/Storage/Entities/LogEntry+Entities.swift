import Foundation
import TransparencyLog

/// The log entries of the facts the stores keep, derived the same way when a fact is stored (adapters, in the
/// fact's transaction) and when an auditor re-derives them from the stored rows.
///
/// Times are the stored Unix milliseconds: adapters pass the value they write; ``LogEntry/storedMilliseconds(_:)``
/// recovers it from a time read back.
extension LogEntry {
    /// The Unix milliseconds of a time read back from a store (which holds whole milliseconds): the nearest
    /// whole millisecond, so that the division by 1,000 on reading never costs one.
    public static func storedMilliseconds(_ date: Date) -> Int64 {
        let value = (date.timeIntervalSince1970 * 1000).rounded()
        return Int64(exactly: value) ?? (value < 0 ? Int64.min : Int64.max)
    }

    /// The entries of a certificate's payloads, one per payload, at the certificate's stored issue time.
    ///
    /// - Throws: ``StorageError`` `STORAGE_INVALID_VALUE` when a payload has no 32-byte ``CertificatePayload/payloadHash``.
    public static func issuances(of certificate: StoredCertificate, time: Int64) throws -> [LogEntry] {
        try certificate.payloads.map { payload in
            guard let hash = MerkleHash(bytes: payload.payloadHash) else {
                throw StorageError(
                    .invalidValue,
                    "expected certificate_payloads.payload_hash of 32 bytes (SHA-256 of the payload), found \(payload.payloadHash.count)")
            }
            return try issuance(
                certificateID: certificate.id.uuidString.lowercased(), format: payload.format.rawValue, time: time,
                payloadHash: hash)
        }
    }

    /// The entry of a revocation at its stored time.
    public static func revocation(_ revocation: Revocation, time: Int64) throws -> LogEntry {
        try LogEntry.revocation(
            certificateID: revocation.certificateID.uuidString.lowercased(), reason: revocation.reason, time: time)
    }

    /// The entry of a lot history event at its stored time.
    public static func lotStatus(_ event: LotEvent, time: Int64) throws -> LogEntry {
        try LogEntry.lotStatus(
            eventID: event.id.uuidString.lowercased(), gtin: event.gtin, lot: event.lot, kind: event.kind.rawValue,
            status: event.status, reasonCode: event.reasonCode, detail: event.detail,
            principalID: event.principalID?.uuidString.lowercased(), time: time)
    }

    /// The entry of a telemetry batch at its stored receipt time.
    public static func telemetryBatch(_ batch: StoredTelemetryBatch, time: Int64) throws -> LogEntry {
        try LogEntry.telemetryBatch(deviceID: batch.deviceID, sequence: batch.sequence, time: time, digest: batch.digest)
    }

    /// The entry of a captured EPCIS event at its stored capture time.
    public static func epcisEvent(_ event: StoredEPCISEvent, time: Int64) throws -> LogEntry {
        try LogEntry.epcisEvent(hash: event.hash, time: time)
    }
}
