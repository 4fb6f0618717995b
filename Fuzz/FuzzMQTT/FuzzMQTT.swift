// libFuzzer entry point for the MQTT 3.1.1 packet decoder and client state machine.
//
// Build and run (see Fuzz/README.md):
//   swift build --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --product FuzzMQTT
//   .build/debug/FuzzMQTT corpus/ -max_total_time=60
//
// Properties checked on every input:
//   1. the decoder, fed the bytes repeatedly, returns packets until it needs more or throws an MQTTError, and never
//      crashes; a `nil` consumes nothing;
//   2. every decoded packet re-encodes to exactly the bytes it was decoded from (the decoder accepts only the
//      canonical form), and the encoding decodes to the same packet;
//   3. the same bytes fed one at a time give the same packets and the same error code;
//   4. a client state machine that is waiting for its CONNACK, fed the bytes, never crashes and never asks for a
//      PUBACK before the application acknowledged anything.
import MQTT
import NIOCore

/// Decodes until `nil` or an error; returns the packets with their encodings, the error code and the bytes left.
func decodeAll(_ input: ByteBuffer, decoder: MQTTPacketDecoder) -> ([(MQTTPacket, ByteBuffer)], String?, Int) {
    var buffer = input
    var packets: [(MQTTPacket, ByteBuffer)] = []
    while true {
        let before = buffer
        do {
            guard let packet = try decoder.decodePacket(from: &buffer) else {
                guard buffer == before else { fatalError("decoder consumed bytes without returning a packet") }
                return (packets, nil, buffer.readableBytes)
            }
            let length = before.readableBytes - buffer.readableBytes
            guard length > 0, let consumed = before.getSlice(at: before.readerIndex, length: length) else {
                fatalError("decoder returned a packet without consuming its bytes")
            }
            packets.append((packet, consumed))
        } catch {
            return (packets, error.code, buffer.readableBytes)
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = ByteBuffer(bytes: UnsafeBufferPointer(start: data, count: size))
    let decoder = MQTTPacketDecoder(maximumPacketSize: 4096)
    let (packets, errorCode, _) = decodeAll(input, decoder: decoder)

    // Property 2: canonical re-encoding.
    for (packet, bytes) in packets {
        var encoded = ByteBuffer()
        do {
            try MQTTPacketEncoder.encode(packet, into: &encoded)
        } catch {
            fatalError("a decoded packet failed to encode: \(error.code)")
        }
        guard encoded == bytes else { fatalError("re-encoding differs from the decoded bytes") }
    }

    // Property 3: byte-at-a-time feeding gives the same packets and error.
    var stream = ByteBuffer()
    var streamed: [MQTTPacket] = []
    var streamedError: String?
    var streamDecoder = decoder
    feeding: for byte in input.readableBytesView {
        stream.writeInteger(byte)
        while true {
            do {
                guard let packet = try streamDecoder.decode(buffer: &stream) else { break }
                streamed.append(packet)
            } catch let error as MQTTError {
                streamedError = error.code
                break feeding
            } catch {
                fatalError("decoder threw a non-MQTTError: \(type(of: error))")
            }
        }
    }
    guard streamed == packets.map(\.0), streamedError == errorCode else {
        fatalError("byte-at-a-time decoding differs from whole-buffer decoding")
    }

    // Property 4: the client state machine survives anything a broker might send.
    let filter = try! MQTTTopicFilter("dvc/v1/devices/+/telemetry")
    var machine = MQTTClientStateMachine(
        configuration: MQTTClientConfiguration(
            clientIdentifier: "fuzz", subscriptions: [MQTTSubscription(topicFilter: filter, qos: .atLeastOnce)],
            maximumPacketSize: 4096))
    _ = machine.start()
    _ = machine.channelActive()
    for action in machine.bytesReceived(input) {
        if case .send(.pubAck) = action { fatalError("PUBACK sent before the application acknowledged") }
    }
    _ = machine.keepAliveTimerFired()
    _ = machine.connectionClosed()
    return 0
}
