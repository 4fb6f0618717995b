import Crypto
import SwiftASN1

/// Reads the P-256 private key an issuer signs with.
///
/// Accepts PEM with a PKCS#8 `PRIVATE KEY` or a SEC1 `EC PRIVATE KEY` block. Other key types and curves are rejected
/// with `TRUST_UNSUPPORTED_KEY` naming what was found; encrypted keys are not supported.
public enum SigningKeyLoader {
    /// The largest key file accepted, in bytes.
    public static let maximumInputSize = 64 * 1024

    private static let ecPublicKeyOID = "1.2.840.10045.2.1"
    private static let prime256v1OID = "1.2.840.10045.3.1.7"
    private static let knownKeyAlgorithms: [String: String] = [
        "1.2.840.113549.1.1.1": "an RSA key",
        "1.2.840.113549.1.1.10": "an RSASSA-PSS key",
        "1.3.101.112": "an Ed25519 key",
        "1.3.101.113": "an Ed448 key",
        "1.3.101.110": "an X25519 key",
    ]
    private static let knownCurves: [String: String] = [
        "1.3.132.0.34": "a P-384 key",
        "1.3.132.0.35": "a P-521 key",
        "1.3.132.0.10": "a secp256k1 key",
    ]

    /// Reads a P-256 private key from PEM text.
    ///
    /// - Throws: ``TrustError`` `TRUST_INVALID_PEM`, `TRUST_UNSUPPORTED_KEY` or `TRUST_INVALID_KEY`.
    public static func p256PrivateKey(pem: String) throws -> P256.Signing.PrivateKey {
        guard pem.utf8.count <= maximumInputSize else {
            throw TrustError(
                .inputTooLarge,
                "expected a key file of at most \(maximumInputSize) bytes, found \(pem.utf8.count)"
            )
        }
        let blocks = try PEMBlock.parseAll(pem, maximumBlocks: 16)
        let keyBlocks = blocks.filter { $0.label.hasSuffix("PRIVATE KEY") }
        guard keyBlocks.count == 1, let block = keyBlocks.first else {
            throw TrustError(
                .invalidPEM,
                "expected one '-----BEGIN PRIVATE KEY-----' or '-----BEGIN EC PRIVATE KEY-----' block, "
                    + "found \(keyBlocks.count) private-key blocks"
            )
        }
        switch block.label {
        case "PRIVATE KEY":
            try checkPKCS8(block.der)
        case "EC PRIVATE KEY":
            try checkSEC1(block.der[...])
        case "RSA PRIVATE KEY":
            throw unsupported("an RSA key")
        case "ENCRYPTED PRIVATE KEY":
            throw unsupported("an encrypted key (decrypt it first, for example with openssl pkcs8)")
        default:
            throw unsupported("a '\(block.label)' block")
        }
        do {
            return try P256.Signing.PrivateKey(derRepresentation: block.der)
        } catch {
            throw TrustError(.invalidKey, "expected a valid P-256 private key, found one that does not load")
        }
    }

    /// Reads a P-256 private key from the PEM file at `path`.
    ///
    /// - Throws: `TRUST_IO` when the file cannot be read, and the errors of ``p256PrivateKey(pem:)``.
    public static func p256PrivateKey(contentsOfFile path: String) throws -> P256.Signing.PrivateKey {
        let bytes = try POSIXFile.read(path, maximumSize: maximumInputSize)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw TrustError(.invalidPEM, "expected PEM text in \(path), found binary data")
        }
        return try p256PrivateKey(pem: text)
    }

    /// Checks the algorithm and curve of a PKCS#8 key:
    /// `PrivateKeyInfo ::= SEQUENCE { version, privateKeyAlgorithm AlgorithmIdentifier, privateKey OCTET STRING }`.
    private static func checkPKCS8(_ der: [UInt8]) throws {
        guard let root = try? DER.parse(der), root.identifier == .sequence,
            let parts = LenientASN1.children(root), parts.count >= 3,
            let algorithm = LenientASN1.children(parts[1]), let oidNode = algorithm.first,
            let oid = LenientASN1.dottedOID(oidNode), parts[2].identifier == .octetString,
            let inner = LenientASN1.primitiveContent(parts[2])
        else {
            throw TrustError(.invalidKey, "expected a PKCS#8 PrivateKeyInfo, found another structure")
        }
        guard oid == ecPublicKeyOID else {
            throw unsupported(knownKeyAlgorithms[oid] ?? "a key of algorithm \(oid)")
        }
        guard algorithm.count == 2, let curve = LenientASN1.dottedOID(algorithm[1]) else {
            throw TrustError(.invalidKey, "expected a named curve in the PKCS#8 algorithm, found none")
        }
        guard curve == prime256v1OID else {
            throw unsupported(knownCurves[curve] ?? "an EC key on curve \(curve)")
        }
        try checkSEC1(inner)
    }

    /// Checks the curve and scalar size of a SEC1 key:
    /// `ECPrivateKey ::= SEQUENCE { version 1, privateKey OCTET STRING, [0] parameters, [1] publicKey }`.
    private static func checkSEC1(_ der: ArraySlice<UInt8>) throws {
        guard let root = try? DER.parse(der), root.identifier == .sequence,
            let parts = LenientASN1.children(root), parts.count >= 2, parts[1].identifier == .octetString,
            let secret = LenientASN1.primitiveContent(parts[1])
        else {
            throw TrustError(.invalidKey, "expected a SEC1 ECPrivateKey, found another structure")
        }
        let parametersTag = ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific)
        if let parameters = parts.dropFirst(2).first(where: { $0.identifier == parametersTag }),
            let curveNode = LenientASN1.children(parameters)?.first,
            let curve = LenientASN1.dottedOID(curveNode), curve != prime256v1OID
        {
            throw unsupported(knownCurves[curve] ?? "an EC key on curve \(curve)")
        }
        guard secret.count == 32 else {
            throw TrustError(.invalidKey, "expected a 32-byte P-256 private scalar, found \(secret.count) bytes")
        }
    }

    private static func unsupported(_ found: String) -> TrustError {
        TrustError(.unsupportedKey, "expected a P-256 (prime256v1) EC private key, found \(found)")
    }
}
