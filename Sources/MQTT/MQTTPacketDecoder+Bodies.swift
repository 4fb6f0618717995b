import NIOCore

extension MQTTPacketDecoder {
    /// Decodes the variable header and payload of a packet whose whole body is in `body`.
    static func decodeBody(type: MQTTPacketType, flags: UInt8, body: inout ByteBuffer) throws(MQTTError) -> MQTTPacket {
        switch type {
        case .connect:
            return .connect(try decodeConnect(&body))
        case .connAck:
            let acknowledgeFlags = try body.readMQTTByte("CONNACK flags")
            guard acknowledgeFlags & 0xFE == 0 else {
                throw MQTTError(.malformed, "expected CONNACK flag bits 7-1 to be 0, found \(acknowledgeFlags)")
            }
            let rawCode = try body.readMQTTByte("CONNACK return code")
            try body.expectMQTTEnd(of: "CONNACK")
            guard let code = MQTTConnAck.ReturnCode(rawValue: rawCode) else {
                throw MQTTError(.malformed, "expected a CONNACK return code from 0 to 5, found \(rawCode)")
            }
            let sessionPresent = acknowledgeFlags == 1
            guard !(sessionPresent && code != .accepted) else {
                throw MQTTError(.malformed, "expected session present 0 in a refused CONNACK, found 1")
            }
            return .connAck(MQTTConnAck(sessionPresent: sessionPresent, returnCode: code))
        case .publish:
            return .publish(try decodePublish(flags: flags, body: &body))
        case .pubAck, .unsubAck:
            let identifier = try body.readMQTTPacketIdentifier()
            try body.expectMQTTEnd(of: type == .pubAck ? "PUBACK" : "UNSUBACK")
            return type == .pubAck ? .pubAck(packetIdentifier: identifier) : .unsubAck(packetIdentifier: identifier)
        case .pubRec, .pubRel, .pubComp:
            _ = try body.readMQTTPacketIdentifier()
            try body.expectMQTTEnd(of: "QoS 2 acknowledgement")
            throw MQTTError(
                .qos2Unsupported, "expected QoS 0 or 1 traffic, found a QoS 2 acknowledgement (type \(type.rawValue))")
        case .subscribe:
            let identifier = try body.readMQTTPacketIdentifier()
            var subscriptions: [MQTTSubscription] = []
            var sawQoS2 = false
            repeat {
                let filter = try MQTTTopicFilter(body.readMQTTString("topic filter"))
                let requested = try body.readMQTTByte("requested QoS")
                guard requested & 0xFC == 0 else {
                    throw MQTTError(.malformed, "expected requested QoS bits 7-2 to be 0, found \(requested)")
                }
                if requested == 2 { sawQoS2 = true; continue }
                subscriptions.append(
                    MQTTSubscription(topicFilter: filter, qos: try MQTTQoS.decode(requested, field: "SUBSCRIBE")))
            } while body.readableBytes > 0
            if sawQoS2 { throw MQTTError(.qos2Unsupported, "expected requested QoS 0 or 1 in SUBSCRIBE, found 2") }
            return .subscribe(MQTTSubscribe(packetIdentifier: identifier, subscriptions: subscriptions))
        case .subAck:
            let identifier = try body.readMQTTPacketIdentifier()
            guard body.readableBytes > 0 else {
                throw MQTTError(.malformed, "expected at least one return code in SUBACK, found none")
            }
            var codes: [MQTTSubAck.ReturnCode] = []
            var sawQoS2 = false
            while let raw = body.readInteger(as: UInt8.self) {
                switch raw {
                case 0x00: codes.append(.granted(.atMostOnce))
                case 0x01: codes.append(.granted(.atLeastOnce))
                case 0x02: sawQoS2 = true
                case 0x80: codes.append(.failure)
                default: throw MQTTError(.malformed, "expected a SUBACK return code 0, 1, 2 or 0x80, found \(raw)")
                }
            }
            if sawQoS2 { throw MQTTError(.qos2Unsupported, "expected granted QoS 0 or 1 in SUBACK, found 2") }
            return .subAck(MQTTSubAck(packetIdentifier: identifier, returnCodes: codes))
        case .unsubscribe:
            let identifier = try body.readMQTTPacketIdentifier()
            var filters: [MQTTTopicFilter] = []
            repeat {
                filters.append(try MQTTTopicFilter(body.readMQTTString("topic filter")))
            } while body.readableBytes > 0
            return .unsubscribe(MQTTUnsubscribe(packetIdentifier: identifier, topicFilters: filters))
        case .pingReq, .pingResp, .disconnect:
            try body.expectMQTTEnd(of: type == .pingReq ? "PINGREQ" : type == .pingResp ? "PINGRESP" : "DISCONNECT")
            return type == .pingReq ? .pingReq : type == .pingResp ? .pingResp : .disconnect
        }
    }

    private static func decodePublish(flags: UInt8, body: inout ByteBuffer) throws(MQTTError) -> MQTTPublish {
        let duplicate = flags & 0b1000 != 0
        let retain = flags & 0b0001 != 0
        let qos2Bits = (flags >> 1) & 0b11
        if qos2Bits == 3 { throw MQTTError(.malformed, "expected PUBLISH QoS 0, 1 or 2, found 3") }
        let topicName = try body.readMQTTString("topic name")
        try MQTTTopic.validateName(topicName)
        let delivery: MQTTPublish.Delivery
        switch qos2Bits {
        case 0:
            guard !duplicate else { throw MQTTError(.malformed, "expected DUP 0 on a QoS 0 PUBLISH, found 1") }
            delivery = .atMostOnce
        case 1:
            delivery = .atLeastOnce(packetIdentifier: try body.readMQTTPacketIdentifier(), duplicate: duplicate)
        default:
            _ = try body.readMQTTPacketIdentifier()
            throw MQTTError(.qos2Unsupported, "expected PUBLISH QoS 0 or 1, found QoS 2")
        }
        let payload = body.readSlice(length: body.readableBytes) ?? ByteBuffer()
        return MQTTPublish(topicName: topicName, payload: payload, delivery: delivery, retain: retain)
    }

    private static func decodeConnect(_ body: inout ByteBuffer) throws(MQTTError) -> MQTTConnect {
        let protocolName = try body.readMQTTString("protocol name")
        guard protocolName == "MQTT" else { throw MQTTError(.malformed, "expected the protocol name \"MQTT\"") }
        let level = try body.readMQTTByte("protocol level")
        guard level == 4 else { throw MQTTError(.protocolViolation, "expected protocol level 4, found \(level)") }
        let flags = try body.readMQTTByte("connect flags")
        guard flags & 0x01 == 0 else {
            throw MQTTError(.malformed, "expected the reserved connect flag bit 0 to be 0, found 1")
        }
        let hasUsername = flags & 0x80 != 0
        let hasPassword = flags & 0x40 != 0
        let willRetain = flags & 0x20 != 0
        let willQoSBits = (flags >> 3) & 0b11
        let hasWill = flags & 0x04 != 0
        if !hasWill && (willRetain || willQoSBits != 0) {
            throw MQTTError(.malformed, "expected will QoS 0 and will retain 0 without the will flag")
        }
        if hasPassword && !hasUsername {
            throw MQTTError(.malformed, "expected the user name flag with the password flag")
        }
        let keepAlive = try body.readMQTTUInt16("keep alive")
        let clientIdentifier = try body.readMQTTString("client identifier")
        var will: MQTTWill?
        if hasWill {
            let qos = try MQTTQoS.decode(willQoSBits, field: "will QoS")
            let topic = try body.readMQTTString("will topic")
            try MQTTTopic.validateName(topic)
            let message = try body.readMQTTBinary("will message")
            will = MQTTWill(topicName: topic, message: message, qos: qos, retain: willRetain)
        }
        var credentials: MQTTCredentials?
        if hasUsername {
            let username = try body.readMQTTString("user name")
            var password: [UInt8]?
            if hasPassword { password = Array(try body.readMQTTBinary("password").readableBytesView) }
            credentials = MQTTCredentials(username: username, password: password)
        }
        try body.expectMQTTEnd(of: "CONNECT")
        return MQTTConnect(
            clientIdentifier: clientIdentifier, cleanSession: flags & 0x02 != 0, keepAliveSeconds: keepAlive,
            credentials: credentials, will: will)
    }
}
