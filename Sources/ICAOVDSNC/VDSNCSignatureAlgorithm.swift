import Crypto
import X509

/// The signature algorithms of the seal's `sig.alg`: ECDSA over the canonical `data` with SHA-256, -384 or -512,
/// the signature written as the raw `r || s` pair (like JWS).
enum VDSNCSignatureAlgorithm: String, CaseIterable {
    case es256 = "ES256"
    case es384 = "ES384"
    case es512 = "ES512"

    /// Verifies `signature` over `message` with the barcode signer's key.
    ///
    /// - Throws: ``VDSNCError`` `ICAO_UNSUPPORTED_ALGORITHM` when the key is not on the algorithm's curve,
    ///   `ICAO_SIGNATURE_INVALID` for a malformed or wrong signature.
    func verify(_ signature: [UInt8], over message: [UInt8], key: Certificate.PublicKey) throws {
        let valid: Bool
        switch self {
        case .es256:
            guard let publicKey = P256.Signing.PublicKey(key) else { throw mismatch("P-256") }
            guard let value = try? P256.Signing.ECDSASignature(rawRepresentation: signature) else {
                throw malformed(64, signature.count)
            }
            valid = publicKey.isValidSignature(value, for: message)
        case .es384:
            guard let publicKey = P384.Signing.PublicKey(key) else { throw mismatch("P-384") }
            guard let value = try? P384.Signing.ECDSASignature(rawRepresentation: signature) else {
                throw malformed(96, signature.count)
            }
            valid = publicKey.isValidSignature(value, for: message)
        case .es512:
            guard let publicKey = P521.Signing.PublicKey(key) else { throw mismatch("P-521") }
            guard let value = try? P521.Signing.ECDSASignature(rawRepresentation: signature) else {
                throw malformed(132, signature.count)
            }
            valid = publicKey.isValidSignature(value, for: message)
        }
        guard valid else {
            throw VDSNCError(
                .invalidSignature,
                "expected sig.sigvl to verify over the canonical data with the barcode signer's key, found it does not")
        }
    }

    private func mismatch(_ curve: String) -> VDSNCError {
        VDSNCError(
            .unsupportedAlgorithm,
            "expected a \(curve) key in the barcode signer certificate for \(rawValue), found another key")
    }

    private func malformed(_ expected: Int, _ found: Int) -> VDSNCError {
        VDSNCError(
            .invalidSignature, "expected sig.sigvl of \(expected) bytes (r || s) for \(rawValue), found \(found)")
    }
}
