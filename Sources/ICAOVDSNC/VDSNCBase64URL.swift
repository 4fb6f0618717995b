import JOSE

/// Base64url (RFC 4648 section 5), as the seal's `cer` and `sigvl` use it: written without padding; read with
/// or without `=` padding, rejecting the `+` `/` alphabet, whitespace and non-zero trailing bits (JOSE's
/// ``Base64URL``, padding allowed).
enum VDSNCBase64URL {
    static func encode(_ bytes: [UInt8]) -> String {
        Base64URL.encode(bytes)
    }

    /// Decodes `text`; nil for anything that is not base64url.
    static func decode(_ text: String) -> [UInt8]? {
        try? Base64URL.decodeAllowingPadding(text)
    }
}
