import Foundation
import JSON
import Testing

/// The server logs requests, never the people in them: with `--log-level trace`, a whole certificate's life (and a
/// bulk job) leaves no name, identifier, birth date, certificate id, payload or repeated token in its output.
@Suite("No personal data in logs")
struct PersonalDataLogTests {
    @Test(
        "trace logs of issuing, verifying, fetching and bulk jobs hold no name, identifier or birth date",
        arguments: ["SQLite", "PostgreSQL"])
    func traceLogsHoldNoPersonalData(store: String) async throws {
        let (server, database) = try await ServerProcess.start(store: store, ["--log-level", "trace"])
        defer {
            server.cleanUp()
            database?.drop()
        }
        let admin = try #require(server.firstAdminToken)
        let given = "Zqxjkvtestperson"
        let family = "Wuvbqtestfamily"
        let identifier = "PZQX123456"
        let birthDate = "1937-03-29"
        let record = try SampleRecord.record { record in
            record["name"] = ["given": .string(given), "family": .string(family)]
            record["birthDate"] = .string(birthDate)
            record["identifier"] = ["system": "https://example.org/passport", "value": .string(identifier)]
        }
        let certificate = try await server.issue(token: admin, record: record, formats: ["hc1", "shc", "vds", "vc"])
        for (format, payload) in certificate.payloads {
            let result = try await server.verify(payload, token: admin)
            #expect(result["valid"]?.boolValue == true, "\(format)")
            #expect(
                result["credential"]?["name"]?["given"]?.stringValue?.uppercased() == given.uppercased(),
                "\(format): the response does carry the name")
        }
        let fetched = try await server.request("GET", "/api/v1/certificates/\(certificate.id)", token: admin)
        #expect(fetched.status == 200)
        let qr = try await server.request("GET", "/api/v1/certificates/\(certificate.id)/qr?format=vds&image=svg", token: admin)
        #expect(qr.status == 200)
        // A refused record with the same person: errors must not echo it either.
        let invalid = try SampleRecord.record { record in
            record["name"] = ["given": .string(given), "family": .string(family)]
            record["identifier"] = ["value": .string(identifier)]
            SampleRecord.changingVaccination { $0["dose"] = .integer(0) }(&record)
        }
        let refused = try await server.request("POST", "/api/v1/vaccinations", token: admin, json: SampleRecord.vaccinationBody(invalid))
        #expect(refused.status == 400)
        #expect(!ResponseJSON.text(refused.body, limit: .max).lowercased().contains(given.lowercased()))
        // The same person through a bulk job (one valid row, one refused).
        let csv = [ServerProcess.bulkHeader, ServerProcess.bulkRow(given: given), ServerProcess.bulkRow(given: given, dose: "0")]
        let job = try await server.submitBulkJob(csv.joined(separator: "\n"), token: admin, formats: "hc1,vds")
        let done = try await server.waitForBulkJob(job, token: admin)
        #expect(done["issuedRows"]?.integerValue == 1 && done["failedRows"]?.integerValue == 1)

        let exit = try await server.terminate()
        #expect(exit == .init(status: 0, signalled: false))
        // The first admin token is printed once, on purpose; everything else must be free of secrets.
        let stdout = server.standardOutput.split(separator: "\n").filter { !$0.hasPrefix("First admin token") }
        let log = stdout.joined(separator: "\n") + "\n" + server.standardError
        #expect(log.contains("request"), "the request log was collected: \(log.suffix(300))")
        #expect(log.contains(" trace "), "trace messages were logged")
        // Case-insensitive: VDS-NC transliterates names to upper case.
        let lowered = log.lowercased()
        for secret in [given, family, identifier, birthDate, birthDate.replacingOccurrences(of: "-", with: "")] {
            #expect(!lowered.contains(secret.lowercased()), "the server output holds \(secret)")
        }
        #expect(!log.contains(admin), "the server output repeats the admin token after its first display")
        // docs/API.md: no ids from paths and no payloads either.
        #expect(!lowered.contains(certificate.id.lowercased()), "the server output holds the certificate id")
        for (format, payload) in certificate.payloads {
            #expect(!log.contains(String(payload.suffix(40))), "the server output holds the \(format) payload")
        }
    }
}
