import Foundation
import TestSupport
import Testing

/// Runs the `dvc` binary end to end: keys, issue, verify, and the exit-code contract.
@Suite("dvc command line")
struct CLIEndToEndTests {
    let dvc: CommandRunner
    let folder: URL

    init() throws {
        dvc = try CommandRunner(product: "dvc")
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("dvc-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    var record: String { TestData.repositoryRoot.appendingPathComponent("examples/vaccination-record.json").path }

    func generateKeys() throws -> (key: String, cert: String, csca: String) {
        let out = folder.appendingPathComponent("keys").path
        let result = try dvc.run(["keys", "generate", "--out", out, "--country", "DE"])
        #expect(result.status == 0, "\(result.standardError)")
        return ("\(out)/dsc.key.pem", "\(out)/dsc.pem", "\(out)/csca.pem")
    }

    @Test func keysIssueAndVerifyEndToEnd() throws {
        let keys = try generateKeys()
        let attributes = try FileManager.default.attributesOfItem(atPath: keys.key)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)

        let issued = try dvc.run(["issue", "--format", "hc1", "--key", keys.key, "--cert", keys.cert, record])
        #expect(issued.status == 0, "\(issued.standardError)")
        let payload = issued.standardOutput.trimmingCharacters(in: .newlines)
        #expect(payload.hasPrefix("HC1:"))

        let payloadFile = folder.appendingPathComponent("payload.txt")
        try (payload + "\n").write(to: payloadFile, atomically: true, encoding: .utf8)
        let verified = try dvc.run(["verify", "--trust", keys.cert, "--json", payloadFile.path])
        #expect(verified.status == 0, "\(verified.standardOutput)\(verified.standardError)")
        let json = try JSONSerialization.jsonObject(with: Data(verified.standardOutput.utf8)) as? [String: Any]
        #expect(json?["format"] as? String == "eu-dcc")
        #expect(json?["valid"] as? Bool == true)
        let checks = json?["checks"] as? [String: String]
        #expect(checks?["decode"] == "pass")
        #expect(checks?["signature"] == "pass")
        #expect(checks?["keyUsage"] == "pass")
        #expect(checks?["time"] == "pass")
        #expect(checks?["schema"] == "pass")
        #expect(checks?["revocation"] == "skipped")
        #expect((json?["errors"] as? [Any])?.isEmpty == true)
        #expect(json?["issuer"] as? String == "DE")
        let credential = json?["credential"] as? [String: Any]
        #expect((credential?["name"] as? [String: Any])?["family"] as? String == "Mustermann")
        #expect(((credential?["certificate"] as? [String: Any])?["hcid"] as? String)?.hasPrefix("URN:UVCI:01:DE:") == true)

        // Standard input, the human summary, and a trailing CRLF.
        let human = try dvc.run(["verify", "--trust", keys.cert, "-"], input: Data((payload + "\r\n").utf8))
        #expect(human.status == 0)
        #expect(human.standardOutput.contains("VALID"))
        #expect(human.standardOutput.contains("Erika Mustermann"))
    }

    @Test func invalidCertificatesExitWithOneAndACode() throws {
        let keys = try generateKeys()
        let issued = try dvc.run(["issue", "--key", keys.key, "--cert", keys.cert, "--expires", "1", record])
        let payload = issued.standardOutput.trimmingCharacters(in: .newlines)

        // Unknown key: trust only the CSCA, not the DSC.
        let unknown = try dvc.run(["verify", "--trust", keys.csca, "--json"], input: Data(payload.utf8))
        #expect(unknown.status == 1)
        #expect(unknown.standardOutput.contains("\"UNKNOWN_KEY\""))

        // Expired: two days later.
        let later = Date().addingTimeInterval(2 * 86_400).timeIntervalSince1970
        let expired = try dvc.run(["verify", "--trust", keys.cert, "--at", String(Int(later)), "--json"], input: Data(payload.utf8))
        #expect(expired.status == 1)
        #expect(expired.standardOutput.contains("\"EXPIRED\""))

        // Garbage, wrong prefix, truncated payload.
        for bad in ["hello", "HC2:" + payload.dropFirst(4), String(payload.prefix(payload.count / 2))] {
            let result = try dvc.run(["verify", "--trust", keys.cert, "--json"], input: Data(bad.utf8))
            #expect(result.status == 1)
            #expect(result.standardOutput.contains("\"code\""))
        }
    }

    @Test func batchModeWritesOneJSONLinePerPayloadInOrder() throws {
        let keys = try generateKeys()
        var lines: [String] = []
        for _ in 0..<3 {
            let issued = try dvc.run(["issue", "--key", keys.key, "--cert", keys.cert, record])
            lines.append(issued.standardOutput.trimmingCharacters(in: .newlines))
        }
        lines.insert("not a certificate", at: 1)
        let result = try dvc.run(["verify", "--batch", "--trust", keys.cert], input: Data((lines.joined(separator: "\n") + "\n").utf8))
        #expect(result.status == 1)  // one invalid line
        let outputLines = result.standardOutput.split(separator: "\n")
        #expect(outputLines.count == 4)
        let valid = try outputLines.map { line -> Bool in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["valid"] as? Bool ?? false
        }
        #expect(valid == [true, false, true, true])
    }

    @Test func usageAndIOErrorsExitWithTwo() throws {
        #expect(try dvc.run(["verify", "--no-such-flag"]).status == 2)
        #expect(try dvc.run(["verify", "/no/such/file"]).status == 2)
        #expect(try dvc.run(["verify", "--at", "yesterday"], input: Data()).status == 2)
        #expect(try dvc.run(["issue", "--key", "/no/key.pem", "--cert", "/no/cert.pem", record]).status == 2)
        let help = try dvc.run(["verify", "--help"])
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("--trust"))
        #expect(help.standardOutput.contains("--batch"))
    }

    @Test func trustAcceptsJWKSFilesBoundToAnIssuerOrNot() throws {
        let keys = try generateKeys()
        let issued = try dvc.run(["issue", "--key", keys.key, "--cert", keys.cert, record])
        let payload = Data(issued.standardOutput.utf8)
        let jwks = try TestData.url("shc/examples/issuer/.well-known/jwks.json").path
        // A JWKS (unbound or bound to an issuer) loads beside the certificate; HC1 still verifies with the DSC.
        let both = try dvc.run(
            ["verify", "--trust", keys.cert, "--trust", jwks, "--trust", "https://spec.smarthealth.cards/examples/issuer=\(jwks)"],
            input: payload)
        #expect(both.status == 0, "\(both.standardOutput)\(both.standardError)")
        // Only the JWKS: the DCC's kid is unknown.
        let onlyJWKS = try dvc.run(["verify", "--json", "--trust", jwks], input: payload)
        #expect(onlyJWKS.status == 1)
        #expect(onlyJWKS.standardOutput.contains("UNKNOWN_KEY"))
        // ISS= binds key sets only; a certificate there is a usage error. A broken JWKS is an I/O error.
        #expect(try dvc.run(["verify", "--trust", "DE=\(keys.cert)"], input: payload).status == 2)
        let bad = try TestData.url("shc-devtools/badjwks/.well-known/jwks.json").path
        let badJWKS = folder.appendingPathComponent("bad.json")
        try Data("{\"keys\": 5}".utf8).write(to: badJWKS)
        #expect(try dvc.run(["verify", "--trust", badJWKS.path], input: payload).status == 2)
        #expect(try dvc.run(["verify", "--trust", bad], input: payload).status == 2)
    }

    @Test func issueRejectsInvalidRecordsWithACode() throws {
        let keys = try generateKeys()
        let bad = folder.appendingPathComponent("bad.json")
        try #"{"name": {"family": "X"}, "vaccination": {"dose": 0}}"#.write(to: bad, atomically: true, encoding: .utf8)
        let result = try dvc.run(["issue", "--key", keys.key, "--cert", keys.cert, bad.path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("RECORD_"))
    }
}
