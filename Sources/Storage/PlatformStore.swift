import Foundation

/// The platform's storage, at the level of its domain: issuers and their keys, sites, API principals, and the
/// vaccinations, certificates and revocations they record. Two adapters implement it with the same schema
/// (`StorageSQLite` on GRDB, `StoragePostgres` on postgres-nio), and one conformance suite runs against both.
///
/// Rules every adapter keeps:
/// - Times are stored to the millisecond (a `Date` read back equals the one written, rounded down to a
///   millisecond).
/// - Every method is atomic: it stores all of its rows or none.
/// - A unique value already taken throws ``StorageError`` `STORAGE_DUPLICATE` naming the value's kind (never the
///   value); a missing row that an operation needs throws `STORAGE_NOT_FOUND`.
/// - Safe for concurrent use, also from several processes on one database (PostgreSQL).
/// - "Oldest first" orders by creation time, then by id (so rows created in the same millisecond come back in
///   the same order from every adapter).
public protocol PlatformStore: Sendable {
    /// Brings the schema to this build's version; a no-op when it is there. Safe when several processes start
    /// at once.
    func migrate() async throws

    // MARK: Issuers and keys

    /// Stores a new issuer.
    func insert(_ issuer: Issuer) async throws
    /// Every issuer, oldest first.
    func issuers() async throws -> [Issuer]
    /// First start: stores `issuer` and its `keys` unless an issuer exists, in one step that replicas starting
    /// together cannot both take. Returns the issuer to use (the oldest, which is `issuer` if it was stored).
    func insertFirstIssuer(_ issuer: Issuer, keys: [SigningKey]) async throws -> Issuer
    /// Stores a new signing key; an active DSC while the issuer has one is `STORAGE_DUPLICATE`.
    func insert(_ key: SigningKey) async throws
    /// An issuer's keys (active and retired), oldest first.
    func signingKeys(issuerID: UUID) async throws -> [SigningKey]
    /// Key rotation in one step: the issuer's active DSC (if any) becomes retired and `newKey` (an active DSC)
    /// is stored.
    func rotate(issuerID: UUID, to newKey: SigningKey) async throws

    // MARK: Sites and principals

    /// Stores a new site; a code its issuer already uses is `STORAGE_DUPLICATE`.
    func insert(_ site: Site) async throws
    /// An issuer's sites, by code.
    func sites(issuerID: UUID) async throws -> [Site]
    /// Stores a new principal; a token id in use is `STORAGE_DUPLICATE`.
    func insert(_ principal: Principal) async throws
    /// First start: stores `principal` only if no principal exists (one first admin, also with replicas);
    /// returns whether it was stored.
    func insertFirstPrincipal(_ principal: Principal) async throws -> Bool
    /// The principal with this token id, if any (disabled ones included: the caller checks `disabledAt`).
    func principal(tokenID: String) async throws -> Principal?
    /// How many principals exist (0 before the first admin token).
    func principalCount() async throws -> Int

    // MARK: Vaccinations and certificates

    /// Stores a recorded dose and its certificate in one transaction.
    ///
    /// - With an idempotency key the principal used before: for the same request hash nothing is stored and the
    ///   result is ``IssuanceOutcome/replayed(_:)``; for another hash, `STORAGE_CONFLICT`.
    /// - A payload identifier taken in its format, or an event that has a certificate: `STORAGE_DUPLICATE`, and
    ///   nothing is stored.
    /// - The holder is inserted unless one with its id or its lookup hash exists; the event then belongs to that
    ///   holder (two doses of one new person recorded at once make one holder).
    func record(_ issuance: Issuance) async throws -> IssuanceOutcome
    /// A holder by pseudonymous id.
    func holder(id: UUID) async throws -> Holder?
    /// A holder by lookup hash.
    func holder(lookupHash: [UInt8]) async throws -> Holder?
    /// A vaccination event.
    func event(id: UUID) async throws -> VaccinationEvent?
    /// A certificate with its payloads and revocation.
    func certificate(id: UUID) async throws -> StoredCertificate?
    /// The certificate holding `identifier` in `format`, if any.
    func certificate(format: CertificatePayload.Format, identifier: String) async throws -> StoredCertificate?
    /// How many certificates exist.
    func certificateCount() async throws -> Int

    // MARK: Revocation

    /// Revokes a certificate: `STORAGE_NOT_FOUND` when it does not exist, `STORAGE_CONFLICT` when it is revoked.
    func revoke(_ revocation: Revocation) async throws
    /// Every revocation, oldest first.
    func revocations() async throws -> [Revocation]

    // MARK: Bulk issuance

    /// Stores a job and its rows (all pending, or failed with their error).
    func createBulkJob(_ job: BulkJob, rows: [BulkRow]) async throws
    /// A job with its current counts.
    func bulkJob(id: UUID) async throws -> BulkJob?
    /// Jobs with pending rows, oldest first (a restarted server resumes them).
    func unfinishedBulkJobs() async throws -> [BulkJob]
    /// Up to `limit` pending rows of a job, in row order.
    func pendingBulkRows(jobID: UUID, limit: Int) async throws -> [BulkRow]
    /// A job's rows, in row order, optionally only those with `status`.
    func bulkRows(jobID: UUID, status: BulkRow.Status?) async throws -> [BulkRow]
    /// In one transaction: stores `issuance` as ``record(_:)`` does, marks the row issued with the certificate,
    /// and counts it in the job (done when no row is pending). A row that is not pending any more is
    /// `STORAGE_CONFLICT` and nothing is stored: each row is issued once, also when two workers race or a worker
    /// is killed and restarted.
    func completeBulkRow(jobID: UUID, number: Int, with issuance: Issuance, at time: Date) async throws
    /// Marks a pending row failed with its error and counts it in the job; `STORAGE_CONFLICT` if it is not pending.
    func failBulkRow(jobID: UUID, number: Int, code: String, field: String?, at time: Date) async throws

    // MARK: Devices and telemetry (docs/TELEMETRY.md)

    /// Stores a new device and, if given, its first placement; an id in use is `STORAGE_DUPLICATE`.
    func insert(_ device: Device, placement: DevicePlacement?) async throws
    /// A device by id (disabled ones included).
    func device(id: String) async throws -> Device?
    /// Every device, by id.
    func devices() async throws -> [Device]
    /// Disables a device from `time` on: `STORAGE_NOT_FOUND` when it does not exist, `STORAGE_CONFLICT` when it is
    /// disabled.
    func disableDevice(id: String, at time: Date) async throws
    /// Places a device at a location from `placement.since` on: `STORAGE_NOT_FOUND` for an unknown device,
    /// `STORAGE_DUPLICATE` when the device has a placement at that same time.
    func place(_ placement: DevicePlacement) async throws
    /// A device's placements, oldest first.
    func placements(deviceID: String) async throws -> [DevicePlacement]
    /// The whole placement history of every device that was ever placed at one of `locations`, ordered by device
    /// id, then time (so each placement's end is the next one's start).
    func placements(atAnyOf locations: [String]) async throws -> [DevicePlacement]
    /// Stores a verified batch atomically with the device's monitor state:
    /// - the device has `batch.sequence` with the same digest: ``TelemetryStoreOutcome/duplicate``, with another
    ///   digest: ``TelemetryStoreOutcome/conflictingDigest``; nothing is stored;
    /// - otherwise the batch is inserted with the state and excursions `update` made from the device's current
    ///   monitor state (nil before the first); each excursion replaces the one with the same device, kind and start.
    ///   Concurrent calls for one device are serialised, also across processes.
    ///
    /// `update` must be a pure function of its argument: a store may call it with the state it expects before it
    /// knows whether that state is still current (or the batch a duplicate), and again with the state it found;
    /// only the result for the stored state is kept.
    ///
    /// An unknown device is `STORAGE_NOT_FOUND`.
    func storeTelemetry(
        _ batch: StoredTelemetryBatch, update: @escaping @Sendable (DeviceMonitorState?) throws -> DeviceMonitorUpdate
    ) async throws -> TelemetryStoreOutcome
    /// A device's batches with a sequence above `afterSequence` (all when nil), by sequence, at most `limit`.
    func telemetryBatches(deviceID: String, afterSequence: UInt64?, limit: Int) async throws -> [StoredTelemetryBatch]
    /// The `count` highest sequence numbers a device has stored, with their digests, highest first (the replay
    /// window of the admission rules).
    func telemetryWindow(deviceID: String, count: Int) async throws -> [(sequence: UInt64, digest: [UInt8])]
    /// A device's monitor state, if a batch was stored.
    func monitorState(deviceID: String) async throws -> DeviceMonitorState?
    /// Replaces a device's monitor state and all of its excursions (after recomputing them from its batches).
    func replaceMonitor(_ update: DeviceMonitorUpdate) async throws
    /// The excursions of `deviceIDs` that overlap `[from, to]` (start at or before `to`, end at or after `from`),
    /// ordered by device id, then start.
    func excursions(deviceIDs: [String], from: Date, to: Date) async throws -> [StoredExcursion]

    // MARK: Lots and EPCIS (docs/GS1-EPCIS.md)

    /// Stores a lot, or fills in the expiry and product code of a stored one where they are nil (a known value is
    /// never overwritten).
    func upsert(_ lot: Lot) async throws
    /// A lot by GTIN and lot number.
    func lot(gtin: String, lot: String) async throws -> Lot?
    /// Every lot with this lot number (any GTIN), by GTIN.
    func lots(lotNumber: String) async throws -> [Lot]
    /// Stores captured EPCIS events with the custody entries and lots they name, in one transaction. An event
    /// whose hash is stored is skipped with its custody entries (capturing a document twice stores it once).
    /// Returns how many events were new.
    func capture(events: [StoredEPCISEvent], custody: [LotCustodyEntry], lots: [Lot]) async throws -> Int
    /// An event by hash.
    func epcisEvent(hash: String) async throws -> StoredEPCISEvent?
    /// Events matching `query`, by event time, then hash.
    func epcisEvents(_ query: EPCISEventQuery) async throws -> [StoredEPCISEvent]
    /// A lot's custody entries, by time, then event hash.
    func custody(gtin: String, lot: String) async throws -> [LotCustodyEntry]
    /// Appends to a lot's history (the lot need not be stored).
    func append(_ event: LotEvent) async throws
    /// A lot's history, oldest first.
    func lotEvents(gtin: String, lot: String) async throws -> [LotEvent]
    /// Every vaccination recorded with this lot number, oldest first, with its certificate.
    func vaccinations(lotNumber: String) async throws -> [LotVaccination]

    // MARK: Transparency log (docs/STORAGE.md)

    /// Moves up to `limit` queued log entries (`log_queue`, written in the transaction of each fact) into
    /// `log_leaves`, after the last leaf, in queue order, and returns the new leaves by index. Replicas take
    /// turns (PostgreSQL: a transaction-level advisory lock; SQLite: the write transaction), so indices are dense
    /// and every entry becomes one leaf. A queued entry that is not a log entry encoding is `STORAGE_CORRUPT`.
    func integrateLogQueue(limit: Int) async throws -> [LogLeaf]
    /// The leaves with an index in `start..<end`, by index (fewer when the log is shorter).
    func logLeaves(from start: Int, to end: Int) async throws -> [LogLeaf]
    /// The indices of the leaves whose entry has this content hash, ascending.
    func logLeafIndices(contentHash: [UInt8]) async throws -> [Int]
    /// The number of leaves.
    func logSize() async throws -> Int
    /// The number of queued entries not yet in the log.
    func logQueueCount() async throws -> Int
    /// Stores a signed tree head; a size that has one is `STORAGE_DUPLICATE`.
    func insert(_ treeHead: StoredTreeHead) async throws
    /// Every stored tree head, by size.
    func treeHeads() async throws -> [StoredTreeHead]
    /// The stored tree head of `size`, or the latest (largest) when `size` is nil.
    func treeHead(size: Int?) async throws -> StoredTreeHead?
    /// First start of the log: stores `key` unless a log key exists, in one step replicas cannot both take;
    /// returns the key to use (the oldest, which is `key` if it was stored).
    func insertFirstLogKey(_ key: LogSigningKey) async throws -> LogSigningKey
    /// Every log key, oldest first.
    func logSigningKeys() async throws -> [LogSigningKey]

    // MARK: Key compromise

    /// Marks a signing key compromised: `STORAGE_NOT_FOUND` for an unknown key, `STORAGE_DUPLICATE` when it is
    /// marked already.
    func insert(_ compromise: KeyCompromise) async throws
    /// Every compromised key, oldest mark first.
    func keyCompromises() async throws -> [KeyCompromise]
    /// The ids of the certificates with a payload signed by the key, oldest first.
    func certificateIDs(signedBy signingKeyID: UUID) async throws -> [UUID]

    // MARK: Suspension

    /// Suspends a certificate until a time: `STORAGE_NOT_FOUND` when it does not exist, `STORAGE_CONFLICT` when it is
    /// revoked or suspended already.
    func suspend(_ suspension: Suspension) async throws
    /// Every suspension (ended ones too), oldest first.
    func suspensions() async throws -> [Suspension]
}
