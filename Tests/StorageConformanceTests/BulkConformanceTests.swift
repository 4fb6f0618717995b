import Foundation
import Storage
import Testing

/// Bulk jobs: every row issued or failed exactly once, with counts that follow.
@Suite("Storage conformance: bulk jobs")
struct BulkConformanceTests {
    static func rows(_ job: BulkJob, count: Int) -> [BulkRow] {
        (1...count).map { BulkRow(jobID: job.id, number: $0, sealedInput: Array("sealed row \($0)".utf8)) }
    }

    @Test(arguments: StorageBackend.allCases)
    func rowsAreIssuedOrFailedOnceAndTheJobFinishes(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            let (dsc, principal) = try await fixture.seed(store)
            let job = BulkJob(principalID: principal.id, kind: .csv, formats: [.hc1, .shc], totalRows: 3, createdAt: StoreFixture.now, updatedAt: StoreFixture.now)
            try await store.createBulkJob(job, rows: Self.rows(job, count: 3))
            var stored = try #require(try await store.bulkJob(id: job.id))
            #expect(stored.formats == [.hc1, .shc] && stored.status == .running && stored.totalRows == 3)
            #expect(try await store.unfinishedBulkJobs().map(\.id) == [job.id])
            #expect(try await store.pendingBulkRows(jobID: job.id, limit: 2).map(\.number) == [1, 2])

            let first = fixture.issuance(by: principal, signedWith: dsc, identifier: "row1")
            try await store.completeBulkRow(jobID: job.id, number: 1, with: first, at: StoreFixture.now)
            // A second completion of the row stores nothing.
            let again = fixture.issuance(by: principal, signedWith: dsc, identifier: "row1-again")
            await expectStorageError(.conflict) { try await store.completeBulkRow(jobID: job.id, number: 1, with: again, at: StoreFixture.now) }
            #expect(try await store.certificate(id: again.certificate.id) == nil)
            try await store.failBulkRow(jobID: job.id, number: 2, code: "RECORD_INVALID_FIELD", field: "dose", at: StoreFixture.now)
            await expectStorageError(.conflict) {
                try await store.failBulkRow(jobID: job.id, number: 1, code: "X", field: nil, at: StoreFixture.now)
            }
            stored = try #require(try await store.bulkJob(id: job.id))
            #expect(stored.issuedRows == 1 && stored.failedRows == 1 && stored.status == .running)
            try await store.completeBulkRow(
                jobID: job.id, number: 3, with: fixture.issuance(by: principal, signedWith: dsc, identifier: "row3"), at: StoreFixture.now.addingTimeInterval(1))
            stored = try #require(try await store.bulkJob(id: job.id))
            #expect(stored.issuedRows == 2 && stored.failedRows == 1 && stored.status == .done)
            #expect(stored.updatedAt == StoreFixture.nowInMilliseconds.addingTimeInterval(1))
            #expect(try await store.unfinishedBulkJobs().isEmpty)
            #expect(try await store.pendingBulkRows(jobID: job.id, limit: 10).isEmpty)

            let rows = try await store.bulkRows(jobID: job.id, status: nil)
            #expect(rows.map(\.status) == [.issued, .failed, .issued])
            #expect(rows[0].certificateID == first.certificate.id && rows[0].sealedInput == Array("sealed row 1".utf8))
            #expect(rows[1].errorCode == "RECORD_INVALID_FIELD" && rows[1].errorField == "dose" && rows[1].certificateID == nil)
            #expect(try await store.bulkRows(jobID: job.id, status: .failed).map(\.number) == [2])
            #expect(try await store.certificateCount() == 2)
            await expectStorageError(.notFound) {
                try await store.failBulkRow(jobID: job.id, number: 9, code: "X", field: nil, at: StoreFixture.now)
            }
        }
    }

    /// Workers racing for the same rows: every row issued once, never twice.
    @Test(arguments: StorageBackend.allCases)
    func racingWorkersIssueEachRowOnce(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            let (dsc, principal) = try await fixture.seed(store)
            let job = BulkJob(principalID: principal.id, kind: .fhir, formats: [.hc1], totalRows: 6, createdAt: StoreFixture.now, updatedAt: StoreFixture.now)
            try await store.createBulkJob(job, rows: Self.rows(job, count: 6))
            let completed = try await withThrowingTaskGroup(of: Int.self) { group in
                for worker in 0..<3 {
                    group.addTask {
                        var done = 0
                        for number in 1...6 {
                            let issuance = fixture.issuance(by: principal, signedWith: dsc, identifier: "w\(worker)-r\(number)", formats: [.hc1])
                            do {
                                try await store.completeBulkRow(jobID: job.id, number: number, with: issuance, at: StoreFixture.now)
                                done += 1
                            } catch let error as StorageError where error.errorCode == .conflict {}
                        }
                        return done
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(completed == 6)
            #expect(try await store.certificateCount() == 6)
            #expect(try await store.bulkJob(id: job.id)?.status == .done)
        }
    }
}
