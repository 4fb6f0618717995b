import Foundation
import LotIntegrity
import Storage

extension Registry {
    /// A lot that may not be used, with why.
    struct LotRefusal {
        let lot: Lot
        let report: LotStatusReport
        let code: RegistryError.Code

        var error: RegistryError {
            let finding = report.evaluation.findings.first { $0.status == report.status }
            return RegistryError(
                code,
                "expected a lot fit for use, found GTIN \(lot.gtin) lot \(lot.lot) \(report.status.rawValue)"
                    + (finding.map { " (\(Registry.describe($0)))" } ?? "")
                    + "; an admin may override with a stated reason")
        }
    }

    /// Refuses a vaccination whose lot is compromised, expired or recalled (issue 6, point 6).
    ///
    /// The lot is found by its lot number among the lots the server knows (from EPCIS capture or a vial scan); a
    /// lot with a stored product code must match the record's product (`brand`). A lot the server does not know
    /// is not refused: nothing is known against it. An admin may record the dose anyway with `overrideReason`;
    /// the override is kept in the lot's history with the principal and the reason.
    ///
    /// - Throws: `LOT_COMPROMISED`, `LOT_EXPIRED`, `LOT_RECALLED` (the message names the finding: device and
    ///   excursion, expiry day, recall), `LOT_OVERRIDE_FORBIDDEN` when a non-admin asks for an override.
    func checkLot(
        lotNumber: String?, productCode: String, overrideReason: String?, by principal: Principal, now: Date
    ) async throws {
        if let overrideReason, principal.role != .admin || !(1...200).contains(overrideReason.count) {
            throw RegistryError(
                .lotOverrideForbidden,
                "expected an admin and a reason of 1 to 200 characters to override a lot's status, found role \(principal.role.rawValue)")
        }
        for refusal in try await lotRefusals(lotNumber: lotNumber, productCode: productCode, now: now) {
            guard let overrideReason else { throw refusal.error }
            try await store.append(
                LotEvent(
                    gtin: refusal.lot.gtin, lot: refusal.lot.lot, kind: .override, status: refusal.report.status.rawValue,
                    reasonCode: "LOT_OVERRIDE", detail: overrideReason, principalID: principal.id, createdAt: now))
        }
    }

    /// The known lots with this lot number (and a matching or unknown product) that may not be used.
    func lotRefusals(lotNumber: String?, productCode: String, now: Date) async throws -> [LotRefusal] {
        guard let lotNumber, !lotNumber.isEmpty else { return [] }
        var refusals: [LotRefusal] = []
        for lot in try await store.lots(lotNumber: lotNumber) where lot.productCode == nil || lot.productCode == productCode {
            let report = try await lotStatus(gtin: lot.gtin, lot: lot.lot, now: now)
            if let code = Self.refusal(report.status) { refusals.append(LotRefusal(lot: lot, report: report, code: code)) }
        }
        return refusals
    }

    /// The error code refusing a lot with `status`, or nil when the lot may be used.
    static func refusal(_ status: LotStatus) -> RegistryError.Code? {
        switch status {
        case .ok, .warning: nil
        case .compromised: .lotCompromised
        case .expired: .lotExpired
        case .recalled: .lotRecalled
        }
    }
}
