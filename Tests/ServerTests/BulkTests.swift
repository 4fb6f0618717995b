import Foundation
import JSON
import TestSupport
import Testing

/// Bulk issuance over HTTP: a CSV job issues every valid row once in the background, reports each invalid row
/// with its column, survives a crash of the server mid-job, and refuses unreadable files as a whole.
@Suite("Bulk issuance")
struct BulkTests {
    @Test("a CSV job issues the valid rows, names the column of each invalid row, and only its submitter sees it")
    func csvJob() async throws {
        let server = try await ServerProcess.start()
        defer { server.cleanUp() }
        let admin = try #require(server.firstAdminToken)
        let issuer = try await server.createToken(role: "issuer")
        let otherIssuer = try await server.createToken(role: "issuer")
        let csv = [
            ServerProcess.bulkHeader, ServerProcess.bulkRow(given: "Anna"), ServerProcess.bulkRow(dose: "0"),
            ServerProcess.bulkRow(given: "Berta"), ServerProcess.bulkRow(dose: "two"), "Carla,Mustermann",
            ServerProcess.bulkRow(given: "Dora", dose: "1"),
        ].joined(separator: "\r\n")
        let submitted = try await server.submitBulk(csv, token: issuer, formats: "hc1,vds")
        #expect(submitted.status == 202, "\(submitted.status) \(ResponseJSON.text(submitted.body))")
        let id = try #require(try ResponseJSON.parse(submitted.body)["id"]?.stringValue)
        #expect(submitted.headers["location"] == "/api/v1/bulk/\(id)")

        let job = try await server.waitForBulkJob(id, token: issuer)
        #expect(job["totalRows"]?.integerValue == 6)
        #expect(job["issuedRows"]?.integerValue == 3)
        #expect(job["failedRows"]?.integerValue == 3)
        #expect(job["formats"] == ["hc1", "vds"])

        let rows = try ResponseJSON.parse(try await server.request("GET", "/api/v1/bulk/\(id)/rows", token: issuer).body).arrayValue ?? []
        #expect(rows.map { $0["row"]?.integerValue } == [1, 2, 3, 4, 5, 6])
        #expect(rows.map { $0["status"]?.stringValue } == ["issued", "failed", "issued", "failed", "failed", "issued"])
        #expect(rows[1]["error"]?["field"]?.stringValue == "dose", "dose 0: \(JSONSerializer.serializeToString(rows[1]))")
        #expect(rows[3]["error"]?["field"]?.stringValue == "dose", "dose two: \(JSONSerializer.serializeToString(rows[3]))")
        #expect(rows[4]["error"]?["code"]?.stringValue == "CSV_ROW_WIDTH")
        let failedOnly = try ResponseJSON.parse(try await server.request("GET", "/api/v1/bulk/\(id)/rows?status=failed", token: issuer).body)
        #expect(failedOnly.arrayValue?.map { $0["row"]?.integerValue } == [2, 4, 5])

        // Each issued row's certificate is there in both formats and verifies.
        for row in rows where row["status"]?.stringValue == "issued" {
            let certificateID = try #require(row["certificateId"]?.stringValue)
            let fetched = try await server.request("GET", "/api/v1/certificates/\(certificateID)", token: issuer)
            let certificate = try ServerProcess.certificate(from: fetched.body)
            #expect(Set(certificate.payloads.keys) == ["hc1", "vds"])
            for (format, payload) in certificate.payloads {
                #expect(try await server.verify(payload, token: issuer)["valid"]?.boolValue == true, "row \(row["row"] ?? .null) \(format)")
            }
        }

        // Another issuer does not see the job; an admin does.
        let foreign = try await server.request("GET", "/api/v1/bulk/\(id)", token: otherIssuer)
        ResponseJSON.expectProblem(foreign, status: 404, code: "BULK_JOB_NOT_FOUND", "another issuer's job")
        let foreignRows = try await server.request("GET", "/api/v1/bulk/\(id)/rows", token: otherIssuer)
        ResponseJSON.expectProblem(foreignRows, status: 404, code: "BULK_JOB_NOT_FOUND", "another issuer's job rows")
        #expect(try await server.request("GET", "/api/v1/bulk/\(id)", token: admin).status == 200)
    }

    @Test("unreadable files, unknown formats and oversized files are refused as a whole")
    func refusedFiles() async throws {
        let server = try await ServerProcess.start(["--max-bulk-bytes", "4096"])
        defer { server.cleanUp() }
        let admin = try #require(server.firstAdminToken)
        let cases: [(csv: String, formats: String, status: Int, code: String)] = [
            ("", "hc1", 400, "BULK_EMPTY"),
            (ServerProcess.bulkHeader + "\n", "hc1", 400, "BULK_EMPTY"),
            ("given_name,nickname\nAnna,Ann\n", "hc1", 400, "BULK_COLUMNS"),
            ("given_name,given_name\nAnna,Ann\n", "hc1", 400, "BULK_COLUMNS"),
            ("given_name\n\"Anna\n", "hc1", 400, "BULK_SYNTAX"),
            (ServerProcess.bulkCSV(rows: 1), "xyz", 400, "FORMATS_INVALID"),
            (ServerProcess.bulkCSV(rows: 1), "hc1,hc1", 400, "FORMATS_INVALID"),
            (ServerProcess.bulkCSV(rows: 30), "hc1", 413, "PAYLOAD_TOO_LARGE"),
        ]
        for (csv, formats, status, code) in cases {
            let answer = try await server.submitBulk(csv, token: admin, formats: formats)
            ResponseJSON.expectProblem(answer, status: status, code: code, "\(csv.prefix(40).debugDescription) with formats \(formats)")
        }
        let id = try await server.submitBulkJob(ServerProcess.bulkCSV(rows: 1), token: admin)
        let badStatus = try await server.request("GET", "/api/v1/bulk/\(id)/rows?status=bogus", token: admin)
        ResponseJSON.expectProblem(badStatus, status: 400, code: "STATUS_INVALID", "rows?status=bogus")
        let unknown = try await server.request("GET", "/api/v1/bulk/\(UUID().uuidString.lowercased())", token: admin)
        ResponseJSON.expectProblem(unknown, status: 404, code: "BULK_JOB_NOT_FOUND", "an unknown job")
    }

    @Test("a server stopped mid-job resumes after a restart and issues every row exactly once", arguments: ["SIGKILL", "SIGTERM"])
    func stoppedMidJob(signal: String) async throws {
        let first = try await ServerProcess.start()
        defer { first.cleanUp() }
        let admin = try #require(first.firstAdminToken)
        let total = 400
        let id = try await first.submitBulkJob(ServerProcess.bulkCSV(rows: total), token: admin)

        // Stop it once some rows, not all, are issued: a crash, or a graceful shutdown between rows.
        var issuedAtKill = 0
        let deadline = ContinuousClock.now + .seconds(180)
        while issuedAtKill == 0 && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
            let job = try ResponseJSON.parse(try await first.request("GET", "/api/v1/bulk/\(id)", token: admin).body)
            issuedAtKill = Int(job["issuedRows"]?.integerValue ?? 0)
        }
        if signal == "SIGKILL" {
            await first.kill()
        } else {
            let exit = try await first.terminate(timeout: .seconds(30))
            #expect(exit == .init(status: 0, signalled: false), "SIGTERM during a bulk job: \(exit)")
        }
        try #require(issuedAtKill > 0 && issuedAtKill < total, "stopped with \(issuedAtKill) of \(total) rows issued")

        let second = try await first.restart()
        defer { second.cleanUp() }
        #expect(second.firstAdminToken == nil)
        let job = try await second.waitForBulkJob(id, token: admin)
        #expect(job["issuedRows"]?.integerValue == Int64(total), "\(JSONSerializer.serializeToString(job))")
        #expect(job["failedRows"]?.integerValue == 0)
        let rows = try ResponseJSON.parse(try await second.request("GET", "/api/v1/bulk/\(id)/rows", token: admin).body).arrayValue ?? []
        let certificateIDs = rows.compactMap { $0["certificateId"]?.stringValue }
        #expect(certificateIDs.count == total)
        #expect(Set(certificateIDs).count == total, "every row has its own certificate")

        // Exactly one certificate per row in the database: none was issued twice around the crash.
        let script = "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM certificates').fetchone()[0])"
        let database = second.dataDirectory.appendingPathComponent("dvc.sqlite").path
        let count = try await ServerProcess.detached { try ExternalProgram.python(["-c", script, database]) }
        #expect(count.status == 0, "\(count.standardError)")
        #expect(count.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == String(total))
    }

    @Test("certificates issued by a bulk job are counted in dvc_certificates_issued_total")
    func bulkIssuanceIsCounted() async throws {
        let server = try await ServerProcess.start()
        defer { server.cleanUp() }
        let admin = try #require(server.firstAdminToken)
        let id = try await server.submitBulkJob(ServerProcess.bulkCSV(rows: 3), token: admin, formats: "hc1,shc")
        _ = try await server.waitForBulkJob(id, token: admin)
        let metrics = String(decoding: try await server.request("GET", "/metrics", token: admin).body, as: UTF8.self)
        for format in ["hc1", "shc"] {
            let counted = metrics.contains(#"dvc_certificates_issued_total{format="\#(format)"} 3"#)
            let lines = metrics.split(separator: "\n").filter { $0.hasPrefix("dvc_certificates_issued_total") }
            #expect(counted, "\(format): 3 certificates issued by the job, metrics: \(lines)")
        }
    }
}
