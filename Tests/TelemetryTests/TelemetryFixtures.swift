import CBOR
import COSE
import Crypto
import Telemetry

/// Shared batches and keys for the telemetry tests.
enum Fixtures {
    static let key = P256.Signing.PrivateKey()
    static let otherKey = P256.Signing.PrivateKey()
    static let device = try! TelemetryDeviceID("fridge-01")

    /// 2023-11-14T22:13:20Z in ms.
    static let sentAt: Int64 = 1_700_000_000_000

    /// The small batch whose bytes ``TelemetryBatchEncodingTests`` spells out.
    static let small = TelemetryBatch(
        deviceID: device, sequence: 7, sentAt: sentAt,
        readings: [
            TemperatureSample(time: sentAt - 60_000, centiCelsius: 462),
            TemperatureSample(time: sentAt, centiCelsius: -150, sensor: 2),
        ],
        positions: [PositionSample(time: sentAt, latitudeE7: 525_200_000, longitudeE7: 134_050_000)])

    /// A batch of `count` readings one minute apart, ending at ``sentAt``.
    static func batch(sequence: UInt64, readings count: Int, device: TelemetryDeviceID = device) -> TelemetryBatch {
        let readings = (0..<count).map { index in
            TemperatureSample(time: sentAt - Int64(count - index) * 60_000, centiCelsius: Int32(400 + index % 300))
        }
        return TelemetryBatch(deviceID: device, sequence: sequence, sentAt: sentAt, readings: readings)
    }

    /// The registry of the tests: only ``device`` is known, with ``key``.
    static func lookup(_ id: TelemetryDeviceID) -> P256.Signing.PublicKey? {
        id == device ? key.publicKey : nil
    }

    /// Signs arbitrary payload bytes with ``key`` and kid ``device``, bypassing the batch validation of `sign`.
    static func signRaw(_ payload: [UInt8], kid: [UInt8] = device.keyID) throws -> [UInt8] {
        try COSESign1.signES256(payload: payload, keyID: kid, key: key)
    }

    /// A tagged COSE_Sign1 from its four parts, written by hand.
    static func assemble(
        protected: [UInt8], unprotected: [CBORValue.MapEntry] = [], payload: [UInt8], signature: [UInt8]
    )
        throws -> [UInt8]
    {
        try CBOR.encode(
            .tagged(
                18, .array([.byteString(protected), .map(unprotected), .byteString(payload), .byteString(signature)])))
    }

    /// The code a verification throws, or nil when it succeeds.
    static func verifyCode(_ bytes: [UInt8], limits: TelemetryLimits = .default) -> String? {
        do {
            _ = try SignedTelemetry.verify(bytes, limits: limits, keyLookup: lookup)
            return nil
        } catch {
            return error.code
        }
    }
}
