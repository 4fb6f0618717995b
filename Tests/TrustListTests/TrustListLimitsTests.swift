import Crypto
import Foundation
import JSON
import Testing
import TrustList

@Suite struct TrustListLimitsTests {
    @Test func everyPrefixOfASignedListFailsCleanly() throws {
        let fixture = try Fixture()
        let signed = try fixture.signed()
        #expect(signed.count > 1_000)
        var codes = Set<String>()
        for length in 0..<signed.count {
            let code = trustListErrorCode { _ = try SignedTrustList.verify(signed[0..<length], anchors: fixture.anchors, now: Clock.now) }
            #expect(code != nil, "prefix of \(length) bytes verified")
            codes.insert(code ?? "none")
        }
        #expect(codes.isSubset(of: ["TRUST_LIST_MALFORMED", "TRUST_LIST_SIGNATURE_INVALID", "TRUST_LIST_UNKNOWN_ANCHOR"]))
        #expect(try SignedTrustList.verify(signed, anchors: fixture.anchors, now: Clock.now).list == fixture.list)
    }

    @Test func everyPrefixOfAPayloadFailsCleanly() throws {
        let payload = try Fixture().list.encoded()
        for length in 0..<payload.count {
            let code = trustListErrorCode { _ = try TrustList(payload: payload[0..<length]) }
            #expect(code == "TRUST_LIST_MALFORMED", "prefix of \(length) bytes")
        }
    }

    @Test func oversizedSignedListIsRefusedBeforeParsing() {
        let huge = [UInt8](repeating: UInt8(ascii: "A"), count: TrustListLimits.default.maximumBytes + 1)
        #expect(trustListErrorCode { _ = try SignedTrustList.verify(huge, anchors: [:], now: Clock.now) } == "TRUST_LIST_TOO_LARGE")
        #expect(trustListErrorCode { _ = try TrustList(payload: huge) } == "TRUST_LIST_TOO_LARGE")
        #expect(trustListErrorCode { _ = try EUGatewayImport.issuers(fromJSON: huge, notBefore: 0, notAfter: 1) } == "TRUST_LIST_TOO_LARGE")
        #expect(trustListErrorCode { _ = try DIDTrustListImport.issuers(fromJSON: huge, notBefore: 0, notAfter: 1) } == "TRUST_LIST_TOO_LARGE")
    }

    @Test func signedListBeyondACallersLimitIsRefused() throws {
        let fixture = try Fixture()
        let signed = try fixture.signed()
        let limits = TrustListLimits(maximumBytes: signed.count - 1)
        #expect(trustListErrorCode { _ = try SignedTrustList.verify(signed, anchors: fixture.anchors, now: Clock.now, limits: limits) } == "TRUST_LIST_TOO_LARGE")
        #expect(trustListErrorCode { _ = try SignedTrustList.sign(fixture.list, key: fixture.anchorKey, keyID: fixture.anchorID, limits: limits) } == "TRUST_LIST_TOO_LARGE")
    }

    @Test func tooManyIssuersAreRefused() throws {
        let fixture = try Fixture()
        var list = fixture.list
        for index in 1...3 {
            var copy = list.issuers[0]
            copy.id = "issuer-\(index)"
            list.issuers.append(copy)
        }
        let signed = try fixture.signed(list)
        let limits = TrustListLimits(maximumIssuers: 3)
        #expect(trustListErrorCode { _ = try SignedTrustList.verify(signed, anchors: fixture.anchors, now: Clock.now, limits: limits) } == "TRUST_LIST_TOO_LARGE")
        #expect(try SignedTrustList.verify(signed, anchors: fixture.anchors, now: Clock.now).list.issuers.count == 4)
    }

    @Test func oversizedCertificateIsRefused() throws {
        let fixture = try Fixture()
        var list = fixture.list
        list.issuers[0].cscaCertificates.append([UInt8](repeating: 0x30, count: 70_000))
        #expect(trustListErrorCode { _ = try fixture.signed(list) } == "TRUST_LIST_TOO_LARGE")
        let signed = try fixture.signed(fixture.list)
        let limits = TrustListLimits(maximumCertificateBytes: fixture.dsc.count - 1)
        #expect(trustListErrorCode { _ = try SignedTrustList.verify(signed, anchors: fixture.anchors, now: Clock.now, limits: limits) } == "TRUST_LIST_TOO_LARGE")
    }

    @Test func deepPayloadIsRefused() throws {
        let fixture = try Fixture()
        var list = fixture.list
        var nested: JSONValue = .integer(1)
        for _ in 0..<3 { nested = .array([nested]) }
        list.issuers[0].shcKeys[0]["ext"] = nested
        let signed = try fixture.signed(list)  // valid, but deeper than the default payload depth
        #expect(trustListErrorCode { _ = try SignedTrustList.verify(signed, anchors: fixture.anchors, now: Clock.now) } == "TRUST_LIST_TOO_LARGE")
        let roomy = TrustListLimits(maximumDepth: 16)
        #expect(try SignedTrustList.verify(signed, anchors: fixture.anchors, now: Clock.now, limits: roomy).list == list)
    }

    @Test func nonASCIIInputIsRefused() throws {
        let fixture = try Fixture()
        var signed = try fixture.signed()
        signed[10] = 0xC3
        #expect(trustListErrorCode { _ = try SignedTrustList.verify(signed, anchors: fixture.anchors, now: Clock.now) } == "TRUST_LIST_MALFORMED")
    }
}
