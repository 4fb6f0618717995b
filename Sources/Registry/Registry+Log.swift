import Foundation
import Storage

extension Registry {
    /// Opens the transparency log over this registry's store: on the log's first start creates its ES256 key
    /// (sealed with the master key, as the issuer's keys are), then loads every stored leaf into memory.
    public func openTransparencyLog(now: Date = Date()) async throws -> TransparencyLogService {
        try await TransparencyLogService.open(store: store, sealer: sealer, now: now)
    }

    /// Audits the transparency log against this registry's store (``LogAudit``): every leaf re-derived from its
    /// source row (payloads unsealed with the master key), the tree recomputed, every signed tree head checked.
    public func auditLog() async throws -> LogAuditReport {
        try await LogAudit(store: store, sealer: sealer).run()
    }
}
