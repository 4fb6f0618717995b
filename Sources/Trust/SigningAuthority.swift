import Crypto
import Foundation
import SwiftASN1
import X509

/// A trusted certificate authority that issues signer certificates, such as an ICAO Country Signing CA (CSCA)
/// whose barcode signer certificates sign VDS-NC seals.
///
/// Unlike ``DocumentSignerCertificate`` (a trusted leaf), an authority's certificate is never used to verify a
/// credential directly: it verifies the signature of the signer certificate a credential carries. The certificate
/// must be readable by swift-certificates, since chain checks need its exact public key and names.
public struct SigningAuthority: Sendable, Hashable {
    /// The largest certificate accepted, in bytes.
    public static let maximumSize = 64 * 1024

    /// The certificate.
    public let certificate: Certificate
    /// The certificate bytes as given.
    public let derBytes: [UInt8]

    /// The subject's countryName (C), if any.
    public var subjectCountry: String? { DocumentSignerCertificate.country(in: certificate.subject) }
    /// Whether the certificate says it is a CA (BasicConstraints `CA:TRUE`); `nil` without BasicConstraints.
    public var isCertificateAuthority: Bool? {
        guard let constraints = try? certificate.extensions.basicConstraints else { return nil }
        if case .isCertificateAuthority = constraints { return true }
        return false
    }

    /// Parses a DER certificate.
    ///
    /// - Throws: ``TrustError`` `TRUST_INPUT_TOO_LARGE` beyond ``maximumSize``, `TRUST_INVALID_CERTIFICATE` when
    ///   swift-certificates cannot read it or it says it is not a CA (BasicConstraints `CA:FALSE`, or a KeyUsage
    ///   without keyCertSign).
    public init(derEncoded bytes: [UInt8]) throws {
        guard bytes.count <= Self.maximumSize else {
            throw TrustError(
                .inputTooLarge, "expected a certificate of at most \(Self.maximumSize) bytes, found \(bytes.count)")
        }
        let certificate: Certificate
        do {
            certificate = try Certificate(derEncoded: bytes)
        } catch {
            throw TrustError(
                .invalidCertificate,
                "expected an X.509 certificate that swift-certificates reads, found \(bytes.count) bytes it rejects")
        }
        try self.init(certificate: certificate, derBytes: bytes)
    }

    /// Wraps a parsed certificate (for example the CSCA of an ``IssuerSigningSetup``).
    ///
    /// - Throws: ``TrustError`` `TRUST_INVALID_CERTIFICATE` when it says it is not a CA (as ``init(derEncoded:)``).
    public init(certificate: Certificate) throws {
        var serializer = DER.Serializer()
        do {
            try serializer.serialize(certificate)
        } catch {
            throw TrustError(.invalidCertificate, "expected a serializable certificate, found \(type(of: error))")
        }
        try self.init(certificate: certificate, derBytes: serializer.serializedBytes)
    }

    private init(certificate: Certificate, derBytes: [UInt8]) throws {
        self.certificate = certificate
        self.derBytes = derBytes
        if isCertificateAuthority == false {
            throw TrustError(
                .invalidCertificate, "expected a CA certificate (BasicConstraints CA:TRUE or none), found CA:FALSE")
        }
        if let keyUsage = try? certificate.extensions.keyUsage, !keyUsage.keyCertSign {
            throw TrustError(
                .invalidCertificate, "expected a KeyUsage that allows keyCertSign, found one that does not")
        }
    }

    /// Whether this authority issued `signer`: the signer's issuer name is this authority's subject and this
    /// authority's key verifies the signer's signature. Validity periods are not checked here.
    public func issued(_ signer: Certificate) -> Bool {
        signer.wasIssued(by: certificate)
    }

    /// Two authorities are equal when their certificate bytes are.
    public static func == (lhs: SigningAuthority, rhs: SigningAuthority) -> Bool { lhs.derBytes == rhs.derBytes }
    /// Hashes the certificate bytes.
    public func hash(into hasher: inout Hasher) { hasher.combine(derBytes) }
}
