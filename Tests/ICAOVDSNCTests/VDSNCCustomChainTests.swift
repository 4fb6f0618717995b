import Crypto
import CredentialVerification
import Foundation
import ICAOVDSNC
import JSON
import SwiftASN1
import Testing
import Trust
import X509

/// Chains built here rather than by `IssuerSigningSetup`: other curves, other KeyUsage, other validity windows.
/// Seals are signed by hand (canonical data, raw r || s), as another issuer would.
@Suite("VDS-NC with hand-built certificate chains")
struct VDSNCCustomChainTests {
    static let start = VDSNCFixture.start
    let cscaKey = P256.Signing.PrivateKey()
    let cscaName: DistinguishedName

    init() throws {
        cscaName = try DistinguishedName {
            CountryName("AU")
            CommonName("Test CSCA")
        }
    }

    func csca(notBefore: Date = start, notAfter: Date = start.addingTimeInterval(3_650 * 86_400)) throws -> Certificate
    {
        try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: Certificate.PublicKey(cscaKey.publicKey),
            notValidBefore: notBefore, notValidAfter: notAfter, issuer: cscaName, subject: cscaName,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
            },
            issuerPrivateKey: Certificate.PrivateKey(cscaKey))
    }

    func barcodeSigner(
        publicKey: Certificate.PublicKey, keyUsage: KeyUsage? = KeyUsage(digitalSignature: true),
        notAfter: Date = start.addingTimeInterval(365 * 86_400), country: String? = "AU"
    ) throws -> [UInt8] {
        let subject = try DistinguishedName {
            if let country { CountryName(country) }
            CommonName("Test BSC")
        }
        let extensions = try Certificate.Extensions {
            Critical(BasicConstraints.notCertificateAuthority)
            if let keyUsage { Critical(keyUsage) }
        }
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: publicKey, notValidBefore: Self.start,
            notValidAfter: notAfter, issuer: cscaName, subject: subject, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: extensions, issuerPrivateKey: Certificate.PrivateKey(cscaKey))
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        return serializer.serializedBytes
    }

    static let data = #"""
        {"hdr": {"t": "icao.vacc", "v": 1, "is": "AUS"},
         "msg": {"uvci": "VB0009990012", "pid": {"n": "CITIZEN  JANE SUE", "dob": "1961-05-15", "sex": "F", "i": "PA0941262"},
                 "ve": [{"des": "XM68M6", "nam": "AZD1222", "dis": "RA01",
                         "vd": [{"dvc": "2021-09-15", "seq": 1, "ctr": "AUS", "adm": "General Practitioner", "lot": "300157P"}]}]}}
        """#

    func seal(
        algorithm: String, certificate: [UInt8], data: String = Self.data, sign: ([UInt8]) throws -> [UInt8]
    ) throws -> String {
        let data = try JSONParser.parse(data)
        let signature = try sign(JSONSerializer.serialize(data, style: .canonical))
        let sig: JSONObject = [
            "alg": .string(algorithm), "cer": .string(base64url(certificate)), "sigvl": .string(base64url(signature)),
        ]
        return JSONSerializer.serializeToString(.object(["data": data, "sig": .object(sig)]))
    }

    func base64url(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(
            of: "/", with: "_"
        )
        .replacingOccurrences(of: "=", with: "")
    }

    func verify(_ text: String, csca: Certificate, at date: Date = VDSNCFixture.now) throws
        -> CredentialVerification.VerificationResult
    {
        var store = TrustStore()
        store.add(authority: try SigningAuthority(certificate: csca))
        return VDSNCVerifier().verify(text[...], context: VerificationContext(trustStore: store, validationTime: date))
    }

    @Test func anES384SealFromAnotherIssuerVerifies() throws {
        let key = P384.Signing.PrivateKey()
        let certificate = try barcodeSigner(publicKey: Certificate.PublicKey(key.publicKey))
        let text = try seal(algorithm: "ES384", certificate: certificate) {
            Array(try key.signature(for: $0).rawRepresentation)
        }
        let result = try verify(text, csca: try csca())
        #expect(result.isValid, "\(result.errors)")
        #expect(result.issuer == "AUS")
        #expect(result.credential?.name.family == "CITIZEN")
        #expect(result.credential?.event.vaccination?.centre == "General Practitioner")
    }

    @Test func anES256SealWithAP384KeyIsRefused() throws {
        let key = P384.Signing.PrivateKey()
        let certificate = try barcodeSigner(publicKey: Certificate.PublicKey(key.publicKey))
        let text = try seal(algorithm: "ES256", certificate: certificate) {
            Array(try key.signature(for: $0).rawRepresentation)
        }
        #expect(try verify(text, csca: try csca()).errors.map(\.code) == ["ICAO_UNSUPPORTED_ALGORITHM"])
    }

    @Test func aDERSignatureInsteadOfRawIsRefused() throws {
        let key = P256.Signing.PrivateKey()
        let certificate = try barcodeSigner(publicKey: Certificate.PublicKey(key.publicKey))
        let text = try seal(algorithm: "ES256", certificate: certificate) {
            Array(try key.signature(for: $0).derRepresentation)
        }
        #expect(try verify(text, csca: try csca()).errors.map(\.code) == ["ICAO_SIGNATURE_INVALID"])
    }

    @Test func aBarcodeSignerWithoutDigitalSignatureFailsKeyUsage() throws {
        let key = P256.Signing.PrivateKey()
        let certificate = try barcodeSigner(
            publicKey: Certificate.PublicKey(key.publicKey), keyUsage: KeyUsage(keyEncipherment: true))
        let text = try seal(algorithm: "ES256", certificate: certificate) {
            Array(try key.signature(for: $0).rawRepresentation)
        }
        let result = try verify(text, csca: try csca())
        #expect(result.checks.signature == .pass)
        #expect(result.checks.keyUsage == .fail)
        #expect(result.errors.map(\.code) == ["KEY_USAGE_NOT_ALLOWED"])
        #expect(!result.isValid)
    }

    @Test func aBarcodeSignerWithoutKeyUsageSkipsTheCheck() throws {
        let key = P256.Signing.PrivateKey()
        let certificate = try barcodeSigner(publicKey: Certificate.PublicKey(key.publicKey), keyUsage: nil)
        let text = try seal(algorithm: "ES256", certificate: certificate) {
            Array(try key.signature(for: $0).rawRepresentation)
        }
        let result = try verify(text, csca: try csca())
        #expect(result.isValid, "\(result.errors)")
        #expect(result.checks.keyUsage == .skipped)
    }

    @Test func anExpiredCSCAFailsTimeEvenWithAValidBarcodeSigner() throws {
        let key = P256.Signing.PrivateKey()
        let certificate = try barcodeSigner(publicKey: Certificate.PublicKey(key.publicKey))
        let text = try seal(algorithm: "ES256", certificate: certificate) {
            Array(try key.signature(for: $0).rawRepresentation)
        }
        let shortLived = try csca(notAfter: Self.start.addingTimeInterval(10 * 86_400))
        let result = try verify(text, csca: shortLived)
        #expect(result.checks.signature == .pass)
        #expect(result.errors.map(\.code) == ["EXPIRED"])
        #expect(result.errors.first?.message.contains("CSCA") == true)
    }

    @Test func aCertificateWhoseKeyUsageCannotSignCertificatesIsNoAuthority() throws {
        let notACA = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: Certificate.PublicKey(cscaKey.publicKey),
            notValidBefore: Self.start, notValidAfter: Self.start.addingTimeInterval(86_400), issuer: cscaName,
            subject: cscaName, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions { Critical(KeyUsage(digitalSignature: true)) },
            issuerPrivateKey: Certificate.PrivateKey(cscaKey))
        #expect(throws: TrustError(.invalidCertificate, "")) {
            try SigningAuthority(certificate: notACA)
        }
    }

    @Test func aSealNamingAnotherStateIsAnIssuerMismatch() throws {
        // Signed by Australia's barcode signer, but claiming New Zealand as the issuing state.
        let key = P256.Signing.PrivateKey()
        let certificate = try barcodeSigner(publicKey: Certificate.PublicKey(key.publicKey))
        let text = try seal(
            algorithm: "ES256", certificate: certificate,
            data: Self.data.replacingOccurrences(of: #""is": "AUS""#, with: #""is": "NZL""#)
        ) { Array(try key.signature(for: $0).rawRepresentation) }
        let result = try verify(text, csca: try csca())
        #expect(result.checks.signature == .fail)
        #expect(result.errors.map(\.code) == ["ICAO_ISSUER_MISMATCH"])
        #expect(result.errors.first?.message.contains("expected data.hdr.is AUS") == true)
        #expect(result.errors.first?.message.contains("found NZL") == true)
        #expect(!result.isValid)
    }

    @Test func aBarcodeSignerWithoutAStateIsAnIssuerMismatch() throws {
        let key = P256.Signing.PrivateKey()
        let certificate = try barcodeSigner(publicKey: Certificate.PublicKey(key.publicKey), country: nil)
        let text = try seal(algorithm: "ES256", certificate: certificate) {
            Array(try key.signature(for: $0).rawRepresentation)
        }
        let result = try verify(text, csca: try csca())
        #expect(result.errors.map(\.code) == ["ICAO_ISSUER_MISMATCH"])
        #expect(result.errors.first?.message.contains("found none") == true)
    }
}
