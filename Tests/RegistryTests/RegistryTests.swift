import Foundation
import Issuance
import JSON
import Storage
import StorageSQLite
import TestSupport
import Testing
import VaccinationRecord
import Registry

/// The registry on the embedded store: first start, issuing in every format, idempotent retries, revocation,
/// key rotation, tokens, and personal data sealed at rest.
@Suite("Registry use cases on SQLite")
struct RegistryTests {
    static let name = "Zqxjkv-Testperson"

    /// A fresh registry in a temporary folder.
    static func withRegistry<Result>(_ body: (Registry, APIToken, String, MasterKey) async throws -> Result) async throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dvc-registry-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("dvc.sqlite").path
        let store = try SQLiteStore(path: path)
        let masterKey = MasterKey.generate()
        let (registry, token) = try await Registry.open(
            store: store, masterKey: masterKey, configuration: RegistryConfiguration(country: "DE", publicURL: "https://dvc.example.org"))
        return try await body(registry, try #require(token), path, masterKey)
    }

    static func record(givenName: String = name, identifier: String? = nil) throws -> VaccinationRecord {
        let text = try String(contentsOf: TestData.repositoryRoot.appendingPathComponent("examples/vaccination-record.json"), encoding: .utf8)
        var record = try VaccinationRecord(json: JSONParser.parse(text))
        record.name.given = givenName
        record.identifier = identifier.map { RecordIdentifier(system: "urn:test:passport", value: $0) }
        return record
    }

    @Test func aFirstStartCreatesTheIssuerAndOneAdminToken() async throws {
        try await Self.withRegistry { registry, token, _, masterKey in
            #expect(registry.issuer.country == "DE")
            #expect(registry.trustCertificates.map(\.kind) == [.csca, .dsc])
            let admin = try #require(try await registry.authenticate(bearer: token.text))
            #expect(admin.role == .admin)
            #expect(try await registry.authenticate(bearer: "dvc_" + token.text.dropFirst(4).reversed()) == nil)
            #expect(try await registry.authenticate(bearer: "nonsense") == nil)
            // A second start on the same store (and key) keeps the issuer and makes no new token.
            let again = try await Registry.open(
                store: registry.store, masterKey: masterKey, configuration: registry.configuration)
            #expect(again.firstAdminToken == nil)
            #expect(again.registry.issuer == registry.issuer)
        }
    }

    @Test func aDoseIsIssuedInEveryFormatAndEachVerifies() async throws {
        try await Self.withRegistry { registry, token, _, _ in
            let issuer = try #require(try await registry.authenticate(bearer: token.text))
            let issued = try await registry.recordVaccination(
                .init(record: Self.record(), formats: IssuanceFormat.allCases), by: issuer)
            #expect(issued.payloads.map(\.format) == IssuanceFormat.allCases)
            #expect(Set(issued.payloads.map(\.identifier)).count == 3)  // the UVCI serves HC1 and VC
            for payload in issued.payloads {
                let result = registry.verify(payload.text)
                #expect(result.isValid, "\(payload.format): \(result.errors.map(\.code))")
                #expect(result.checks.revocation == .pass)
                // VDS-NC carries the ICAO transliteration (capitals, hyphen as space).
                let expected = payload.format == .vds ? "ZQXJKV TESTPERSON" : Self.name
                #expect(result.credential?.name.given == expected, "\(payload.format)")
            }
            let read = try #require(try await registry.certificate(id: issued.id))
            #expect(read.payloads.map(\.text) == issued.payloads.map(\.text))
            #expect(try await registry.certificate(id: UUID()) == nil)
        }
    }

    @Test func aRetryIsAnsweredWithTheFirstCertificate() async throws {
        try await Self.withRegistry { registry, token, _, _ in
            let issuer = try #require(try await registry.authenticate(bearer: token.text))
            let request = Registry.VaccinationRequest(
                record: try Self.record(), formats: [.hc1], idempotency: ("retry-1", Array(repeating: 1, count: 32)))
            let first = try await registry.recordVaccination(request, by: issuer)
            let retry = try await registry.recordVaccination(request, by: issuer)
            #expect(retry.isReplay && !first.isReplay)
            #expect(retry.id == first.id && retry.payloads.map(\.text) == first.payloads.map(\.text))
            var other = request
            other.idempotency = ("retry-1", Array(repeating: 2, count: 32))
            await #expect {
                _ = try await registry.recordVaccination(other, by: issuer)
            } throws: { ($0 as? RegistryError)?.code == "IDEMPOTENCY_KEY_REUSED" }
            #expect(try await registry.store.certificateCount() == 1)
        }
    }

    @Test func aRevokedCertificateFailsVerificationInEveryFormat() async throws {
        try await Self.withRegistry { registry, token, _, _ in
            let issuer = try #require(try await registry.authenticate(bearer: token.text))
            let issued = try await registry.recordVaccination(.init(record: Self.record(), formats: IssuanceFormat.allCases), by: issuer)
            let other = try await registry.recordVaccination(.init(record: Self.record(), formats: [.hc1]), by: issuer)
            try await registry.revoke(certificateID: issued.id, reason: "issued in error", by: issuer)
            for payload in issued.payloads {
                let result = registry.verify(payload.text)
                #expect(!result.isValid && result.checks.revocation == .fail, "\(payload.format)")
                #expect(result.errors.map(\.code).contains("CERTIFICATE_REVOKED"))
            }
            #expect(registry.verify(other.payloads[0].text).isValid)
            await #expect {
                try await registry.revoke(certificateID: issued.id, reason: "again", by: issuer)
            } throws: { ($0 as? RegistryError)?.code == "CERTIFICATE_REVOKED" }
            await #expect {
                try await registry.revoke(certificateID: UUID(), reason: "unknown", by: issuer)
            } throws: { ($0 as? RegistryError)?.code == "CERTIFICATE_NOT_FOUND" }
        }
    }

    @Test func afterRotationOldAndNewCertificatesVerify() async throws {
        try await Self.withRegistry { registry, token, _, _ in
            let issuer = try #require(try await registry.authenticate(bearer: token.text))
            let before = try await registry.recordVaccination(.init(record: Self.record(), formats: IssuanceFormat.allCases), by: issuer)
            let newKey = try await registry.rotateDocumentSigner()
            #expect(registry.trustCertificates.filter { $0.kind == .dsc }.map(\.status) == [.retired, .active])
            #expect(registry.trustCertificates.last?.id == newKey.id)
            #expect(registry.keySet["keys"]?.arrayValue?.count == 2)
            let after = try await registry.recordVaccination(.init(record: Self.record(), formats: IssuanceFormat.allCases), by: issuer)
            for payload in before.payloads + after.payloads {
                #expect(registry.verify(payload.text).isValid, "\(payload.format)")
            }
            #expect(registry.verify(before.payloads[0].text).keyID != registry.verify(after.payloads[0].text).keyID)
        }
    }

    @Test func returningHoldersAreFoundAndNoPersonalDataIsStoredInClear() async throws {
        try await Self.withRegistry { registry, token, path, _ in
            let issuer = try #require(try await registry.authenticate(bearer: token.text))
            let first = try await registry.recordVaccination(.init(record: Self.record(identifier: "P1234567"), formats: [.hc1, .shc]), by: issuer)
            let second = try await registry.recordVaccination(.init(record: Self.record(identifier: "P1234567"), formats: [.hc1]), by: issuer)
            let stranger = try await registry.recordVaccination(.init(record: Self.record(identifier: "X7654321"), formats: [.hc1]), by: issuer)
            let holders = try await [first, second, stranger].asyncMap { certificate in
                try await registry.store.event(id: try #require(try await registry.store.certificate(id: certificate.id)).eventID)?.holderID
            }
            #expect(holders[0] == holders[1] && holders[0] != holders[2])
            // The database file (and its write-ahead log) hold neither the name nor the identifier nor a payload.
            var bytes: [UInt8] = []
            for suffix in ["", "-wal"] {
                if let data = FileManager.default.contents(atPath: path + suffix) { bytes += Array(data) }
            }
            #expect(bytes.count > 10_000)
            for secret in [Self.name, "P1234567", String(first.payloads[0].text.prefix(40))] {
                #expect(!Self.contains(bytes, Array(secret.utf8)), "\(secret.prefix(12)) found in the database")
            }
        }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        for index in 0...(haystack.count - needle.count) where haystack[index] == first {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}

extension Array {
    fileprivate func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
