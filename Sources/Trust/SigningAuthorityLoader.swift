import Foundation

/// Loads trusted signing authorities (CSCA certificates) from PEM, DER or one line of base64 DER, the same forms
/// ``TrustMaterialLoader`` reads for document signer certificates.
public enum SigningAuthorityLoader {
    /// Reads every authority certificate in `data`.
    ///
    /// - Throws: ``TrustError``: the errors of ``TrustMaterialLoader/certificates(from:)`` for the input form, and
    ///   `TRUST_INVALID_CERTIFICATE` for a certificate that cannot be an authority (naming its position).
    public static func authorities(from data: [UInt8]) throws -> [SigningAuthority] {
        guard data.count <= TrustMaterialLoader.maximumInputSize else {
            throw TrustError(
                .inputTooLarge,
                "expected trust material of at most \(TrustMaterialLoader.maximumInputSize) bytes, found \(data.count)")
        }
        // The loader checks the input form and every block; each certificate is then read again strictly.
        let certificates = try TrustMaterialLoader.certificates(from: data)
        var result: [SigningAuthority] = []
        for (offset, certificate) in certificates.enumerated() {
            do {
                result.append(try SigningAuthority(derEncoded: certificate.derBytes))
            } catch let error as TrustError {
                throw error.prefixed("certificate \(offset + 1) of \(certificates.count)")
            }
        }
        return result
    }

    /// Reads every authority certificate in the file at `path` (see ``authorities(from:)``).
    ///
    /// - Throws: `TRUST_IO` when the file cannot be read, and the errors of ``authorities(from:)``.
    public static func authorities(contentsOfFile path: String) throws -> [SigningAuthority] {
        try authorities(from: POSIXFile.read(path, maximumSize: TrustMaterialLoader.maximumInputSize))
    }
}
