import Foundation
import JSON
import TestSupport
import Testing

/// `dvc serve --import-keys DIR`: the keys `dvc keys generate` wrote are the server's on its first start, and a
/// later start with them is refused because the store already has keys.
@Suite("Key import")
struct KeyImportTests {
    @Test("dvc serve --import-keys uses the generated CSCA and DSC, and refuses to import into a store with keys")
    func importOnFirstStart() async throws {
        let keys = FileManager.default.temporaryDirectory.appendingPathComponent("dvc-import-keys-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: keys) }
        let dvc = try CommandRunner(product: "dvc")
        let generated = try dvc.run(["keys", "generate", "--out", keys.path, "--country", "AT", "--organization", "Import Test"])
        try #require(generated.status == 0, "dvc keys generate: \(generated.standardError)")
        let dscPEM = try String(contentsOf: keys.appendingPathComponent("dsc.pem"), encoding: .utf8)
        let cscaPEM = try String(contentsOf: keys.appendingPathComponent("csca.pem"), encoding: .utf8)

        let server = try await ServerProcess.start(["--import-keys", keys.path])
        defer { server.cleanUp() }
        #expect(server.standardOutput.contains("Imported the issuer keys"))
        let material = try ResponseJSON.parse(try await server.request("GET", "/api/v1/trust/certificates").body).arrayValue ?? []
        func pem(_ role: String) -> String? {
            material.first { $0["role"]?.stringValue == role }?["pem"]?.stringValue?.filter { !$0.isWhitespace }
        }
        #expect(pem("csca") == cscaPEM.filter { !$0.isWhitespace })
        #expect(pem("dsc") == dscPEM.filter { !$0.isWhitespace })
        #expect(material.count == 2)

        // What the imported DSC signs verifies.
        let admin = try #require(server.firstAdminToken)
        let issued = try await server.request("POST", "/api/v1/vaccinations", token: admin, json: SampleRecord.vaccinationBody(try SampleRecord.record()))
        #expect(issued.status == 201, "\(issued.status) \(ResponseJSON.text(issued.body))")
        let certificate = try ServerProcess.certificate(from: issued.body)
        let verified = try await server.verify(try #require(certificate.payloads["hc1"]), token: admin)
        #expect(verified["valid"]?.boolValue == true, "\(JSONSerializer.serializeToString(verified))")

        // Started again on the same store with --import-keys: refused, with the code on standard error.
        do {
            let again = try await server.restart()
            again.cleanUp()
            Issue.record("expected dvc serve --import-keys on a store with keys to refuse to start, found it listening")
        } catch {
            #expect("\(error)".contains("KEY_IMPORT_REFUSED"), "\(error)")
        }
    }
}
