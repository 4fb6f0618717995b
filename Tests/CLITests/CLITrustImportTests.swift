import Foundation
import TestSupport
import Testing

/// `dvc trust import`: an EU gateway download made from `dvc keys generate` (the CSCA and the DSC as gateway
/// entries) becomes a signed trust list that `dvc verify --trust-list` uses alone.
@Suite("dvc trust import")
struct CLITrustImportTests {
    @Test func anEUGatewayListBecomesASignedTrustList() async throws {
        let dvc = try CommandRunner(product: "dvc")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dvc-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

        let keys = try await dvc.runDetached(["keys", "generate", "--out", path("keys"), "--country", "DE"])
        #expect(keys.status == 0, "\(keys.standardError)")
        let anchor = try await dvc.runDetached(["keys", "generate", "--out", path("anchor"), "--country", "XX"])
        #expect(anchor.status == 0, "\(anchor.standardError)")
        let record = TestData.repositoryRoot.appendingPathComponent("examples/vaccination-record.json").path
        let issued = try await dvc.runDetached(["issue", "--format", "hc1", "--key", path("keys/dsc.key.pem"), "--cert", path("keys/dsc.pem"), record])
        #expect(issued.status == 0, "\(issued.standardError)")

        // The gateway's shape: base64 DER in rawData, one entry per certificate, plus one type it does not use.
        func der(_ pem: String) throws -> String {
            try String(contentsOfFile: pem, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        }
        let entries: [[String: String]] = [
            ["country": "DE", "certificateType": "CSCA", "rawData": try der(path("keys/csca.pem"))],
            ["country": "DE", "certificateType": "DSC", "rawData": try der(path("keys/dsc.pem"))],
            ["country": "DE", "certificateType": "UPLOAD", "rawData": try der(path("keys/dsc.pem"))],
        ]
        try JSONSerialization.data(withJSONObject: entries).write(to: folder.appendingPathComponent("gateway.json"))

        let imported = try await dvc.runDetached([
            "trust", "import", path("gateway.json"), "--anchor-key", path("anchor/dsc.key.pem"), "--anchor-kid", "ministry-anchor",
            "--out", path("list.jws"), "--anchor-jwks", path("anchors.json"), "--sequence", "5",
        ])
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(imported.standardOutput.contains("trust list sequence 5, 1 issuers, 1 DSCs"), "\(imported.standardOutput)")
        #expect(imported.standardOutput.contains("entry 2 left out: TRUST_LIST_IMPORT_ENTRY_UNSUPPORTED"), "\(imported.standardOutput)")

        let shown = try await dvc.runDetached(["trust", "show", path("list.jws"), "--anchor", path("anchors.json")])
        #expect(shown.standardOutput.contains("issuer eu-gateway:DE (DE)"), "\(shown.standardOutput)")
        #expect(shown.standardOutput.contains("DSCs: 1 of 1 accepted"), "\(shown.standardOutput)")
        let verified = try await dvc.runDetached(
            ["verify", "--trust-list", path("list.jws"), "--anchor", path("anchors.json")], input: Data(issued.standardOutput.utf8))
        #expect(verified.status == 0, "\(verified.standardOutput)\(verified.standardError)")
        // Signed by a key the verifier does not take as anchor: refused.
        let stranger = try await dvc.runDetached(
            ["verify", "--trust-list", path("list.jws"), "--anchor", path("keys/jwks.json")], input: Data(issued.standardOutput.utf8))
        #expect(stranger.status == 2)
        #expect(stranger.standardError.contains("TRUST_LIST_UNKNOWN_ANCHOR") || stranger.standardError.contains("TRUST_LIST_SIGNATURE_INVALID"))
    }
}
