/// The hash computations that turn a credential's identifying data into a ``RevocationKey``.
///
/// Every key is SHA-256 over some bytes, truncated to the first 16 bytes. The EU DCC types follow the DCC
/// revocation design (gateway `hashType`s); the others are OpenDVC's and hash a list of text components, each as
/// its UTF-8 byte length (4 bytes, big-endian) followed by its UTF-8 bytes, so that no two different component
/// lists give the same input (docs/REVOCATION.md).
public enum RevocationHashes {
    /// EU DCC `UCI`: SHA-256 of the UTF-8 bytes of the certificate identifier (`ci`) exactly as it appears in
    /// the payload (with its `URN:UVCI:` prefix and checksum, if any).
    public static func uci(_ uci: String) -> RevocationKey {
        RevocationKey(type: .uci, hashing: uci.utf8)
    }

    /// EU DCC `COUNTRYCODEUCI`: SHA-256 of the UTF-8 bytes of `country` followed by those of `uci`, where `country`
    /// is the issuing country, the CWT `iss` claim (an ISO 3166-1 alpha-2 code such as `DE`).
    public static func countryCodeUCI(country: String, uci: String) -> RevocationKey {
        RevocationKey(type: .countryCodeUCI, hashing: Array(country.utf8) + Array(uci.utf8))
    }

    /// EU DCC `SIGNATURE`: SHA-256 of the COSE_Sign1 signature bytes. For ECDSA the signature is `r ‖ s` and only
    /// `r`, its first half, is hashed (an odd length rounds the half down); for RSA the whole signature is hashed.
    public static func signature(coseSignature: [UInt8], algorithm: RevocationSignatureAlgorithm) -> RevocationKey {
        switch algorithm {
        case .ecdsa: return RevocationKey(type: .signature, hashing: coseSignature.prefix(coseSignature.count / 2))
        case .rsa: return RevocationKey(type: .signature, hashing: coseSignature)
        }
    }

    /// SMART Health Cards: a revocation id of one issuer key. A card's revocation list is published per key, at
    /// `issuer + "/.well-known/crl/" + kid + ".json"`, and a `rid` is only meaningful for that issuer and key, so
    /// the key hashes the components `[issuer, kid, rid]` (the `iss` URL, the JWK thumbprint `kid`, and the `rid`
    /// without any `.<timestamp>` suffix of the list).
    ///
    /// A list entry `rid.T` revokes only cards with `nbf` before T; such entries are resolved by whoever builds
    /// the snapshot, this key stands for the bare `rid`.
    public static func shcRID(issuer: String, kid: String, rid: String) -> RevocationKey {
        hashing(components: [issuer, kid, rid], type: .shcRID)
    }

    /// A vaccine lot: the components `[gtin, lot]`, where `gtin` is the 14-digit form of GS1 AI (01) (an all-digit
    /// GTIN-8, -12 or -13 is padded with leading zeros to 14 digits first) and `lot` is AI (10) as printed.
    public static func lot(gtin: String, lot: String) -> RevocationKey {
        hashing(components: [normalizedGTIN(gtin), lot], type: .lot)
    }

    /// An OpenDVC certificate: the single component `[identifier]`, the identifier the certificate's payloads carry
    /// (`hcid`).
    public static func certificate(identifier: String) -> RevocationKey {
        hashing(components: [identifier], type: .certificate)
    }

    /// SHA-256 over the length-prefixed UTF-8 components.
    static func hashing(components: [String], type: RevocationHashType) -> RevocationKey {
        var bytes: [UInt8] = []
        for component in components {
            let utf8 = Array(component.utf8)
            let length = UInt32(truncatingIfNeeded: utf8.count)
            bytes += [UInt8(length >> 24), UInt8(truncatingIfNeeded: length >> 16), UInt8(truncatingIfNeeded: length >> 8),
                UInt8(truncatingIfNeeded: length)]
            bytes += utf8
        }
        return RevocationKey(type: type, hashing: bytes)
    }

    /// An all-digit GTIN of 8, 12 or 13 digits padded to 14; anything else unchanged.
    static func normalizedGTIN(_ gtin: String) -> String {
        let utf8 = Array(gtin.utf8)
        guard [8, 12, 13].contains(utf8.count), utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return gtin }
        return String(repeating: "0", count: 14 - utf8.count) + gtin
    }
}
