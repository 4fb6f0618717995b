/// Checks of the issuer identifier: a `did:web` DID or an https URL.
enum VCIssuerIdentifier {
    /// The longest accepted identifier.
    static let maximumLength = 512

    /// Whether `text` is a `did:web` DID (`did:web:example.org`, `did:web:example.org%3A8443:path`) or an
    /// https URL with a host and without spaces, fragment or query.
    static func isValid(_ text: String) -> Bool {
        let bytes = text.utf8
        guard !bytes.isEmpty, bytes.count <= maximumLength else { return false }
        // Byte prefixes match exactly when String.hasPrefix does here: any non-ASCII byte after the prefix
        // (such as a combining mark) fails the byte checks below.
        if bytes.starts(with: "did:web:".utf8) {
            let rest = bytes.dropFirst("did:web:".utf8.count)
            guard let first = rest.first, first != UInt8(ascii: ":") else { return false }
            return rest.allSatisfy { isUnreserved($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "%") }
        }
        if bytes.starts(with: "https://".utf8) {
            let rest = bytes.dropFirst("https://".utf8.count)
            guard let first = rest.first, first != UInt8(ascii: "/") else { return false }
            return rest.allSatisfy {
                isUnreserved($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "%")
            }
        }
        return false
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default: false
        }
    }
}
