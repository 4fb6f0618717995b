import Foundation
import Storage

extension Registry {
    /// What a recall found and did.
    public struct LotRecallResult: Sendable {
        /// Every vaccination recorded with the lot number, oldest first, with its certificate.
        public var vaccinations: [LotVaccination]
        /// The certificates this recall revoked (none when it only flags).
        public var revoked: [UUID]
        /// The lot's status after the recall.
        public var report: LotStatusReport
    }

    /// Recalls a lot (admin): records the recall in the lot's history (its status becomes `recalled`), lists every
    /// vaccination recorded with the lot number and its certificate and holder (pseudonymous ids), and with
    /// `revoke` revokes every certificate not yet revoked, with the recall's reason.
    ///
    /// Vaccination events keep the lot number, not the GTIN: every event with this lot number is listed.
    /// - Throws: `LOT_INVALID` for a bad GTIN or lot number, or a reason outside 1 to 200 characters.
    public func recall(
        gtin: String, lot: String, reason: String, revoke: Bool, by principal: Principal, now: Date = Date()
    ) async throws -> LotRecallResult {
        let identity = try Self.lotIdentity(gtin: gtin, lot: lot)
        guard (1...200).contains(reason.count) else {
            throw RegistryError(.lotInvalid, "expected a recall reason of 1 to 200 characters, found \(reason.count)")
        }
        try await store.append(
            LotEvent(
                gtin: identity.gtin, lot: identity.lot, kind: .recall, status: "recalled", reasonCode: "LOT_RECALLED",
                detail: reason, principalID: principal.id, createdAt: now))
        var vaccinations = try await store.vaccinations(lotNumber: identity.lot)
        var revoked: [UUID] = []
        if revoke {
            for index in vaccinations.indices {
                guard let certificateID = vaccinations[index].certificateID, !vaccinations[index].isRevoked else { continue }
                do {
                    try await self.revoke(certificateID: certificateID, reason: "lot recall: \(reason)", by: principal, now: now)
                    revoked.append(certificateID)
                    vaccinations[index].isRevoked = true
                } catch let error as RegistryError where error.errorCode == .revoked {
                    vaccinations[index].isRevoked = true
                }
            }
        }
        let report = try await lotStatus(gtin: identity.gtin, lot: identity.lot, now: now)
        return LotRecallResult(vaccinations: vaccinations, revoked: revoked, report: report)
    }
}
