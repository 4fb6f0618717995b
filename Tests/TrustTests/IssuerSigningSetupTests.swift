import Crypto
import Foundation
import SwiftASN1
import Testing
import Trust
@_spi(FixedExpiryValidationTime) import X509

@Suite("Generating an issuer: CSCA, DSC and keys")
struct IssuerSigningSetupTests {
    static let now = Date(timeIntervalSince1970: 1_750_000_000)

    private func temporaryDirectory() -> String {
        NSTemporaryDirectory() + "trust-keys-\(UUID().uuidString)"
    }

    private func der(_ certificate: Certificate) throws -> [UInt8] {
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        return serializer.serializedBytes
    }

    private func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try #require(attributes[.posixPermissions] as? Int)
    }

    @Test("the DSC chains to the CSCA under RFC5280Policy")
    func chainValidates() async throws {
        let setup = try IssuerSigningSetup.generate(now: Self.now)
        var verifier = Verifier(rootCertificates: CertificateStore([setup.cscaCertificate])) {
            RFC5280Policy(fixedExpiryValidationTime: Self.now.addingTimeInterval(3600))
        }
        let result = await verifier.validate(leaf: setup.dscCertificate, intermediates: CertificateStore())
        guard case .validCertificate(let chain) = result else {
            Issue.record("expected a valid chain, got \(result)")
            return
        }
        #expect(Array(chain) == [setup.dscCertificate, setup.cscaCertificate])

        // Outside the DSC's validity, and with another CSCA as the root, the chain fails.
        var late = Verifier(rootCertificates: CertificateStore([setup.cscaCertificate])) {
            RFC5280Policy(fixedExpiryValidationTime: Self.now.addingTimeInterval(400 * 86_400))
        }
        if case .validCertificate = await late.validate(leaf: setup.dscCertificate, intermediates: CertificateStore()) {
            Issue.record("expected the DSC to be expired after 400 days")
        }
        let other = try IssuerSigningSetup.generate(now: Self.now)
        var foreign = Verifier(rootCertificates: CertificateStore([other.cscaCertificate])) {
            RFC5280Policy(fixedExpiryValidationTime: Self.now.addingTimeInterval(3600))
        }
        if case .validCertificate = await foreign.validate(
            leaf: setup.dscCertificate,
            intermediates: CertificateStore()
        ) {
            Issue.record("expected no chain to a foreign CSCA")
        }
    }

    @Test("extensions: CA constraints and key usage on the CSCA, key usage, EKU and key identifiers on the DSC")
    func extensions() throws {
        let setup = try IssuerSigningSetup.generate(country: "SE", organization: "Example Health", now: Self.now)
        let csca = setup.cscaCertificate
        let dsc = setup.dscCertificate

        #expect(try csca.extensions.basicConstraints == .isCertificateAuthority(maxPathLength: 0))
        #expect(try csca.extensions.keyUsage == KeyUsage(keyCertSign: true, cRLSign: true))
        #expect(csca.issuer == csca.subject)
        #expect(csca.signatureAlgorithm == .ecdsaWithSHA256)

        #expect(try dsc.extensions.basicConstraints == .notCertificateAuthority)
        #expect(try dsc.extensions.keyUsage == KeyUsage(digitalSignature: true))
        let eku = try #require(try dsc.extensions.extendedKeyUsage)
        #expect(Array(eku) == [ExtendedKeyUsage.Usage(oid: [1, 3, 6, 1, 4, 1, 1847, 2021, 1, 2])])
        let authorityKeyID = try #require(try dsc.extensions.authorityKeyIdentifier?.keyIdentifier)
        let cscaKeyID = try #require(try csca.extensions.subjectKeyIdentifier?.keyIdentifier)
        #expect(authorityKeyID == cscaKeyID)
        #expect(try dsc.extensions.subjectKeyIdentifier != nil)
        #expect(dsc.issuer == csca.subject)
        #expect(dsc.subject.description.contains("C=SE") && dsc.subject.description.contains("O=Example Health"))
        #expect(dsc.subject.description.contains("CN=Example Health DSC"))
        #expect(dsc.notValidBefore == Self.now)
        #expect(dsc.notValidAfter == Self.now.addingTimeInterval(365 * 86_400))
        #expect(csca.notValidAfter == Self.now.addingTimeInterval(3650 * 86_400))

        let loaded = try DocumentSignerCertificate(derEncoded: der(dsc))
        #expect(!loaded.parsedWithFallback)
        #expect(loaded.subjectCountry == "SE")
        #expect(loaded.extendedKeyUsage == ["1.3.6.1.4.1.1847.2021.1.2"])
        #expect(loaded.allows(.vaccination) && !loaded.allows(.test) && !loaded.allows(.recovery))
    }

    @Test("the caller chooses the types; the DSC validity never outlasts the CSCA")
    func typesAndValidity() throws {
        let setup = try IssuerSigningSetup.generate(
            cscaValidityDays: 30,
            dscValidityDays: 365,
            types: [.recovery, .test],
            now: Self.now
        )
        let loaded = try DocumentSignerCertificate(derEncoded: der(setup.dscCertificate))
        #expect(loaded.extendedKeyUsage == ["1.3.6.1.4.1.1847.2021.1.1", "1.3.6.1.4.1.1847.2021.1.3"])
        #expect(loaded.allows(.test) && loaded.allows(.recovery) && !loaded.allows(.vaccination))
        #expect(setup.dscCertificate.notValidAfter == setup.cscaCertificate.notValidAfter)
    }

    /// Arguments of `generate` that must be refused.
    struct InvalidParameters: Sendable, CustomTestStringConvertible {
        var country = "XX"
        var organization = "Org"
        var cscaDays = 10
        var dscDays = 10
        var types: Set<HealthCertificateType> = [.vaccination]
        var testDescription: String {
            "\(country) \(organization.count) chars \(cscaDays)/\(dscDays) days \(types.count) types"
        }
    }

    static let invalidCases: [InvalidParameters] = [
        InvalidParameters(country: "xx"),
        InvalidParameters(country: "XXX"),
        InvalidParameters(organization: ""),
        InvalidParameters(organization: String(repeating: "o", count: 59)),
        InvalidParameters(organization: "Bad\u{7}Org"),
        InvalidParameters(cscaDays: 0),
        InvalidParameters(dscDays: -1),
        InvalidParameters(dscDays: 40_000),
        InvalidParameters(types: []),
    ]

    @Test("out-of-range parameters are TRUST_INVALID_PARAMETER", arguments: invalidCases)
    func invalidParameters(_ parameters: InvalidParameters) {
        #expect(throws: TrustError(.invalidParameter, "")) {
            try IssuerSigningSetup.generate(
                country: parameters.country,
                organization: parameters.organization,
                cscaValidityDays: parameters.cscaDays,
                dscValidityDays: parameters.dscDays,
                types: parameters.types,
                now: Self.now
            )
        }
    }

    @Test("write: four files, keys 0600 and certificates 0644; loading them back gives working keys")
    func writeAndLoad() throws {
        let setup = try IssuerSigningSetup.generate(now: Self.now)
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try setup.write(to: directory)

        #expect(try mode(directory) == 0o700)
        #expect(try mode(directory + "/csca.key.pem") == 0o600)
        #expect(try mode(directory + "/dsc.key.pem") == 0o600)
        #expect(try mode(directory + "/csca.pem") & 0o600 == 0o600)
        #expect(try mode(directory + "/csca.pem") & 0o022 == 0, "with the default umask")

        let dscKey = try SigningKeyLoader.p256PrivateKey(contentsOfFile: directory + "/dsc.key.pem")
        let cscaKey = try SigningKeyLoader.p256PrivateKey(contentsOfFile: directory + "/csca.key.pem")
        #expect(dscKey.publicKey.rawRepresentation == setup.dscPrivateKey.publicKey.rawRepresentation)
        #expect(cscaKey.publicKey.rawRepresentation == setup.cscaPrivateKey.publicKey.rawRepresentation)

        let dscs = try TrustMaterialLoader.certificates(contentsOfFile: directory + "/dsc.pem")
        let dsc = try #require(dscs.first)
        #expect(dscs.count == 1)
        let message = Array("a health certificate payload".utf8)
        let signature = try dscKey.signature(for: message)
        guard case .p256(let publicKey) = dsc.publicKey else {
            Issue.record("expected a P-256 key, found \(dsc.publicKey.keyTypeName)")
            return
        }
        #expect(publicKey.isValidSignature(signature, for: message))
        #expect(!publicKey.isValidSignature(signature, for: message + [0]))
        let wrong = try cscaKey.signature(for: message)
        #expect(!publicKey.isValidSignature(wrong, for: message))

        let text = try String(contentsOfFile: directory + "/dsc.key.pem", encoding: .utf8)
        #expect(text.hasPrefix("-----BEGIN PRIVATE KEY-----"))
        #expect(text == setup.dscPrivateKeyPEM)
    }

    @Test("write refuses to overwrite unless asked; an overwritten key is a new 0600 file")
    func overwriteProtection() throws {
        let first = try IssuerSigningSetup.generate(now: Self.now)
        let second = try IssuerSigningSetup.generate(now: Self.now)
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try first.write(to: directory)

        #expect(throws: TrustError(.fileExists, "")) { try second.write(to: directory) }
        #expect(try String(contentsOfFile: directory + "/dsc.key.pem", encoding: .utf8) == first.dscPrivateKeyPEM)
        #expect(try String(contentsOfFile: directory + "/dsc.pem", encoding: .utf8) == first.dscCertificatePEM)

        // A key file widened by someone else is replaced by a fresh 0600 file.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: directory + "/dsc.key.pem")
        try second.write(to: directory, overwrite: true)
        #expect(try String(contentsOfFile: directory + "/dsc.key.pem", encoding: .utf8) == second.dscPrivateKeyPEM)
        #expect(try mode(directory + "/dsc.key.pem") == 0o600)

        // One existing file is enough to refuse, and nothing else is written.
        let third = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: third) }
        try FileManager.default.createDirectory(atPath: third, withIntermediateDirectories: false)
        _ = FileManager.default.createFile(atPath: third + "/csca.pem", contents: Data("x".utf8))
        #expect(throws: TrustError(.fileExists, "")) { try first.write(to: third) }
        #expect(!FileManager.default.fileExists(atPath: third + "/dsc.key.pem"))
    }

    @Test("write into a path that is a file is TRUST_IO")
    func writeIntoFile() throws {
        let setup = try IssuerSigningSetup.generate(now: Self.now)
        let path = temporaryDirectory()
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: TrustError(.io, "")) { try setup.write(to: path) }
    }
}
