/// The identifier of a telemetry device: 1 to 64 ASCII letters, digits, `.`, `_`, `:` or `-`.
///
/// The same text is the COSE `kid` of the device's signed batches (its UTF-8 bytes), so a registry looks the
/// device's public key up by it. GS1 GIAI-style identifiers (`urn:epc:id:giai:...`) fit the character set.
public struct TelemetryDeviceID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The longest accepted identifier, in bytes.
    public static let maximumLength = 64

    /// The identifier text.
    public let rawValue: String

    /// Validates `rawValue`.
    /// - Throws: ``TelemetryError`` with `TELEMETRY_MALFORMED` (field `deviceID`) when it is empty, longer than
    ///   ``maximumLength`` or holds another character.
    public init(_ rawValue: String) throws(TelemetryError) {
        try self.init(utf8: Array(rawValue.utf8), field: "deviceID")
    }

    /// Validates the bytes of a `kid` or of the batch's device id field.
    init(utf8 bytes: some Collection<UInt8>, field: String) throws(TelemetryError) {
        guard !bytes.isEmpty, bytes.count <= Self.maximumLength else {
            throw .malformed(field, "expected 1 to \(Self.maximumLength) characters, found \(bytes.count)")
        }
        guard bytes.allSatisfy(Self.isAllowed) else {
            throw .malformed(field, "expected only ASCII letters, digits, '.', '_', ':' or '-', found another byte")
        }
        self.rawValue = String(decoding: bytes, as: UTF8.self)
    }

    /// The COSE `kid` for this device: the UTF-8 bytes of the identifier.
    public var keyID: [UInt8] { Array(rawValue.utf8) }

    /// The identifier text.
    public var description: String { rawValue }

    /// Orders identifiers by their text.
    public static func < (lhs: TelemetryDeviceID, rhs: TelemetryDeviceID) -> Bool { lhs.rawValue < rhs.rawValue }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: ":"),
            UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }
}
