import CBOR

extension TelemetryBatch {
    /// Map keys of the batch (docs/TELEMETRY.md).
    enum Key {
        static let deviceID: UInt64 = 1
        static let sequence: UInt64 = 2
        static let sentAt: UInt64 = 3
        static let readings: UInt64 = 4
        static let positions: UInt64 = 5
    }

    /// The deterministic CBOR encoding (RFC 8949 section 4.2.1) of the batch: shortest integer heads, definite
    /// lengths, keys 1 to 5 in ascending order, key 5 left out when there are no positions, and a sample's
    /// sensor left out when it is `nil`. The same batch always gives the same bytes.
    ///
    /// Encoding does not validate; ``SignedTelemetry/sign(_:key:kid:limits:)`` does.
    public func encoded() -> [UInt8] {
        var serializer = CBORSerializer()
        serializer.reserveCapacity(32 + deviceID.rawValue.utf8.count + readings.count * 16 + positions.count * 20)
        serializer.appendMapHeader(count: positions.isEmpty ? 4 : 5)
        serializer.appendHead(majorType: 0, argument: Key.deviceID)
        serializer.appendTextString(deviceID.rawValue)
        serializer.appendHead(majorType: 0, argument: Key.sequence)
        serializer.appendHead(majorType: 0, argument: sequence)
        serializer.appendHead(majorType: 0, argument: Key.sentAt)
        serializer.appendInteger(sentAt)
        serializer.appendHead(majorType: 0, argument: Key.readings)
        serializer.appendArrayHeader(count: readings.count)
        for reading in readings {
            serializer.appendArrayHeader(count: reading.sensor == nil ? 2 : 3)
            serializer.appendInteger(reading.time)
            serializer.appendInteger(Int64(reading.centiCelsius))
            if let sensor = reading.sensor { serializer.appendHead(majorType: 0, argument: UInt64(sensor)) }
        }
        if !positions.isEmpty {
            serializer.appendHead(majorType: 0, argument: Key.positions)
            serializer.appendArrayHeader(count: positions.count)
            for position in positions {
                serializer.appendArrayHeader(count: 3)
                serializer.appendInteger(position.time)
                serializer.appendInteger(Int64(position.latitudeE7))
                serializer.appendInteger(Int64(position.longitudeE7))
            }
        }
        return serializer.bytes
    }

    /// Decodes and validates a batch from its CBOR bytes (the payload of a signed message).
    ///
    /// Strict: the bytes must be one map in deterministic encoding with keys 1 to 4 (and 5 when there are
    /// positions), no other key, every value of the documented type and range, within `limits`.
    /// - Throws: ``TelemetryError`` with `TELEMETRY_MALFORMED` naming the field, `TELEMETRY_OUT_OF_RANGE`, or
    ///   `TELEMETRY_TOO_LARGE`.
    public init(cbor bytes: ArraySlice<UInt8>, limits: TelemetryLimits = .default) throws(TelemetryError) {
        guard bytes.count <= limits.maxMessageSize else {
            throw TelemetryError(
                .tooLarge, "expected a batch of at most \(limits.maxMessageSize) bytes, found \(bytes.count)",
                field: "payload")
        }
        let options = CBOR.DecodingOptions(
            maxDepth: TelemetryLimits.payloadDepth, maxItems: limits.maxPayloadItems,
            maxInputSize: limits.maxMessageSize)
        let root: CBORNode
        do {
            root = try CBOR.decode(bytes, options: options)
        } catch let error as CBORError where error.errorCode == .tooLarge {
            throw TelemetryError(.tooLarge, "payload: \(error.message)", field: "payload")
        } catch let error as CBORError {
            throw .malformed("payload", "expected one CBOR data item: \(error.code) \(error.message)")
        } catch {
            throw .malformed("payload", "expected one CBOR data item, found undecodable bytes")
        }
        try self.init(node: root, limits: limits)
        try validate(limits: limits)
        guard encoded().elementsEqual(bytes) else {
            throw .malformed(
                "payload", "expected the deterministic encoding (shortest heads, keys in order), found another")
        }
    }

    /// Decodes and validates a batch from its CBOR bytes; see the `ArraySlice` overload.
    public init(cbor bytes: [UInt8], limits: TelemetryLimits = .default) throws(TelemetryError) {
        try self.init(cbor: bytes[...], limits: limits)
    }

    /// Reads the fields of the batch map (types and shapes only; ranges are checked by ``validate(limits:)``).
    private init(node: CBORNode, limits: TelemetryLimits) throws(TelemetryError) {
        guard let entries = node.mapEntries else {
            throw .malformed("payload", "expected a map, found \(node.typeName)")
        }
        var deviceID: TelemetryDeviceID?
        var sequence: UInt64?
        var sentAt: Int64?
        var readings: [TemperatureSample]?
        var positions: [PositionSample]?
        for entry in entries {
            guard let key = entry.key.unsignedValue else {
                throw .malformed("payload", "expected unsigned integer keys 1 to 5, found \(entry.key.typeName)")
            }
            let value = entry.value
            switch key {
            case Key.deviceID:
                guard let text = value.textValue else {
                    throw .malformed("deviceID", "expected a text string, found \(value.typeName)")
                }
                deviceID = try TelemetryDeviceID(utf8: text.utf8, field: "deviceID")
            case Key.sequence:
                guard let number = value.unsignedValue else {
                    throw .malformed("sequence", "expected an unsigned integer, found \(value.typeName)")
                }
                sequence = number
            case Key.sentAt:
                sentAt = try Self.time(value, field: "sentAt")
            case Key.readings:
                readings = try Self.readings(value, limits: limits)
            case Key.positions:
                positions = try Self.positions(value, limits: limits)
            default:
                throw .malformed("payload", "expected keys 1 to 5, found key \(key)")
            }
        }
        guard let deviceID else { throw .malformed("deviceID", "expected key 1, found none") }
        guard let sequence else { throw .malformed("sequence", "expected key 2, found none") }
        guard let sentAt else { throw .malformed("sentAt", "expected key 3, found none") }
        guard let readings else { throw .malformed("readings", "expected key 4, found none") }
        if let positions, positions.isEmpty {
            throw .malformed("positions", "expected at least one position when key 5 is present, found none")
        }
        self.init(
            deviceID: deviceID, sequence: sequence, sentAt: sentAt, readings: readings, positions: positions ?? [])
    }
}
