import Crypto
import Foundation
import SwiftASN1
import X509

/// A CSCA generated for a test, able to issue document signer certificates with chosen properties.
struct TestCSCA {
    let key: P256.Signing.PrivateKey
    let certificate: Certificate
    let der: [UInt8]

    init(country: String = "DE", name: String = "Test CSCA", notBefore: Date, notAfter: Date) throws {
        key = P256.Signing.PrivateKey()
        let subject = try DistinguishedName {
            CountryName(country)
            CommonName(name)
        }
        let extensions = try Certificate.Extensions {
            Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
            Critical(KeyUsage(keyCertSign: true, cRLSign: true))
        }
        certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: Certificate.PublicKey(key.publicKey),
            notValidBefore: notBefore, notValidAfter: notAfter, issuer: subject, subject: subject,
            signatureAlgorithm: .ecdsaWithSHA256, extensions: extensions, issuerPrivateKey: Certificate.PrivateKey(key))
        der = try Self.serialize(certificate)
    }

    /// A DSC issued by this CSCA (its issuer name is this CSCA's subject).
    func issue(
        country: String = "DE", notBefore: Date, notAfter: Date, keyUsage: KeyUsage? = KeyUsage(digitalSignature: true),
        signerKey: P256.Signing.PrivateKey = P256.Signing.PrivateKey()
    ) throws -> [UInt8] {
        let subject = try DistinguishedName {
            CountryName(country)
            CommonName("Test DSC")
        }
        var extensions = try Certificate.Extensions { Critical(BasicConstraints.notCertificateAuthority) }
        if let keyUsage { try extensions.append(Certificate.Extension(keyUsage, critical: true)) }
        let dsc = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: Certificate.PublicKey(signerKey.publicKey),
            notValidBefore: notBefore, notValidAfter: notAfter, issuer: certificate.subject, subject: subject,
            signatureAlgorithm: .ecdsaWithSHA256, extensions: extensions, issuerPrivateKey: Certificate.PrivateKey(key))
        return try Self.serialize(dsc)
    }

    static func serialize(_ certificate: Certificate) throws -> [UInt8] {
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        return serializer.serializedBytes
    }
}

/// Fixed times for tests: 2025-01-01T00:00:00Z and offsets from it.
enum Clock {
    static let epoch: Int64 = 1_735_689_600
    static let now = Date(timeIntervalSince1970: Double(epoch))
    static let day: TimeInterval = 86_400

    static func days(_ count: Double) -> Date { now.addingTimeInterval(count * day) }
    static func seconds(days count: Int64) -> Int64 { epoch + count * 86_400 }
}
