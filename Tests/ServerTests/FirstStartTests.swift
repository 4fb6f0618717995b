import Foundation
import JSON
import TestSupport
import Testing

/// The first start of a store creates the issuer's keys and the first admin principal exactly once, and whoever
/// creates that principal shows its token: also when `dvc admin token create` runs before the server, and when
/// two replicas start at the same time on a new PostgreSQL database.
@Suite("First start")
struct FirstStartTests {
    @Test("dvc admin token create before the first dvc serve: the first admin token is still shown to someone")
    func tokenCreatedBeforeFirstServe() async throws {
        var environment = ProcessInfo.processInfo.environment
        environment["DVC_MASTER_KEY"] = nil
        var adminOutput = ""
        let server = try await ServerProcess.start { dataDirectory in
            let dvc = try CommandRunner(product: "dvc")
            let created = try dvc.run(
                ["admin", "token", "create", "--data", dataDirectory.path, "--role", "issuer"], environment: environment)
            guard created.status == 0 else { throw ServerProcessError("dvc admin token create failed: \(created.standardError)") }
            adminOutput = created.standardOutput
        }
        defer { server.cleanUp() }
        let issuerToken = try #require(adminOutput.split(separator: "\n").last.map(String.init))
        #expect(try await server.request("GET", "/api/v1/certificates/\(UUID())", token: issuerToken).status == 404, "the issuer token works")
        // The store's first start (by the admin command) made an admin principal: its token must not be lost.
        #expect(
            adminOutput.contains("First admin token") || server.firstAdminToken != nil,
            "neither dvc admin token create nor dvc serve showed the first admin token; server output: \(server.standardOutput)")
    }

    /// The race needs both replicas inside the first-start window, which one round does not always hit: three
    /// rounds, each on a new database.
    @Test("two replicas starting together on a new PostgreSQL database set up one issuer")
    func replicasStartingTogether() async throws {
        for _ in 1...3 {
            try await startTwoReplicasTogether()
        }
    }

    func startTwoReplicasTogether() async throws {
        let database = try PostgresTestDatabase.create()
        defer { database.drop() }
        let key = Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
        let arguments = ["--database", database.url]
        let environment = ["DVC_MASTER_KEY": key]
        async let startingFirst = ServerProcess.start(arguments, environment: environment)
        async let startingSecond = ServerProcess.start(arguments, environment: environment)
        let first = try await startingFirst
        defer { first.cleanUp() }
        let second = try await startingSecond
        defer { second.cleanUp() }

        let tokens = [first.firstAdminToken, second.firstAdminToken].compactMap { $0 }
        #expect(tokens.count == 1, "first admin tokens printed: \(tokens.count)")
        let issuers = try database.query("SELECT count(*) FROM issuers")
        #expect(issuers == "1", "issuers in the database: \(issuers)")
        let firstKeys = try ResponseJSON.parse(try await first.request("GET", "/.well-known/jwks.json").body)
        let secondKeys = try ResponseJSON.parse(try await second.request("GET", "/.well-known/jwks.json").body)
        #expect(firstKeys.isEquivalent(to: secondKeys), "both replicas publish the same issuer keys")

        // What one replica issues, the other verifies.
        let token = try #require(tokens.first)
        let issuing = first.firstAdminToken != nil ? first : second
        let other = issuing === first ? second : first
        let certificate = try await issuing.issue(token: token)
        let result = try await other.verify(try #require(certificate.payloads["hc1"]), token: token)
        #expect(result["valid"]?.boolValue == true, "\(JSONSerializer.serializeToString(result))")
    }
}
