import Crypto
import Foundation
import JOSE
import JSON
import Testing
import TrustList

@Suite struct DIDTrustListImportTests {
    static let documentID = "did:web:tng-cdn.example.org:v2:trustlist:-:DEU:DSC"

    static func method(_ id: String, jwk: JSONObject, x5c: [[UInt8]]? = nil, type: String = "JsonWebKey2020") -> JSONValue {
        var key = jwk
        if let x5c { key["x5c"] = .array(x5c.map { .string(Data($0).base64EncodedString()) }) }
        return .object(["id": .string(id), "type": .string(type), "controller": .string(documentID), "publicKeyJwk": .object(key)])
    }

    @Test func didDocumentImportsCertificatesAndKeys() throws {
        let csca = try TestCSCA(country: "DE", notBefore: Clock.days(-100), notAfter: Clock.days(100))
        let signerKey = P256.Signing.PrivateKey()
        let dsc = try csca.issue(country: "DE", notBefore: Clock.days(-1), notAfter: Clock.days(10), signerKey: signerKey)
        let dscKid = TrustListIssuer.kid(ofCertificate: dsc)
        let looseKey = P256.Signing.PrivateKey()
        let otherDID = "did:web:issuer.example.org:FR"
        let methods: [JSONValue] = [
            Self.method("\(Self.documentID)#\(dscKid.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")",
                jwk: JWK.publicMembers(of: signerKey.publicKey), x5c: [dsc, csca.der]),
            Self.method("#csca-1", jwk: JWK.publicMembers(of: csca.key.publicKey), x5c: [csca.der]),
            Self.method("\(otherDID)#key-1", jwk: JWK.publicMembers(of: looseKey.publicKey)),
            // Skipped: a reference, another method type, an OKP key without x5c, a JWK that is not the certificate's.
            .string("did:web:tng-cdn.example.org:v2:trustlist:-:FRA:DSC"),
            Self.method("#other", jwk: JWK.publicMembers(of: looseKey.publicKey), type: "Ed25519VerificationKey2018"),
            Self.method("#okp", jwk: ["kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"]),
            Self.method("#mismatch", jwk: JWK.publicMembers(of: looseKey.publicKey), x5c: [dsc]),
            Self.method("#no-jwk", jwk: [:], x5c: [[0x30, 0x00]]),
        ]
        let document: JSONValue = .object([
            "@context": .array(["https://www.w3.org/ns/did/v1"]), "id": .string(Self.documentID),
            "controller": .string(Self.documentID), "verificationMethod": .array(methods),
        ])
        let imported = try DIDTrustListImport.issuers(
            fromJSON: JSONSerializer.serialize(document), notBefore: Clock.seconds(days: -1), notAfter: Clock.seconds(days: 30))

        #expect(imported.issuers.map(\.id) == ["DE:\(Self.documentID)", "FR:\(otherDID)"])
        let german = imported.issuers[0]
        #expect(german.country == "DE")
        #expect(german.documentSigners == [dsc])
        #expect(german.cscaCertificates == [csca.der])
        #expect(german.credentialTypes == [.hc1])
        let french = imported.issuers[1]
        #expect(french.country == "FR")
        #expect(french.shcIssuerURL == otherDID)
        #expect(french.shcKeys.count == 1)
        #expect(french.shcKeys.first?["kid"]?.stringValue == "key-1")
        #expect(french.credentialTypes == [.shc, .vc])
        #expect(imported.skipped.map(\.index) == [3, 4, 5, 6, 7])
        #expect(imported.skipped.map(\.reason.code) == [
            "TRUST_LIST_IMPORT_ENTRY_UNSUPPORTED", "TRUST_LIST_IMPORT_ENTRY_UNSUPPORTED", "TRUST_LIST_IMPORT_ENTRY_UNSUPPORTED",
            "TRUST_LIST_IMPORT_ENTRY_MISMATCH", "TRUST_LIST_IMPORT_ENTRY_INVALID",
        ])

        // Signed into a list, the imported DSC chains to the imported CSCA and the key is bound to its DID.
        let fixture = try Fixture()
        let list = TrustList(sequence: 3, issuedAt: Clock.epoch, nextUpdate: Clock.epoch + 86_400, issuers: imported.issuers)
        let material = try SignedTrustList.verify(fixture.signed(list), anchors: fixture.anchors, now: Clock.now).trustMaterial(at: Clock.now)
        #expect(material.documentSigners.map(\.isAccepted) == [true])
        #expect(material.store.count == 1)
        #expect(material.store.keys(forIssuer: otherDID, keyID: "key-1").count == 1)
    }

    @Test func documentWithoutMethodsImportsNothing() throws {
        let imported = try DIDTrustListImport.issuers(fromJSON: Array(#"{"id":"did:web:example.org"}"#.utf8), notBefore: 0, notAfter: 1)
        #expect(imported.issuers.isEmpty)
        #expect(imported.skipped.isEmpty)
    }

    @Test(arguments: [#"[]"#, #"{"id":"https://example.org"}"#, #"{"id":"did:web:x","verificationMethod":{}}"#, "{"])
    func documentThatIsNotADIDDocumentIsRefused(json: String) {
        #expect(trustListErrorCode { _ = try DIDTrustListImport.issuers(fromJSON: Array(json.utf8), notBefore: 0, notAfter: 1) } == "TRUST_LIST_IMPORT_MALFORMED")
    }

    @Test func deeplyNestedDocumentIsRefused() {
        let json = #"{"id":"did:web:x","a":"# + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "}"
        #expect(trustListErrorCode { _ = try DIDTrustListImport.issuers(fromJSON: Array(json.utf8), notBefore: 0, notAfter: 1) } == "TRUST_LIST_TOO_LARGE")
    }
}
