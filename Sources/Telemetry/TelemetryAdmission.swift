/// The pure admission rules of the ingest pipeline: given a verified batch, its digest, what the server knows of
/// the device and the server's clock, decide to store, acknowledge or reject it (docs/TELEMETRY.md).
///
/// Rules, in this order:
/// 1. the sequence number was accepted before (it is in ``TelemetryDeviceState/acceptedDigests``): with the same
///    digest it is a **duplicate** (a retry: acknowledge, do not store); with another digest a **replay**;
/// 2. the sequence is at or below the highest accepted one, and either equal to it (its digest unknown) or not
///    inside the window `(highest - windowSize, highest]`: a **replay** (it cannot be told from one);
/// 3. any time in the batch (`sentAt`, a reading, a position) is later than `now + clockSkewTolerance`:
///    **clock skew**;
/// 4. otherwise the batch is stored: **accepted** (first batch or `highest + 1`), **accepted with gap** (above
///    `highest + 1`, the gap is reported) or **accepted late** (below the highest, inside the window, not seen).
///
/// Duplicates are checked before clock skew, so a retried batch is always acknowledged.
public struct TelemetryAdmission: Sendable, Hashable {
    /// How far in the future a time may be, in milliseconds (default 5 minutes).
    public var clockSkewTolerance: Int64
    /// The size of the window `(highest - windowSize, highest]` (default 64): a sequence below the highest but
    /// inside it that was not seen is accepted late, and the device state keeps the digests inside it. At least 1,
    /// which accepts no late batches.
    public var windowSize: UInt64

    /// Creates the rules; every parameter has the documented default.
    public init(clockSkewTolerance: Int64 = 300_000, windowSize: UInt64 = 64) {
        self.clockSkewTolerance = max(0, clockSkewTolerance)
        self.windowSize = max(1, windowSize)
    }

    /// Decides what to do with `batch`.
    /// - Parameters:
    ///   - digest: ``TelemetryBatch/digest()`` of the batch.
    ///   - state: the device's accepted sequences and digests.
    ///   - now: the server's clock, in ms since 1970.
    public func decide(
        _ batch: TelemetryBatch, digest: [UInt8], state: TelemetryDeviceState, now: Int64
    ) -> TelemetryAdmissionDecision {
        let sequence = batch.sequence
        if let seen = state.acceptedDigests[sequence] {
            return seen == digest
                ? TelemetryAdmissionDecision(action: .acknowledge, reason: .duplicate)
                : TelemetryAdmissionDecision(action: .reject, reason: .replay)
        }
        if let highest = state.highestSequence, sequence <= highest {
            // The highest itself without a known digest cannot be told from a replay; neither can anything older
            // than the window.
            if sequence == highest || !isInWindow(sequence, state: state) {
                return TelemetryAdmissionDecision(action: .reject, reason: .replay)
            }
        }
        let (limit, overflow) = now.addingReportingOverflow(clockSkewTolerance)
        if !overflow, batch.latestTime > limit {
            return TelemetryAdmissionDecision(action: .reject, reason: .clockSkew)
        }
        guard let highest = state.highestSequence else {
            return TelemetryAdmissionDecision(action: .store, reason: .accepted)
        }
        if sequence < highest {
            return TelemetryAdmissionDecision(action: .store, reason: .acceptedLate)
        }
        // sequence > highest here: equal was rejected or acknowledged above.
        let gap = sequence - highest - 1
        return gap == 0
            ? TelemetryAdmissionDecision(action: .store, reason: .accepted)
            : TelemetryAdmissionDecision(action: .store, reason: .acceptedWithGap, gap: gap)
    }

    /// Whether `sequence` lies in `(highest - windowSize, highest]`, or above the highest.
    func isInWindow(_ sequence: UInt64, state: TelemetryDeviceState) -> Bool {
        guard let highest = state.highestSequence, sequence <= highest else { return true }
        return highest - sequence < windowSize
    }
}
