import Foundation
import TestSupport
import Testing

@testable import Trust

@Suite("Document signer certificates from the EU DCC test data")
struct DocumentSignerCertificateTests {
    /// The files whose DSC swift-certificates rejects (RSASSA-PSS or ecdsa-with-SHA1 signatures, and IS 3, whose
    /// ecdsa-with-SHA256 signature value is a 512-byte blob rather than an ECDSA-Sig-Value).
    static let expectedFallbackFiles: Set<String> = [
        "AE/2DCode/raw/test.json", "AE/2DCode/raw/vaccine.json",
        "DE/2DCode/raw/1.json", "DE/2DCode/raw/2.json", "DE/2DCode/raw/3.json", "DE/2DCode/raw/4.json",
        "IS/2DCode/raw/3.json", "IS/2DCode/raw/4.json", "IS/2DCode/raw/5.json",
        "LT/2DCode/raw/1.json", "LT/2DCode/raw/2.json", "LT/2DCode/raw/3.json", "LT/2DCode/raw/4.json",
        "LU/2DCode/raw/INCERT_R_DCC_NAAT.json", "LU/2DCode/raw/INCERT_R_DCC_RAT.json",
        "LU/2DCode/raw/INCERT_R_DCC_Recovery.json", "LU/2DCode/raw/INCERT_R_DCC_Vaccination.json",
    ]

    @Test("all 581 certificates load with a public key; exactly the 17 known ones need the fallback")
    func allCertificatesLoad() throws {
        let vectors = try DGCTestVector.all()
        #expect(vectors.count == 581)
        var fallback: Set<String> = []
        var keyTypes: [String: Int] = [:]
        for vector in vectors {
            let dsc = try DocumentSignerCertificate(derEncoded: vector.certificateBytes)
            keyTypes[dsc.publicKey.keyTypeName, default: 0] += 1
            #expect(dsc.derBytes == vector.certificateBytes)
            #expect(dsc.kid.count == 8)
            #expect(dsc.notValidBefore < dsc.notValidAfter, "\(vector.name)")
            #expect(!dsc.serialNumber.isEmpty, "\(vector.name)")
            if dsc.parsedWithFallback {
                fallback.insert(vector.name)
                #expect(dsc.certificate == nil)
            } else {
                #expect(dsc.certificate != nil)
            }
        }
        #expect(fallback.count == 17)
        #expect(fallback == Self.expectedFallbackFiles)
        #expect(keyTypes.values.reduce(0, +) == 581)
        #expect(keyTypes["P-256", default: 0] > 0 && keyTypes["RSA-2048", default: 0] > 0)
        #expect(keyTypes["P-384"] == 3, "ES 401-403 use a P-384 key")
    }

    @Test("the kid is the first 8 bytes of SHA-256 over all given bytes and appears in the COSE of 560 files")
    func kidsMatchCOSE() throws {
        var missing: Set<String> = []
        var withoutCOSE = 0
        for vector in try DGCTestVector.all() {
            let dsc = try DocumentSignerCertificate(derEncoded: vector.certificateBytes)
            guard vector.cose != nil else {
                withoutCOSE += 1
                continue
            }
            // A kid header value is the CBOR byte string h'48' followed by the 8 kid bytes.
            if !vector.coseContains([0x48] + dsc.kid) {
                missing.insert(vector.name)
            }
        }
        #expect(withoutCOSE == 16)
        // PL x/6 are signed by another DSC, CO23 carries the kid "foo", CBO2 is not a COSE structure.
        #expect(
            missing == [
                "PL/1.0.0/2DCode/raw/6.json", "PL/1.2.1/2DCode/raw/6.json", "PL/1.3.0/2DCode/raw/6.json",
                "common/2DCode/raw/CBO2.json", "common/2DCode/raw/CO23.json",
            ]
        )
    }

    /// Kids read by hand from the COSE hex of each file (`04 48 <8 bytes>` in the protected header, or in the
    /// unprotected one for DE 1).
    @Test(
        "kid equals the COSE kid read by hand",
        arguments: [
            ("common/2DCode/raw/CO1.json", "324d2374e3abceb5"),  // a2 04 48 324d2374e3abceb5 01 38 24
            ("AT/2DCode/raw/1.json", "d919375fc1e7b6b2"),  // a2 04 48 d919375fc1e7b6b2 01 26
            ("DE/2DCode/raw/1.json", "0c4b15512be91401"),  // protected a1 01 26, unprotected a1 04 48 …
            ("FI/2DCode/raw/1.json", "75997941cd2d9b21"),  // a2 01 26 04 48 75997941cd2d9b21
            ("LT/2DCode/raw/1.json", "cdc9ed70d4c5d9b1"),  // a2 01 38 24 04 48 cdc9ed70d4c5d9b1
            ("IS/2DCode/raw/3.json", "c2f1795361dd6c3c"),  // a2 01 38 24 04 48 c2f1795361dd6c3c
        ]
    )
    func kidByHand(name: String, kidHex: String) throws {
        let dsc = try DocumentSignerCertificate(derEncoded: DGCTestVector.named(name).certificateBytes)
        #expect(Hex.encode(dsc.kid) == kidHex)
    }

    @Test("IS 3: kid over all 1210 bytes (computed independently), EKU holds only the ICAO OID")
    func iceland3() throws {
        let vector = try DGCTestVector.named("IS/2DCode/raw/3.json")
        #expect(vector.certificateBytes.count == 1210)
        let dsc = try DocumentSignerCertificate(derEncoded: vector.certificateBytes)
        // SHA-256 of the decoded TESTCTX.CERTIFICATE computed with Python's hashlib: c2f1795361dd6c3c…
        #expect(Hex.encode(dsc.kid) == "c2f1795361dd6c3c")
        #expect(dsc.parsedWithFallback)
        #expect(dsc.subjectCountry == "IS")
        #expect(dsc.serialNumber == "b6")
        #expect(dsc.extendedKeyUsage == ["2.23.136.1.1.14.2"])
        #expect(dsc.publicKey.keyTypeName == "RSA-2048")
        for type in HealthCertificateType.allCases {
            #expect(!dsc.allows(type))
        }
    }

    @Test("the kid covers trailing bytes after the DER element")
    func kidIncludesTrailingBytes() throws {
        let bytes = try DGCTestVector.named("AT/2DCode/raw/1.json").certificateBytes
        let padded = bytes + [0x00, 0x01, 0x02]
        let plain = try DocumentSignerCertificate(derEncoded: bytes)
        let withTrailer = try DocumentSignerCertificate(derEncoded: padded)
        #expect(!plain.parsedWithFallback)
        #expect(withTrailer.parsedWithFallback, "swift-certificates rejects trailing data")
        #expect(withTrailer.kid == DocumentSignerCertificate.kid(for: padded))
        #expect(withTrailer.kid != plain.kid)
        #expect(withTrailer.serialNumber == plain.serialNumber)
        #expect(withTrailer.notValidAfter == plain.notValidAfter)
    }

    @Test("the lenient walk reads the same fields as swift-certificates for every certificate both accept")
    func lenientAgreesWithStrict() throws {
        var compared = 0
        for vector in try DGCTestVector.all() {
            let dsc = try DocumentSignerCertificate(derEncoded: vector.certificateBytes)
            guard !dsc.parsedWithFallback else { continue }
            let strict = try #require(dsc.certificate)
            let lenient = try LenientCertificateParser.fields(from: vector.certificateBytes[...])
            let fromStrict = try DocumentSignerCertificate.fields(of: strict)
            #expect(lenient.notValidBefore == fromStrict.notValidBefore, "\(vector.name)")
            #expect(lenient.notValidAfter == fromStrict.notValidAfter, "\(vector.name)")
            #expect(lenient.subjectCountry == fromStrict.subjectCountry, "\(vector.name)")
            #expect(
                DocumentSignerCertificate.withoutLeadingZeros(lenient.serialNumber)
                    == DocumentSignerCertificate.withoutLeadingZeros(fromStrict.serialNumber),
                "\(vector.name)"
            )
            #expect(lenient.extendedKeyUsage == fromStrict.extendedKeyUsage, "\(vector.name)")
            #expect(Array(lenient.subjectPublicKeyInfo) == Array(fromStrict.subjectPublicKeyInfo), "\(vector.name)")
            compared += 1
        }
        #expect(compared == 564)
    }

    @Test("every certificate names a two-letter subject country, except the 37 'CN=EC-Me'/'CN=RSA-Me' ones in common/")
    func subjectCountries() throws {
        var countries: Set<String> = []
        var withoutCountry = 0
        for vector in try DGCTestVector.all() {
            let dsc = try DocumentSignerCertificate(derEncoded: vector.certificateBytes)
            if vector.name.hasPrefix("common/"), vector.name != "common/2DCode/raw/CO28.json" {
                #expect(dsc.subjectCountry == nil, "\(vector.name)")  // CN=EC-Me or CN=RSA-Me only
                withoutCountry += 1
                continue
            }
            let country = try #require(dsc.subjectCountry, "\(vector.name)")
            #expect(country.count == 2, "\(vector.name): \(country)")
            countries.insert(country)
        }
        #expect(withoutCountry == 37)
        #expect(countries.isSuperset(of: ["IS", "NL", "DE", "FI", "LT", "SE"]))
    }

    @Test("the description names kid, key type and country, never the certificate bytes")
    func description() throws {
        let dsc = try DocumentSignerCertificate(
            derEncoded: DGCTestVector.named("IS/2DCode/raw/3.json").certificateBytes
        )
        #expect(dsc.description == "DocumentSignerCertificate(kid: c2f1795361dd6c3c, key: RSA-2048, C: IS, lenient)")
    }

    @Test("empty input, oversized input and non-certificates are rejected with codes")
    func rejectsBadInput() throws {
        #expect(throws: TrustError(.invalidCertificate, "")) { try DocumentSignerCertificate(derEncoded: []) }
        #expect(throws: TrustError(.inputTooLarge, "")) {
            try DocumentSignerCertificate(derEncoded: [0x30] + [UInt8](repeating: 0, count: 70_000))
        }
        #expect(throws: TrustError(.invalidCertificate, "")) {
            try DocumentSignerCertificate(derEncoded: [0x30, 0x03, 0x02, 0x01, 0x01])
        }
        #expect(throws: TrustError(.invalidCertificate, "")) {
            try DocumentSignerCertificate(derEncoded: Array("not a certificate".utf8))
        }
    }

    @Test("every truncation of a certificate is rejected, never crashes")
    func truncations() throws {
        for name in ["AT/2DCode/raw/1.json", "DE/2DCode/raw/1.json"] {
            let bytes = try DGCTestVector.named(name).certificateBytes
            for length in 0..<bytes.count {
                #expect(throws: TrustError.self) { try DocumentSignerCertificate(derEncoded: Array(bytes[..<length])) }
            }
        }
    }

    @Test("random byte mutations either load or throw a TrustError")
    func mutations() throws {
        var generator = SeededGenerator(seed: 0x7275_7374)
        let sources = try ["AT/2DCode/raw/1.json", "DE/2DCode/raw/1.json", "FI/2DCode/raw/1.json"].map {
            try DGCTestVector.named($0).certificateBytes
        }
        var loaded = 0
        var rejected = 0
        for round in 0..<3000 {
            var bytes = sources[round % sources.count]
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                bytes[index] = UInt8.random(in: 0...255, using: &generator)
            }
            do {
                _ = try DocumentSignerCertificate(derEncoded: bytes)
                loaded += 1
            } catch is TrustError {
                rejected += 1
            }
        }
        #expect(loaded + rejected == 3000)
        #expect(loaded > 0 && rejected > 0)
    }
}
