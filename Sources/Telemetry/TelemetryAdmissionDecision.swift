/// The outcome of ``TelemetryAdmission/decide(_:digest:state:now:)``, with a stable reason for metrics.
public struct TelemetryAdmissionDecision: Sendable, Hashable, CustomStringConvertible {
    /// What the ingest pipeline does with the batch.
    public enum Action: Sendable, Hashable {
        /// Store the batch, record it in the device state, then acknowledge it.
        case store
        /// Acknowledge the batch without storing it again (a retried batch that is already stored).
        case acknowledge
        /// Do not store it; count the reason. Whether the transport acknowledges it (to stop redelivery) is the
        /// pipeline's choice; docs/TELEMETRY.md recommends acknowledging, since a redelivery cannot succeed.
        case reject
    }

    /// What to do with the batch.
    public let action: Action
    /// Why, as a stable code.
    public let reason: TelemetryAdmissionReason
    /// For ``TelemetryAdmissionReason/acceptedWithGap``: how many sequence numbers were skipped
    /// (`sequence - highest - 1`); 0 otherwise.
    public let gap: UInt64

    /// Creates a decision.
    public init(action: Action, reason: TelemetryAdmissionReason, gap: UInt64 = 0) {
        self.action = action
        self.reason = reason
        self.gap = gap
    }

    /// `reason` and, when not 0, the gap.
    public var description: String { gap == 0 ? reason.rawValue : "\(reason.rawValue) (gap \(gap))" }
}

/// A stable reason code for an admission decision, for logs and a metrics label.
public struct TelemetryAdmissionReason: Sendable, Hashable, CustomStringConvertible {
    /// The stable `SNAKE_CASE` code.
    public let rawValue: String

    private init(_ rawValue: String) { self.rawValue = rawValue }

    /// The code.
    public var description: String { rawValue }

    /// The first batch of a device, or the next sequence number after the highest (store).
    public static let accepted = Self("TELEMETRY_ACCEPTED")
    /// A sequence number above the highest with numbers skipped in between (store; the gap is reported).
    public static let acceptedWithGap = Self("TELEMETRY_ACCEPTED_WITH_GAP")
    /// A sequence number below the highest, inside the window, not seen before: a batch that arrived out of
    /// order, possibly filling an earlier gap (store).
    public static let acceptedLate = Self("TELEMETRY_ACCEPTED_LATE")
    /// A sequence number already accepted with the same digest: a retried batch (acknowledge, do not store).
    public static let duplicate = Self("TELEMETRY_DUPLICATE")
    /// A sequence number already accepted with another digest, or at or below the window's lower edge (reject).
    public static let replay = Self("TELEMETRY_REPLAY")
    /// `sentAt` or a reading or position time lies further in the future than the tolerance (reject).
    public static let clockSkew = Self("TELEMETRY_CLOCK_SKEW")

    /// Every reason, to pre-register metrics labels.
    public static let all: [TelemetryAdmissionReason] = [
        .accepted, .acceptedWithGap, .acceptedLate, .duplicate, .replay, .clockSkew,
    ]
}
