import MQTT
import NIOCore
import TestSupport
import Testing

/// The decoder on a stream: nil until a packet is complete, the same result byte by byte, never a crash.
@Suite("MQTT streaming decode")
struct MQTTStreamingDecodeTests {
    static let stream: [MQTTPacket] = [
        .connAck(MQTTConnAck(sessionPresent: true, returnCode: .accepted)),
        .subAck(MQTTSubAck(packetIdentifier: 1, returnCodes: [.granted(.atLeastOnce)])),
        .publish(
            MQTTPublish(
                topicName: "dvc/v1/devices/d1/telemetry", payload: ByteBuffer(repeating: 7, count: 200),
                delivery: .atLeastOnce(packetIdentifier: 9, duplicate: true))),
        .publish(
            MQTTPublish(
                topicName: "dvc/v1/devices/d2/telemetry", payload: ByteBuffer(string: "x"), delivery: .atMostOnce)),
        .pingResp,
        .unsubAck(packetIdentifier: 3),
    ]

    @Test func everyPrefixDecodesTheCompletePacketsAndWaitsForTheRest() throws {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        for packet in Self.stream {
            bytes += try encoded(packet)
            ends.append(bytes.count)
        }
        for length in 0...bytes.count {
            let (packets, leftover) = try decodedAll(Array(bytes[..<length]))
            let complete = ends.filter { $0 <= length }
            #expect(packets == Array(Self.stream.prefix(complete.count)), "prefix \(length)")
            #expect(leftover == length - (complete.last ?? 0), "prefix \(length)")
        }
    }

    @Test func byteByByteGivesTheSamePackets() throws {
        var bytes: [UInt8] = []
        for packet in Self.stream { bytes += try encoded(packet) }
        var decoder = MQTTPacketDecoder()
        var buffer = ByteBuffer()
        var packets: [MQTTPacket] = []
        for byte in bytes {
            buffer.writeInteger(byte)
            while let packet = try decoder.decode(buffer: &buffer) { packets.append(packet) }
        }
        #expect(packets == Self.stream)
        #expect(buffer.readableBytes == 0)
    }

    @Test func anErrorInTheStreamComesAfterTheGoodPacketsWhicheverWayItIsFed() throws {
        var bytes = try encoded(.pingResp) + encoded(.pubAck(packetIdentifier: 5))
        bytes += [0x40, 0x02, 0x00, 0x00]  // PUBACK with packet identifier 0
        bytes += try encoded(.pingResp)
        // Whole buffer: two packets, then the error.
        let decoder = MQTTPacketDecoder()
        var whole = ByteBuffer(bytes: bytes)
        #expect(try decoder.decodePacket(from: &whole) == .pingResp)
        #expect(try decoder.decodePacket(from: &whole) == .pubAck(packetIdentifier: 5))
        #expect(throws: MQTTError(.malformed, "")) { try decoder.decodePacket(from: &whole) }
        // Byte by byte: the same two packets, then the same error at the same place.
        var buffer = ByteBuffer()
        var packets: [MQTTPacket] = []
        var failedAt: Int?
        for (index, byte) in bytes.enumerated() where failedAt == nil {
            buffer.writeInteger(byte)
            do {
                while let packet = try decoder.decodePacket(from: &buffer) { packets.append(packet) }
            } catch {
                #expect(error.code == "MQTT_MALFORMED")
                failedAt = index
            }
        }
        #expect(packets == [.pingResp, .pubAck(packetIdentifier: 5)])
        #expect(failedAt == 9)
    }

    /// Seeded random bytes and random mutations of valid packets: decoding returns or throws, nothing else.
    @Test func randomAndMutatedInputsNeverCrash() throws {
        var generator = SeededGenerator(seed: 0x4D51_5454)
        var valid: [[UInt8]] = []
        for packet in samplePackets { valid.append(try encoded(packet)) }
        var outcomes = (packets: 0, errors: 0)
        for round in 0..<20_000 {
            var bytes: [UInt8]
            if round % 2 == 0 {
                bytes = (0..<Int(generator.next() % 64)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            } else {
                bytes = valid[Int(generator.next() % UInt64(valid.count))]
                for _ in 0..<(1 + Int(generator.next() % 3)) {
                    let index = Int(generator.next() % UInt64(bytes.count))
                    bytes[index] = UInt8(truncatingIfNeeded: generator.next())
                }
            }
            do {
                let (packets, _) = try decodedAll(bytes, maximumPacketSize: 1024)
                outcomes.packets += packets.count
                for packet in packets { _ = try encoded(packet) }  // whatever decodes also encodes
            } catch let error as MQTTError {
                _ = error
                outcomes.errors += 1
            }
        }
        #expect(outcomes.packets > 1_000)
        #expect(outcomes.errors > 1_000)
    }
}
