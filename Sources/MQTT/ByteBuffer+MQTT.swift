import NIOCore

extension ByteBuffer {
    // MARK: Writing (callers have validated lengths)

    /// Writes a Remaining Length as a variable length integer of one to four bytes (§2.2.3).
    mutating func writeMQTTVariableLength(_ value: Int) {
        var remaining = value
        repeat {
            var byte = UInt8(remaining % 128)
            remaining /= 128
            if remaining > 0 { byte |= 0x80 }
            writeInteger(byte)
        } while remaining > 0
    }

    /// Writes a UTF-8 string with its two-byte length (§1.5.3).
    mutating func writeMQTTString(_ text: String, what: String) throws(MQTTError) {
        let count = text.utf8.count
        guard count <= 65_535 else {
            throw MQTTError(.malformed, "expected a \(what) of at most 65535 bytes, found \(count)")
        }
        guard !text.utf8.contains(0) else { throw MQTTError(.malformed, "expected a \(what) without U+0000") }
        writeInteger(UInt16(count))
        writeString(text)
    }

    /// Writes binary data with its two-byte length (password, will message).
    mutating func writeMQTTBinary(_ bytes: some Collection<UInt8>, what: String) throws(MQTTError) {
        guard bytes.count <= 65_535 else {
            throw MQTTError(.malformed, "expected a \(what) of at most 65535 bytes, found \(bytes.count)")
        }
        writeInteger(UInt16(bytes.count))
        writeBytes(bytes)
    }

    // MARK: Reading a packet body (a complete slice: running short is malformed, not "need more")

    /// Reads one byte or throws `MQTT_MALFORMED`.
    mutating func readMQTTByte(_ what: String) throws(MQTTError) -> UInt8 {
        guard let byte = readInteger(as: UInt8.self) else {
            throw MQTTError(.malformed, "expected a \(what) byte, found the end of the packet")
        }
        return byte
    }

    /// Reads a two-byte big-endian integer or throws `MQTT_MALFORMED`.
    mutating func readMQTTUInt16(_ what: String) throws(MQTTError) -> UInt16 {
        guard let value = readInteger(as: UInt16.self) else {
            throw MQTTError(.malformed, "expected a two-byte \(what), found \(readableBytes) bytes")
        }
        return value
    }

    /// Reads a non-zero packet identifier (§2.3.1).
    mutating func readMQTTPacketIdentifier() throws(MQTTError) -> UInt16 {
        let identifier = try readMQTTUInt16("packet identifier")
        guard identifier != 0 else { throw MQTTError(.malformed, "expected a non-zero packet identifier, found 0") }
        return identifier
    }

    /// Reads binary data with a two-byte length.
    mutating func readMQTTBinary(_ what: String) throws(MQTTError) -> ByteBuffer {
        let length = Int(try readMQTTUInt16("\(what) length"))
        guard let slice = readSlice(length: length) else {
            throw MQTTError(.malformed, "expected \(length) bytes of \(what), found \(readableBytes)")
        }
        return slice
    }

    /// Reads a UTF-8 string with a two-byte length: well-formed UTF-8 (so no surrogates) without U+0000 (§1.5.3).
    mutating func readMQTTString(_ what: String) throws(MQTTError) -> String {
        let slice = try readMQTTBinary(what)
        let view = slice.readableBytesView
        guard !view.contains(0) else { throw MQTTError(.malformed, "expected a \(what) without U+0000") }
        guard let text = String(validating: view, as: UTF8.self) else {
            throw MQTTError(.malformed, "expected well-formed UTF-8 in the \(what)")
        }
        return text
    }

    /// Throws `MQTT_MALFORMED` unless the whole body has been read.
    func expectMQTTEnd(of what: String) throws(MQTTError) {
        guard readableBytes == 0 else {
            throw MQTTError(.malformed, "expected the end of the \(what) packet, found \(readableBytes) more bytes")
        }
    }
}
