import Crypto
import JOSE
import JSON
import Testing

/// A parsed JWS reads its header from a tape; ``JWSHeader/init(json:)`` reads a tree. Both must agree on every
/// member, on the full JSON and on which headers they refuse.
@Suite("JWS header: parsed without a tree, read as with one")
struct JWSHeaderParsingTests {
    static let signature = Base64URL.encode([UInt8](repeating: 1, count: 64))

    /// The compact text of a JWS with header `header` (not signed: parsing does not check the signature).
    static func jws(header: String) -> String {
        Base64URL.encode(Array(header.utf8)) + ".e30." + signature
    }

    @Test(arguments: [
        #"{"alg":"ES256"}"#,
        #"{"zip":"DEF","alg":"ES256","kid":"3Kfdg-XwP-7gXyywtUfUADwBumDOPKMQx-iELL11W9s"}"#,
        #"{"alg":"ES256","typ":"vc+jwt","cty":"vc","kid":"k"}"#,
        #"{"\u0061lg":"ES256","k\u0069d":"\u00e9t\u00e9"}"#,
        #"{"alg":"ES256","kid":"k","x5c":["AAAA"],"nested":{"alg":"none"},"al":"x","algo":"y"}"#,
        #"  {"alg" : "ES256" , "kid":"a\"b"}  "#,
    ])
    func tapeAndTreeAgree(header: String) throws {
        let parsed = try CompactJWS(parsing: Self.jws(header: header)).header
        let tree = try JWSHeader(json: JSONParser.parse(header))
        #expect(parsed.algorithm == tree.algorithm)
        #expect(parsed.keyID == tree.keyID)
        #expect(parsed.compression == tree.compression)
        #expect(parsed.type == tree.type)
        #expect(parsed.contentType == tree.contentType)
        #expect(parsed.json == tree.json)
        #expect(parsed == tree)
        #expect(parsed.hashValue == tree.hashValue)
    }

    @Test(arguments: [
        (#"{"alg":"ES256","kid":7}"#, "kid"),
        (#"{"alg":"ES256","zip":null}"#, "zip"),
        (#"{"alg":"ES256","typ":["JWT"]}"#, "typ"),
        (#"{"alg":"ES256","cty":{}}"#, "cty"),
        (#"{"alg":true}"#, "alg"),
    ])
    func nonStringMembersAreRefusedLikeTheTree(header: String, member: String) throws {
        let expected = JOSEError(.invalidHeader, "expected header member \(member) to be a string, found another JSON type")
        #expect(throws: expected) { try JWSHeader(json: JSONParser.parse(header)) }
        let error = try #require(throws: JOSEError.self) { try CompactJWS(parsing: Self.jws(header: header)) }
        #expect(error.code == expected.code)
        #expect(error.message == expected.message)
    }

    @Test(arguments: [
        #"{"alg":"ES256","alg":"ES256"}"#,
        #"{"alg":"ES256","\u0061lg":"none"}"#,
    ])
    func repeatedMembersAreRefused(header: String) {
        #expect(throws: JOSEError.self) { try CompactJWS(parsing: Self.jws(header: header)) }
    }

    @Test func signedHeaderRoundTripsWithItsMemberOrder() throws {
        let key = P256.Signing.PrivateKey()
        let header = JWSHeader(keyID: "k1", compression: "DEF", type: "JWT", additional: ["x": .string("y")])
        let parsed = try CompactJWS(parsing: CompactJWS(signing: [1, 2, 3], header: header, key: key).text)
        #expect(parsed.header == header)
        #expect(parsed.header.json.keys == ["zip", "alg", "kid", "typ", "x"])
        #expect(parsed.isValidSignature(for: key.publicKey))
    }
}
