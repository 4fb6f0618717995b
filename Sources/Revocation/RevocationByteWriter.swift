/// Appends big-endian integers and records to a byte array.
struct RevocationByteWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func append(_ raw: [UInt8]) { bytes += raw }

    mutating func append(_ value: UInt8) { bytes.append(value) }

    mutating func append(_ value: UInt32) {
        for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    mutating func append(_ value: UInt64) {
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    mutating func append(_ value: Int64) { append(UInt64(bitPattern: value)) }

    /// A 17-byte record: the type code and the 16 hash bytes.
    mutating func appendRecord(type: RevocationHashType, high: UInt64, low: UInt64) {
        append(type.code)
        append(high)
        append(low)
    }
}
