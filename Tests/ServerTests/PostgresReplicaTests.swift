import Foundation
import JSON
import Testing

/// Two `dvc serve` processes on one PostgreSQL database (the replicated deployment): they share the issuer's
/// keys, principals and certificates, and issue concurrently without clashes. Needs `DVC_TEST_POSTGRES_URL`
/// (scripts/test.sh sets it); without it the tests fail.
@Suite("PostgreSQL replicas")
struct PostgresReplicaTests {
    /// Two servers on a fresh database with one master key; the second starts once the first has set it up.
    struct Replicas {
        let database: PostgresTestDatabase
        let first: ServerProcess
        let second: ServerProcess
        let adminToken: String

        static func start() async throws -> Replicas {
            let database = try PostgresTestDatabase.create()
            do {
                let key = Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
                let environment = ["DVC_MASTER_KEY": key]
                let first = try await ServerProcess.start(["--database", database.url], environment: environment)
                let second: ServerProcess
                do {
                    second = try await ServerProcess.start(["--database", database.url], environment: environment)
                } catch {
                    first.cleanUp()
                    throw error
                }
                guard let token = first.firstAdminToken else {
                    first.cleanUp()
                    second.cleanUp()
                    throw ServerProcessError("the first server on a fresh database printed no admin token")
                }
                return Replicas(database: database, first: first, second: second, adminToken: token)
            } catch {
                database.drop()
                throw error
            }
        }

        /// Stops both servers and drops the database.
        func cleanUp() {
            first.cleanUp()
            second.cleanUp()
            database.drop()
        }
    }

    @Test("50 concurrent issuances through each of two servers: all 201, distinct ids and UVCIs, cross-verifiable")
    func concurrentIssuanceOnTwoServers() async throws {
        let replicas = try await Replicas.start()
        defer { replicas.cleanUp() }
        let token = replicas.adminToken
        #expect(replicas.second.firstAdminToken == nil, "principals live in the shared database: no second first token")

        let body = Data(JSONSerializer.serialize(SampleRecord.vaccinationBody(try SampleRecord.record(), formats: ["hc1"])))
        let answers = try await withThrowingTaskGroup(of: (server: Int, answer: ServerProcess.HTTPAnswer).self) { group in
            for index in 0..<100 {
                let server = index % 2 == 0 ? replicas.first : replicas.second
                group.addTask { (index % 2, try await server.request("POST", "/api/v1/vaccinations", token: token, body: body)) }
            }
            var answers: [(server: Int, answer: ServerProcess.HTTPAnswer)] = []
            for try await answer in group { answers.append(answer) }
            return answers
        }
        #expect(answers.count == 100)
        let failed = answers.filter { $0.answer.status != 201 }
        let example = failed.first.map { "\($0.answer.status) \(ResponseJSON.text($0.answer.body))" } ?? ""
        #expect(failed.count == 0, "\(failed.count) not 201, e.g. \(example)")

        let certificates = try answers.filter { $0.answer.status == 201 }.map {
            (server: $0.server, certificate: try ServerProcess.certificate(from: $0.answer.body))
        }
        #expect(Set(certificates.map(\.certificate.id)).count == certificates.count, "certificate ids are distinct")
        let uvcis = certificates.compactMap { $0.certificate.identifiers["hc1"] }
        #expect(uvcis.count == certificates.count)
        #expect(Set(uvcis).count == uvcis.count, "UVCIs are distinct")

        // Issued by one, verified (and found) by the other.
        let fromFirst = try #require(certificates.first { $0.server == 0 }?.certificate)
        let fromSecond = try #require(certificates.first { $0.server == 1 }?.certificate)
        for (certificate, other) in [(fromFirst, replicas.second), (fromSecond, replicas.first)] {
            let result = try await other.verify(try #require(certificate.payloads["hc1"]), token: token)
            #expect(result["valid"]?.boolValue == true, "\(JSONSerializer.serializeToString(result))")
            let fetched = try await other.request("GET", "/api/v1/certificates/\(certificate.id)", token: token)
            #expect(fetched.status == 200)
            #expect(try ServerProcess.certificate(from: fetched.body).payloads == certificate.payloads)
        }
    }

    @Test("a certificate revoked through one server verifies as revoked on the other")
    func revocationIsSeenByTheOtherServer() async throws {
        let replicas = try await Replicas.start()
        defer { replicas.cleanUp() }
        let token = replicas.adminToken
        let certificate = try await replicas.first.issue(token: token, formats: ["hc1", "shc"])
        let revoked = try await replicas.first.request(
            "POST", "/api/v1/certificates/\(certificate.id)/revoke", token: token, json: ["reason": "replica test"])
        #expect(revoked.status == 200)

        let fetched = try ServerProcess.certificate(
            from: try await replicas.second.request("GET", "/api/v1/certificates/\(certificate.id)", token: token).body)
        #expect(fetched.json["revocation"]?["reason"]?.stringValue == "replica test", "the second server reads the revocation")
        // The revoking server knows at once; the other reads revocations every 2 s (docs/API.md): it gets 10 s.
        for server in [replicas.first, replicas.second] {
            for (format, payload) in certificate.payloads.sorted(by: { $0.key < $1.key }) {
                var result = try await server.verify(payload, token: token)
                let deadline = ContinuousClock.now + .seconds(10)
                while server === replicas.second, result["valid"]?.boolValue != false, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(250))
                    result = try await server.verify(payload, token: token)
                }
                let codes = result["errors"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? []
                let which = server === replicas.first ? "the revoking" : "the other"
                #expect(result["valid"]?.boolValue == false, "\(format) on \(which) server")
                #expect(codes.contains("CERTIFICATE_REVOKED"), "\(format) on \(which) server: \(codes)")
            }
        }
    }

    @Test("a bulk job submitted to one replica is issued once, whichever replica's worker takes each row")
    func bulkJobAcrossReplicas() async throws {
        let replicas = try await Replicas.start()
        defer { replicas.cleanUp() }
        let token = replicas.adminToken
        let total = 200
        let id = try await replicas.first.submitBulkJob(ServerProcess.bulkCSV(rows: total), token: token)
        let job = try await replicas.second.waitForBulkJob(id, token: token)
        #expect(job["issuedRows"]?.integerValue == Int64(total), "\(JSONSerializer.serializeToString(job))")
        #expect(job["failedRows"]?.integerValue == 0)
        let rows = try ResponseJSON.parse(try await replicas.second.request("GET", "/api/v1/bulk/\(id)/rows", token: token).body)
        let certificateIDs = rows.arrayValue?.compactMap { $0["certificateId"]?.stringValue } ?? []
        #expect(Set(certificateIDs).count == total)
        #expect(try replicas.database.query("SELECT count(*) FROM certificates") == String(total), "one certificate per row")
    }
}
