import Crypto
import Foundation
import _CryptoExtras

/// A public key that can verify COSE signatures: ECDSA on P-256 or P-384, or RSA.
public enum COSEPublicKey: Sendable {
    case p256(P256.Signing.PublicKey)
    case p384(P384.Signing.PublicKey)
    case rsa(_RSA.Signing.PublicKey)

    /// Loads a key from a DER SubjectPublicKeyInfo, trying P-256, P-384 and RSA in turn.
    public init<Bytes: DataProtocol>(subjectPublicKeyInfoDER der: Bytes) throws {
        if let key = try? P256.Signing.PublicKey(derRepresentation: der) {
            self = .p256(key)
        } else if let key = try? P384.Signing.PublicKey(derRepresentation: der) {
            self = .p384(key)
        } else if let key = try? _RSA.Signing.PublicKey(derRepresentation: der) {
            self = .rsa(key)
        } else {
            throw COSEError(
                .invalidKey, "expected a P-256, P-384 or RSA SubjectPublicKeyInfo, found \(der.count) bytes of another key")
        }
    }

    /// A short name of the key type for messages: `P-256`, `P-384` or `RSA-<bits>`.
    public var keyTypeName: String {
        switch self {
        case .p256: return "P-256"
        case .p384: return "P-384"
        case .rsa(let key): return "RSA-\(key.keySizeInBits)"
        }
    }
}
