/// A GS1 element string: AIs and values as carried in a GS1 DataMatrix, GS1-128 or GS1 QR Code.
///
/// Parses the barcode data form (optional symbology identifier `]d2`, `]C1`, `]Q3`, `]e0`, a leading FNC1 given
/// as GS, GS (0x1D) after variable-length fields) and the human-readable form `(01)...(17)...(10)...`.
public struct GS1ElementString: Hashable, Sendable {
    /// Group separator (ASCII 29), which transmits FNC1 in data.
    public static let groupSeparator: UInt8 = 0x1D
    /// Default input limit in bytes.
    public static let defaultMaxBytes = 1024
    /// Default maximum number of elements.
    public static let maxElements = 64

    /// The elements in input order.
    public let elements: [GS1Element]

    /// Creates an element string from elements; repeated AIs are rejected.
    public init(_ elements: [GS1Element]) throws(GS1Error) {
        var seen: Set<String> = []
        for element in elements {
            guard seen.insert(element.ai.code).inserted else {
                throw GS1Error(.malformed, "expected each AI once, found AI \(element.ai.code) repeated")
            }
        }
        self.elements = elements
    }

    /// The value of an AI, if present.
    public subscript(ai: ApplicationIdentifier) -> String? {
        elements.first { $0.ai.code == ai.code }?.value
    }

    /// The GTIN (AI 01), if present.
    public var gtin: GTIN? { self[.gtin].flatMap { try? GTIN($0) } }
    /// The batch/lot (AI 10), if present.
    public var lot: String? { self[.batchLot] }
    /// The serial number (AI 21), if present.
    public var serial: String? { self[.serial] }
    /// The expiry date (AI 17), if present.
    public var expiry: ExpiryDate? { self[.expiry].flatMap { try? ExpiryDate(yymmdd: $0) } }

    /// Parses either form: text starting with `(` as human-readable, anything else as barcode data.
    public static func parse(_ text: String, maxBytes: Int = defaultMaxBytes) throws(GS1Error) -> GS1ElementString {
        if text.hasPrefix("(") { return try parseHumanReadable(text, maxBytes: maxBytes) }
        return try parseData(Array(text.utf8), maxBytes: maxBytes)
    }

    /// Parses barcode data: `[symbology id][GS]AI value [GS] AI value ...`.
    public static func parseData(_ bytes: [UInt8], maxBytes: Int = defaultMaxBytes) throws(GS1Error) -> GS1ElementString {
        guard bytes.count <= maxBytes else {
            throw GS1Error(.tooLarge, "expected at most \(maxBytes) bytes of element string, found \(bytes.count)")
        }
        var index = 0
        if bytes.first == UInt8(ascii: "]") {
            guard bytes.count >= 3 else { throw GS1Error(.truncated, "expected a three-character symbology identifier") }
            let id = String(decoding: bytes[0..<3], as: UTF8.self)
            guard ["]d2", "]C1", "]Q3", "]e0", "]J1"].contains(id) else {
                throw GS1Error(.malformed, "expected a GS1 symbology identifier (]d2, ]C1, ]Q3, ]e0, ]J1), found another")
            }
            index = 3
        }
        if index < bytes.count, bytes[index] == groupSeparator { index += 1 }
        var elements: [GS1Element] = []
        while index < bytes.count {
            guard elements.count < maxElements else {
                throw GS1Error(.tooLarge, "expected at most \(maxElements) elements")
            }
            let ai = try readAI(bytes, at: &index)
            let start = index
            if ai.hasPredefinedLength {
                guard bytes.count - index >= ai.maxLength else {
                    throw GS1Error(
                        .truncated, "expected \(ai.maxLength) characters for AI \(ai.code), found \(bytes.count - index)")
                }
                index += ai.maxLength
            } else {
                while index < bytes.count, bytes[index] != groupSeparator { index += 1 }
            }
            let value = String(decoding: bytes[start..<index], as: UTF8.self)
            guard !value.isEmpty else { throw GS1Error(.malformed, "expected a value after AI \(ai.code), found none") }
            elements.append(try GS1Element(ai, value))
            if index < bytes.count, bytes[index] == groupSeparator {
                index += 1
                guard index < bytes.count else {
                    throw GS1Error(.truncated, "expected an AI after the separator at the end")
                }
            }
        }
        guard !elements.isEmpty else { throw GS1Error(.truncated, "expected at least one AI, found none") }
        return try GS1ElementString(elements)
    }

    /// Parses the human-readable form `(01)09521234543213(17)261231(10)ABC123`.
    public static func parseHumanReadable(_ text: String, maxBytes: Int = defaultMaxBytes) throws(GS1Error)
        -> GS1ElementString
    {
        let bytes = Array(text.utf8)
        guard bytes.count <= maxBytes else {
            throw GS1Error(.tooLarge, "expected at most \(maxBytes) bytes of element string, found \(bytes.count)")
        }
        var index = 0
        var elements: [GS1Element] = []
        while index < bytes.count {
            guard elements.count < maxElements else { throw GS1Error(.tooLarge, "expected at most \(maxElements) elements") }
            guard bytes[index] == UInt8(ascii: "(") else {
                throw GS1Error(.malformed, "expected '(' at position \(index + 1)")
            }
            index += 1
            let aiStart = index
            while index < bytes.count, bytes[index] != UInt8(ascii: ")") { index += 1 }
            guard index < bytes.count else { throw GS1Error(.truncated, "expected ')' closing the AI") }
            let code = String(decoding: bytes[aiStart..<index], as: UTF8.self)
            guard let ai = ApplicationIdentifier.named(code) else {
                throw GS1Error(.unknownAI, "expected a known AI, found (\(code.prefix(4)))")
            }
            index += 1
            let valueStart = index
            // A '(' that starts a following "(digits)" group ends the value; other '(' belong to the value.
            while index < bytes.count, !startsAIGroup(bytes, at: index) { index += 1 }
            let value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
            guard !value.isEmpty else { throw GS1Error(.malformed, "expected a value after AI \(ai.code), found none") }
            elements.append(try GS1Element(ai, value))
        }
        guard !elements.isEmpty else { throw GS1Error(.truncated, "expected at least one AI, found none") }
        return try GS1ElementString(elements)
    }

    /// Barcode data (without symbology identifier): predefined-length fields first, GS after each other field that
    /// is not last.
    public var data: String {
        let ordered = elements.filter { $0.ai.hasPredefinedLength } + elements.filter { !$0.ai.hasPredefinedLength }
        var out = ""
        for (offset, element) in ordered.enumerated() {
            out += element.ai.code + element.value
            if !element.ai.hasPredefinedLength, offset < ordered.count - 1 { out += "\u{1D}" }
        }
        return out
    }

    /// The human-readable interpretation `(AI)value...` in element order.
    public var humanReadable: String {
        elements.map { "(\($0.ai.code))\($0.value)" }.joined()
    }

    private static func readAI(_ bytes: [UInt8], at index: inout Int) throws(GS1Error) -> ApplicationIdentifier {
        var code = ""
        for length in 1...4 {
            guard index + length <= bytes.count else {
                throw GS1Error(.truncated, "expected an AI of 2 to 4 digits, found the end after \(length - 1)")
            }
            let byte = bytes[index + length - 1]
            guard byte >= 48, byte <= 57 else {
                if length > 2 { break }
                throw GS1Error(.malformed, "expected AI digits at position \(index + length)")
            }
            code.append(Character(Unicode.Scalar(byte)))
            if length >= 2, let ai = ApplicationIdentifier.named(code) {
                index += length
                return ai
            }
        }
        throw GS1Error(.unknownAI, "expected a known AI at position \(index + 1), found \(code)")
    }

    private static func startsAIGroup(_ bytes: [UInt8], at index: Int) -> Bool {
        guard bytes[index] == UInt8(ascii: "(") else { return false }
        var i = index + 1
        var digits = 0
        while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57, digits <= 4 {
            i += 1
            digits += 1
        }
        return digits >= 2 && digits <= 4 && i < bytes.count && bytes[i] == UInt8(ascii: ")")
    }
}
