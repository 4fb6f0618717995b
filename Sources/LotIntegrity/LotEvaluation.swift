/// The outcome of ``LotIntegrityEvaluator/evaluate(custody:placements:excursions:alarmRules:expiry:recalled:now:)``.
public struct LotEvaluation: Sendable, Hashable {
    /// The most severe status of the findings (`ok` without findings).
    public var status: LotStatus
    /// The findings, ordered by start (none first), then device id, then code.
    public var findings: [LotFinding]
    /// The times devices watched the lot, ordered by start, then device id, then location.
    public var watches: [LotWatch]

    /// An evaluation.
    public init(status: LotStatus, findings: [LotFinding], watches: [LotWatch]) {
        self.status = status
        self.findings = findings
        self.watches = watches
    }
}
