/// What `POST /api/v1/epcis/capture` stored.
public struct EPCISCaptureResult: Sendable, Hashable {
    /// The event hashes of the document's events, in document order.
    public var eventHashes: [String]
    /// How many were new (the others were captured before and are skipped).
    public var captured: Int
    /// The lots the events named, as `gtin/lot`.
    public var lots: [String]
}
