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

    /// The fields, in one immutable box: a certificate is copied on every lookup and verification, and a box
    /// makes that one retain instead of one per field.
    private final class Storage: Sendable {
        let derBytes: [UInt8]
        let kid: [UInt8]
        let publicKey: COSEPublicKey
        let notValidBefore: Date
        let notValidAfter: Date
        let subjectCountry: String?
        let serialNumber: String
        let extendedKeyUsage: [String]?
        let hasMalformedExtendedKeyUsage: Bool
        let certificate: Certificate?
        let parsedWithFallback: Bool

        init(
            derBytes: [UInt8], kid: [UInt8], publicKey: COSEPublicKey, notValidBefore: Date, notValidAfter: Date,
            subjectCountry: String?, serialNumber: String, extendedKeyUsage: [String]?,
            hasMalformedExtendedKeyUsage: Bool, certificate: Certificate?, parsedWithFallback: Bool
        ) {
            self.derBytes = derBytes
            self.kid = kid
            self.publicKey = publicKey
            self.notValidBefore = notValidBefore
            self.notValidAfter = notValidAfter
            self.subjectCountry = subjectCountry
            self.serialNumber = serialNumber
            self.extendedKeyUsage = extendedKeyUsage
            self.hasMalformedExtendedKeyUsage = hasMalformedExtendedKeyUsage
            self.certificate = certificate
            self.parsedWithFallback = parsedWithFallback
        }
    }

    private let storage: Storage

    /// The certificate bytes exactly as given (including any bytes after the DER element).
    public var derBytes: [UInt8] { storage.derBytes }
    /// The key identifier: the first 8 bytes of SHA-256 over ``derBytes``.
    public var kid: [UInt8] { storage.kid }
    /// The subject public key.
    public var publicKey: COSEPublicKey { storage.publicKey }
    /// The start of the validity period.
    public var notValidBefore: Date { storage.notValidBefore }
    /// The end of the validity period.
    public var notValidAfter: Date { storage.notValidAfter }
    /// The countryName (C) of the subject, if any.
    public var subjectCountry: String? { storage.subjectCountry }
    /// The serial number as lower-case hex, without leading zero bytes (`b6` for the INTEGER `02 02 00 b6`).
    public var serialNumber: String { storage.serialNumber }
    /// The ExtendedKeyUsage OIDs in dotted form; `nil` when the certificate has no such extension.
    ///
    /// Read leniently, since some issuers' extensions are rejected by strict parsers. An empty array is an empty
    /// SEQUENCE (which allows every type, like an absent extension).
    public var extendedKeyUsage: [String]? { storage.extendedKeyUsage }
    /// The ExtendedKeyUsage extension is present but unreadable; ``allows(_:)`` then allows nothing.
    public var hasMalformedExtendedKeyUsage: Bool { storage.hasMalformedExtendedKeyUsage }
    /// The swift-certificates view of the certificate; `nil` when it was read with the lenient fallback.
    public var certificate: Certificate? { storage.certificate }
    /// `true` when swift-certificates rejected the certificate and the lenient DER walk was used.
    public var parsedWithFallback: Bool { storage.parsedWithFallback }

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
        let derBytes: [UInt8]
        let kid: [UInt8]
        let publicKey: COSEPublicKey
        let notValidBefore: Date
        let notValidAfter: Date
        let subjectCountry: String?
        let serialNumber: String
        let extendedKeyUsage: [String]?
        let hasMalformedExtendedKeyUsage: Bool
        let certificate: Certificate?
        let parsedWithFallback: Bool
        let fields: CertificateFields
        if let parsed = try? Certificate(derEncoded: bytes) {
            fields = try Self.fields(of: parsed)
            certificate = parsed
            parsedWithFallback = false
        } else {
            fields = try LenientCertificateParser.fields(from: bytes[...])
            certificate = nil
            parsedWithFallback = true
        }
        derBytes = bytes
        kid = Self.kid(for: bytes)
        publicKey = try Self.publicKey(subjectPublicKeyInfo: fields.subjectPublicKeyInfo)
        notValidBefore = fields.notValidBefore
        notValidAfter = fields.notValidAfter
        subjectCountry = fields.subjectCountry
        serialNumber = Self.hex(Self.withoutLeadingZeros(fields.serialNumber))
        switch fields.extendedKeyUsage {
        case .absent:
            extendedKeyUsage = nil
            hasMalformedExtendedKeyUsage = false
        case .oids(let oids):
            extendedKeyUsage = oids
            hasMalformedExtendedKeyUsage = false
        case .malformed:
            extendedKeyUsage = nil
            hasMalformedExtendedKeyUsage = true
        }
        storage = Storage(
            derBytes: derBytes, kid: kid, publicKey: publicKey, notValidBefore: notValidBefore,
            notValidAfter: notValidAfter, subjectCountry: subjectCountry, serialNumber: serialNumber,
            extendedKeyUsage: extendedKeyUsage, hasMalformedExtendedKeyUsage: hasMalformedExtendedKeyUsage,
            certificate: certificate, parsedWithFallback: parsedWithFallback
        )
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
