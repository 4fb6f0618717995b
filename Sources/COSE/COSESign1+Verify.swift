import Crypto
import Foundation
import _CryptoExtras

extension COSESign1 {
    /// Verifies the signature with `key`.
    ///
    /// ES256 needs a P-256 key and a raw 64-byte `r || s` signature (DER-encoded ECDSA signatures are
    /// rejected); ES384 a P-384 key and 96 bytes; PS256 an RSA key (RSASSA-PSS, SHA-256, MGF1-SHA-256, salt 32).
    ///
    /// - Throws: ``COSEError`` with `SIGNATURE_INVALID`, `COSE_UNSUPPORTED_ALGORITHM` or `COSE_INVALID_KEY`.
    public func verify(with key: COSEPublicKey) throws {
        guard let algorithm = try self.algorithm else {
            throw COSEError(.unsupportedAlgorithm, "expected an alg header (ES256, ES384 or PS256), found none")
        }
        let message = signatureStructure
        let valid: Bool
        switch (algorithm, key) {
        case (.es256, .p256(let publicKey)):
            guard signature.count == 64,
                let ecdsa = try? P256.Signing.ECDSASignature(rawRepresentation: signature)
            else {
                throw COSEError(
                    .signatureInvalid, "expected a raw 64-byte r||s ES256 signature, found \(signature.count) bytes")
            }
            valid = publicKey.isValidSignature(ecdsa, for: message)
        case (.es384, .p384(let publicKey)):
            guard signature.count == 96,
                let ecdsa = try? P384.Signing.ECDSASignature(rawRepresentation: signature)
            else {
                throw COSEError(
                    .signatureInvalid, "expected a raw 96-byte r||s ES384 signature, found \(signature.count) bytes")
            }
            valid = publicKey.isValidSignature(ecdsa, for: message)
        case (.ps256, .rsa(let publicKey)):
            let rsa = _RSA.Signing.RSASignature(rawRepresentation: signature)
            valid = publicKey.isValidSignature(rsa, for: SHA256.hash(data: message), padding: .PSS)
        case (.es256, _), (.es384, _), (.ps256, _):
            throw COSEError(.invalidKey, "expected a key matching \(algorithm), found a \(key.keyTypeName) key")
        default:
            throw COSEError(.unsupportedAlgorithm, "expected ES256, ES384 or PS256, found \(algorithm)")
        }
        guard valid else {
            throw COSEError(.signatureInvalid, "expected a valid \(algorithm) signature, found one that does not verify")
        }
    }
}
