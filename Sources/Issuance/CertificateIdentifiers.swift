import EUDCC
import ICAOVDSNC
import JOSE

/// The identifiers one certificate carries in the formats: the EU UVCI (HC1 and W3C VC), the 12-character seal
/// id (VDS-NC, whose profile limits `uvci` to 12 characters), and the SMART Health Card revocation id.
public struct CertificateIdentifiers: Sendable, Hashable {
    /// The UVCI (`URN:UVCI:01:XX:…#C`).
    public var uvci: String?
    /// The VDS-NC `uvci`, at most 12 characters.
    public var sealID: String?
    /// The SMART Health Card `rid`, 1 to 24 base64url characters.
    public var revocationID: String?

    /// Creates identifiers; nil ones are generated at issuance.
    public init(uvci: String? = nil, sealID: String? = nil, revocationID: String? = nil) {
        self.uvci = uvci
        self.sealID = sealID
        self.revocationID = revocationID
    }

    /// Fresh random identifiers for a certificate of `country` (ISO 3166-1 alpha-2).
    public static func generate(country: String) throws -> CertificateIdentifiers {
        var generator = SystemRandomNumberGenerator()
        return CertificateIdentifiers(
            uvci: try UVCI.generate(country: country, using: &generator), sealID: try VDSNCPayload.generateUVCI(),
            revocationID: makeRevocationID())
    }

    /// A random revocation id: 96 bits as 16 base64url characters.
    public static func makeRevocationID() -> String {
        var generator = SystemRandomNumberGenerator()
        return Base64URL.encode((0..<12).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }
}
