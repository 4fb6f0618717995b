import Crypto
import Foundation
import JSON
import Testing
import TrustList

@Suite struct SignedTrustListTests {
    @Test func signedListVerifiesAndRoundTrips() throws {
        let fixture = try Fixture()
        let verified = try SignedTrustList.verify(fixture.signed(), anchors: fixture.anchors, now: Clock.now)
        #expect(verified.list == fixture.list)
        #expect(verified.anchorKeyID == fixture.anchorID)
        #expect(verified.warnings.isEmpty)
        #expect(!verified.isStale)
        #expect(verified.payloadDigest == Array(SHA256.hash(data: fixture.list.encoded())))
    }

    @Test func headerNamesTypeAndAnchor() throws {
        let fixture = try Fixture()
        let header = try JSONParser.parse(Base64URLText.decode(jwsParts(fixture.signed())[0]))
        #expect(header["alg"]?.stringValue == "ES256")
        #expect(header["kid"]?.stringValue == fixture.anchorID)
        #expect(header["typ"]?.stringValue == "dvc-trust-list+jws")
    }

    @Test func encodingIsCanonicalAndReproducible() throws {
        let fixture = try Fixture()
        var reordered = fixture.list
        reordered.issuers[0].credentialTypes = [.vds, .hc1, .shc]
        reordered.issuers[0].revokedKids = ["AAAAAAAAAAE=", "AAAAAAAAAAA="]
        var other = fixture.list
        other.issuers[0].revokedKids = ["AAAAAAAAAAA=", "AAAAAAAAAAE="]
        #expect(reordered.encoded() == other.encoded())
        let text = String(decoding: fixture.list.encoded(), as: UTF8.self)
        #expect(text.hasPrefix(#"{"issuedAt":"#))
        #expect(text.contains(#""sequence":"7""#))
        #expect(!text.contains(" "))
        // The payload of the JWS is exactly the canonical encoding.
        let payload = try Base64URLText.decode(jwsParts(fixture.signed())[1])
        #expect(payload == fixture.list.encoded())
        #expect(try TrustList(payload: payload) == fixture.list)
    }

    @Test func fullSequenceRangeSurvives() throws {
        let fixture = try Fixture(sequence: UInt64.max)
        let verified = try SignedTrustList.verify(fixture.signed(), anchors: fixture.anchors, now: Clock.now)
        #expect(verified.list.sequence == UInt64.max)
    }

    @Test func tamperedPayloadByteIsRefused() throws {
        let fixture = try Fixture()
        var parts = jwsParts(try fixture.signed())
        var payload = try Base64URLText.decode(parts[1])
        // Change the sequence number from 7 to 8: still a well-formed list, but not the one that was signed.
        let marker = Array(#""sequence":"7""#.utf8)
        let start = try #require((0...(payload.count - marker.count)).first { Array(payload[$0..<($0 + marker.count)]) == marker })
        payload[start + marker.count - 2] = UInt8(ascii: "8")
        #expect(try TrustList(payload: payload).sequence == 8)
        parts[1] = Base64URLText.encode(payload)
        let tampered = Array(parts.joined(separator: ".").utf8)
        #expect(trustListErrorCode { _ = try SignedTrustList.verify(tampered, anchors: fixture.anchors, now: Clock.now) } == "TRUST_LIST_SIGNATURE_INVALID")
    }

    @Test(arguments: [0, 1, 2, 40, 63])
    func flippedSignatureBitIsRefused(byte: Int) throws {
        let fixture = try Fixture()
        var parts = jwsParts(try fixture.signed())
        var signature = try Base64URLText.decode(parts[2])
        signature[byte] ^= 0x01
        parts[2] = Base64URLText.encode(signature)
        let tampered = Array(parts.joined(separator: ".").utf8)
        #expect(trustListErrorCode { _ = try SignedTrustList.verify(tampered, anchors: fixture.anchors, now: Clock.now) } == "TRUST_LIST_SIGNATURE_INVALID")
    }

    @Test func wrongAnchorKeyIsRefused() throws {
        let fixture = try Fixture()
        let impostor = [fixture.anchorID: P256.Signing.PrivateKey().publicKey]
        #expect(trustListErrorCode { _ = try SignedTrustList.verify(fixture.signed(), anchors: impostor, now: Clock.now) } == "TRUST_LIST_SIGNATURE_INVALID")
    }

    @Test func unknownAnchorIsRefused() throws {
        let fixture = try Fixture()
        let others = ["another-anchor": fixture.anchorKey.publicKey]
        #expect(trustListErrorCode { _ = try SignedTrustList.verify(fixture.signed(), anchors: others, now: Clock.now) } == "TRUST_LIST_UNKNOWN_ANCHOR")
        #expect(trustListErrorCode { _ = try SignedTrustList.verify(fixture.signed(), anchors: [:], now: Clock.now) } == "TRUST_LIST_UNKNOWN_ANCHOR")
    }

    @Test func staleListIsReturnedWithWarning() throws {
        let fixture = try Fixture()
        let later = Clock.days(30)
        let verified = try SignedTrustList.verify(fixture.signed(), anchors: fixture.anchors, now: later)
        #expect(verified.list == fixture.list)
        #expect(verified.isStale)
        #expect(verified.warnings.map(\.code) == ["STALE_TRUST_LIST"])
        #expect(verified.trustMaterial(at: later).warnings.map(\.code) == ["STALE_TRUST_LIST"])
        // Exactly at nextUpdate the list is not yet stale; one second later it is.
        let edge = Date(timeIntervalSince1970: Double(fixture.list.nextUpdate))
        #expect(try !SignedTrustList.verify(fixture.signed(), anchors: fixture.anchors, now: edge).isStale)
        #expect(try SignedTrustList.verify(fixture.signed(), anchors: fixture.anchors, now: edge.addingTimeInterval(1)).isStale)
    }

    @Test func olderSequenceIsRefusedAsRollback() throws {
        let fixture = try Fixture(sequence: 7)
        #expect(throws: Never.self) { try SignedTrustList.verify(fixture.signed(), anchors: fixture.anchors, now: Clock.now, minimumSequence: 7) }
        #expect(trustListErrorCode { _ = try SignedTrustList.verify(fixture.signed(), anchors: fixture.anchors, now: Clock.now, minimumSequence: 8) } == "TRUST_LIST_ROLLBACK")
    }

    @Test func trailingLineBreakIsAccepted() throws {
        let fixture = try Fixture()
        let verified = try SignedTrustList.verify(fixture.signed() + Array("\r\n".utf8), anchors: fixture.anchors, now: Clock.now)
        #expect(verified.list == fixture.list)
    }

    @Test func otherTypeIsRefused() throws {
        let fixture = try Fixture()
        for type in [nil, "JWT", "dvc-revocation+jws"] {
            let bytes = try rawJWS(payload: fixture.list.encoded(), key: fixture.anchorKey, keyID: fixture.anchorID, type: type)
            #expect(trustListErrorCode { _ = try SignedTrustList.verify(bytes, anchors: fixture.anchors, now: Clock.now) } == "TRUST_LIST_MALFORMED")
        }
    }

    @Test func missingKeyIDIsRefused() throws {
        let fixture = try Fixture()
        let bytes = try rawJWS(payload: fixture.list.encoded(), key: fixture.anchorKey, keyID: nil)
        #expect(trustListErrorCode { _ = try SignedTrustList.verify(bytes, anchors: fixture.anchors, now: Clock.now) } == "TRUST_LIST_MALFORMED")
    }

    /// Payloads signed by the real anchor but not canonical lists are still refused.
    @Test(arguments: [
        #"{"issuedAt":1,"issuers":[],"nextUpdate":2,"sequence":"1","version":1}"#,  // valid: control case
        #"{ "issuedAt":1,"issuers":[],"nextUpdate":2,"sequence":"1","version":1}"#,  // whitespace
        #"{"issuers":[],"issuedAt":1,"nextUpdate":2,"sequence":"1","version":1}"#,  // member order
        #"{"extra":0,"issuedAt":1,"issuers":[],"nextUpdate":2,"sequence":"1","version":1}"#,  // unknown member
        #"{"issuedAt":1,"issuers":[],"nextUpdate":2,"sequence":"01","version":1}"#,  // leading zero
        #"{"issuedAt":1,"issuers":[],"nextUpdate":2,"sequence":1,"version":1}"#,  // number, not string
        #"{"issuedAt":3,"issuers":[],"nextUpdate":2,"sequence":"1","version":1}"#,  // issued after next update
        #"{"issuedAt":1,"issuers":[],"nextUpdate":2,"sequence":"1","version":2}"#,  // future version
        #"[]"#, "", "null",
    ])
    func signedNonCanonicalPayloadsAreRefused(payload: String) throws {
        let fixture = try Fixture()
        let bytes = try rawJWS(payload: Array(payload.utf8), key: fixture.anchorKey, keyID: fixture.anchorID)
        let code = trustListErrorCode { _ = try SignedTrustList.verify(bytes, anchors: fixture.anchors, now: Clock.now) }
        if payload.hasPrefix(#"{"issuedAt":1,"issuers":[],"nextUpdate":2,"sequence":"1","version":1}"#) {
            #expect(code == nil)
        } else if payload.contains(#""version":2"#) {
            #expect(code == "TRUST_LIST_UNSUPPORTED_VERSION")
        } else {
            #expect(code == "TRUST_LIST_MALFORMED")
        }
    }

    @Test func signingRefusesInvalidLists() throws {
        let fixture = try Fixture()
        var badCountry = fixture.list
        badCountry.issuers[0].country = "de"
        var duplicate = fixture.list
        duplicate.issuers.append(duplicate.issuers[0])
        var badKid = fixture.list
        badKid.issuers[0].revokedKids = ["not-a-kid"]
        var noTypes = fixture.list
        noTypes.issuers[0].credentialTypes = []
        var keysWithoutURL = fixture.list
        keysWithoutURL.issuers[0].shcIssuerURL = nil
        var badWindow = fixture.list
        badWindow.issuers[0].notAfter = badWindow.issuers[0].notBefore - 1
        for list in [badCountry, duplicate, badKid, noTypes, keysWithoutURL, badWindow] {
            #expect(trustListErrorCode { _ = try fixture.signed(list) } == "TRUST_LIST_INVALID")
        }
        #expect(trustListErrorCode { _ = try SignedTrustList.sign(fixture.list, key: fixture.anchorKey, keyID: "") } == "TRUST_LIST_INVALID")
    }

    @Test func readUnverifiedShowsTheListWithoutAnchors() throws {
        let fixture = try Fixture()
        let (keyID, list) = try SignedTrustList.readUnverified(fixture.signed())
        #expect(keyID == fixture.anchorID)
        #expect(list == fixture.list)
    }
}
