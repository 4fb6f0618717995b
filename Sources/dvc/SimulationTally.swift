import Foundation

/// What the simulator's batches got from the server.
struct SimulationTally: Sendable {
    var sent = 0
    var stored = 0
    var duplicates = 0
    var storedReadings = 0
    /// Refused batches by problem code (or HTTP status).
    var refused: [String: Int] = [:]
    /// Whether the batches were published over MQTT (the broker acknowledges them; the server's outcome is not seen).
    var published = false

    mutating func merge(_ other: SimulationTally) {
        sent += other.sent
        published = published || other.published
        stored += other.stored
        duplicates += other.duplicates
        storedReadings += other.storedReadings
        refused.merge(other.refused, uniquingKeysWith: +)
    }

    /// Prints the counts and the rate.
    func report(readings: Int, elapsed: Duration, label: String) {
        let seconds = max(Self.seconds(elapsed), 0.001)
        var text = "Sent \(sent) batches: \(stored) stored, \(duplicates) duplicates"
        for (code, count) in refused.sorted(by: { $0.key < $1.key }) { text += ", \(count) \(code)" }
        if published { text = "Published \(sent) batches with QoS 1, each acknowledged by the broker" }
        text += "\n\(readings) readings \(label) in \(String(format: "%.2f", seconds)) s: \(Int(Double(readings) / seconds)) readings/s\n"
        OutputWriter.write(text)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
