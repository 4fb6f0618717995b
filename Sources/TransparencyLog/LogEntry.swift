import CodedErrors

/// One public fact the transparency log records: what happened (``Kind``), to what (``subject``), when
/// (``time``), and a 32-byte hash of its content (``contentHash``). Never personal data: subjects are
/// certificate ids, lot keys, device ids and EPCIS event hashes, and content is only ever hashed.
///
/// The log's leaf is ``encoded()``; its Merkle leaf hash is ``MerkleHashing/leafHash(_:)`` of those bytes.
/// ``LogEntry`` builders for each kind (``issuance(certificateID:format:time:payloadHash:)`` and the others) fix
/// the subject's shape and what the content hash covers, so that an auditor re-derives the same entry from the
/// stored fact.
public struct LogEntry: Sendable, Hashable {
    /// What a log entry records. The raw value is the byte in ``LogEntry/encoded()``.
    public enum Kind: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// A certificate payload was issued (one entry per format).
        case issuance = 1
        /// A certificate was revoked.
        case revocation = 2
        /// A lot's history grew: a status change, a recall or an override.
        case lotStatus = 3
        /// A device's signed telemetry batch was stored.
        case telemetryBatch = 4
        /// An EPCIS event was captured.
        case epcisEvent = 5

        /// The name stored in the `kind` column and shown by the API: `issuance`, `revocation`, `lotStatus`,
        /// `telemetryBatch`, `epcisEvent`.
        public var description: String {
            switch self {
            case .issuance: "issuance"
            case .revocation: "revocation"
            case .lotStatus: "lotStatus"
            case .telemetryBatch: "telemetryBatch"
            case .epcisEvent: "epcisEvent"
            }
        }

        /// The kind with this ``description``, if any.
        public init?(name: some StringProtocol) {
            guard let kind = Self.allCases.first(where: { $0.description == name }) else { return nil }
            self = kind
        }
    }

    /// The longest subject, in UTF-8 bytes (an EPCIS event hash URI is about 90).
    public static let maximumSubjectByteCount = 512

    /// What happened.
    public let kind: Kind
    /// What it happened to: `<certificate id>/<format>` (issuance), `<certificate id>` (revocation),
    /// `<gtin>/<lot>` (lot status), `<device id>/<sequence>` (telemetry batch), the event hash URI (EPCIS).
    public let subject: String
    /// When, in milliseconds since 1970-01-01T00:00:00Z (the stored time of the fact).
    public let time: Int64
    /// SHA-256 of the fact's content (see each builder).
    public let contentHash: MerkleHash

    /// An entry; `LOG_ENTRY_INVALID` when the subject is empty or longer than ``maximumSubjectByteCount`` bytes.
    public init(kind: Kind, subject: String, time: Int64, contentHash: MerkleHash) throws(TransparencyLogError) {
        let length = subject.utf8.count
        guard length > 0, length <= Self.maximumSubjectByteCount else {
            throw TransparencyLogError(
                .entryInvalid,
                "expected a subject of 1 to \(Self.maximumSubjectByteCount) UTF-8 bytes, found \(length)")
        }
        self.kind = kind
        self.subject = subject
        self.time = time
        self.contentHash = contentHash
    }

    /// The Merkle leaf hash of this entry: `SHA-256(0x00 || encoded())`.
    public var leafHash: MerkleHash { MerkleHashing.leafHash(encoded()) }
}

extension ErrorCode where Domain == TransparencyLogError {
    /// A log entry's fields break a rule (an empty or too long subject).
    public static let entryInvalid = Self("LOG_ENTRY_INVALID")
    /// Bytes are not a log entry encoding (wrong label, kind, length or trailing bytes).
    public static let entryMalformed = Self("LOG_ENTRY_MALFORMED")
}
