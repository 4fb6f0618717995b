/// Checks of the issuer identifier: a `did:web` DID or an https URL.
enum VCIssuerIdentifier {
    /// The longest accepted identifier.
    static let maximumLength = 512

    /// Whether `text` is a `did:web` DID (`did:web:example.org`, `did:web:example.org%3A8443:path`) or an
    /// https URL with a host and without spaces, fragment or query.
    static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= maximumLength else { return false }
        if text.hasPrefix("did:web:") {
            let rest = text.utf8.dropFirst("did:web:".utf8.count)
            guard let first = rest.first, first != UInt8(ascii: ":") else { return false }
            return rest.allSatisfy { isUnreserved($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "%") }
        }
        if text.hasPrefix("https://") {
            let rest = text.utf8.dropFirst("https://".utf8.count)
            guard let first = rest.first, first != UInt8(ascii: "/") else { return false }
            return rest.allSatisfy {
                isUnreserved($0) || [UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "%")].contains($0)
            }
        }
        return false
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || [UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~")].contains(byte)
    }
}
