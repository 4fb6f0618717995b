import Foundation
import TestSupport
import Testing

/// `dvc issue --format` and `--all` for every format, and `dvc verify` detecting each format by itself.
@Suite("dvc issue and verify in every format")
struct CLIFormatsTests {
    let dvc: CommandRunner
    let folder: URL
    let issuerURL = "https://dvc.example/issuer"

    init() throws {
        dvc = try CommandRunner(product: "dvc")
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("dvc-cli-formats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    var record: String { TestData.repositoryRoot.appendingPathComponent("examples/vaccination-record.json").path }

    func generateKeys() throws -> String {
        let keys = folder.appendingPathComponent("keys").path
        let result = try dvc.run(["keys", "generate", "--out", keys, "--country", "DE"])
        #expect(result.status == 0, "\(result.standardError)")
        return keys
    }

    func trustArguments(_ keys: String) -> [String] {
        ["--trust", "\(keys)/dsc.pem", "--trust", "\(keys)/csca.pem", "--trust", "\(issuerURL)=\(keys)/jwks.json"]
    }

    func verifyJSON(_ path: String, keys: String) throws -> [String: Any] {
        let result = try dvc.run(["verify", "--json"] + trustArguments(keys) + [path])
        #expect(result.status == 0, "\(path): \(result.standardOutput)\(result.standardError)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    }

    @Test func allFormatsFromOneRecordVerifyWithTheSameHolder() throws {
        let keys = try generateKeys()
        let jwks = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(keys)/jwks.json"))) as? [String: Any]
        #expect((jwks?["keys"] as? [[String: Any]])?.first?["alg"] as? String == "ES256")
        let out = folder.appendingPathComponent("all").path
        let issued = try dvc.run(
            ["issue", "--all", out, "--issuer-url", issuerURL, "--key", "\(keys)/dsc.key.pem", "--cert", "\(keys)/dsc.pem", "--qr", "svg", record])
        #expect(issued.status == 0, "\(issued.standardError)")
        let expected = [
            ("hc1.txt", "eu-dcc"), ("shc.txt", "shc"), ("shc.jws", "shc"), ("health-card.smart-health-card", "shc"),
            ("vds.json", "icao-vds-nc"), ("vc.jwt", "w3c-vc"),
        ]
        var holders: Set<String> = []
        for (file, format) in expected {
            let json = try verifyJSON("\(out)/\(file)", keys: keys)
            #expect(json["format"] as? String == format, "\(file)")
            #expect(json["valid"] as? Bool == true, "\(file)")
            let credential = try #require(json["credential"] as? [String: Any], "\(file)")
            let name = credential["name"] as? [String: Any]
            holders.insert("\((name?["family"] as? String ?? "").uppercased())|\(credential["birthDate"] as? String ?? "")")
        }
        // The same holder comes back from every format (VDS-NC may write the name in capitals).
        #expect(holders == ["MUSTERMANN|1964-08-12"])
        for format in ["hc1", "shc", "vds", "vc"] {
            let svg = try String(contentsOfFile: "\(out)/\(format)-qr.svg", encoding: .utf8)
            #expect(svg.hasPrefix("<svg "), "\(format)")
        }
    }

    @Test func oneFormatAtATimeAndItsUsageErrors() throws {
        let keys = try generateKeys()
        let signer = ["--key", "\(keys)/dsc.key.pem", "--cert", "\(keys)/dsc.pem"]
        for (format, prefix) in [("shc", "shc:/"), ("vds", "{"), ("vc", "ey")] {
            let issued = try dvc.run(["issue", "--format", format, "--issuer-url", issuerURL] + signer + [record])
            #expect(issued.status == 0, "\(format): \(issued.standardError)")
            #expect(issued.standardOutput.hasPrefix(prefix), "\(format)")
            let verified = try dvc.run(["verify"] + trustArguments(keys) + ["-"], input: Data(issued.standardOutput.utf8))
            #expect(verified.status == 0, "\(format): \(verified.standardOutput)")
            // Without the issuer's keys (the key set for SHC and VC; the CSCA or the signer itself for VDS-NC) the
            // credential does not verify: exit 1, UNKNOWN_KEY.
            let other = format == "vds" ? "\(keys)/jwks.json" : "\(keys)/dsc.pem"
            let untrusted = try dvc.run(["verify", "--json", "--trust", other, "-"], input: Data(issued.standardOutput.utf8))
            #expect(untrusted.status == 1, "\(format)")
            #expect(untrusted.standardOutput.contains("UNKNOWN_KEY"), "\(format)")
        }
        // SHC and VC need the issuer URL.
        for format in ["shc", "vc"] {
            let missing = try dvc.run(["issue", "--format", format] + signer + [record])
            #expect(missing.status == 2)
            #expect(missing.standardError.contains("--issuer-url"))
        }
        #expect(try dvc.run(["issue", "--format", "pdf"] + signer + [record]).status == 2)
    }
}
