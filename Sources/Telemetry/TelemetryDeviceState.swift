/// What the server remembers about one device's accepted batches, as input to ``TelemetryAdmission``.
///
/// The highest accepted sequence number, and the digests of the accepted batches whose sequence lies in the
/// window `(highest - windowSize, highest]`. The ingest pipeline loads it from storage (or keeps it in memory) and
/// calls ``recordAccepted(sequence:digest:windowSize:)`` once a batch is stored.
public struct TelemetryDeviceState: Sendable, Hashable {
    /// The highest sequence number accepted so far, or `nil` before the first batch.
    public private(set) var highestSequence: UInt64?
    /// Digests of accepted batches by sequence number, for the sequences in the window.
    public private(set) var acceptedDigests: [UInt64: [UInt8]]

    /// Creates a state, for example loaded from storage: the highest accepted sequence and the digests of the
    /// accepted batches in the window. Every digest given is used to recognise retries; ``highestSequence`` is
    /// raised to the largest sequence among them if that is higher.
    public init(highestSequence: UInt64? = nil, acceptedDigests: [UInt64: [UInt8]] = [:]) {
        self.highestSequence = highestSequence
        self.acceptedDigests = acceptedDigests
        if let top = acceptedDigests.keys.max(), highestSequence.map({ top > $0 }) ?? true {
            self.highestSequence = top
        }
    }

    /// Records a stored batch: raises ``highestSequence`` when needed and forgets digests that fell out of the window.
    public mutating func recordAccepted(sequence: UInt64, digest: [UInt8], windowSize: UInt64) {
        acceptedDigests[sequence] = digest
        if highestSequence.map({ sequence > $0 }) ?? true { highestSequence = sequence }
        let window = max(1, windowSize)
        guard let highest = highestSequence, highest >= window else { return }
        let lowest = highest - window + 1
        acceptedDigests = acceptedDigests.filter { $0.key >= lowest }
    }
}
