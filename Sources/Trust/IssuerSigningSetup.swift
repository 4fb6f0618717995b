import Crypto
import Foundation
import SwiftASN1
import X509

/// A freshly generated issuer: a P-256 CSCA (Country Signing CA, self-signed) and a P-256 document signer
/// certificate (DSC) issued by it, with their private keys. This is what `dvc keys generate` writes.
///
/// The CSCA has BasicConstraints `CA:TRUE, pathlen:0` and KeyUsage keyCertSign + cRLSign (both critical). The DSC
/// has KeyUsage digitalSignature (critical), an ExtendedKeyUsage listing the EU DCC OIDs of the chosen types,
/// BasicConstraints `CA:FALSE`, and authority/subject key identifiers. Subjects carry C, O and CN.
public struct IssuerSigningSetup: Sendable {
    /// The self-signed CSCA certificate.
    public let cscaCertificate: Certificate
    /// The DSC certificate, issued by the CSCA.
    public let dscCertificate: Certificate
    /// The CSCA private key.
    public let cscaPrivateKey: P256.Signing.PrivateKey
    /// The DSC private key (signs health certificates).
    public let dscPrivateKey: P256.Signing.PrivateKey
    /// The CSCA certificate as PEM (`CERTIFICATE`).
    public let cscaCertificatePEM: String
    /// The CSCA private key as PKCS#8 PEM (`PRIVATE KEY`).
    public let cscaPrivateKeyPEM: String
    /// The DSC certificate as PEM (`CERTIFICATE`).
    public let dscCertificatePEM: String
    /// The DSC private key as PKCS#8 PEM (`PRIVATE KEY`).
    public let dscPrivateKeyPEM: String

    /// The longest organization name accepted (the CN adds a suffix and must stay within 64 characters).
    public static let maximumOrganizationLength = 58
    /// The longest validity accepted, in days.
    public static let maximumValidityDays = 36_500

    /// Generates new keys and certificates.
    ///
    /// - Parameters:
    ///   - country: ISO 3166-1 alpha-2 code for the subjects' C (two capital letters; `XX` marks a test issuer).
    ///   - organization: O of both subjects; the CNs are `<organization> CSCA` and `<organization> DSC`.
    ///   - cscaValidityDays: Validity of the CSCA from `now`.
    ///   - dscValidityDays: Validity of the DSC from `now`, cut to the CSCA's end.
    ///   - types: The health certificate types the DSC may sign (at least one).
    ///   - now: The start of both validity periods.
    /// - Throws: ``TrustError`` `TRUST_INVALID_PARAMETER` for out-of-range arguments, `TRUST_GENERATION_FAILED`
    ///   when a certificate cannot be built.
    public static func generate(
        country: String = "XX",
        organization: String = "OpenDVC Test Issuer",
        cscaValidityDays: Int = 3650,
        dscValidityDays: Int = 365,
        types: Set<HealthCertificateType> = [.vaccination],
        now: Date
    ) throws -> IssuerSigningSetup {
        try validate(country: country, organization: organization)
        for (name, days) in [("cscaValidityDays", cscaValidityDays), ("dscValidityDays", dscValidityDays)] {
            guard (1...maximumValidityDays).contains(days) else {
                throw TrustError(
                    .invalidParameter,
                    "expected \(name) between 1 and \(maximumValidityDays), found \(days)"
                )
            }
        }
        guard !types.isEmpty else {
            throw TrustError(
                .invalidParameter,
                "expected at least one health certificate type for the DSC, found none (an empty EKU would allow all)"
            )
        }

        let cscaKey = P256.Signing.PrivateKey()
        let dscKey = P256.Signing.PrivateKey()
        let cscaNotAfter = now.addingTimeInterval(Double(cscaValidityDays) * 86_400)
        let dscNotAfter = min(now.addingTimeInterval(Double(dscValidityDays) * 86_400), cscaNotAfter)
        do {
            let csca = try makeCSCA(
                key: cscaKey,
                country: country,
                organization: organization,
                notBefore: now,
                notAfter: cscaNotAfter
            )
            let dsc = try makeDSC(
                key: dscKey,
                issuer: csca,
                issuerKey: cscaKey,
                country: country,
                organization: organization,
                types: types,
                notBefore: now,
                notAfter: dscNotAfter
            )
            return IssuerSigningSetup(
                cscaCertificate: csca,
                dscCertificate: dsc,
                cscaPrivateKey: cscaKey,
                dscPrivateKey: dscKey,
                cscaCertificatePEM: try csca.serializeAsPEM().pemString,
                cscaPrivateKeyPEM: cscaKey.pemRepresentation,
                dscCertificatePEM: try dsc.serializeAsPEM().pemString,
                dscPrivateKeyPEM: dscKey.pemRepresentation
            )
        } catch let error as TrustError {
            throw error
        } catch {
            throw TrustError(.generationFailed, "expected to build the certificates, failed with \(type(of: error))")
        }
    }

    static func validate(country: String, organization: String) throws {
        let isCountryCode = country.utf8.count == 2 && country.utf8.allSatisfy { (0x41...0x5a).contains($0) }
        guard isCountryCode else {
            throw TrustError(
                .invalidParameter,
                "expected a country of two capital letters (ISO 3166-1 alpha-2), found \(country.count) characters"
            )
        }
        guard !organization.isEmpty, organization.count <= maximumOrganizationLength,
            organization.unicodeScalars.allSatisfy({ $0.properties.generalCategory != .control })
        else {
            throw TrustError(
                .invalidParameter,
                "expected an organization of 1 to \(maximumOrganizationLength) characters without control characters, "
                    + "found \(organization.count) characters"
            )
        }
    }

    private static func makeCSCA(
        key: P256.Signing.PrivateKey,
        country: String,
        organization: String,
        notBefore: Date,
        notAfter: Date
    ) throws -> Certificate {
        let publicKey = Certificate.PublicKey(key.publicKey)
        let name = try DistinguishedName {
            CountryName(country)
            OrganizationName(organization)
            CommonName("\(organization) CSCA")
        }
        let extensions = try Certificate.Extensions {
            Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
            Critical(KeyUsage(keyCertSign: true, cRLSign: true))
            SubjectKeyIdentifier(hash: publicKey)
        }
        return try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(),
            publicKey: publicKey,
            notValidBefore: notBefore,
            notValidAfter: notAfter,
            issuer: name,
            subject: name,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: extensions,
            issuerPrivateKey: Certificate.PrivateKey(key)
        )
    }

    static func makeDSC(
        key: P256.Signing.PrivateKey,
        issuer: Certificate,
        issuerKey: P256.Signing.PrivateKey,
        country: String,
        organization: String,
        types: Set<HealthCertificateType>,
        notBefore: Date,
        notAfter: Date
    ) throws -> Certificate {
        let publicKey = Certificate.PublicKey(key.publicKey)
        let subject = try DistinguishedName {
            CountryName(country)
            OrganizationName(organization)
            CommonName("\(organization) DSC")
        }
        let usages = try HealthCertificateType.allCases.filter(types.contains).map {
            ExtendedKeyUsage.Usage(oid: try ASN1ObjectIdentifier(dotRepresentation: $0.extendedKeyUsageOID))
        }
        let extendedKeyUsage = try ExtendedKeyUsage(usages)
        let issuerKeyIdentifier = SubjectKeyIdentifier(hash: issuer.publicKey).keyIdentifier
        let extensions = try Certificate.Extensions {
            Critical(BasicConstraints.notCertificateAuthority)
            Critical(KeyUsage(digitalSignature: true))
            extendedKeyUsage
            AuthorityKeyIdentifier(keyIdentifier: issuerKeyIdentifier)
            SubjectKeyIdentifier(hash: publicKey)
        }
        return try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(),
            publicKey: publicKey,
            notValidBefore: notBefore,
            notValidAfter: notAfter,
            issuer: issuer.subject,
            subject: subject,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: extensions,
            issuerPrivateKey: Certificate.PrivateKey(issuerKey)
        )
    }
}
