import CBOR
import COSE
import JSON

/// What HC1 verification needs from the CWT claims: the issuer, the times and the DCC as JSON.
struct HC1Claims {
    /// `iss` (1).
    var issuer: String?
    /// `iat` (6), `exp` (4) and `nbf` (5) in seconds since 1970.
    var issuedAt: Double?
    var expirationTime: Double?
    var notBefore: Double?
    /// The DCC (`hcert` -260, key 1) in its JSON form.
    var dcc: JSONValue

    /// Reads the claims of a COSE payload: by ``HC1ClaimsReader`` when the payload has the usual shape, otherwise
    /// (or when anything is unusual or malformed) by the general decoder, which also gives the precise error.
    ///
    /// - Throws: ``CBORError``, ``COSEError`` or ``EUDCCError`` from the general decoder.
    static func decode(_ payload: ArraySlice<UInt8>) throws -> HC1Claims {
        if let claims = HC1ClaimsReader.read(payload) { return claims }
        let claims = try CWTClaims(decoding: payload)
        guard let container = claims.claim(CWTClaims.Key.healthCertificate), let dcc = container.value(forKey: 1) else {
            throw EUDCCError(.missingHealthCertificate, "expected claim -260 holding key 1 (EU DCC), found none")
        }
        return HC1Claims(
            issuer: claims.issuer, issuedAt: claims.issuedAt, expirationTime: claims.expirationTime,
            notBefore: claims.notBefore, dcc: try DCCJSONConversion.json(from: dcc))
    }
}
