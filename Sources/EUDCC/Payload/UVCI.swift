import VaccinationRecord

/// Unique Vaccination Certificate Identifiers (the DCC `ci`): generation and the optional Luhn mod N checksum.
///
/// Format (eHN guidelines, Annex 2): `URN:UVCI:01:<CC>:<opaque>[#<check>]`, where `01` is the version and `CC`
/// the ISO 3166-1 alpha-2 country of the issuer; the opaque part may start with an issuing-entity block
/// (`<entity>/<unique>`).
///
/// **Checksum rule, determined from the test data.** The alphabet is `/0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ`
/// (N = 38) and the check character is Luhn mod N over the whole text before `#`, *including* the `URN:UVCI:`
/// prefix, upper-cased, with factor 2 on the rightmost character. Of the 163 `ci` values with a `#` in
/// dgc-testdata (137 distinct), it matches 9 (8 distinct): all 6 from San Marino (5 distinct values) and one each
/// from BE, ES and HU. 96 candidate rules were compared (`DCCPayloadUVCITests`): 6 alphabets (`/0-9:A-Z`, `0-9A-Z/:`,
/// `0-9A-Z:/`, `:/0-9A-Z`, `0-9A-Z`, `A-Z0-9`) × 8 spans (whole text, without `URN:UVCI:`, also without the
/// version, the opaque part only; each with and without separators) × factor 2 or 1 on the rightmost character.
/// None matches more distinct values (8). Three match more occurrences, through repeated values: mod 36 over
/// `0-9A-Z` without prefix and separators (14: Bulgaria's 5, 3 of Germany's 4, 3 of Portugal's 10...),
/// `:/0-9A-Z` without prefix and version, factor 1 (11) and `0-9A-Z` over the opaque part without separators
/// (10); the mod-36 rules cannot produce the check characters `/` and `:` that French and Finnish values carry.
/// Chance gives about 4 matches per rule (163/38): most test issuers followed no common rule (Belgium's 5 values
/// match mod 36 over `A-Z0-9`). A failed check is therefore no reason to reject a certificate:
/// ``isChecksumValid(_:)`` is informative, and the DCC treats `ci` as opaque.
public enum UVCI {
    /// The Luhn mod N alphabet (N = 38).
    public static let checksumAlphabet: [UInt8] = Array("/0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
    /// The number of random characters of a generated opaque part (26 of 36 ≈ 134 bits).
    public static let opaqueLength = 26
    /// The longest UVCI ``generate(country:issuingEntity:using:)`` produces.
    public static let maximumLength = 72

    /// Generates `URN:UVCI:01:<CC>:[<issuingEntity>/]<opaque>#<check>`.
    ///
    /// - Parameters:
    ///   - country: ISO 3166-1 alpha-2 or alpha-3 code of the issuing country (written as alpha-2).
    ///   - issuingEntity: optional upper-case block(s) of `A`–`Z`, `0`–`9` separated by `/`.
    ///   - generator: the source of randomness (use `SystemRandomNumberGenerator` outside tests).
    /// - Throws: ``DCCPayloadError`` `DCC_INVALID_FIELD` for an unknown country or an issuing entity with other
    ///   characters, empty blocks, or that makes the UVCI longer than ``maximumLength``.
    public static func generate(
        country: String, issuingEntity: String? = nil, using generator: inout some RandomNumberGenerator
    ) throws -> String {
        guard let alpha2 = ISO3166.alpha2(for: country) else {
            throw DCCPayloadError(.invalidField, path: "country", "expected an ISO 3166-1 country code in upper case")
        }
        var body = "URN:UVCI:01:" + alpha2 + ":"
        if let issuingEntity {
            let blocks = issuingEntity.split(separator: "/", omittingEmptySubsequences: false)
            guard blocks.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(isUpperAlphanumeric) }) else {
                throw DCCPayloadError(
                    .invalidField, path: "issuingEntity", "expected blocks of A-Z and 0-9 separated by '/'"
                )
            }
            body += issuingEntity + "/"
        }
        guard body.utf8.count + opaqueLength + 2 <= maximumLength else {
            throw DCCPayloadError(.invalidField, path: "issuingEntity", "makes the UVCI longer than \(maximumLength)")
        }
        let opaqueAlphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
        var opaque: [UInt8] = []
        for _ in 0..<opaqueLength {
            opaque.append(opaqueAlphabet[Int(generator.next(upperBound: UInt8(opaqueAlphabet.count)))])
        }
        body += String(decoding: opaque, as: UTF8.self)
        guard let check = checksumCharacter(for: body) else {
            throw DCCPayloadError(.invalidField, path: "", "the UVCI has characters outside the checksum alphabet")
        }
        return body + "#" + String(check)
    }

    /// The Luhn mod N check character of `text` (upper-cased), or `nil` when it has a character outside
    /// ``checksumAlphabet``.
    public static func checksumCharacter(for text: String) -> Character? {
        let n = checksumAlphabet.count
        var factor = 2
        var sum = 0
        for byte in text.utf8.reversed() {
            guard let codePoint = checksumAlphabet.firstIndex(of: upperASCII(byte)) else { return nil }
            let addend = factor * codePoint
            sum += addend / n + addend % n
            factor = factor == 2 ? 1 : 2
        }
        return Character(Unicode.Scalar(checksumAlphabet[(n - sum % n) % n]))
    }

    /// Whether the check character after `#` matches the text before it (see the type documentation);
    /// `nil` when the UVCI has no `#`. A check part that is not one character of the alphabet is `false`.
    public static func isChecksumValid(_ uvci: String) -> Bool? {
        guard let hash = uvci.firstIndex(of: "#") else { return nil }
        let check = uvci[uvci.index(after: hash)...]
        guard check.utf8.count == 1, let expected = checksumCharacter(for: String(uvci[..<hash])) else { return false }
        return String(check).uppercased() == String(expected)
    }

    private static func upperASCII(_ byte: UInt8) -> UInt8 {
        (0x61...0x7A).contains(byte) ? byte - 0x20 : byte
    }

    private static func isUpperAlphanumeric(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte)
    }
}
