import NIOCore

/// Encodes ``MQTTPacket`` values into MQTT 3.1.1 bytes.
///
/// The encoder checks what the decoder checks: strings of at most 65,535 bytes without U+0000, valid topic names
/// and filters, non-zero packet identifiers, non-empty SUBSCRIBE and UNSUBSCRIBE lists, a password only with a
/// user name, and a Remaining Length of at most 268,435,455 bytes. Usable as a NIO `MessageToByteEncoder`.
public struct MQTTPacketEncoder: MessageToByteEncoder, Sendable {
    /// The packet type encoded.
    public typealias OutboundIn = MQTTPacket

    /// An encoder.
    public init() {}

    /// Appends the encoding of `packet` to `out`; throws an ``MQTTError`` for a packet that cannot be valid.
    public func encode(data packet: MQTTPacket, out: inout ByteBuffer) throws {
        try Self.encode(packet, into: &out)
    }

    /// Appends the encoding of `packet` to `out`.
    public static func encode(_ packet: MQTTPacket, into out: inout ByteBuffer) throws(MQTTError) {
        var body = ByteBuffer()
        let type: MQTTPacketType
        var flags: UInt8 = 0
        switch packet {
        case .connect(let connect):
            type = .connect
            try encodeConnect(connect, into: &body)
        case .connAck(let connAck):
            type = .connAck
            let refusedWithSession = connAck.sessionPresent && connAck.returnCode != .accepted
            guard !refusedWithSession else {
                throw MQTTError(.protocolViolation, "expected session present 0 in a refused CONNACK, found 1")
            }
            body.writeInteger(UInt8(connAck.sessionPresent ? 1 : 0))
            body.writeInteger(connAck.returnCode.rawValue)
        case .publish(let publish):
            type = .publish
            try MQTTTopic.validateName(publish.topicName)
            try body.writeMQTTString(publish.topicName, what: "topic name")
            if case .atLeastOnce(let identifier, let duplicate) = publish.delivery {
                try body.writeMQTTPacketIdentifier(identifier)
                flags = 0b0010 | (duplicate ? 0b1000 : 0)
            }
            if publish.retain { flags |= 0b0001 }
            var payload = publish.payload
            body.writeBuffer(&payload)
        case .pubAck(let identifier):
            type = .pubAck
            try body.writeMQTTPacketIdentifier(identifier)
        case .subscribe(let subscribe):
            type = .subscribe
            guard !subscribe.subscriptions.isEmpty else {
                throw MQTTError(.protocolViolation, "expected at least one subscription in SUBSCRIBE, found none")
            }
            try body.writeMQTTPacketIdentifier(subscribe.packetIdentifier)
            for subscription in subscribe.subscriptions {
                try body.writeMQTTString(subscription.topicFilter.string, what: "topic filter")
                body.writeInteger(subscription.qos.rawValue)
            }
        case .subAck(let subAck):
            type = .subAck
            guard !subAck.returnCodes.isEmpty else {
                throw MQTTError(.protocolViolation, "expected at least one return code in SUBACK, found none")
            }
            try body.writeMQTTPacketIdentifier(subAck.packetIdentifier)
            for code in subAck.returnCodes {
                switch code {
                case .granted(let qos): body.writeInteger(qos.rawValue)
                case .failure: body.writeInteger(UInt8(0x80))
                }
            }
        case .unsubscribe(let unsubscribe):
            type = .unsubscribe
            guard !unsubscribe.topicFilters.isEmpty else {
                throw MQTTError(.protocolViolation, "expected at least one topic filter in UNSUBSCRIBE, found none")
            }
            try body.writeMQTTPacketIdentifier(unsubscribe.packetIdentifier)
            for filter in unsubscribe.topicFilters {
                try body.writeMQTTString(filter.string, what: "topic filter")
            }
        case .unsubAck(let identifier):
            type = .unsubAck
            try body.writeMQTTPacketIdentifier(identifier)
        case .pingReq: type = .pingReq
        case .pingResp: type = .pingResp
        case .disconnect: type = .disconnect
        }
        guard body.readableBytes <= MQTTPacket.maximumRemainingLength else {
            throw MQTTError(
                .tooLarge,
                "expected a Remaining Length of at most \(MQTTPacket.maximumRemainingLength), "
                    + "found \(body.readableBytes)"
            )
        }
        out.writeInteger(type.rawValue << 4 | (type.requiredFlags ?? flags))
        out.writeMQTTVariableLength(body.readableBytes)
        out.writeBuffer(&body)
    }

    private static func encodeConnect(_ connect: MQTTConnect, into body: inout ByteBuffer) throws(MQTTError) {
        try body.writeMQTTString("MQTT", what: "protocol name")
        body.writeInteger(UInt8(4))
        var flags: UInt8 = connect.cleanSession ? 0b0000_0010 : 0
        if let will = connect.will {
            flags |= 0b0000_0100 | will.qos.rawValue << 3 | (will.retain ? 0b0010_0000 : 0)
        }
        if let credentials = connect.credentials {
            flags |= 0b1000_0000
            if credentials.password != nil { flags |= 0b0100_0000 }
        }
        body.writeInteger(flags)
        body.writeInteger(connect.keepAliveSeconds)
        try body.writeMQTTString(connect.clientIdentifier, what: "client identifier")
        if let will = connect.will {
            try MQTTTopic.validateName(will.topicName)
            try body.writeMQTTString(will.topicName, what: "will topic")
            try body.writeMQTTBinary(will.message.readableBytesView, what: "will message")
        }
        if let credentials = connect.credentials {
            try body.writeMQTTString(credentials.username, what: "user name")
            if let password = credentials.password { try body.writeMQTTBinary(password, what: "password") }
        }
    }
}

extension ByteBuffer {
    fileprivate mutating func writeMQTTPacketIdentifier(_ identifier: UInt16) throws(MQTTError) {
        guard identifier != 0 else { throw MQTTError(.malformed, "expected a non-zero packet identifier, found 0") }
        writeInteger(identifier)
    }
}
