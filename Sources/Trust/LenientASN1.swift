import Foundation
import SwiftASN1

/// Small tolerant readers for ASN.1 values found in certificates that strict parsers reject.
///
/// Everything here works on bytes that were already split into nodes by SwiftASN1 (which bounds the nesting depth),
/// returns `nil` instead of trapping on odd input, and never allocates from an input-controlled length.
enum LenientASN1 {
    /// Parses the first TLV element of `bytes`, ignoring anything after it.
    ///
    /// DER is tried first, then BER (for non-minimal lengths and similar encodings some issuers produce).
    static func parseFirstElement(_ bytes: ArraySlice<UInt8>) throws -> ASN1Node {
        let element = firstElement(of: bytes) ?? bytes
        do {
            return try DER.parse(element)
        } catch {
            return try BER.parse(element)
        }
    }

    /// The bytes of the first TLV element (tag, definite length and content), or `nil` when the header is
    /// malformed, indefinite, or promises more content than there is.
    static func firstElement(of bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        var index = bytes.startIndex
        guard index < bytes.endIndex else { return nil }
        let tag = bytes[index]
        index += 1
        if tag & 0x1f == 0x1f {
            // High tag number: base-128 continuation bytes; allow at most 4 of them.
            var continuation = 0
            while true {
                guard index < bytes.endIndex, continuation < 4 else { return nil }
                let byte = bytes[index]
                index += 1
                continuation += 1
                if byte & 0x80 == 0 { break }
            }
        }
        guard index < bytes.endIndex else { return nil }
        let first = bytes[index]
        index += 1
        var length = 0
        if first & 0x80 == 0 {
            length = Int(first)
        } else {
            let count = Int(first & 0x7f)
            // 0 is the indefinite form; more than 4 length bytes is far beyond any certificate.
            guard count >= 1, count <= 4, bytes.endIndex - index >= count else { return nil }
            for _ in 0..<count {
                length = length << 8 | Int(bytes[index])
                index += 1
            }
        }
        guard length <= bytes.endIndex - index else { return nil }
        return bytes[bytes.startIndex..<(index + length)]
    }

    /// The primitive content bytes of `node`, or `nil` when it is constructed.
    static func primitiveContent(_ node: ASN1Node) -> ArraySlice<UInt8>? {
        if case .primitive(let bytes) = node.content { return bytes }
        return nil
    }

    /// The children of `node`, or `nil` when it is primitive.
    static func children(_ node: ASN1Node) -> [ASN1Node]? {
        if case .constructed(let nodes) = node.content { return Array(nodes) }
        return nil
    }

    /// The dotted form (`1.3.6.1…`) of an OBJECT IDENTIFIER node; `nil` for other nodes or overflowing arcs.
    static func dottedOID(_ node: ASN1Node) -> String? {
        guard node.identifier == .objectIdentifier, let content = primitiveContent(node) else { return nil }
        return dottedOID(contentBytes: content)
    }

    /// The dotted form of OBJECT IDENTIFIER content bytes (base-128 arcs, the first one holding two components).
    static func dottedOID(contentBytes: ArraySlice<UInt8>) -> String? {
        guard !contentBytes.isEmpty, contentBytes.count <= 256 else { return nil }
        var arcs: [UInt64] = []
        var value: UInt64 = 0
        var pending = false
        for byte in contentBytes {
            guard value <= (UInt64.max >> 7) else { return nil }
            value = value << 7 | UInt64(byte & 0x7f)
            pending = true
            if byte & 0x80 == 0 {
                arcs.append(value)
                value = 0
                pending = false
            }
        }
        guard !pending, let first = arcs.first else { return nil }
        var components: [UInt64]
        switch first {
        case 0..<40: components = [0, first]
        case 40..<80: components = [1, first - 40]
        default: components = [2, first - 80]
        }
        components.append(contentsOf: arcs.dropFirst())
        return components.map(String.init).joined(separator: ".")
    }

    /// The text of a directory-string node (PrintableString, UTF8String, IA5String, TeletexString, VisibleString).
    static func directoryString(_ node: ASN1Node) -> String? {
        let textual: [ASN1Identifier] = [.printableString, .utf8String, .ia5String, .teletexString, .visibleString]
        guard textual.contains(node.identifier), let content = primitiveContent(node) else { return nil }
        return String(decoding: content, as: UTF8.self)
    }

    /// The instant of a UTCTime (`YYMMDDHHMM[SS]Z`) or GeneralizedTime (`YYYYMMDDHHMM[SS[.f…]]Z`) node.
    ///
    /// Tolerates missing seconds, fractional seconds and `±hhmm` offsets; a missing zone is read as UTC.
    static func date(_ node: ASN1Node) -> Date? {
        guard let content = primitiveContent(node), content.count <= 64 else { return nil }
        let text = Array(content)
        var reader = DigitReader(text: text)
        let year: Int
        if node.identifier == .utcTime {
            guard let twoDigits = reader.number(digits: 2) else { return nil }
            year = twoDigits < 50 ? 2000 + twoDigits : 1900 + twoDigits
        } else if node.identifier == .generalizedTime {
            guard let fourDigits = reader.number(digits: 4) else { return nil }
            year = fourDigits
        } else {
            return nil
        }
        guard let month = reader.number(digits: 2), (1...12).contains(month),
            let day = reader.number(digits: 2), (1...31).contains(day),
            let hour = reader.number(digits: 2), hour <= 23,
            let minute = reader.number(digits: 2), minute <= 59
        else { return nil }
        let second = reader.number(digits: 2) ?? 0
        guard second <= 60 else { return nil }
        var fraction = 0.0
        if reader.consume(UInt8(ascii: ".")) || reader.consume(UInt8(ascii: ",")) {
            var scale = 0.1
            while let digit = reader.number(digits: 1) {
                fraction += Double(digit) * scale
                scale /= 10
            }
        }
        var offsetSeconds = 0
        if reader.consume(UInt8(ascii: "Z")) {
            offsetSeconds = 0
        } else if let sign = reader.consumeSign() {
            guard let hours = reader.number(digits: 2), let minutes = reader.number(digits: 2) else { return nil }
            offsetSeconds = sign * (hours * 3600 + minutes * 60)
        }
        guard reader.atEnd else { return nil }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// Days from 1970-01-01 to the given proleptic Gregorian date.
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        // Count years from March so that the leap day is the last day of the counting year.
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

/// Reads ASCII digits and markers from the content of a time value.
private struct DigitReader {
    let text: [UInt8]
    var index = 0

    var atEnd: Bool { index == text.count }

    mutating func number(digits: Int) -> Int? {
        guard text.count - index >= digits else { return nil }
        var value = 0
        for offset in 0..<digits {
            let byte = text[index + offset]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        index += digits
        return value
    }

    mutating func consume(_ byte: UInt8) -> Bool {
        guard index < text.count, text[index] == byte else { return false }
        index += 1
        return true
    }

    mutating func consumeSign() -> Int? {
        if consume(UInt8(ascii: "+")) { return 1 }
        if consume(UInt8(ascii: "-")) { return -1 }
        return nil
    }
}
