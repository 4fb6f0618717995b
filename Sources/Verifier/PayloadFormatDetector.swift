import CredentialVerification
import JOSE
import JSON

/// Recognises the credential format of a scanned or pasted payload from its shape, without verifying it.
///
/// - `HC1:` (or any other `XXn:` prefix followed by text): EU DCC, which the EU DCC verifier then rejects with
///   `HC1_PREFIX` rather than "unknown format" when the prefix is wrong.
/// - `shc:/` (any case): a SMART Health Card QR payload, single or multi-chunk.
/// - A JSON object: an ICAO VDS-NC when it holds the string `"icao.vacc"` (its `data.hdr.t`), a
///   `.smart-health-card` file when it has the member `verifiableCredential`.
/// - A compact JWS (a base64url JSON-object header and a dot; the parts after it are the verifier's to check): a
///   SMART Health Card when its header says `zip: DEF` (the SHC specification requires it), otherwise a W3C
///   Verifiable Credential.
public enum PayloadFormatDetector {
    /// The largest JSON or JWS text looked into (larger input is left to the format verifiers' own limits).
    static let maximumInspectedSize = 1 << 20

    /// The format, or nil when the payload looks like none of them.
    public static func detect(_ payload: Substring) -> CredentialFormat? {
        var text = payload
        while let first = text.utf8.first, first == 0x20 || first == 0x09 || first == 0x0A || first == 0x0D {
            text = Substring(text.utf8.dropFirst())
        }
        if text.utf8.starts(with: [0xEF, 0xBB, 0xBF]) { text = Substring(text.utf8.dropFirst(3)) }
        // The first five bytes, through the contiguous UTF-8 when there is one (generic steps over a substring's
        // view cost more than the rest of the detection).
        let announced = text.utf8.withContiguousStorageIfAvailable { format(announcedBy: UnsafeBufferPointer(rebasing: $0.prefix(5))) }
        if let announced = announced ?? format(announcedBy: Array(text.utf8.prefix(5))) { return announced }
        guard text.utf8.count <= maximumInspectedSize else { return nil }
        if text.utf8.first == UInt8(ascii: "{") { return detectJSON(text) }
        return detectJWS(text)
    }

    /// A JSON object: told apart by a member name only these formats use, found by a byte search (the format's
    /// verifier parses it properly; a full parse here would double the work).
    private static func detectJSON(_ text: Substring) -> CredentialFormat? {
        if contains(text.utf8, #""icao.vacc""#) { return .icaoVDSNC }
        if contains(text.utf8, #""verifiableCredential""#) { return .smartHealthCard }
        return nil
    }

    private static func contains(_ bytes: Substring.UTF8View, _ needle: StaticString) -> Bool {
        let found = bytes.withContiguousStorageIfAvailable { haystack in
            needle.withUTF8Buffer { needle in
                guard let first = needle.first, haystack.count >= needle.count else { return false }
                var index = 0
                let last = haystack.count - needle.count
                while index <= last {
                    if haystack[index] == first,
                        UnsafeBufferPointer(rebasing: haystack[index..<(index + needle.count)]).elementsEqual(needle)
                    {
                        return true
                    }
                    index += 1
                }
                return false
            }
        }
        // Text not stored contiguously (bridged): search a native copy.
        return found ?? contains(Substring(String(Substring(bytes))).utf8, needle)
    }

    /// A compact JWS: only its header (up to the first dot) is read; the format's verifier checks the rest, so a
    /// JWS that lost its signature part (one dot) reaches it and is reported as malformed, not as unknown.
    private static func detectJWS(_ text: Substring) -> CredentialFormat? {
        let scanned: [UInt8]?? = text.utf8.withContiguousStorageIfAvailable { bytes in
            // Through the buffer: stepping a substring's UTF-8 view index by index costs microseconds per kilobyte.
            guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")), dot > 0, dot <= 4096,
                bytes[..<dot].allSatisfy(isBase64URL)
            else { return nil }
            return try? Base64URL.decode(Substring(decoding: UnsafeBufferPointer(rebasing: bytes[..<dot]), as: UTF8.self))
        }
        // Text not stored contiguously (bridged): scan a native copy.
        guard let scanned else { return detectJWS(Substring(String(text))) }
        // A tape, not a tree: only one member is read.
        guard let header = scanned, let tape = try? JSONTape(parsing: header), tape.kind(at: tape.root) == .object else {
            return nil
        }
        let isDeflated = tape.member("zip", of: tape.root).map { tape.isString(at: $0, equalTo: "DEF") } ?? false
        return isDeflated ? .smartHealthCard : .w3cVC
    }

    /// The format that the first five bytes of a payload name: `HC1:`, `shc:/` in any case, or a three-character
    /// upper-case prefix and `:` (other EU DCC contexts).
    private static func format(announcedBy head: some RandomAccessCollection<UInt8>) -> CredentialFormat? {
        let count = head.count
        func byte(_ offset: Int) -> UInt8 { head[head.index(head.startIndex, offsetBy: offset)] }
        func starts(with prefix: StaticString, ignoringCase: Bool) -> Bool {
            guard count >= prefix.utf8CodeUnitCount else { return false }
            for offset in 0..<prefix.utf8CodeUnitCount where (ignoringCase ? byte(offset) | 0x20 : byte(offset)) != prefix.utf8Start[offset] {
                return false
            }
            return true
        }
        if starts(with: "HC1:", ignoringCase: false) { return .euDCC }
        if count == 5, starts(with: "shc:/", ignoringCase: true) { return .smartHealthCard }
        if count >= 4, byte(3) == UInt8(ascii: ":"), (0..<3).allSatisfy({ isUpperAlphanumeric(byte($0)) }) { return .euDCC }
        return nil
    }

    private static func isUpperAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isBase64URL(_ byte: UInt8) -> Bool {
        isUpperAlphanumeric(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "_")
    }
}
