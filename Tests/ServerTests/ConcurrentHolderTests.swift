import Foundation
import JSON
import Testing

/// Doses for one person recorded at the same moment (two devices, a retried upload): the holder is found or
/// created once, and every dose gets its certificate.
@Suite("Concurrent doses for one holder")
struct ConcurrentHolderTests {
    @Test("10 concurrent doses for a new holder identifier are all 201", arguments: ["SQLite", "PostgreSQL"])
    func concurrentDosesForANewHolder(store: String) async throws {
        let (server, database) = try await ServerProcess.start(store: store, [])
        defer {
            server.cleanUp()
            database?.drop()
        }
        let admin = try #require(server.firstAdminToken)
        let record = try SampleRecord.record { record in
            record["identifier"] = ["system": "https://example.org/health-id", "value": .string("H\(UInt32.random(in: 0...UInt32.max))")]
        }
        let body = Data(JSONSerializer.serialize(SampleRecord.vaccinationBody(record)))
        let answers = try await withThrowingTaskGroup(of: ServerProcess.HTTPAnswer.self) { group in
            for _ in 0..<10 {
                group.addTask { try await server.request("POST", "/api/v1/vaccinations", token: admin, body: body) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let failed = answers.filter { $0.status != 201 }
        #expect(
            failed.count == 0,
            "\(failed.count) of 10 not 201, e.g. \(failed.first.map { "\($0.status) \(ResponseJSON.text($0.body))" } ?? "")")
        // Afterwards the holder exists, and one more dose is recorded as usual.
        _ = try await server.issue(token: admin, record: record)
    }
}
