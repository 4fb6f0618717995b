import CredentialVerification
import JOSE
import JSON

/// Recognises the credential format of a scanned or pasted payload from its shape, without verifying it.
///
/// - `HC1:` (or any other `XXn:` prefix followed by text): EU DCC, which the EU DCC verifier then rejects with
///   `HC1_PREFIX` rather than "unknown format" when the prefix is wrong.
/// - `shc:/` (any case): a SMART Health Card QR payload, single or multi-chunk.
/// - A JSON object: an ICAO VDS-NC when `data.hdr.t` is `icao.vacc`, a `.smart-health-card` file when it has
///   `verifiableCredential`.
/// - A compact JWS: a SMART Health Card when its header says `zip: DEF` (the SHC specification requires it),
///   otherwise a W3C Verifiable Credential.
public enum PayloadFormatDetector {
    /// The largest JSON or JWS text looked into (larger input is left to the format verifiers' own limits).
    static let maximumInspectedSize = 1 << 20

    /// The format, or nil when the payload looks like none of them.
    public static func detect(_ payload: Substring) -> CredentialFormat? {
        let text = payload.drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{FEFF}" }
        let head = text.utf8.prefix(5)
        if head.starts(with: "HC1:".utf8) { return .euDCC }
        if head.count == 5, head.map({ $0 | 0x20 }).elementsEqual("shc:/".utf8) { return .smartHealthCard }
        if head.count >= 4, text.utf8.dropFirst(3).first == UInt8(ascii: ":"),
            head.prefix(3).allSatisfy({ isUpperAlphanumeric($0) })
        {
            return .euDCC
        }
        guard text.utf8.count <= maximumInspectedSize else { return nil }
        if text.utf8.first == UInt8(ascii: "{") { return detectJSON(text) }
        return detectJWS(text)
    }

    private static func detectJSON(_ text: Substring) -> CredentialFormat? {
        guard case .object(let object) = try? JSONParser.parse(Array(text.utf8)) else { return nil }
        if object["verifiableCredential"] != nil { return .smartHealthCard }
        if object["data"]?["hdr"]?["t"]?.stringValue == "icao.vacc" { return .icaoVDSNC }
        return nil
    }

    private static func detectJWS(_ text: Substring) -> CredentialFormat? {
        let trimmed = text.prefix { $0 != "\n" && $0 != "\r" && $0 != " " }
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[2].isEmpty,
            parts.allSatisfy({ $0.utf8.allSatisfy(isBase64URL) }),
            let header = try? Base64URL.decode(parts[0]),
            case .object(let object) = try? JSONParser.parse(header)
        else { return nil }
        return object["zip"]?.stringValue == "DEF" ? .smartHealthCard : .w3cVC
    }

    private static func isUpperAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isBase64URL(_ byte: UInt8) -> Bool {
        isUpperAlphanumeric(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "_")
    }
}
