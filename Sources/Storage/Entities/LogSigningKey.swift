import Foundation

/// The transparency log's ES256 key (`log_signing_keys`): its public key in the clear and its private key
/// sealed with the master key, as issuer keys are.
public struct LogSigningKey: Sendable, Hashable {
    /// The key id: lower-case hex of the first 8 bytes of SHA-256 of ``publicKey``.
    public var keyID: String
    /// The P-256 public key, X9.63 uncompressed (65 bytes).
    public var publicKey: [UInt8]
    /// The private key, sealed by the layer above.
    public var sealedPrivateKey: [UInt8]
    public var createdAt: Date

    /// A log key.
    public init(keyID: String, publicKey: [UInt8], sealedPrivateKey: [UInt8], createdAt: Date) {
        self.keyID = keyID
        self.publicKey = publicKey
        self.sealedPrivateKey = sealedPrivateKey
        self.createdAt = createdAt
    }
}
