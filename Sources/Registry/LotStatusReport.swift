import Foundation
import LotIntegrity
import Storage

/// A lot's evaluated integrity (`GET /api/v1/lots/{gtin}/{lot}/status`, `dvc lot status`): the status with the
/// findings behind it, which devices watched the lot when, and the lot's history of status changes, recalls and
/// overrides.
public struct LotStatusReport: Sendable {
    public var gtin: String
    public var lot: String
    /// The stored lot (expiry, product), if the lot is known.
    public var record: Lot?
    public var evaluation: LotEvaluation
    /// How many custody steps (EPCIS events) the lot has.
    public var custodySteps: Int
    public var history: [LotEvent]
    public var evaluatedAt: Date

    /// The status.
    public var status: LotStatus { evaluation.status }
}
