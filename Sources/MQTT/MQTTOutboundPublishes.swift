/// The QoS 1 messages this client published and the broker has not acknowledged yet, in publishing order.
///
/// They survive a lost connection: with a persistent session they are sent again, with DUP set, after the next
/// accepted CONNACK (§4.4). At most ``MQTTClientStateMachine/maximumOutboundPublishes`` entries.
struct MQTTOutboundPublishes: Sendable {
    private var order: [UInt16] = []
    /// Each message, and whether it was sent on some connection already.
    private var pending: [UInt16: (publish: MQTTPublish, sent: Bool)] = [:]

    /// The number of messages waiting for a PUBACK.
    var count: Int { order.count }

    /// Whether a packet identifier is in use by a waiting message.
    func contains(_ identifier: UInt16) -> Bool { pending[identifier] != nil }

    /// Records a QoS 1 message under its packet identifier, sent now or not yet.
    mutating func append(_ publish: MQTTPublish, identifier: UInt16, sent: Bool) {
        order.append(identifier)
        pending[identifier] = (publish, sent)
    }

    /// Removes an acknowledged message; returns `false` if no message waits under that identifier.
    mutating func acknowledge(_ identifier: UInt16) -> Bool {
        guard pending.removeValue(forKey: identifier) != nil else { return false }
        if let index = order.firstIndex(of: identifier) { order.remove(at: index) }
        return true
    }

    /// Every waiting message in publishing order, for sending on a new connection: DUP set on those sent before.
    mutating func markAllForResend() -> [MQTTPublish] {
        order.compactMap { identifier in
            guard var entry = pending[identifier] else { return nil }
            entry.publish.delivery = .atLeastOnce(packetIdentifier: identifier, duplicate: entry.sent)
            let publish = entry.publish
            entry.sent = true
            pending[identifier] = entry
            return publish
        }
    }
}
