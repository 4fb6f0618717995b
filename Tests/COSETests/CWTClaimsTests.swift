import CBOR
import COSE
import Testing

@Suite("CWT claims (RFC 8392)")
struct CWTClaimsTests {
    @Test func readsIntegerTimesIssuerAndHealthCertificateClaim() throws {
        let bytes = try CWTClaims.encode(
            issuer: "DE", issuedAt: 1_622_505_600, expirationTime: 1_654_041_600,
            additional: [.init(.integer(-260), .map([.init(.integer(1), .map([.init(.textString("ver"), .textString("1.3.0"))]))]))])
        let claims = try CWTClaims(decoding: bytes[...])
        #expect(claims.issuer == "DE")
        #expect(claims.issuedAt == 1_622_505_600)
        #expect(claims.expirationTime == 1_654_041_600)
        #expect(claims.notBefore == nil)
        #expect(claims.claim(-260)?.value(forKey: 1)?.value(forKey: "ver")?.textValue == "1.3.0")
    }

    @Test func readsFloatTimes() throws {
        let bytes = try CBOR.encode(.map([.init(.integer(4), .float(1_654_041_600.5)), .init(.integer(6), .float(1_622_505_600))]))
        let claims = try CWTClaims(decoding: bytes[...])
        #expect(claims.expirationTime == 1_654_041_600.5)
        #expect(claims.issuedAt == 1_622_505_600)
    }

    @Test(arguments: [
        CBORValue.map([.init(.integer(1), .integer(276))]),  // iss not text
        .map([.init(.integer(4), .textString("2022-06-01"))]),  // exp not a number
        .map([.init(.integer(6), .bool(true))]),
        .map([.init(.integer(5), .float(.nan))]),
        .array([]),
    ])
    func rejectsClaimsOfTheWrongType(value: CBORValue) throws {
        let bytes = try CBOR.encode(value)
        #expect(throws: COSEError(.invalidClaims, "")) { _ = try CWTClaims(decoding: bytes[...]) }
    }
}
