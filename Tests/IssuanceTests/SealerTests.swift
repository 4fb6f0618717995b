import Foundation
import Issuance
import Testing

@Suite("Master key and sealing at rest")
struct SealerTests {
    @Test func sealedValuesOpenOnlyWithTheirKeyAndContext() throws {
        let sealer = Sealer(masterKey: .generate())
        let plaintext = Array("Erika Mustermann 1964-08-12".utf8)
        let sealed = try sealer.seal(plaintext, context: "holder:1")
        #expect(sealed.count == 1 + 12 + plaintext.count + 16)
        #expect(!sealed.windows(ofCount: 5).contains { Array($0) == Array("Erika".utf8) })
        #expect(try sealer.open(sealed, context: "holder:1") == plaintext)
        // Two seals of one value differ (fresh nonces).
        #expect(try sealer.seal(plaintext, context: "holder:1") != sealed)
        for (value, context, key) in [
            (sealed, "holder:2", sealer.masterKey), (sealed, "holder:1", MasterKey.generate()),
            (Array(sealed.dropLast()), "holder:1", sealer.masterKey), ([0] + sealed.dropFirst(), "holder:1", sealer.masterKey),
        ] {
            #expect {
                _ = try Sealer(masterKey: key).open(value, context: context)
            } throws: { ($0 as? IssuanceError)?.code == "SEALED_VALUE_INVALID" }
        }
        // Every truncation is refused with the code.
        for end in 0..<sealed.count {
            #expect(throws: IssuanceError.self) { _ = try sealer.open(Array(sealed.prefix(end)), context: "holder:1") }
        }
    }

    @Test func theKeyComesFromTheEnvironmentOrAPrivateFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dvc-master-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("master.key").path

        #expect(throws: IssuanceError.self) { _ = try MasterKey.load(environment: [:], file: file, createIfMissing: false) }
        let created = try MasterKey.load(environment: [:], file: file, createIfMissing: true)
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        #expect(try MasterKey.load(environment: [:], file: file, createIfMissing: false).base64 == created.base64)

        let fromEnvironment = MasterKey.generate()
        let loaded = try MasterKey.load(environment: ["DVC_MASTER_KEY": fromEnvironment.base64], file: file, createIfMissing: true)
        #expect(loaded.base64 == fromEnvironment.base64 && loaded.identifier == fromEnvironment.identifier)

        for bad in ["", "not base64!", Data(count: 31).base64EncodedString()] where !bad.isEmpty {
            #expect {
                _ = try MasterKey.load(environment: ["DVC_MASTER_KEY": bad], file: nil, createIfMissing: false)
            } throws: { error in
                let error = error as? IssuanceError
                return error?.code == "MASTER_KEY_INVALID" && !(error?.message.contains(bad) ?? true)
            }
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        #expect {
            _ = try MasterKey.load(environment: [:], file: file, createIfMissing: false)
        } throws: { ($0 as? IssuanceError)?.message.contains("0600") == true }
    }
}

extension Array {
    fileprivate func windows(ofCount count: Int) -> [ArraySlice<Element>] {
        guard self.count >= count else { return [] }
        return (0...(self.count - count)).map { self[$0..<($0 + count)] }
    }
}
