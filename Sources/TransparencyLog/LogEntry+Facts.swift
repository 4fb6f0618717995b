import Crypto

extension LogEntry {
    /// The entry of one issued certificate payload: subject `<certificate id>/<format>`, content hash
    /// ``payloadHash(_:)`` of the signed payload text, so that a verifier holding the QR text can ask whether it
    /// was logged.
    public static func issuance(
        certificateID: String, format: String, time: Int64, payloadHash: MerkleHash
    ) throws(TransparencyLogError) -> LogEntry {
        try LogEntry(kind: .issuance, subject: "\(certificateID)/\(format)", time: time, contentHash: payloadHash)
    }

    /// SHA-256 of a signed payload's text (UTF-8): the content hash of an issuance.
    public static func payloadHash(_ text: String) -> MerkleHash {
        MerkleHash(digest: SHA256.hash(data: Array(text.utf8)))
    }

    /// The entry of a revocation: subject the certificate id, content hash over the certificate id, the reason
    /// and the time (``fieldsHash(label:_:)`` with label `OpenDVC-Revocation-v1`).
    public static func revocation(certificateID: String, reason: String, time: Int64) throws(TransparencyLogError) -> LogEntry {
        try LogEntry(
            kind: .revocation, subject: certificateID, time: time,
            contentHash: fieldsHash(label: "OpenDVC-Revocation-v1", [.text(certificateID), .text(reason), .integer(time)]))
    }

    /// The entry of a lot history event: subject `<gtin>/<lot>`, content hash over every field of the event
    /// (id, lot, kind, status, reason code, detail, principal, time; label `OpenDVC-LotEvent-v1`), so that a changed
    /// row no longer matches.
    public static func lotStatus(
        eventID: String, gtin: String, lot: String, kind: String, status: String, reasonCode: String, detail: String,
        principalID: String?, time: Int64
    ) throws(TransparencyLogError) -> LogEntry {
        try LogEntry(
            kind: .lotStatus, subject: "\(gtin)/\(lot)", time: time,
            contentHash: fieldsHash(
                label: "OpenDVC-LotEvent-v1",
                [
                    .text(eventID), .text(gtin), .text(lot), .text(kind), .text(status), .text(reasonCode), .text(detail),
                    .text(principalID ?? ""), .integer(time),
                ]))
    }

    /// The entry of a stored telemetry batch: subject `<device id>/<sequence>`, content hash the batch digest
    /// (SHA-256 of the signed payload; a digest of another length is hashed once more).
    public static func telemetryBatch(
        deviceID: String, sequence: UInt64, time: Int64, digest: [UInt8]
    ) throws(TransparencyLogError) -> LogEntry {
        let contentHash = MerkleHash(bytes: digest) ?? MerkleHash(digest: SHA256.hash(data: digest))
        return try LogEntry(kind: .telemetryBatch, subject: "\(deviceID)/\(sequence)", time: time, contentHash: contentHash)
    }

    /// The entry of a captured EPCIS event: subject the event hash URI (`ni:///sha-256;<hex>?ver=CBV2.0`),
    /// content hash the 32 bytes the URI names (SHA-256 of the URI text when it names none).
    public static func epcisEvent(hash: String, time: Int64) throws(TransparencyLogError) -> LogEntry {
        try LogEntry(kind: .epcisEvent, subject: hash, time: time, contentHash: epcisDigest(hash))
    }

    /// The digest inside `ni:///sha-256;<64 hex digits>[?...]`, else SHA-256 of the text.
    static func epcisDigest(_ uri: String) -> MerkleHash {
        let prefix = "ni:///sha-256;"
        if uri.hasPrefix(prefix) {
            let rest = uri.dropFirst(prefix.count)
            let hex = rest.prefix { $0 != "?" }
            if let digest = MerkleHash(hex: hex) { return digest }
        }
        return MerkleHash(digest: SHA256.hash(data: Array(uri.utf8)))
    }

    /// A field of a content hash: text (UTF-8) or a 64-bit integer.
    public enum HashedField: Sendable {
        /// UTF-8 text, encoded as a 4-byte big-endian length and the bytes.
        case text(String)
        /// A signed 64-bit integer, encoded as 8 bytes big-endian two's complement.
        case integer(Int64)
    }

    /// SHA-256 of `label` and `fields`, each length-prefixed (4 bytes big-endian) or fixed-width: the content
    /// hash of facts that have no hash of their own.
    public static func fieldsHash(label: String, _ fields: [HashedField]) -> MerkleHash {
        var bytes: [UInt8] = []
        func appendText(_ text: String) {
            let utf8 = Array(text.utf8)
            let count = UInt32(truncatingIfNeeded: utf8.count)
            for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: count >> UInt32(shift))) }
            bytes.append(contentsOf: utf8)
        }
        appendText(label)
        for field in fields {
            switch field {
            case .text(let text):
                appendText(text)
            case .integer(let value):
                let bits = UInt64(bitPattern: value)
                for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
            }
        }
        return MerkleHash(digest: SHA256.hash(data: bytes))
    }
}
