import Foundation
import PostgresNIO
import Storage

extension PostgresStore {
    /// Stores a job and its rows.
    public func createBulkJob(_ job: BulkJob, rows: [BulkRow]) async throws {
        let logger = self.logger
        try await transaction { connection in
            try await connection.query(
                """
                INSERT INTO bulk_jobs (id, principal_id, kind, formats, status, total_rows, issued_rows, failed_rows,
                                       created_at, updated_at)
                VALUES (\(job.id), \(job.principalID), \(job.kind.rawValue), \(job.formats.map(\.rawValue).joined(separator: ",")),
                        \(job.status.rawValue), \(job.totalRows), \(job.issuedRows), \(job.failedRows),
                        \(PostgresCoding.milliseconds(job.createdAt)), \(PostgresCoding.milliseconds(job.updatedAt)))
                """, logger: logger)
            for row in rows {
                try await connection.query(
                    """
                    INSERT INTO bulk_rows (job_id, row_number, status, sealed_input, certificate_id, error_code, error_field)
                    VALUES (\(row.jobID), \(row.number), \(row.status.rawValue), \(PostgresCoding.buffer(row.sealedInput)),
                            \(row.certificateID), \(row.errorCode), \(row.errorField))
                    """, logger: logger)
            }
        }
    }

    /// A job with its current counts.
    public func bulkJob(id: UUID) async throws -> BulkJob? {
        try await jobs("WHERE id = \(id)").first
    }

    /// Jobs with pending rows, oldest first.
    public func unfinishedBulkJobs() async throws -> [BulkJob] {
        try await jobs("WHERE status = 'running' ORDER BY created_at, id")
    }

    /// Up to `limit` pending rows, in row order.
    public func pendingBulkRows(jobID: UUID, limit: Int) async throws -> [BulkRow] {
        try await bulkRows(
            rows("""
                SELECT job_id, row_number, status, sealed_input, certificate_id, error_code, error_field FROM bulk_rows
                WHERE job_id = \(jobID) AND status = 'pending' ORDER BY row_number LIMIT \(max(0, limit))
                """))
    }

    /// A job's rows, in row order.
    public func bulkRows(jobID: UUID, status: BulkRow.Status?) async throws -> [BulkRow] {
        try await bulkRows(
            rows("""
                SELECT job_id, row_number, status, sealed_input, certificate_id, error_code, error_field FROM bulk_rows
                WHERE job_id = \(jobID) AND (\(status?.rawValue)::text IS NULL OR status = \(status?.rawValue))
                ORDER BY row_number
                """))
    }

    /// Records the row's issuance, marks it issued and counts it, in one transaction. The row is locked first
    /// (`FOR UPDATE`), so two workers on one row: one issues, the other finds it issued (`STORAGE_CONFLICT`).
    public func completeBulkRow(jobID: UUID, number: Int, with issuance: Issuance, at time: Date) async throws {
        let logger = self.logger
        try await transaction { connection in
            try await Self.claim(jobID: jobID, number: number, connection: connection, logger: logger)
            try await Self.insertRows(of: issuance, connection: connection, logger: logger)
            try await connection.query(
                """
                UPDATE bulk_rows SET status = 'issued', certificate_id = \(issuance.certificate.id)
                WHERE job_id = \(jobID) AND row_number = \(number)
                """, logger: logger)
            try await Self.count(jobID: jobID, issued: true, at: time, connection: connection, logger: logger)
        }
    }

    /// Marks a pending row failed and counts it.
    public func failBulkRow(jobID: UUID, number: Int, code: String, field: String?, at time: Date) async throws {
        let logger = self.logger
        try await transaction { connection in
            try await Self.claim(jobID: jobID, number: number, connection: connection, logger: logger)
            try await connection.query(
                """
                UPDATE bulk_rows SET status = 'failed', error_code = \(code), error_field = \(field)
                WHERE job_id = \(jobID) AND row_number = \(number)
                """, logger: logger)
            try await Self.count(jobID: jobID, issued: false, at: time, connection: connection, logger: logger)
        }
    }

    private static func claim(jobID: UUID, number: Int, connection: PostgresConnection, logger: Logger) async throws {
        let rows = try await connection.query(
            "SELECT status FROM bulk_rows WHERE job_id = \(jobID) AND row_number = \(number) FOR UPDATE", logger: logger
        ).collect()
        guard let row = rows.first else {
            throw StorageError(.notFound, "bulk_rows: no row for the job and row_number")
        }
        let status = try row.decode(String.self)
        guard status == BulkRow.Status.pending.rawValue else {
            throw StorageError(.conflict, "bulk_rows: expected the row to be pending, found it \(status)")
        }
    }

    private static func count(jobID: UUID, issued: Bool, at time: Date, connection: PostgresConnection, logger: Logger) async throws {
        let issuedStep = issued ? 1 : 0
        let failedStep = issued ? 0 : 1
        try await connection.query(
            """
            UPDATE bulk_jobs SET issued_rows = issued_rows + \(issuedStep), failed_rows = failed_rows + \(failedStep),
                updated_at = \(PostgresCoding.milliseconds(time)),
                status = CASE WHEN EXISTS (SELECT 1 FROM bulk_rows WHERE job_id = \(jobID) AND status = 'pending')
                         THEN 'running' ELSE 'done' END
            WHERE id = \(jobID)
            """, logger: logger)
    }

    private func jobs(_ condition: PostgresQuery) async throws -> [BulkJob] {
        var query: PostgresQuery = """
            SELECT id, principal_id, kind, formats, status, total_rows, issued_rows, failed_rows, created_at, updated_at
            FROM bulk_jobs
            """
        query.sql += " " + condition.sql
        query.binds = condition.binds
        let rows = try await rows(query)
        return try decoding {
            try rows.map { row in
                let (id, principalID, kind, formats, status, total, issued, failed, created, updated) = try row.decode(
                    (UUID, UUID, String, String, String, Int, Int, Int, Int64, Int64).self)
                return BulkJob(
                    id: id, principalID: principalID, kind: try PostgresCoding.value(kind, of: BulkJob.Kind.self, column: "bulk_jobs.kind"),
                    formats: try formats.split(separator: ",").map {
                        try PostgresCoding.value(String($0), of: CertificatePayload.Format.self, column: "bulk_jobs.formats")
                    },
                    status: try PostgresCoding.value(status, of: BulkJob.Status.self, column: "bulk_jobs.status"),
                    totalRows: total, issuedRows: issued, failedRows: failed, createdAt: PostgresCoding.date(created),
                    updatedAt: PostgresCoding.date(updated))
            }
        }
    }

    private func bulkRows(_ rows: [PostgresRow]) throws -> [BulkRow] {
        try decoding {
            try rows.map { row in
                let (jobID, number, status, input, certificateID, errorCode, errorField) = try row.decode(
                    (UUID, Int, String, ByteBuffer, UUID?, String?, String?).self)
                return BulkRow(
                    jobID: jobID, number: number, status: try PostgresCoding.value(status, of: BulkRow.Status.self, column: "bulk_rows.status"),
                    sealedInput: PostgresCoding.bytes(input), certificateID: certificateID, errorCode: errorCode, errorField: errorField)
            }
        }
    }
}
