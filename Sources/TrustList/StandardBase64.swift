import Foundation

/// Standard base64 with padding (RFC 4648 section 4), as the EU gateway (`rawData`, `kid`) and JWK `x5c` use it.
enum StandardBase64 {
    /// Encodes bytes with padding.
    static func encode(_ bytes: some Collection<UInt8>) -> String {
        Data(bytes).base64EncodedString()
    }

    /// Decodes padded base64 in its one canonical form (no whitespace, zero trailing bits); nil otherwise.
    static func decode(_ text: String) -> [UInt8]? {
        guard text.utf8.count % 4 == 0, let data = Data(base64Encoded: text) else { return nil }
        let bytes = [UInt8](data)
        guard encode(bytes) == text else { return nil }
        return bytes
    }

    /// Whether `text` is the canonical base64 of exactly 8 bytes (an EU DCC kid).
    static func isKid(_ text: String) -> Bool {
        text.utf8.count == 12 && decode(text)?.count == 8
    }
}
