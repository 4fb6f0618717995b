import Crypto

extension TreeHead {
    /// Signs `head` with ES256 (ECDSA P-256 over SHA-256 of ``signedBytes()``) and returns the raw signature
    /// `r || s` (64 bytes, as in JWS and COSE).
    ///
    /// - Throws: `LOG_SIZE_INVALID` when the head's size is negative; `LOG_SIGNING_FAILED` when the key cannot
    ///   sign.
    public static func sign(_ head: TreeHead, key: P256.Signing.PrivateKey) throws(TransparencyLogError) -> [UInt8] {
        guard head.size >= 0 else {
            throw TransparencyLogError(.sizeInvalid, "expected a non-negative tree size, found \(head.size)")
        }
        do {
            let signature = try key.signature(for: head.signedDigest())
            return Array(signature.rawRepresentation)
        } catch {
            throw TransparencyLogError(.signingFailed, "ES256 signing of a tree head failed (\(type(of: error)))")
        }
    }

    /// Whether `signature` (raw `r || s`, 64 bytes) is a valid ES256 signature of this head by `key`.
    /// Any other length, or a negative size, gives `false`.
    public func verify(signature: [UInt8], key: P256.Signing.PublicKey) -> Bool {
        guard size >= 0, signature.count == 64,
            let ecdsa = try? P256.Signing.ECDSASignature(rawRepresentation: signature)
        else { return false }
        return key.isValidSignature(ecdsa, for: signedDigest())
    }

    /// SHA-256 of ``signedBytes()``: ES256 signs this digest.
    private func signedDigest() -> SHA256.Digest {
        var hasher = SHA256()
        signedBytes().withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return hasher.finalize()
    }
}
