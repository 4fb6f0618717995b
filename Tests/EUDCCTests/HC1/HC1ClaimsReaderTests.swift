import CBOR
import COSE
import JSON
import TestSupport
import Testing

@testable import EUDCC

/// The fast claims path (`HC1ClaimsReader`) either declines or returns exactly what the general decoder
/// (`CBOR.decode`, `CWTClaims`, `DCCJSONConversion`) returns.
@Suite("HC1 claims fast path")
struct HC1ClaimsReaderTests {
    /// The claims as the general decoder reads them, or nil when it fails.
    static func general(_ payload: ArraySlice<UInt8>) -> HC1Claims? {
        guard let claims = try? CWTClaims(decoding: payload),
            let dcc = claims.claim(CWTClaims.Key.healthCertificate)?.value(forKey: 1),
            let json = try? DCCJSONConversion.json(from: dcc)
        else { return nil }
        return HC1Claims(
            issuer: claims.issuer, issuedAt: claims.issuedAt, expirationTime: claims.expirationTime,
            notBefore: claims.notBefore, dcc: json)
    }

    static func expectSame(_ fast: HC1Claims, _ general: HC1Claims?, _ label: String) {
        guard let general else {
            Issue.record("\(label): the fast path accepted what the general decoder rejects")
            return
        }
        #expect(fast.issuer == general.issuer, "\(label)")
        #expect(fast.issuedAt == general.issuedAt, "\(label)")
        #expect(fast.expirationTime == general.expirationTime, "\(label)")
        #expect(fast.notBefore == general.notBefore, "\(label)")
        #expect(fast.dcc == general.dcc, "\(label)")
    }

    @Test func agreesWithTheGeneralDecoderOnEveryTestVector() throws {
        var fastCount = 0
        var payloadCount = 0
        for file in try DGCTestFile.all() {
            guard let cose = file.hex("COSE"), let message = try? COSESign1(decoding: cose) else { continue }
            payloadCount += 1
            guard let fast = HC1ClaimsReader.read(message.payload) else { continue }
            fastCount += 1
            Self.expectSame(fast, Self.general(message.payload), file.path)
        }
        // Nearly every real certificate takes the fast path; the rest (tag 1 dates, half floats, indefinite
        // lengths, extra claims) take the general one.
        #expect(payloadCount > 400)
        #expect(fastCount * 10 >= payloadCount * 8, "\(fastCount) of \(payloadCount) took the fast path")
    }

    @Test func issuedCertificatesTakeTheFastPath() throws {
        let fixture = try HC1Fixture()
        let issued = try fixture.issuer.issue(try HC1Fixture.exampleRecord, issuedAt: fixture.now, expiresAt: nil)
        let message = try COSESign1(decoding: try HC1Transport.decode(issued.text[...], inflater: nil))
        let fast = try #require(HC1ClaimsReader.read(message.payload))
        Self.expectSame(fast, Self.general(message.payload), "issued")
    }

    static func claims(_ entries: [CBORValue.MapEntry]) throws -> ArraySlice<UInt8> {
        try CBOR.encode(.map(entries))[...]
    }

    static let dcc: CBORValue = .map([
        .init(.textString("ver"), .textString("1.3.0")),
        .init(.textString("dob"), .tagged(1004, .textString("1964-08-12"))),
        .init(.textString("nam"), .map([.init(.textString("fnt"), .textString("MUSTERMANN"))])),
        .init(.textString("v"), .array([.map([.init(.textString("dn"), .unsigned(2)), .init(.textString("x"), .float(0.1))])])),
    ])

    static func usual(issuer: CBORValue = .textString("DE"), dcc: CBORValue = dcc) -> [CBORValue.MapEntry] {
        [
            .init(.unsigned(1), issuer), .init(.unsigned(4), .unsigned(1_700_000_000)),
            .init(.unsigned(6), .float(1_600_000_000.5)),
            .init(.negative(259), .map([.init(.unsigned(1), dcc)])),
        ]
    }

    @Test func readsTheUsualShape() throws {
        let payload = try Self.claims(Self.usual())
        let fast = try #require(HC1ClaimsReader.read(payload))
        Self.expectSame(fast, Self.general(payload), "usual")
        #expect(fast.issuer == "DE")
        #expect(fast.issuedAt == 1_600_000_000.5)
        #expect(fast.dcc["dob"]?.stringValue == "1964-08-12")
    }

    /// Unusual or malformed shapes are left to the general decoder, whatever its verdict.
    @Test func declinesWhatItDoesNotExpect() throws {
        var cases: [(String, ArraySlice<UInt8>)] = []
        var entries = Self.usual()
        entries.append(.init(.unsigned(7), .byteString([1, 2])))
        cases.append(("another claim", try Self.claims(entries)))
        cases.append(("duplicate claim", Self.rawDuplicateClaims()))
        cases.append(("issuer not text", try Self.claims(Self.usual(issuer: .unsigned(5)))))
        cases.append(("half float in the DCC", try Self.claims(Self.usual(dcc: .map([.init(.textString("x"), .float(0.5))])))))
        cases.append(("tag 1 date", try Self.claims(Self.usual(dcc: .map([.init(.textString("x"), .tagged(1, .unsigned(0)))])))))
        cases.append(("byte string", try Self.claims(Self.usual(dcc: .map([.init(.textString("x"), .byteString([0]))])))))
        cases.append(("integer key", try Self.claims(Self.usual(dcc: .map([.init(.unsigned(3), .null)])))))
        var trailing = try Self.claims(Self.usual())
        trailing.append(0)
        cases.append(("trailing byte", trailing))
        // An indefinite-length DCC map: 0xBF ... 0xFF around one member.
        let indefinite: [UInt8] = [0xA2, 0x01, 0x62, 0x44, 0x45, 0x39, 0x01, 0x03, 0xA1, 0x01, 0xBF, 0x61, 0x78, 0xF6, 0xFF]
        cases.append(("indefinite map", indefinite[...]))
        for (label, payload) in cases {
            #expect(HC1ClaimsReader.read(payload) == nil, "\(label)")
        }
        // The decoder entry point still reads the valid ones, through the general decoder.
        #expect(try HC1Claims.decode(indefinite[...]).dcc["x"] == .null)
        #expect(throws: (any Error).self) { try HC1Claims.decode(trailing) }
    }

    /// A claims map with key 1 twice (the encoder refuses to write one).
    static func rawDuplicateClaims() -> ArraySlice<UInt8> {
        // {1: "DE", 1: "FR", -260: {1: {}}}
        [0xA3, 0x01, 0x62, 0x44, 0x45, 0x01, 0x62, 0x46, 0x52, 0x39, 0x01, 0x03, 0xA1, 0x01, 0xA0][...]
    }

    @Test func everyTruncationIsDeclinedWithoutACrash() throws {
        let payload = try Self.claims(Self.usual())
        for length in 0..<payload.count {
            #expect(HC1ClaimsReader.read(payload.prefix(length)) == nil, "\(length) bytes")
        }
    }
}

extension HC1Claims: Equatable {
    public static func == (lhs: HC1Claims, rhs: HC1Claims) -> Bool {
        lhs.issuer == rhs.issuer && lhs.issuedAt == rhs.issuedAt && lhs.expirationTime == rhs.expirationTime
            && lhs.notBefore == rhs.notBefore && lhs.dcc == rhs.dcc
    }
}
