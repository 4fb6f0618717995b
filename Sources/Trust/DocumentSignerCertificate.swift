import COSE
import Crypto
import Foundation
import X509

/// A Document Signer Certificate (DSC): the certificate whose key signs health certificates, with the fields a
/// verifier needs.
///
/// The certificate is parsed with swift-certificates. When that rejects it (17 of the 581 EU DCC test certificates:
/// RSASSA-PSS or ecdsa-with-SHA1 signatures, or a signature value that does not match its algorithm), the DER is
/// walked leniently instead (see ``parsedWithFallback``), so that the key and the fields below are still available.
/// The certificate's own signature is not checked here: trust comes from the store the certificate was put into.
public struct DocumentSignerCertificate: Sendable {
    /// The largest certificate accepted, in bytes.
    public static let maximumSize = 64 * 1024

    /// The certificate bytes exactly as given (including any bytes after the DER element).
    public let derBytes: [UInt8]
    /// The key identifier: the first 8 bytes of SHA-256 over ``derBytes``.
    public let kid: [UInt8]
    /// The subject public key.
    public let publicKey: COSEPublicKey
    /// The start of the validity period.
    public let notValidBefore: Date
    /// The end of the validity period.
    public let notValidAfter: Date
    /// The countryName (C) of the subject, if any.
    public let subjectCountry: String?
    /// The serial number as lower-case hex, without leading zero bytes (`b6` for the INTEGER `02 02 00 b6`).
    public let serialNumber: String
    /// The ExtendedKeyUsage OIDs in dotted form; `nil` when the certificate has no such extension.
    ///
    /// Read leniently, since some issuers' extensions are rejected by strict parsers. An empty array is an empty
    /// SEQUENCE (which allows every type, like an absent extension).
    public let extendedKeyUsage: [String]?
    /// The ExtendedKeyUsage extension is present but unreadable; ``allows(_:)`` then allows nothing.
    public let hasMalformedExtendedKeyUsage: Bool
    /// The swift-certificates view of the certificate; `nil` when it was read with the lenient fallback.
    public let certificate: Certificate?
    /// `true` when swift-certificates rejected the certificate and the lenient DER walk was used.
    public let parsedWithFallback: Bool

    /// Parses a DER certificate.
    ///
    /// - Throws: ``TrustError`` `TRUST_INVALID_CERTIFICATE` for bytes that are not a certificate,
    ///   `TRUST_UNSUPPORTED_KEY` for keys other than P-256, P-384 or RSA, `TRUST_INPUT_TOO_LARGE` beyond
    ///   ``maximumSize``.
    public init(derEncoded bytes: [UInt8]) throws {
        guard !bytes.isEmpty else {
            throw TrustError(.invalidCertificate, "expected a DER certificate, found 0 bytes")
        }
        guard bytes.count <= Self.maximumSize else {
            throw TrustError(
                .inputTooLarge,
                "expected a certificate of at most \(Self.maximumSize) bytes, found \(bytes.count)"
            )
        }
        let fields: CertificateFields
        if let certificate = try? Certificate(derEncoded: bytes) {
            fields = try Self.fields(of: certificate)
            self.certificate = certificate
            self.parsedWithFallback = false
        } else {
            fields = try LenientCertificateParser.fields(from: bytes[...])
            self.certificate = nil
            self.parsedWithFallback = true
        }
        self.derBytes = bytes
        self.kid = Self.kid(for: bytes)
        self.publicKey = try Self.publicKey(subjectPublicKeyInfo: fields.subjectPublicKeyInfo)
        self.notValidBefore = fields.notValidBefore
        self.notValidAfter = fields.notValidAfter
        self.subjectCountry = fields.subjectCountry
        self.serialNumber = Self.hex(Self.withoutLeadingZeros(fields.serialNumber))
        switch fields.extendedKeyUsage {
        case .absent:
            self.extendedKeyUsage = nil
            self.hasMalformedExtendedKeyUsage = false
        case .oids(let oids):
            self.extendedKeyUsage = oids
            self.hasMalformedExtendedKeyUsage = false
        case .malformed:
            self.extendedKeyUsage = nil
            self.hasMalformedExtendedKeyUsage = true
        }
    }

    /// The key identifier of certificate bytes: the first 8 bytes of their SHA-256 digest.
    public static func kid(for bytes: some Collection<UInt8>) -> [UInt8] {
        Array(SHA256.hash(data: Array(bytes)).prefix(8))
    }

    static func withoutLeadingZeros(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var result = bytes
        while result.count > 1, result.first == 0 {
            result = result.dropFirst()
        }
        return result
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension DocumentSignerCertificate: CustomStringConvertible {
    /// A short summary without the certificate bytes: kid, key type, subject country and parse mode.
    public var description: String {
        let country = subjectCountry ?? "-"
        let mode = parsedWithFallback ? ", lenient" : ""
        return "DocumentSignerCertificate(kid: \(Self.hex(kid)), key: \(publicKey.keyTypeName), C: \(country)\(mode))"
    }
}

extension DocumentSignerCertificate: Equatable {
    /// Two certificates are equal when their bytes are.
    public static func == (lhs: DocumentSignerCertificate, rhs: DocumentSignerCertificate) -> Bool {
        lhs.derBytes == rhs.derBytes
    }
}
