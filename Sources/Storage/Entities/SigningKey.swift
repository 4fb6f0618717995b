import Foundation

/// A certificate and its sealed private key: the issuer's country signing CA (CSCA) or a document signer (DSC).
public struct SigningKey: Sendable, Hashable, Identifiable {
    /// What a key does.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Country signing CA: signs document signer certificates.
        case csca
        /// Document signer: signs certificates (HC1, VDS-NC) and is the JWKS key (SHC, VC).
        case dsc
    }

    /// Whether a key signs new certificates.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// Signs new certificates (at most one active DSC per issuer).
        case active
        /// Kept so that certificates it signed stay verifiable; signs nothing new.
        case retired
    }

    public var id: UUID
    public var issuerID: UUID
    public var kind: Kind
    /// The key identifier verifiers look up (HCERT kid, base64 of 8 bytes of the certificate's SHA-256); unique.
    public var keyID: String
    /// The X.509 certificate, DER.
    public var certificateDER: [UInt8]
    /// The private key sealed with the master key (AES-GCM); never stored in clear.
    public var sealedPrivateKey: [UInt8]
    public var status: Status
    public var notBefore: Date
    public var notAfter: Date
    public var createdAt: Date

    /// Creates a signing key record.
    public init(
        id: UUID = UUID(), issuerID: UUID, kind: Kind, keyID: String, certificateDER: [UInt8],
        sealedPrivateKey: [UInt8], status: Status, notBefore: Date, notAfter: Date, createdAt: Date
    ) {
        self.id = id
        self.issuerID = issuerID
        self.kind = kind
        self.keyID = keyID
        self.certificateDER = certificateDER
        self.sealedPrivateKey = sealedPrivateKey
        self.status = status
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.createdAt = createdAt
    }
}
