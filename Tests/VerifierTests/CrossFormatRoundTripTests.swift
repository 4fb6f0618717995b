import EUDCC
import Foundation
import ICAOVDSNC
import JOSE
import SMARTHealthCards
import Testing
import Trust
import VaccinationRecord
import Verifier
import W3CVerifiableCredentials

/// Round trips: every record of ``RoundTripRecords`` is issued in every format and verified through the
/// universal `Verifier`; the canonical record that comes back must agree with the original on every field the
/// format carries (``RoundTripFieldTable``).
@Suite("Cross-format round trips")
struct CrossFormatRoundTripTests {
    /// Keys, issuers and a trust store for all four formats, made once.
    struct Setup: Sendable {
        static let issuerURL = "https://dvc.example/issuer"

        let now: Date
        let issue: @Sendable (RoundTripFormat, VaccinationRecord) throws -> String
        let verifier: Verifier

        static let shared: Result<Setup, any Error> = Result { try Setup() }

        init() throws {
            let now = Date()
            let setup = try IssuerSigningSetup.generate(
                country: "DE", types: [.vaccination], now: now.addingTimeInterval(-86_400))
            let certificate = try TrustMaterialLoader.certificates(from: Array(setup.dscCertificatePEM.utf8))[0]
            let key = setup.dscPrivateKey
            let hc1 = try HC1Issuer(signingKey: key, certificate: certificate)
            let shc = SHCIssuer(signingKey: key, issuer: Self.issuerURL)
            let vds = try VDSNCIssuer(signingKey: key, certificate: certificate)
            let vc = VCIssuer(signingKey: key, issuer: Self.issuerURL)
            var store = TrustStore(certificates: [certificate])
            store.add(authority: try SigningAuthority(certificate: setup.cscaCertificate))
            store.add(try JWKSet(json: vc.publicKeySet), issuer: Self.issuerURL)
            let issuedAt = now.addingTimeInterval(-60)
            self.now = now
            self.verifier = Verifier(trustStore: store)
            self.issue = { format, record in
                switch format {
                case .euDCC:
                    // Schema 1.3.2 is the first that allows a given name only.
                    let version = record.name.family == nil ? "1.3.2" : "1.3.0"
                    return try hc1.issue(record, issuedAt: issuedAt, schemaVersion: version).text
                case .smartHealthCard:
                    return try shc.issue(record, issuedAt: issuedAt, expiresAt: nil).qrTexts[0]
                case .icaoVDSNC:
                    return try vds.issue(record, issuedAt: issuedAt)
                case .w3cVC:
                    return try vc.issue(record, issuedAt: issuedAt, expiresAt: nil)
                }
            }
        }
    }

    @Test("every format carries back what it carries", arguments: RoundTripFormat.allCases)
    func roundTrip(format: RoundTripFormat) throws {
        let setup = try Setup.shared.get()
        for (label, original) in RoundTripRecords.all {
            try original.validate()
            let payload = try setup.issue(format, original)
            let result = setup.verifier.verify(payload, at: setup.now)
            #expect(result.isValid, "\(format), \(label): errors \(result.errors.map(\.code))")
            let decoded = try #require(result.credential, "\(format), \(label): no record")
            #expect(throws: Never.self, "\(format), \(label): the record is not valid") { try decoded.validate() }
            // Only what the table says the format does not carry may be reported; no code goes untranslated.
            let warnings = result.credentialWarnings.map(\.code)
            #expect(warnings == Self.expectedWarnings[format], "\(format), \(label): warnings \(warnings)")
            for field in RoundTripFieldTable.fields {
                let carriage = try #require(field.carriage[format], "\(field.path): no entry for \(format)")
                guard let (expected, found) = Self.compared(field, carriage, original, decoded) else { continue }
                #expect(expected == found, "\(format), \(label), \(field.path)")
            }
        }
    }

    @Test("every field the table names has an entry for every format, with a reason when not carried")
    func tableIsComplete() {
        for field in RoundTripFieldTable.fields {
            for format in RoundTripFormat.allCases {
                switch field.carriage[format] {
                case nil: Issue.record("\(field.path): no entry for \(format)")
                case .notCarried(let reason)?: #expect(!reason.isEmpty, "\(field.path), \(format): no reason")
                default: break
                }
            }
        }
    }

    @Test("the formats agree with each other on the fields they all carry")
    func formatsAgree() throws {
        let setup = try Setup.shared.get()
        let shared = RoundTripFieldTable.fields.filter { field in
            RoundTripFormat.allCases.allSatisfy { if case .same? = field.carriage[$0] { true } else { false } }
        }
        #expect(shared.map(\.path).contains("vaccination.vaccine"))
        for (label, original) in RoundTripRecords.all {
            let records = try RoundTripFormat.allCases.map { format in
                try #require(setup.verifier.verify(try setup.issue(format, original), at: setup.now).credential)
            }
            for field in shared {
                let values = records.map(field.value)
                #expect(Set(values.map { $0 ?? "-" }).count == 1, "\(label), \(field.path): \(values)")
            }
        }
    }

    /// The credential warnings each format gives for these records: a SMART Health Card has no country, so the
    /// verifier reports the one it assumes (`SHC_NOT_MAPPED`); the other formats carry every field they map.
    static let expectedWarnings: [RoundTripFormat: [String]] = [
        .euDCC: [], .smartHealthCard: ["SHC_NOT_MAPPED"], .icaoVDSNC: [], .w3cVC: [],
    ]

    /// The expected and the found value of a field, or nil when the format does not carry it.
    static func compared(
        _ field: RoundTripField, _ carriage: Carriage, _ original: VaccinationRecord, _ decoded: VaccinationRecord
    ) -> (String?, String?)? {
        let found = field.value(decoded)
        switch carriage {
        case .notCarried:
            return nil
        case .same:
            return (field.value(original), found)
        case .transliteration:
            return (transliterated(field.path, original.name), found)
        case .icaoName:
            let expected = documentName(
                transliterated("name.family", original.name), transliterated("name.given", original.name))
            let name = decoded.name
            let found =
                field.path.hasSuffix("Transliterated")
                ? documentName(name.familyTransliterated, name.givenTransliterated)
                : documentName(name.family, name.given)
            return (expected, found)
        }
    }

    /// The Doc 9303 name text of two parts: upper case, `<` as a space, parts joined by two spaces.
    static func documentName(_ family: String?, _ given: String?) -> String {
        [family, given].compactMap { $0 }.map { String($0.uppercased().map { $0 == "<" ? " " : $0 }) }
            .joined(separator: "  ")
    }

    /// The ICAO form of the family or given name: the record's own, else computed from the written name.
    static func transliterated(_ path: String, _ name: PersonName) -> String? {
        let family = path.hasPrefix("name.family")
        let own = family ? name.familyTransliterated : name.givenTransliterated
        let written = family ? name.family : name.given
        return own ?? written.flatMap { ICAOTransliteration.transliterate($0) }
    }
}
