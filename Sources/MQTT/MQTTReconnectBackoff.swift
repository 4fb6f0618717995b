/// Exponential backoff between reconnection attempts: `initialDelay`, then multiplied by `multiplier` after each
/// failed attempt, never more than `maximumDelay`. The count of failed attempts resets once a connection is
/// accepted and its subscriptions are granted.
public struct MQTTReconnectBackoff: Hashable, Sendable {
    /// The delay before the first reconnection attempt.
    public var initialDelay: Duration
    /// The cap on the delay.
    public var maximumDelay: Duration
    /// The growth factor per failed attempt (at least 1).
    public var multiplier: Int

    /// A backoff policy; the defaults are 1 s doubling up to 60 s.
    public init(initialDelay: Duration = .seconds(1), maximumDelay: Duration = .seconds(60), multiplier: Int = 2) {
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.multiplier = multiplier
    }

    /// The delay before the next attempt after `failedAttempts` consecutive failures (0 for the first retry).
    public func delay(afterFailedAttempts failedAttempts: Int) -> Duration {
        let factor = max(1, multiplier)
        var delay = min(max(initialDelay, .zero), maximumDelay)
        var step = 0
        while step < failedAttempts && delay < maximumDelay {
            // Compare before multiplying so the product cannot overflow.
            if delay > maximumDelay / factor { return maximumDelay }
            delay = delay * factor
            step += 1
        }
        return min(delay, maximumDelay)
    }
}
