import Crypto
import Telemetry

/// One simulated device: its id, key and whether the script's excursions apply to it.
struct SimulatedDevice: Sendable {
    let id: String
    /// 1-based over loggers, then trackers.
    let number: Int
    let isTracker: Bool
    let key: P256.Signing.PrivateKey
    let hasExcursions: Bool
    let firstSequence: UInt64

    /// Every batch of the run, signed, in sequence order.
    func signedBatches(script: SimulationScript) throws -> [[UInt8]] {
        let deviceID = try TelemetryDeviceID(id)
        var signed: [[UInt8]] = []
        signed.reserveCapacity(script.batches)
        for batch in 0..<script.batches {
            let indices = (batch * script.readingsPerBatch)..<((batch + 1) * script.readingsPerBatch)
            let readings = indices.map {
                TemperatureSample(time: script.time($0), centiCelsius: script.centiCelsius($0, device: number, withExcursions: hasExcursions))
            }
            var positions: [PositionSample] = []
            if isTracker {
                positions = indices.map { index -> PositionSample in
                    let position = script.position(index, device: number)
                    return PositionSample(time: script.time(index), latitudeE7: position.latitude, longitudeE7: position.longitude)
                }
            }
            let sentAt = script.time(indices.upperBound - 1)
            let message = TelemetryBatch(
                deviceID: deviceID, sequence: firstSequence + UInt64(batch), sentAt: sentAt, readings: readings, positions: positions)
            signed.append(try SignedTelemetry.sign(message, key: key))
        }
        return signed
    }
}
