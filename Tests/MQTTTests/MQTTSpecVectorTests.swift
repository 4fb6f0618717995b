import MQTT
import NIOCore
import Testing

/// Byte-exact vectors written from the non-normative examples of the MQTT 3.1.1 standard.
@Suite("MQTT 3.1.1 spec examples")
struct MQTTSpecVectorTests {
    /// §3.1.2.10, figure 3.6: protocol name "MQTT", level 4, connect flags 0xCE (user name, password, will QoS 1,
    /// will flag, clean session), keep alive 10; payload order client id, will topic, will message, user, password.
    static let connectBytes: [UInt8] =
        [0x10, 0x3E]
        + [0x00, 0x04, 0x4D, 0x51, 0x54, 0x54, 0x04, 0xCE, 0x00, 0x0A]
        + [0x00, 0x0A] + Array("dvc-ingest".utf8)
        + [0x00, 0x0D] + Array("dvc/v1/status".utf8)
        + [0x00, 0x07] + Array("offline".utf8)
        + [0x00, 0x06] + Array("ingest".utf8)
        + [0x00, 0x06] + Array("secret".utf8)

    static let connect = MQTTPacket.connect(
        MQTTConnect(
            clientIdentifier: "dvc-ingest", cleanSession: true, keepAliveSeconds: 10,
            credentials: MQTTCredentials(username: "ingest", password: "secret"),
            will: MQTTWill(topicName: "dvc/v1/status", message: ByteBuffer(string: "offline"), qos: .atLeastOnce)))

    @Test func connectWithCredentialsAndWill() throws {
        #expect(Self.connectBytes.count == 2 + 0x3E)
        #expect(try encoded(Self.connect) == Self.connectBytes)
        #expect(try decodedOne(Self.connectBytes) == Self.connect)
    }

    @Test func connectWithCredentialsOnly() throws {
        // Flags 0xC2: user name, password, clean session.
        let bytes: [UInt8] =
            [0x10, 0x26, 0x00, 0x04, 0x4D, 0x51, 0x54, 0x54, 0x04, 0xC2, 0x00, 0x3C]
            + [0x00, 0x0A] + Array("dvc-ingest".utf8) + [0x00, 0x06] + Array("ingest".utf8)
            + [0x00, 0x06] + Array("secret".utf8)
        let packet = MQTTPacket.connect(
            MQTTConnect(
                clientIdentifier: "dvc-ingest", cleanSession: true, keepAliveSeconds: 60,
                credentials: MQTTCredentials(username: "ingest", password: "secret")))
        #expect(try encoded(packet) == bytes)
        #expect(try decodedOne(bytes) == packet)
    }

    /// §3.8.2 figure 3.21 (packet identifier 10) and §3.8.3 figure 3.23 ("a/b" QoS 1, "c/d" QoS 2). The second
    /// filter asks for QoS 0 here; the example as written asks for QoS 2, which this client refuses.
    @Test func subscribe() throws {
        let bytes: [UInt8] = [
            0x82, 0x0E, 0x00, 0x0A, 0x00, 0x03, 0x61, 0x2F, 0x62, 0x01, 0x00, 0x03, 0x63, 0x2F, 0x64, 0x00,
        ]
        let packet = MQTTPacket.subscribe(
            MQTTSubscribe(
                packetIdentifier: 10,
                subscriptions: [
                    MQTTSubscription(topicFilter: try filter("a/b"), qos: .atLeastOnce),
                    MQTTSubscription(topicFilter: try filter("c/d"), qos: .atMostOnce),
                ]))
        #expect(try encoded(packet) == bytes)
        #expect(try decodedOne(bytes) == packet)

        var asWritten = bytes
        asWritten[15] = 0x02
        #expect(throws: MQTTError(.qos2Unsupported, "")) { try decodedAll(asWritten) }
    }

    /// §3.9.3 figure 3.26: SUBACK return codes 0, 2 and 0x80; with QoS 1 in place of 2.
    @Test func subAck() throws {
        let bytes: [UInt8] = [0x90, 0x05, 0x00, 0x0A, 0x00, 0x01, 0x80]
        let packet = MQTTPacket.subAck(
            MQTTSubAck(packetIdentifier: 10, returnCodes: [.granted(.atMostOnce), .granted(.atLeastOnce), .failure]))
        #expect(try encoded(packet) == bytes)
        #expect(try decodedOne(bytes) == packet)
    }

    /// §3.3.2.3 figure 3.11: topic "a/b", packet identifier 10.
    @Test func publishVariableHeader() throws {
        let bytes: [UInt8] = [0x32, 0x07, 0x00, 0x03, 0x61, 0x2F, 0x62, 0x00, 0x0A]
        let packet = MQTTPacket.publish(
            MQTTPublish(
                topicName: "a/b", payload: ByteBuffer(), delivery: .atLeastOnce(packetIdentifier: 10, duplicate: false))
        )
        #expect(try encoded(packet) == bytes)
        #expect(try decodedOne(bytes) == packet)
    }

    /// §1.5.3.1 figure 1.3: "A\u{2A6D4}" encodes as 00 05 41 F0 AA 9B 94.
    @Test func utf8StringExample() throws {
        let bytes: [UInt8] = [0xA2, 0x09, 0x00, 0x01, 0x00, 0x05, 0x41, 0xF0, 0xAA, 0x9B, 0x94]
        let packet = MQTTPacket.unsubscribe(
            MQTTUnsubscribe(packetIdentifier: 1, topicFilters: [try filter("A\u{2A6D4}")]))
        #expect(try encoded(packet) == bytes)
        #expect(try decodedOne(bytes) == packet)
    }
}
