import CBOR

extension TelemetryBatch {
    /// Reads a time: an integer (major type 0 or 1) that fits in `Int64`; the range is checked later.
    static func time(_ node: CBORNode, field: String) throws(TelemetryError) -> Int64 {
        guard let value = node.int64Value else {
            throw .malformed(field, "expected an integer time in ms, found \(node.typeName)")
        }
        return value
    }

    /// Reads an integer that must fit in `Int32`; larger integers are out of range, other types malformed.
    static func int32(_ node: CBORNode, field: String, range: String) throws(TelemetryError) -> Int32 {
        guard let value = node.int64Value else {
            switch node.content {
            case .unsigned, .negative: throw .outOfRange(field, range)
            default: throw .malformed(field, "expected an integer, found \(node.typeName)")
            }
        }
        guard let narrow = Int32(exactly: value) else { throw .outOfRange(field, range) }
        return narrow
    }

    /// Reads the readings array: `[* [time, centi-celsius, ? sensor]]`.
    static func readings(_ node: CBORNode, limits: TelemetryLimits) throws(TelemetryError) -> [TemperatureSample] {
        guard let items = node.arrayValue else {
            throw .malformed("readings", "expected an array, found \(node.typeName)")
        }
        guard items.count <= limits.maxReadings else {
            throw TelemetryError(
                .tooLarge, "expected at most \(limits.maxReadings) readings, found \(items.count)", field: "readings")
        }
        var readings: [TemperatureSample] = []
        for index in items.indices {
            let field = "readings[\(index)]"
            guard let members = items[index].arrayValue, members.count == 2 || members.count == 3 else {
                throw .malformed(field, "expected an array of 2 or 3 integers, found \(items[index].typeName)")
            }
            let time = try time(members[0], field: field + "[0]")
            let centi = try int32(members[1], field: field + "[1]", range: "-20000...15000 (centi-degrees Celsius)")
            var sensor: UInt16?
            if members.count == 3 {
                guard let number = members[2].unsignedValue else {
                    throw .malformed(
                        field + "[2]", "expected an unsigned integer sensor id, found \(members[2].typeName)")
                }
                guard let narrow = UInt16(exactly: number) else { throw .outOfRange(field + "[2]", "0...65535") }
                sensor = narrow
            }
            readings.append(TemperatureSample(time: time, centiCelsius: centi, sensor: sensor))
        }
        return readings
    }

    /// Reads the positions array: `[+ [time, latitude, longitude]]`.
    static func positions(_ node: CBORNode, limits: TelemetryLimits) throws(TelemetryError) -> [PositionSample] {
        guard let items = node.arrayValue else {
            throw .malformed("positions", "expected an array, found \(node.typeName)")
        }
        guard items.count <= limits.maxPositions else {
            throw TelemetryError(
                .tooLarge, "expected at most \(limits.maxPositions) positions, found \(items.count)", field: "positions"
            )
        }
        var positions: [PositionSample] = []
        for index in items.indices {
            let field = "positions[\(index)]"
            guard let members = items[index].arrayValue, members.count == 3 else {
                throw .malformed(field, "expected an array of 3 integers, found \(items[index].typeName)")
            }
            let time = try time(members[0], field: field + "[0]")
            let latitude = try int32(members[1], field: field + "[1]", range: "-900000000...900000000 (1e-7 degree)")
            let longitude = try int32(
                members[2], field: field + "[2]", range: "-1800000000...1800000000 (1e-7 degree)")
            positions.append(PositionSample(time: time, latitudeE7: latitude, longitudeE7: longitude))
        }
        return positions
    }
}
