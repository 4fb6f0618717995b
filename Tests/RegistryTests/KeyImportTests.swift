import Foundation
import Issuance
import Registry
import Storage
import StorageSQLite
import Testing
import Trust

/// Issuer keys imported on a first start instead of generated ones: used when they belong together, refused when
/// they do not, and refused on a store that already has keys.
@Suite("Issuer key import")
struct KeyImportTests {
    static func keys(_ setup: IssuerSigningSetup) -> IssuerKeyImport {
        IssuerKeyImport(
            cscaCertificatePEM: setup.cscaCertificatePEM, cscaPrivateKeyPEM: setup.cscaPrivateKeyPEM,
            dscCertificatePEM: setup.dscCertificatePEM, dscPrivateKeyPEM: setup.dscPrivateKeyPEM)
    }

    /// A fresh SQLite store in a temporary folder.
    static func withStore<Result>(_ body: (SQLiteStore) async throws -> Result) async throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dvc-keyimport-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await body(try SQLiteStore(path: folder.appendingPathComponent("dvc.sqlite").path))
    }

    static let configuration = RegistryConfiguration(country: "DE", publicURL: "https://dvc.example.org")

    @Test func importedKeysSignAndASecondImportIsRefused() async throws {
        let setup = try IssuerSigningSetup.generate(country: "AT", now: Date().addingTimeInterval(-300))
        try await Self.withStore { store in
            let masterKey = MasterKey.generate()
            let (registry, token) = try await Registry.open(
                store: store, masterKey: masterKey, configuration: Self.configuration, importing: Self.keys(setup))
            #expect(registry.trustCertificates.map(\.kind) == [.csca, .dsc])
            #expect(registry.trustCertificates.map(\.certificateDER) == [setup.cscaCertificatePEM, setup.dscCertificatePEM].map(Self.der))
            #expect(registry.issuer.country == "AT", "the DSC's country, not the configuration's")
            let tokenText = try #require(token).text
            let principal = try #require(try await registry.authenticate(bearer: tokenText))
            let issued = try await registry.recordVaccination(.init(record: RegistryTests.record(), formats: [.hc1, .shc]), by: principal)
            for payload in issued.payloads {
                let result = registry.verify(payload.text)
                #expect(result.isValid, "\(payload.format): \(result.errors.map(\.code))")
            }

            // Importing again, even the same keys, into a store with an issuer: refused. Opening without: the same keys.
            await #expect {
                _ = try await Registry.open(store: store, masterKey: masterKey, configuration: Self.configuration, importing: Self.keys(setup))
            } throws: { ($0 as? RegistryError)?.code == "KEY_IMPORT_REFUSED" }
            let again = try await Registry.open(store: store, masterKey: masterKey, configuration: Self.configuration)
            #expect(again.registry.trustCertificates.map(\.certificateDER) == registry.trustCertificates.map(\.certificateDER))
        }
    }

    @Test func keysThatDoNotBelongTogetherAreRefusedAndNothingIsStored() async throws {
        let now = Date()
        let setup = try IssuerSigningSetup.generate(country: "AT", now: now.addingTimeInterval(-300))
        let other = try IssuerSigningSetup.generate(country: "AT", now: now.addingTimeInterval(-300))
        let expired = try IssuerSigningSetup.generate(country: "AT", dscValidityDays: 1, now: now.addingTimeInterval(-3 * 86_400))
        var cases: [(String, IssuerKeyImport)] = []
        var wrongDSCKey = Self.keys(setup)
        wrongDSCKey.dscPrivateKeyPEM = other.dscPrivateKeyPEM
        cases.append(("a DSC key of another setup", wrongDSCKey))
        var wrongCSCAKey = Self.keys(setup)
        wrongCSCAKey.cscaPrivateKeyPEM = other.cscaPrivateKeyPEM
        cases.append(("a CSCA key of another setup", wrongCSCAKey))
        var foreignDSC = Self.keys(setup)
        foreignDSC.dscCertificatePEM = other.dscCertificatePEM
        foreignDSC.dscPrivateKeyPEM = other.dscPrivateKeyPEM
        cases.append(("a DSC signed by another CSCA", foreignDSC))
        var dscAsCSCA = Self.keys(setup)
        dscAsCSCA.cscaCertificatePEM = setup.dscCertificatePEM
        dscAsCSCA.cscaPrivateKeyPEM = setup.dscPrivateKeyPEM
        cases.append(("a DSC in place of the CSCA", dscAsCSCA))
        cases.append(("an expired DSC", Self.keys(expired)))
        var garbage = Self.keys(setup)
        garbage.dscCertificatePEM = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"
        cases.append(("an unreadable certificate", garbage))
        var noKey = Self.keys(setup)
        noKey.cscaPrivateKeyPEM = "not a key"
        cases.append(("an unreadable key", noKey))
        for (label, keys) in cases {
            try await Self.withStore { store in
                await #expect {
                    _ = try await Registry.open(store: store, masterKey: MasterKey.generate(), configuration: Self.configuration, importing: keys)
                } throws: { error in
                    let coded = error as? RegistryError
                    // The message names the failed check, never key material.
                    return coded?.code == "KEY_IMPORT_INVALID" && !(coded?.message.contains("BEGIN") ?? true)
                }
                let stored = try await store.issuers()
                #expect(stored.isEmpty, "\(label): nothing stored")
            }
        }
    }

    @Test func aFolderIsReadAsDvcKeysGenerateWritesIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dvc-keys-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let setup = try IssuerSigningSetup.generate(country: "AT", now: Date().addingTimeInterval(-300))
        try setup.write(to: folder.path)
        let read = try IssuerKeyImport(directory: folder.path)
        #expect(read.dscCertificatePEM == setup.dscCertificatePEM && read.cscaPrivateKeyPEM == setup.cscaPrivateKeyPEM)
        #expect(try read.checked().dsc.derBytes == Self.der(setup.dscCertificatePEM))
        try Data(repeating: 0x41, count: IssuerKeyImport.maximumFileSize + 1).write(to: folder.appendingPathComponent("csca.pem"))
        #expect {
            _ = try IssuerKeyImport(directory: folder.path)
        } throws: { ($0 as? RegistryError)?.code == "KEY_IMPORT_INVALID" && "\($0)".contains("csca.pem of at most") }
        try Data(setup.cscaCertificatePEM.utf8).write(to: folder.appendingPathComponent("csca.pem"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("dsc.key.pem"))
        #expect {
            _ = try IssuerKeyImport(directory: folder.path)
        } throws: { ($0 as? RegistryError)?.code == "KEY_IMPORT_INVALID" && "\($0)".contains("dsc.key.pem") }
    }

    /// The DER of the first certificate of a PEM text.
    static func der(_ pem: String) -> [UInt8] {
        (try? TrustMaterialLoader.certificates(from: Array(pem.utf8)).first?.derBytes) ?? []
    }
}
