import NIOCore

/// A strict, incremental MQTT 3.1.1 packet decoder.
///
/// `decode(buffer:)` returns `nil` and consumes nothing when the buffer holds only part of a packet, returns the
/// packet and consumes its bytes when it holds a whole one, and throws an ``MQTTError`` as soon as the bytes cannot
/// be a valid packet: an error in the fixed header or a size over ``maximumPacketSize`` is reported before the rest
/// of the packet arrives, so an oversized packet is never buffered. Usable as a NIO
/// `NIOSingleStepByteToMessageDecoder` (wrap it in `ByteToMessageHandler`).
///
/// Checks: packet type 1 to 14; the reserved flag bits of every type (§2.2.2); QoS 3 and DUP on QoS 0; a Remaining
/// Length of at most four bytes in its shortest form; UTF-8 strings well-formed and without U+0000; non-zero packet
/// identifiers; exact body lengths; CONNECT flags (reserved bit, will and password rules, protocol "MQTT" level 4);
/// CONNACK and SUBACK return codes; topic names without wildcards and valid topic filters. QoS 2 packets
/// (PUBREC, PUBREL, PUBCOMP, PUBLISH at QoS 2, SUBSCRIBE requesting 2, SUBACK granting 2) are decoded and refused
/// with `MQTT_QOS2_UNSUPPORTED`.
public struct MQTTPacketDecoder: NIOSingleStepByteToMessageDecoder, Sendable {
    /// The packet type produced.
    public typealias InboundOut = MQTTPacket

    /// The default maximum packet size: 256 KiB, ample for telemetry readings.
    public static let defaultMaximumPacketSize = 256 * 1024

    /// The largest whole packet (fixed header included) accepted; larger ones throw `MQTT_TOO_LARGE`.
    public let maximumPacketSize: Int

    /// A decoder accepting packets up to `maximumPacketSize` bytes (clamped to what MQTT can express).
    public init(maximumPacketSize: Int = MQTTPacketDecoder.defaultMaximumPacketSize) {
        self.maximumPacketSize = max(2, min(maximumPacketSize, MQTTPacket.maximumRemainingLength + 5))
    }

    /// Decodes one packet from the front of `buffer`, or returns `nil` if more bytes are needed.
    public mutating func decode(buffer: inout ByteBuffer) throws -> MQTTPacket? {
        try decodePacket(from: &buffer)
    }

    /// At the end of the stream: a partial packet left over is malformed.
    public mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> MQTTPacket? {
        if let packet = try decodePacket(from: &buffer) { return packet }
        guard buffer.readableBytes == 0 else {
            throw MQTTError(
                .malformed, "expected a whole packet before the end of the stream, found \(buffer.readableBytes) bytes")
        }
        return nil
    }

    /// Decodes one packet from the front of `buffer`, or returns `nil` if more bytes are needed.
    public func decodePacket(from buffer: inout ByteBuffer) throws(MQTTError) -> MQTTPacket? {
        let start = buffer.readerIndex
        guard let first = buffer.getInteger(at: start, as: UInt8.self) else { return nil }
        let flags = first & 0x0F
        guard let type = MQTTPacketType(rawValue: first >> 4) else {
            throw MQTTError(.malformed, "expected a packet type from 1 to 14, found \(first >> 4)")
        }
        if let required = type.requiredFlags, flags != required {
            throw MQTTError(
                .malformed, "expected fixed-header flags \(required) for packet type \(type.rawValue), found \(flags)")
        }
        // Remaining Length: up to four bytes, seven bits each, least significant first.
        var remainingLength = 0
        var lengthBytes = 0
        while true {
            guard let byte = buffer.getInteger(at: start + 1 + lengthBytes, as: UInt8.self) else { return nil }
            remainingLength |= Int(byte & 0x7F) << (7 * lengthBytes)
            lengthBytes += 1
            if byte & 0x80 == 0 {
                if byte == 0 && lengthBytes > 1 {
                    throw MQTTError(
                        .malformed, "expected the Remaining Length in its shortest form, found a trailing zero byte")
                }
                break
            }
            guard lengthBytes < 4 else {
                throw MQTTError(
                    .malformed, "expected a Remaining Length of at most 4 bytes, found a continuation bit in byte 4")
            }
        }
        let total = 1 + lengthBytes + remainingLength
        guard total <= maximumPacketSize else {
            throw MQTTError(.tooLarge, "expected a packet of at most \(maximumPacketSize) bytes, found \(total)")
        }
        guard var body = buffer.getSlice(at: start + 1 + lengthBytes, length: remainingLength) else { return nil }
        let packet = try Self.decodeBody(type: type, flags: flags, body: &body)
        buffer.moveReaderIndex(forwardBy: total)
        return packet
    }
}
