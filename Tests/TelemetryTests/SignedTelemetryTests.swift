import CBOR
import COSE
import Crypto
import Telemetry
import Testing

@Suite("Signed telemetry (COSE_Sign1, ES256)")
struct SignedTelemetryTests {
    @Test func signsAndVerifiesRoundTrip() throws {
        let message = try SignedTelemetry.sign(Fixtures.small, key: Fixtures.key)
        // tag 18, array(4), bstr(14) protected header; 160 bytes in all (docs/TELEMETRY.md).
        #expect(Array(message.prefix(3)) == [0xD2, 0x84, 0x4E])
        #expect(message.count == 160)
        let batch = try SignedTelemetry.verify(message, keyLookup: Fixtures.lookup)
        #expect(batch == Fixtures.small)
        let cose = try COSESign1(decoding: message)
        // Protected header {1: -7, 4: h'"fridge-01"'}, empty unprotected header, payload = the batch's encoding.
        #expect(Array(cose.protectedHeaderBytes) == [0xA2, 0x01, 0x26, 0x04, 0x49] + Array("fridge-01".utf8))
        #expect(cose.unprotectedHeader.isEmpty)
        #expect(Array(cose.payload) == Fixtures.small.encoded())
        #expect(cose.signature.count == 64)
    }

    @Test func verifiesTheLargestBatchWithinTheDefaultLimits() throws {
        let batch = Fixtures.batch(sequence: 1, readings: TelemetryLimits.default.maxReadings)
        let message = try SignedTelemetry.sign(batch, key: Fixtures.key)
        #expect(try SignedTelemetry.verify(message, keyLookup: Fixtures.lookup) == batch)
    }

    @Test func rejectsATamperedPayload() throws {
        let message = try SignedTelemetry.sign(Fixtures.small, key: Fixtures.key)
        let cose = try COSESign1(decoding: message)
        var payload = Array(cose.payload)
        payload[13] = 0x08  // sequence 7 -> 8
        let tampered = try Fixtures.assemble(
            protected: Array(cose.protectedHeaderBytes), payload: payload, signature: Array(cose.signature))
        #expect(Fixtures.verifyCode(tampered) == "TELEMETRY_BAD_SIGNATURE")
    }

    @Test func rejectsAWrongKeyAndAnUnknownDevice() throws {
        let wrongKey = try SignedTelemetry.sign(Fixtures.small, key: Fixtures.otherKey)
        #expect(Fixtures.verifyCode(wrongKey) == "TELEMETRY_BAD_SIGNATURE")
        let stranger = Fixtures.batch(sequence: 1, readings: 2, device: try TelemetryDeviceID("stranger-9"))
        let unknown = try SignedTelemetry.sign(stranger, key: Fixtures.key)
        #expect(Fixtures.verifyCode(unknown) == "TELEMETRY_UNKNOWN_DEVICE")
    }

    @Test func rejectsABatchOfAnotherDeviceSignedUnderTheKid() throws {
        let other = Fixtures.batch(sequence: 1, readings: 2, device: try TelemetryDeviceID("fridge-02"))
        let message = try SignedTelemetry.sign(other, key: Fixtures.key, kid: Fixtures.device.keyID)
        #expect(Fixtures.verifyCode(message) == "TELEMETRY_DEVICE_MISMATCH")
    }

    @Test func rejectsOversizedMessagesAndTooManyReadings() throws {
        let tooMany = Fixtures.batch(sequence: 1, readings: TelemetryLimits.default.maxReadings + 1)
        #expect(throws: TelemetryError(.tooLarge, "")) { try SignedTelemetry.sign(tooMany, key: Fixtures.key) }
        // Signed anyway (bypassing sign's validation): the server refuses it after the signature check.
        let signed = try Fixtures.signRaw(tooMany.encoded())
        #expect(Fixtures.verifyCode(signed) == "TELEMETRY_TOO_LARGE")
        // A smaller message limit refuses before decoding anything.
        let small = try SignedTelemetry.sign(Fixtures.small, key: Fixtures.key)
        #expect(
            Fixtures.verifyCode(small, limits: TelemetryLimits(maxMessageSize: small.count - 1))
                == "TELEMETRY_TOO_LARGE")
        #expect(Fixtures.verifyCode(small, limits: TelemetryLimits(maxMessageSize: small.count)) == nil)
        #expect(Fixtures.verifyCode(small, limits: TelemetryLimits(maxPositions: 0)) == "TELEMETRY_TOO_LARGE")
        // Megabytes of zeros.
        #expect(Fixtures.verifyCode([UInt8](repeating: 0, count: 600 * 1024)) == "TELEMETRY_TOO_LARGE")
    }

    @Test func rejectsSignedValuesOutOfRange() throws {
        var batch = Fixtures.small
        batch.positions[0].latitudeE7 = 900_000_001
        #expect(throws: TelemetryError(.outOfRange, "")) { try SignedTelemetry.sign(batch, key: Fixtures.key) }
        #expect(Fixtures.verifyCode(try Fixtures.signRaw(batch.encoded())) == "TELEMETRY_OUT_OF_RANGE")
        batch = Fixtures.small
        batch.readings[0].centiCelsius = 15_001
        #expect(Fixtures.verifyCode(try Fixtures.signRaw(batch.encoded())) == "TELEMETRY_OUT_OF_RANGE")
    }

    @Test func rejectsEnvelopesThatAreNotTheDocumentedForm() throws {
        let payload = Fixtures.small.encoded()
        let kid = Fixtures.device.keyID
        let good = try COSESign1(decoding: try Fixtures.signRaw(payload))
        let signature = Array(good.signature)
        let protected = Array(good.protectedHeaderBytes)
        // Untagged.
        let untagged = try CBOR.encode(
            .array([.byteString(protected), .map([]), .byteString(payload), .byteString(signature)]))
        #expect(Fixtures.verifyCode(untagged) == "TELEMETRY_MALFORMED")
        // kid in the unprotected header only.
        let es256Only = try CBOR.encode(.map([.init(.integer(1), .integer(-7))]))
        let unprotectedKid = try Fixtures.assemble(
            protected: es256Only, unprotected: [.init(.integer(4), .byteString(kid))], payload: payload,
            signature: signature)
        #expect(Fixtures.verifyCode(unprotectedKid) == "TELEMETRY_MALFORMED")
        // ES384 named in the protected header.
        let es384 = try CBOR.encode(.map([.init(.integer(1), .integer(-35)), .init(.integer(4), .byteString(kid))]))
        let wrongAlg = try Fixtures.assemble(protected: es384, payload: payload, signature: signature)
        #expect(Fixtures.verifyCode(wrongAlg) == "TELEMETRY_UNSUPPORTED_ALGORITHM")
        // An extra (crit) header.
        let crit = try CBOR.encode(
            .map([
                .init(.integer(1), .integer(-7)), .init(.integer(2), .array([])), .init(.integer(4), .byteString(kid)),
            ]))
        #expect(
            Fixtures.verifyCode(try Fixtures.assemble(protected: crit, payload: payload, signature: signature))
                == "TELEMETRY_MALFORMED")
        // A kid that is not a device id.
        #expect(Fixtures.verifyCode(try Fixtures.signRaw(payload, kid: [0xFF, 0x00])) == "TELEMETRY_MALFORMED")
        // A DER signature instead of raw r||s.
        let der = Array(try Fixtures.key.signature(for: good.signatureStructure).derRepresentation)
        #expect(
            Fixtures.verifyCode(try Fixtures.assemble(protected: protected, payload: payload, signature: der))
                == "TELEMETRY_BAD_SIGNATURE")
        // Nested deeper than the envelope allows.
        let deep = try CBOR.encode(
            .tagged(
                18,
                .array([
                    .byteString(protected), .map([.init(.integer(9), .array([.array([])]))]),
                    .byteString(payload), .byteString(signature),
                ])))
        #expect(Fixtures.verifyCode(deep) == "TELEMETRY_MALFORMED")
    }

    /// Every prefix of a signed batch is refused with a coded error, never a crash.
    @Test func everyTruncationGivesACodedError() throws {
        let message = try SignedTelemetry.sign(Fixtures.small, key: Fixtures.key)
        var codes: Set<String> = []
        for end in 0..<message.count {
            let code = Fixtures.verifyCode(Array(message[..<end]))
            #expect(code != nil, "prefix of \(end) bytes verified")
            codes.insert(code ?? "")
        }
        #expect(codes == ["TELEMETRY_MALFORMED"])
    }

    /// Flipping any bit of a signed batch makes it fail, with a coded error.
    @Test func everyBitFlipIsRefused() throws {
        let message = try SignedTelemetry.sign(Fixtures.small, key: Fixtures.key)
        var codes: Set<String> = []
        for index in message.indices {
            for bit in 0..<8 {
                var flipped = message
                flipped[index] ^= 1 << UInt8(bit)
                let code = Fixtures.verifyCode(flipped)
                #expect(code != nil, "flipping bit \(bit) of byte \(index) still verified")
                codes.insert(code ?? "")
            }
        }
        #expect(
            codes.isSubset(of: [
                "TELEMETRY_MALFORMED", "TELEMETRY_BAD_SIGNATURE", "TELEMETRY_UNKNOWN_DEVICE",
                "TELEMETRY_UNSUPPORTED_ALGORITHM",
            ]))
        #expect(codes.contains("TELEMETRY_BAD_SIGNATURE"))
    }
}
