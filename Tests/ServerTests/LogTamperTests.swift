import Crypto
import Foundation
import TestSupport
import Testing

/// The transparency log end to end on both databases: a server issues certificates, `dvc log publish` signs a
/// tree head, `dvc log prove` / `dvc log verify` prove a QR payload's issuance offline, `dvc audit` passes; then
/// one stored certificate row is changed directly with `sqlite3` or `psql`, and `dvc audit` fails naming the entry.
@Suite("Transparency log: publish, prove, audit and tampering", .serialized)
struct LogTamperTests {
    @Test(arguments: ["SQLite", "PostgreSQL"])
    func changingAStoredCertificateFailsTheAudit(store: String) async throws {
        let (server, database) = try await ServerProcess.start(store: store)
        defer {
            server.cleanUp()
            database?.drop()
        }
        let token = try #require(server.firstAdminToken)
        var certificates: [ServerProcess.Certificate] = []
        for _ in 0..<3 { certificates.append(try await server.issue(token: token, formats: ["hc1", "shc"])) }
        let dvc = try CommandRunner(product: "dvc")
        let arguments = server.storeArguments

        let publish = try await dvc.runDetached(["log", "publish"] + arguments, environment: server.environment)
        #expect(publish.status == 0, "\(publish.standardError)")
        #expect(publish.standardOutput.contains("\"size\":6"), "\(publish.standardOutput)")
        let audit = try await dvc.runDetached(["audit"] + arguments, environment: server.environment)
        #expect(audit.status == 0, "\(audit.standardError)")
        // The server publishes heads too (at start and every second): the count varies, the leaves do not.
        #expect(audit.standardOutput.hasPrefix("audit ok: 6 leaves, "), "\(audit.standardOutput)")

        // A verifier holding the SHC payload gets a proof and checks it offline.
        let target = certificates[1]
        let id = target.id.lowercased()
        let payload = try #require(target.payloads["shc"])
        let prove = try await dvc.runDetached(["log", "prove", "--payload", "-"] + arguments, input: Data(payload.utf8), environment: server.environment)
        #expect(prove.status == 0, "\(prove.standardError)")
        let verify = try await dvc.runDetached(["log", "verify", "-"], input: Data(prove.standardOutput.utf8))
        #expect(verify.status == 0, "\(verify.standardError)")
        #expect(verify.standardOutput.hasPrefix("proof ok: issuance \(id)/shc"), "\(verify.standardOutput)")
        // The same proof with its root changed fails.
        let forged = prove.standardOutput.replacingOccurrences(of: "\"root\": \"", with: "\"root\": \"00")
            .replacingOccurrences(of: "\"root\":\"", with: "\"root\":\"00")
        #expect(forged != prove.standardOutput)
        // The server (which did not integrate these leaves itself) serves the same proof by the payload's hash.
        let hash = SHA256.hash(data: Data(payload.utf8)).map { String(format: "%02x", $0) }.joined()
        let served = try await server.request("GET", "/api/v1/log/proof/inclusion?hash=\(hash)&size=6")
        #expect(served.status == 200, "\(ResponseJSON.text(served.body))")
        let checked = try await dvc.runDetached(["log", "verify", "-"], input: served.body)
        #expect(checked.status == 0, "\(checked.standardError)")
        #expect(checked.standardOutput.hasPrefix("proof ok: issuance \(id)/shc"), "\(checked.standardOutput)")
        let head = try await server.request("GET", "/api/v1/log/tree-head")
        #expect(head.status == 200)
        let consistency = try await server.request("GET", "/api/v1/log/proof/consistency?from=2&to=6")
        #expect(consistency.status == 200)
        let entries = try await server.request("GET", "/api/v1/log/entries?start=0&end=6")
        #expect(entries.status == 200)
        #expect(String(decoding: entries.body, as: UTF8.self).contains("\"subject\":\"\(id)/shc\""))
        let refused = try await dvc.runDetached(["log", "verify", "-"], input: Data(forged.utf8))
        #expect(refused.status != 0)

        // The issue time of the second certificate, changed behind the platform's back.
        let sql = "UPDATE certificates SET issued_at = issued_at + 1 WHERE id = '\(id)'"
        if let database {
            _ = try database.query(sql)
        } else {
            let output = try ExternalProgram.run(
                URL(fileURLWithPath: "/usr/bin/sqlite3"), [server.dataDirectory.appendingPathComponent("dvc.sqlite").path, sql])
            #expect(output.status == 0, "\(output.standardError)")
        }
        let failed = try await dvc.runDetached(["audit"] + arguments, environment: server.environment)
        #expect(failed.status == 1, "\(failed.standardOutput) \(failed.standardError)")
        #expect(failed.standardError.contains("LOG_ENTRY_MISMATCH"), "\(failed.standardError)")
        #expect(failed.standardError.contains("log leaf 2 (issuance \(id)/hc1)"), "\(failed.standardError)")
    }
}
