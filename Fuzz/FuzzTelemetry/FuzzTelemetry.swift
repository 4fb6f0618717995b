// libFuzzer entry point for signed telemetry (Telemetry).
// Build and run: scripts/fuzz.sh 60 FuzzTelemetry (see Fuzz/README.md).
// Properties checked on every input:
//   1. SignedTelemetry.verify of the raw bytes, with a fixed registered key, returns or throws a TelemetryError and
//      never crashes; nothing the fuzzer makes up verifies (it does not hold the private key);
//   2. the bytes as a batch payload (TelemetryBatch(cbor:)) decode or throw a TelemetryError; a decoded batch
//      re-encodes to exactly the input (only the deterministic encoding is accepted) and validates;
//   3. the same bytes signed as the payload of a COSE_Sign1 by the registered key verify exactly when they decode
//      as a batch of that device, to the same batch; signing a decoded batch and verifying it round-trips.
import COSE
import Crypto
import Telemetry

private let key = P256.Signing.PrivateKey()
private let device = try! TelemetryDeviceID("fuzz-device-1")

private func lookup(_ id: TelemetryDeviceID) -> P256.Signing.PublicKey? {
    id == device ? key.publicKey : nil
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))

    // 1. Raw bytes as a signed message.
    if (try? SignedTelemetry.verify(bytes, keyLookup: lookup)) != nil {
        fatalError("made-up bytes verified without the private key")
    }

    // 2. Raw bytes as a batch payload.
    let decoded: TelemetryBatch?
    do {
        let batch = try TelemetryBatch(cbor: bytes)
        guard batch.encoded() == bytes else { fatalError("a decoded batch does not re-encode to its bytes") }
        do { try batch.validate() } catch { fatalError("a decoded batch does not validate: \(error.code)") }
        decoded = batch
    } catch {
        decoded = nil  // a TelemetryError (typed throws)
    }

    // 3. The bytes signed as a payload by the registered key.
    guard size <= 64 * 1024, let signed = try? COSESign1.signES256(payload: bytes, keyID: device.keyID, key: key) else {
        return 0
    }
    let verified = try? SignedTelemetry.verify(signed, keyLookup: lookup)
    if let decoded, decoded.deviceID == device {
        guard verified == decoded else { fatalError("a signed valid batch of the device did not verify to itself") }
    } else if verified != nil {
        fatalError("a signed payload verified although it is not a valid batch of the device")
    }
    if let decoded {
        var mine = decoded
        mine.deviceID = device
        do {
            let message = try SignedTelemetry.sign(mine, key: key)
            guard try SignedTelemetry.verify(message, keyLookup: lookup) == mine else {
                fatalError("sign then verify changed the batch")
            }
        } catch {
            fatalError("sign then verify failed: \(error.code)")
        }
    }
    return 0
}
