import CodedErrors
import Foundation
import Issuance
import JSON
import Storage
import VaccinationRecord

extension Registry {
    /// Stores a bulk job from CSV (``BulkCSV``): every row of `input` sealed as a pending row (rows that are no
    /// record are stored failed with their error). ``processBulk(limit:now:)`` issues the rows later, also after a
    /// restart.
    ///
    /// - Throws: ``BulkInputError`` for input that cannot be read as a whole, ``RegistryError`` `FORMATS_INVALID`.
    public func submitBulk(
        csv input: [UInt8], formats: [IssuanceFormat], by principal: Principal, now: Date = Date()
    ) async throws -> BulkJob {
        try Self.checkBulkFormats(formats)
        let rows = try BulkCSV.rows(input, defaultIssuer: issuer.name)
        guard !rows.isEmpty else { throw BulkInputError(.empty, "expected at least one row after the header, found none") }
        return try await storeBulkJob(rows, kind: .csv, formats: formats, by: principal, now: now)
    }

    /// Stores a bulk job from a FHIR Bundle (``BulkFHIR``): one row per Immunization, in entry order, sealed as
    /// pending (or stored failed with its code and FHIR path); issued like a CSV job.
    ///
    /// - Parameter country: the country of vaccination of Immunizations without the DDCC country extension
    ///   (default: the issuer's country).
    /// - Throws: ``BulkInputError`` for input that is no Bundle of Immunizations, ``RegistryError`` `FORMATS_INVALID`.
    public func submitBulk(
        fhir input: [UInt8], formats: [IssuanceFormat], country: String? = nil, by principal: Principal, now: Date = Date()
    ) async throws -> BulkJob {
        try Self.checkBulkFormats(formats)
        let rows = try BulkFHIR.rows(input, defaultIssuer: issuer.name, defaultCountry: country ?? issuer.country)
        return try await storeBulkJob(rows, kind: .fhir, formats: formats, by: principal, now: now)
    }

    private static func checkBulkFormats(_ formats: [IssuanceFormat]) throws {
        guard !formats.isEmpty, Set(formats).count == formats.count else {
            throw RegistryError(.formats, "expected one or more distinct formats, found \(formats.count) with repeats or none")
        }
    }

    /// Seals and stores the rows of a new job.
    private func storeBulkJob(
        _ rows: [BulkCSV.Row], kind: BulkJob.Kind, formats: [IssuanceFormat], by principal: Principal, now: Date
    ) async throws -> BulkJob {
        let job = BulkJob(
            principalID: principal.id, kind: kind, formats: formats.compactMap { CertificatePayload.Format(rawValue: $0.rawValue) },
            totalRows: rows.count, createdAt: now, updatedAt: now)
        var stored: [BulkRow] = []
        var failed = 0
        for (index, row) in rows.enumerated() {
            let number = index + 1
            switch row {
            case .record(let json):
                stored.append(
                    BulkRow(
                        jobID: job.id, number: number,
                        sealedInput: try sealer.seal(JSONSerializer.serialize(json), context: Self.bulkContext(job.id, number))))
            case .invalid(let code, let field, _):
                failed += 1
                stored.append(
                    BulkRow(jobID: job.id, number: number, status: .failed, sealedInput: try sealer.seal([], context: Self.bulkContext(job.id, number)),
                            errorCode: code, errorField: field))
            }
        }
        var counted = job
        counted.failedRows = failed
        counted.status = failed == rows.count ? .done : .running
        try await store.createBulkJob(counted, rows: stored)
        return counted
    }

    /// Issues up to `limit` pending rows of unfinished jobs, oldest job first.
    ///
    /// Each row is signed, then stored with its certificate in one transaction that also marks it issued; a row
    /// another worker (or an earlier run) finished is skipped. A row whose record a format cannot carry is marked
    /// failed with the error's code.
    /// - Returns: how many rows were issued or failed.
    @discardableResult
    public func processBulk(
        limit: Int = 32, now: Date = Date(), onIssued: @Sendable (IssuanceFormat) -> Void = { _ in }
    ) async throws -> Int {
        var processed = 0
        for job in try await store.unfinishedBulkJobs() where processed < limit {
            let formats = job.formats.compactMap { IssuanceFormat(rawValue: $0.rawValue) }
            for row in try await store.pendingBulkRows(jobID: job.id, limit: limit - processed) {
                try Task.checkCancellation()
                do {
                    let json = try JSONParser.parse(try sealer.open(row.sealedInput, context: Self.bulkContext(job.id, row.number)))
                    let record = try VaccinationRecord(json: json)
                    guard let vaccination = record.event.vaccination else {
                        throw RegistryError(.notAVaccination, "expected a vaccination event, found another")
                    }
                    // No override in bulk: a refused lot fails the row with the refusal's code.
                    if let refusal = try await lotRefusals(lotNumber: vaccination.lot, productCode: vaccination.brand.code, now: now).first {
                        throw refusal.error
                    }
                    let holder = try await holder(for: record, now: now)
                    let prepared = try prepareIssuance(
                        record, vaccination: vaccination, formats: formats, holder: holder, siteID: nil,
                        principalID: job.principalID, now: now)
                    try await store.completeBulkRow(jobID: job.id, number: row.number, with: prepared.issuance, at: now)
                    for payload in prepared.certificate.payloads { onIssued(payload.format) }
                } catch let error as StorageError where error.errorCode == .conflict {
                    // Finished by another worker meanwhile.
                } catch let error as StorageError {
                    throw error
                } catch let error as any CodedError {
                    try await store.failBulkRow(jobID: job.id, number: row.number, code: error.code, field: nil, at: now)
                }
                processed += 1
            }
        }
        return processed
    }

    /// Runs ``processBulk(limit:now:)`` until the task is cancelled, pausing `interval` when no row is pending.
    public func runBulkWorker(interval: Duration = .milliseconds(200), onIssued: @escaping @Sendable (IssuanceFormat) -> Void = { _ in }) async {
        while !Task.isCancelled {
            let processed = (try? await processBulk(onIssued: onIssued)) ?? 0
            if processed == 0 {
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// A job with its counts.
    public func bulkJob(id: UUID) async throws -> BulkJob? { try await store.bulkJob(id: id) }

    /// A job's rows (their inputs stay sealed).
    public func bulkRows(jobID: UUID, status: BulkRow.Status?) async throws -> [BulkRow] {
        try await store.bulkRows(jobID: jobID, status: status)
    }

    static func bulkContext(_ jobID: UUID, _ number: Int) -> String { "bulk:\(jobID.uuidString):\(number)" }
}
