import NIOCore

/// The QoS 1 messages received on one connection and not yet acknowledged, in arrival order.
///
/// PUBACKs go out in the order the PUBLISH packets arrived (§4.6): a message stored early waits for the ones
/// received before it. At most 65,535 entries (one per packet identifier).
struct MQTTInboundAcknowledgements: Sendable {
    private var order = CircularBuffer<UInt16>()
    private var stored: [UInt16: Bool] = [:]

    /// The number of messages waiting for a PUBACK.
    var count: Int { order.count }

    /// Records a received QoS 1 message; returns `false` if the identifier is already waiting (a resend).
    mutating func received(_ identifier: UInt16) -> Bool {
        guard stored[identifier] == nil else { return false }
        stored[identifier] = false
        order.append(identifier)
        return true
    }

    /// Marks a message stored; returns the identifiers that can now be acknowledged, in order.
    mutating func markStored(_ identifier: UInt16) -> [UInt16] {
        guard stored[identifier] == false else { return [] }
        stored[identifier] = true
        var ready: [UInt16] = []
        while let first = order.first, stored[first] == true {
            order.removeFirst()
            stored[first] = nil
            ready.append(first)
        }
        return ready
    }
}
