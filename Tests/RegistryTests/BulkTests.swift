import Foundation
import Issuance
import Registry
import Storage
import Testing

/// Bulk issuance from CSV: rows issued once each, errors per row with the column, resumable.
@Suite("Bulk issuance from CSV")
struct BulkTests {
    static let header = "given_name,family_name,birth_date,disease_system,disease_code,vaccine_system,vaccine_code,brand_system,brand_code,manufacturer_system,manufacturer_code,lot,date,dose,total_doses,country\n"
    static func line(_ index: Int, dose: String = "1", date: String = "2021-06-01") -> String {
        "\"Erika \(index)\",\"Muster, mann\",1964-08-12,http://snomed.info/sct,840539006,http://snomed.info/sct,1119349007,https://ec.europa.eu/health/documents/community-register/html/,EU/1/20/1528,https://spor.ema.europa.eu/v1/organisations,ORG-100030215,LOT\(index),\(date),\(dose),2,DE\n"
    }

    @Test func rowsAreIssuedOnceAndBadRowsNameTheirColumn() async throws {
        try await RegistryTests.withRegistry { registry, token, _, _ in
            let principal = try #require(try await registry.authenticate(bearer: token.text))
            let csv = Self.header + Self.line(1) + Self.line(2, dose: "two") + Self.line(3, date: "2021-13-40") + Self.line(4) + "\r\n"
            let job = try await registry.submitBulk(csv: Array(csv.utf8), formats: [.hc1, .vc], by: principal)
            #expect(job.totalRows == 4 && job.failedRows == 2 && job.status == .running)
            // Two passes of one row each, then the rest: the job resumes where it stopped.
            #expect(try await registry.processBulk(limit: 1) == 1)
            #expect(try await registry.bulkJob(id: job.id)?.issuedRows == 1)
            #expect(try await registry.processBulk(limit: 10) == 1)
            #expect(try await registry.processBulk(limit: 10) == 0)
            let done = try #require(try await registry.bulkJob(id: job.id))
            #expect(done.status == .done && done.issuedRows == 2 && done.failedRows == 2)
            let rows = try await registry.bulkRows(jobID: job.id, status: nil)
            #expect(rows.map(\.status) == [.issued, .failed, .failed, .issued])
            #expect(rows[1].errorField == "dose" && rows[2].errorField == "date")
            for row in rows where row.status == .issued {
                let id = try #require(row.certificateID)
                let certificate = try #require(try await registry.certificate(id: id))
                #expect(certificate.payloads.map(\.format) == [.hc1, .vc])
                for payload in certificate.payloads {
                    let result = registry.verify(payload.text)
                    #expect(result.isValid, "\(result.errors.map(\.code))")
                    #expect(result.credential?.name.family == "Muster, mann")
                }
            }
            #expect(try await registry.store.certificateCount() == 2)
        }
    }

    @Test func unreadableFilesAreRefusedAsAWhole() async throws {
        try await RegistryTests.withRegistry { registry, token, _, _ in
            let principal = try #require(try await registry.authenticate(bearer: token.text))
            let cases: [(String, String)] = [
                ("", "BULK_EMPTY"), (Self.header, "BULK_EMPTY"), ("given_name,colour\nA,red\n", "BULK_COLUMNS"),
                ("given_name,given_name\nA,B\n", "BULK_COLUMNS"), (Self.header + "\"unterminated", "BULK_SYNTAX"),
                (Self.header + "a\"b,c\n", "BULK_SYNTAX"),
            ]
            for (text, code) in cases {
                await #expect {
                    _ = try await registry.submitBulk(csv: Array(text.utf8), formats: [.hc1], by: principal)
                } throws: { ($0 as? BulkInputError)?.code == code }
            }
            #expect(try await registry.store.unfinishedBulkJobs().isEmpty)
        }
    }
}
