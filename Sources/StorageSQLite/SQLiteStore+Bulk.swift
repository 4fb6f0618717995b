import Foundation
import GRDB
import Storage

extension SQLiteStore {
    static let bulkJobColumns =
        "id, principal_id, kind, formats, status, total_rows, issued_rows, failed_rows, created_at, updated_at"
    static let bulkRowColumns = "job_id, row_number, status, sealed_input, certificate_id, error_code, error_field"

    /// Stores a job and its rows.
    public func createBulkJob(_ job: BulkJob, rows: [BulkRow]) async throws {
        try await write("inserting into bulk_jobs and bulk_rows") { db in
            try db.execute(
                sql: "INSERT INTO bulk_jobs (\(Self.bulkJobColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    SQLiteValues.text(job.id), SQLiteValues.text(job.principalID), job.kind.rawValue,
                    job.formats.map(\.rawValue).joined(separator: ","), job.status.rawValue, job.totalRows, job.issuedRows,
                    job.failedRows, SQLiteValues.milliseconds(job.createdAt), SQLiteValues.milliseconds(job.updatedAt),
                ])
            let statement = try db.makeStatement(sql: "INSERT INTO bulk_rows (\(Self.bulkRowColumns)) VALUES (?, ?, ?, ?, ?, ?, ?)")
            for row in rows {
                try statement.execute(arguments: [
                    SQLiteValues.text(row.jobID), row.number, row.status.rawValue, SQLiteValues.blob(row.sealedInput),
                    SQLiteValues.optionalText(row.certificateID), row.errorCode, row.errorField,
                ])
            }
        }
    }

    /// A job with its current counts.
    public func bulkJob(id: UUID) async throws -> BulkJob? {
        try await read("reading bulk_jobs") { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.bulkJobColumns) FROM bulk_jobs WHERE id = ?", arguments: [SQLiteValues.text(id)])
                .map(Self.bulkJob)
        }
    }

    /// Jobs with pending rows, oldest first.
    public func unfinishedBulkJobs() async throws -> [BulkJob] {
        try await read("reading bulk_jobs") { db in
            try Row.fetchAll(
                db, sql: "SELECT \(Self.bulkJobColumns) FROM bulk_jobs WHERE status = 'running' ORDER BY created_at, id"
            ).map(Self.bulkJob)
        }
    }

    /// Up to `limit` pending rows, in row order.
    public func pendingBulkRows(jobID: UUID, limit: Int) async throws -> [BulkRow] {
        try await read("reading bulk_rows") { db in
            try Row.fetchAll(
                db,
                sql: "SELECT \(Self.bulkRowColumns) FROM bulk_rows WHERE job_id = ? AND status = 'pending' ORDER BY row_number LIMIT ?",
                arguments: [SQLiteValues.text(jobID), max(0, limit)]
            ).map(Self.bulkRow)
        }
    }

    /// A job's rows, in row order.
    public func bulkRows(jobID: UUID, status: BulkRow.Status?) async throws -> [BulkRow] {
        try await read("reading bulk_rows") { db in
            try Row.fetchAll(
                db,
                sql: "SELECT \(Self.bulkRowColumns) FROM bulk_rows WHERE job_id = ? AND (? IS NULL OR status = ?) ORDER BY row_number",
                arguments: [SQLiteValues.text(jobID), status?.rawValue, status?.rawValue]
            ).map(Self.bulkRow)
        }
    }

    /// Records the row's issuance, marks it issued and counts it, in one transaction.
    public func completeBulkRow(jobID: UUID, number: Int, with issuance: Issuance, at time: Date) async throws {
        try await write("completing a bulk row") { db in
            try Self.claim(jobID: jobID, number: number, db)
            try Self.insertRows(of: issuance, db)
            try db.execute(
                sql: "UPDATE bulk_rows SET status = 'issued', certificate_id = ? WHERE job_id = ? AND row_number = ?",
                arguments: [SQLiteValues.text(issuance.certificate.id), SQLiteValues.text(jobID), number])
            try Self.count(jobID: jobID, column: "issued_rows", at: time, db)
        }
    }

    /// Marks a pending row failed and counts it.
    public func failBulkRow(jobID: UUID, number: Int, code: String, field: String?, at time: Date) async throws {
        try await write("failing a bulk row") { db in
            try Self.claim(jobID: jobID, number: number, db)
            try db.execute(
                sql: "UPDATE bulk_rows SET status = 'failed', error_code = ?, error_field = ? WHERE job_id = ? AND row_number = ?",
                arguments: [code, field, SQLiteValues.text(jobID), number])
            try Self.count(jobID: jobID, column: "failed_rows", at: time, db)
        }
    }

    /// Checks, inside the write transaction, that the row exists and is pending.
    private static func claim(jobID: UUID, number: Int, _ db: Database) throws {
        let status = try String.fetchOne(
            db, sql: "SELECT status FROM bulk_rows WHERE job_id = ? AND row_number = ?", arguments: [SQLiteValues.text(jobID), number])
        guard let status else { throw StorageError(.notFound, "expected a row in bulk_rows for the job and row_number; found none") }
        guard status == BulkRow.Status.pending.rawValue else {
            throw StorageError(.conflict, "expected the bulk row to be pending; found it \(status)")
        }
    }

    /// Adds one to a job's counter and marks the job done when no row is pending.
    private static func count(jobID: UUID, column: String, at time: Date, _ db: Database) throws {
        let id = SQLiteValues.text(jobID)
        try db.execute(
            sql: """
                UPDATE bulk_jobs SET \(column) = \(column) + 1, updated_at = ?,
                    status = CASE WHEN EXISTS (SELECT 1 FROM bulk_rows WHERE job_id = ? AND status = 'pending')
                             THEN 'running' ELSE 'done' END
                WHERE id = ?
                """,
            arguments: [SQLiteValues.milliseconds(time), id, id])
    }

    static func bulkJob(_ row: Row) throws -> BulkJob {
        let reader = SQLiteRowReader(row: row, table: "bulk_jobs")
        let formats = try reader.string("formats").split(separator: ",").map { name in
            guard let format = CertificatePayload.Format(rawValue: String(name)) else {
                throw StorageError(.corrupt, "expected bulk_jobs.formats to list hc1, shc, vds or vc; found another value")
            }
            return format
        }
        return BulkJob(
            id: try reader.uuid("id"), principalID: try reader.uuid("principal_id"), kind: try reader.enumeration("kind", as: BulkJob.Kind.self),
            formats: formats, status: try reader.enumeration("status", as: BulkJob.Status.self), totalRows: try reader.int("total_rows"),
            issuedRows: try reader.int("issued_rows"), failedRows: try reader.int("failed_rows"),
            createdAt: try reader.date("created_at"), updatedAt: try reader.date("updated_at"))
    }

    static func bulkRow(_ row: Row) throws -> BulkRow {
        let reader = SQLiteRowReader(row: row, table: "bulk_rows")
        return BulkRow(
            jobID: try reader.uuid("job_id"), number: try reader.int("row_number"), status: try reader.enumeration("status", as: BulkRow.Status.self),
            sealedInput: try reader.bytes("sealed_input"), certificateID: try reader.optionalUUID("certificate_id"),
            errorCode: try reader.optionalString("error_code"), errorField: try reader.optionalString("error_field"))
    }
}
