import MQTT
import NIOCore
import Testing

@Suite("MQTT codec round trips")
struct MQTTCodecRoundTripTests {
    @Test(arguments: samplePackets)
    func roundTrips(_ packet: MQTTPacket) throws {
        let bytes = try encoded(packet)
        #expect(try decodedOne(bytes) == packet)
        // The decoder accepts only the canonical form, so decoding then encoding gives the same bytes.
        #expect(try encoded(#require(try decodedOne(bytes))) == bytes)
    }

    @Test func fixedHeadersCarryTheRequiredFlags() throws {
        #expect(try encoded(.pingReq) == [0xC0, 0x00])
        #expect(try encoded(.pingResp) == [0xD0, 0x00])
        #expect(try encoded(.disconnect) == [0xE0, 0x00])
        #expect(try encoded(.pubAck(packetIdentifier: 0x1234)) == [0x40, 0x02, 0x12, 0x34])
        #expect(try encoded(.unsubAck(packetIdentifier: 7)) == [0xB0, 0x02, 0x00, 0x07])
        #expect(
            try encoded(.connAck(MQTTConnAck(sessionPresent: true, returnCode: .accepted))) == [0x20, 0x02, 0x01, 0x00])
        let unsubscribe = try encoded(.unsubscribe(MQTTUnsubscribe(packetIdentifier: 1, topicFilters: [filter("a")])))
        #expect(unsubscribe == [0xA2, 0x05, 0x00, 0x01, 0x00, 0x01, 0x61])
        let qos1Dup = try encoded(
            .publish(
                MQTTPublish(
                    topicName: "t", payload: buffer("x"), delivery: .atLeastOnce(packetIdentifier: 2, duplicate: true),
                    retain: true)))
        #expect(qos1Dup == [0x3B, 0x06, 0x00, 0x01, 0x74, 0x00, 0x02, 0x78])
    }

    /// Remaining Length boundaries of §2.2.3: 1 to 4 bytes.
    @Test(arguments: [
        (0, [0x00] as [UInt8]), (127, [0x7F]), (128, [0x80, 0x01]), (16_383, [0xFF, 0x7F]),
        (16_384, [0x80, 0x80, 0x01]),
        (2_097_151, [0xFF, 0xFF, 0x7F]), (2_097_152, [0x80, 0x80, 0x80, 0x01]),
    ])
    func remainingLengthBoundaries(length: Int, expected: [UInt8]) throws {
        // A QoS 0 PUBLISH to "t" has 3 bytes of topic before the payload.
        guard length >= 3 else {
            #expect(try encoded(.pingReq)[1...] == expected[...])
            return
        }
        let packet = MQTTPacket.publish(
            MQTTPublish(topicName: "t", payload: ByteBuffer(repeating: 0x55, count: length - 3), delivery: .atMostOnce))
        let bytes = try encoded(packet)
        #expect(Array(bytes[1...expected.count]) == expected)
        #expect(bytes.count == 1 + expected.count + length)
        #expect(try decodedOne(bytes, maximumPacketSize: 3_000_000) == packet)
    }

    @Test func largestRemainingLengthIsAcceptedByTheVarintButRefusedBySize() throws {
        // 0xFF 0xFF 0xFF 0x7F is 268,435,455, the largest value; it is refused before any body byte arrives.
        #expect(throws: MQTTError(.tooLarge, "")) { try decodedAll([0x30, 0xFF, 0xFF, 0xFF, 0x7F]) }
    }

    @Test func encoderRejectsWhatTheDecoderWouldReject() throws {
        let cases: [(MQTTPacket, MQTTError.Code)] = [
            (.pubAck(packetIdentifier: 0), .malformed),
            (.unsubAck(packetIdentifier: 0), .malformed),
            (.publish(MQTTPublish(topicName: "a/+", payload: ByteBuffer(), delivery: .atMostOnce)), .invalidTopic),
            (.publish(MQTTPublish(topicName: "", payload: ByteBuffer(), delivery: .atMostOnce)), .invalidTopic),
            (.publish(MQTTPublish(topicName: "a\u{0}", payload: ByteBuffer(), delivery: .atMostOnce)), .invalidTopic),
            (
                .publish(
                    MQTTPublish(
                        topicName: "a", payload: ByteBuffer(),
                        delivery: .atLeastOnce(packetIdentifier: 0, duplicate: false))), .malformed
            ),
            (.subscribe(MQTTSubscribe(packetIdentifier: 1, subscriptions: [])), .protocolViolation),
            (
                .subscribe(
                    MQTTSubscribe(
                        packetIdentifier: 0, subscriptions: [MQTTSubscription(topicFilter: telemetry, qos: .atMostOnce)]
                    )), .malformed
            ),
            (.subAck(MQTTSubAck(packetIdentifier: 1, returnCodes: [])), .protocolViolation),
            (.unsubscribe(MQTTUnsubscribe(packetIdentifier: 1, topicFilters: [])), .protocolViolation),
            (.connAck(MQTTConnAck(sessionPresent: true, returnCode: .notAuthorized)), .protocolViolation),
            (.connect(MQTTConnect(clientIdentifier: "a\u{0}b", cleanSession: true, keepAliveSeconds: 0)), .malformed),
            (
                .connect(
                    MQTTConnect(
                        clientIdentifier: String(repeating: "x", count: 65_536), cleanSession: true, keepAliveSeconds: 0
                    )), .malformed
            ),
            (
                .connect(
                    MQTTConnect(
                        clientIdentifier: "c", cleanSession: true, keepAliveSeconds: 0,
                        credentials: MQTTCredentials(username: "u", password: [UInt8](repeating: 1, count: 65_536)))),
                .malformed
            ),
            (
                .publish(
                    MQTTPublish(
                        topicName: "t", payload: ByteBuffer(repeating: 0, count: MQTTPacket.maximumRemainingLength),
                        delivery: .atMostOnce)), .tooLarge
            ),
        ]
        for (packet, code) in cases {
            var out = ByteBuffer()
            #expect(throws: MQTTError(code, "")) { try MQTTPacketEncoder.encode(packet, into: &out) }
        }
    }

    @Test func credentialsDoNotPrintThePassword() {
        let credentials = MQTTCredentials(username: "ingest", password: "hunter2")
        let connect = MQTTConnect(
            clientIdentifier: "c", cleanSession: true, keepAliveSeconds: 0, credentials: credentials)
        for text in [String(describing: credentials), String(reflecting: credentials), String(describing: connect)] {
            #expect(!text.contains("hunter2"))
            #expect(!text.contains("104, 117"))  // the password's bytes
        }
        var dumped = ""
        dump(credentials, to: &dumped)
        #expect(!dumped.contains("104"))
        #expect(dumped.contains("redacted"))
    }
}
