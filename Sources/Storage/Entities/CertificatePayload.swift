import Foundation

/// A certificate in one credential format: its identifier (unique per format) and the signed payload, sealed.
public struct CertificatePayload: Sendable, Hashable {
    /// The credential formats, by the short names the API and `dvc issue --format` use.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        /// EU DCC (HCERT) as `HC1:` text.
        case hc1
        /// SMART Health Card (`shc:/` numeric QR text).
        case shc
        /// ICAO VDS-NC (JSON).
        case vds
        /// W3C Verifiable Credential (VC-JOSE compact JWS).
        case vc
    }

    public var format: Format
    /// The identifier verifiers and revocation lists use: the UVCI for HC1 and VC, the seal's 12-character uvci for
    /// VDS-NC, the revocation id (`rid`) for SHC. Unique within a format.
    public var identifier: String
    /// The signing key that signed it.
    public var signingKeyID: UUID
    /// The payload text (QR content), sealed: it holds personal data.
    public var sealedPayload: [UInt8]
    /// SHA-256 of the payload text (UTF-8), the content hash of its transparency-log entry: 32 bytes when stored
    /// (``PlatformStore/record(_:)`` refuses others); empty for payloads stored before schema version 4.
    public var payloadHash: [UInt8]

    /// Creates a payload.
    public init(format: Format, identifier: String, signingKeyID: UUID, sealedPayload: [UInt8], payloadHash: [UInt8] = []) {
        self.format = format
        self.identifier = identifier
        self.signingKeyID = signingKeyID
        self.sealedPayload = sealedPayload
        self.payloadHash = payloadHash
    }
}
