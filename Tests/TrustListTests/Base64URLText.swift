import JOSE

/// Base64url helpers for tests (the JOSE implementation).
enum Base64URLText {
    static func decode(_ text: String) throws -> [UInt8] { try Base64URL.decode(text) }
    static func encode(_ bytes: [UInt8]) -> String { Base64URL.encode(bytes) }
}
