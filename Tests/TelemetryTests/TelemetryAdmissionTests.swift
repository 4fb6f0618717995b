import Telemetry
import Testing

@Suite("Telemetry admission")
struct TelemetryAdmissionTests {
    static let rules = TelemetryAdmission(clockSkewTolerance: 300_000, windowSize: 4)
    static let now = Fixtures.sentAt

    /// The digest of the batch with `sequence`, as stored; `variant` 1 gives another content.
    static func digest(_ sequence: UInt64, variant: Int = 0) -> [UInt8] {
        var batch = Fixtures.batch(sequence: sequence, readings: 2)
        batch.readings[0].centiCelsius += Int32(variant)
        return batch.digest()
    }

    /// A device that has accepted the given sequences, in order.
    static func state(_ sequences: [UInt64]) -> TelemetryDeviceState {
        var state = TelemetryDeviceState()
        for sequence in sequences { state.recordAccepted(sequence: sequence, digest: digest(sequence), windowSize: 4) }
        return state
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let accepted: [UInt64]
        let sequence: UInt64
        var variant = 0
        var futureBy: Int64 = 0
        let action: TelemetryAdmissionDecision.Action
        let reason: TelemetryAdmissionReason
        var gap: UInt64 = 0
        var testDescription: String { name }
    }

    static let table: [Case] = [
        Case(name: "first batch", accepted: [], sequence: 41, action: .store, reason: .accepted),
        Case(name: "next in order", accepted: [1, 2, 3], sequence: 4, action: .store, reason: .accepted),
        Case(name: "retried last batch", accepted: [1, 2, 3], sequence: 3, action: .acknowledge, reason: .duplicate),
        Case(
            name: "retried older batch in window", accepted: [1, 2, 3], sequence: 2, action: .acknowledge,
            reason: .duplicate),
        Case(
            name: "same sequence, other content", accepted: [1, 2, 3], sequence: 3, variant: 1, action: .reject,
            reason: .replay),
        Case(name: "below the window", accepted: [1, 2, 3, 4, 5, 6], sequence: 2, action: .reject, reason: .replay),
        Case(
            name: "below the window, same content", accepted: [1, 2, 3, 4, 5, 6], sequence: 1, action: .reject,
            reason: .replay),
        Case(name: "gap of 5", accepted: [1, 2, 3], sequence: 9, action: .store, reason: .acceptedWithGap, gap: 5),
        Case(name: "late, filling a gap", accepted: [1, 2, 5], sequence: 3, action: .store, reason: .acceptedLate),
        Case(name: "late at the window edge", accepted: [1, 2, 6], sequence: 3, action: .store, reason: .acceptedLate),
        Case(name: "just past the window edge", accepted: [1, 7], sequence: 3, action: .reject, reason: .replay),
        Case(
            name: "future within tolerance", accepted: [1], sequence: 2, futureBy: 300_000, action: .store,
            reason: .accepted),
        Case(
            name: "future beyond tolerance", accepted: [1], sequence: 2, futureBy: 300_001, action: .reject,
            reason: .clockSkew),
        Case(
            name: "retry wins over skew", accepted: [1], sequence: 1, futureBy: 400_000, action: .acknowledge,
            reason: .duplicate),
        Case(
            name: "highest sequence", accepted: [UInt64.max - 1], sequence: UInt64.max, action: .store,
            reason: .accepted),
    ]

    @Test(arguments: table)
    func decides(_ row: Case) {
        var batch = Fixtures.batch(sequence: row.sequence, readings: 2)
        batch.readings[0].centiCelsius += Int32(row.variant)
        // The server's clock is `futureBy` ms behind the batch's latest time (negative: the clock is ahead).
        let now = batch.latestTime - row.futureBy
        let decision = Self.rules.decide(batch, digest: batch.digest(), state: Self.state(row.accepted), now: now)
        #expect(decision.action == row.action)
        #expect(decision.reason == row.reason)
        #expect(decision.gap == row.gap)
    }

    @Test func clockSkewLooksAtEveryTimeInTheBatch() {
        var batch = Fixtures.batch(sequence: 2, readings: 3)
        let now = batch.sentAt
        #expect(Self.rules.decide(batch, digest: batch.digest(), state: Self.state([1]), now: now).reason == .accepted)
        batch.readings[1].time = now + 600_000
        #expect(Self.rules.decide(batch, digest: batch.digest(), state: Self.state([1]), now: now).reason == .clockSkew)
        batch = Fixtures.small
        batch.positions[0].time = now + 600_000
        #expect(Self.rules.decide(batch, digest: batch.digest(), state: Self.state([]), now: now).reason == .clockSkew)
        // A clock near the end of Int64 does not overflow.
        #expect(
            Self.rules.decide(batch, digest: batch.digest(), state: Self.state([]), now: Int64.max).reason == .accepted)
    }

    @Test func theHighestWithoutAKnownDigestIsAReplay() {
        let state = TelemetryDeviceState(highestSequence: 10)
        let batch = Fixtures.batch(sequence: 10, readings: 1)
        #expect(Self.rules.decide(batch, digest: batch.digest(), state: state, now: Self.now).reason == .replay)
        let late = Fixtures.batch(sequence: 9, readings: 1)
        #expect(Self.rules.decide(late, digest: late.digest(), state: state, now: Self.now).reason == .acceptedLate)
    }

    @Test func aRetriedBatchIsStoredExactlyOnce() {
        var state = TelemetryDeviceState()
        var stored = 0
        let batch = Fixtures.batch(sequence: 5, readings: 2)
        for _ in 0..<3 {
            let decision = Self.rules.decide(batch, digest: batch.digest(), state: state, now: Self.now)
            if decision.action == .store {
                stored += 1
                state.recordAccepted(
                    sequence: batch.sequence, digest: batch.digest(), windowSize: Self.rules.windowSize)
            }
        }
        #expect(stored == 1)
    }

    @Test func theStateKeepsOnlyTheWindow() {
        let state = Self.state([1, 2, 3, 4, 5, 6, 7])
        #expect(state.highestSequence == 7)
        #expect(Set(state.acceptedDigests.keys) == [4, 5, 6, 7])
        let fromStorage = TelemetryDeviceState(acceptedDigests: [3: [1], 8: [2]])
        #expect(fromStorage.highestSequence == 8)
        #expect(TelemetryAdmission(windowSize: 0).windowSize == 1)
    }

    @Test func reasonsAreStableCodes() {
        #expect(
            TelemetryAdmissionReason.all.map(\.rawValue) == [
                "TELEMETRY_ACCEPTED", "TELEMETRY_ACCEPTED_WITH_GAP", "TELEMETRY_ACCEPTED_LATE", "TELEMETRY_DUPLICATE",
                "TELEMETRY_REPLAY", "TELEMETRY_CLOCK_SKEW",
            ])
    }
}
