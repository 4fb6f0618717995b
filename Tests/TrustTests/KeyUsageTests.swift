import TestSupport
import Testing

@testable import Trust

@Suite("Extended key usage against EXPECTEDKEYUSAGE")
struct KeyUsageTests {
    /// Files whose flag the rule does not reproduce, with the reason. Empty: the rule agrees with every file
    /// whose entry type the `JSON` field decides.
    static let expectedDeviations: [String: String] = [:]

    @Test("'entry type allowed by the DSC' reproduces EXPECTEDKEYUSAGE for every decidable file")
    func reproducesExpectedKeyUsage() throws {
        var withFlag = 0
        var decided = 0
        var agreeing = 0
        var expectedFalse = 0
        var decidedFalse = 0
        var disagreements: Set<String> = []
        for vector in try DGCTestVector.all() {
            guard let expected = vector.expectedKeyUsage else { continue }
            withFlag += 1
            if !expected { expectedFalse += 1 }
            // The 10 files without a `JSON` field (CO6-CO15) cannot be decided here.
            guard let type = vector.entryType else { continue }
            decided += 1
            let dsc = try DocumentSignerCertificate(derEncoded: vector.certificateBytes)
            if dsc.allows(type) == expected {
                agreeing += 1
            } else {
                disagreements.insert(vector.name)
            }
            if !expected { decidedFalse += 1 }
        }
        #expect(withFlag == 388)
        #expect(decided == 378)
        #expect(agreeing == 378 - Self.expectedDeviations.count)
        #expect(disagreements == Set(Self.expectedDeviations.keys))
        #expect(expectedFalse == 79, "72 NL, 6 common and IS 3 expect false")
        #expect(decidedFalse == 73, "CO6-CO11 (without a JSON field) expect false too")
    }

    @Test("the legacy OID form appears in 391 DSCs and the standard form in 55")
    func oidFormsInTestData() throws {
        var legacy = 0
        var standard = 0
        for vector in try DGCTestVector.all() {
            let oids = try DocumentSignerCertificate(derEncoded: vector.certificateBytes).extendedKeyUsage ?? []
            if oids.contains(where: { $0.hasPrefix("1.3.6.1.4.1.0.1847.2021.1.") }) { legacy += 1 }
            if oids.contains(where: { $0.hasPrefix("1.3.6.1.4.1.1847.2021.1.") }) { standard += 1 }
        }
        #expect(legacy == 391)
        #expect(standard == 55)
    }

    @Test("CO15 has an empty EKU SEQUENCE, which allows every type")
    func emptySequenceAllowsAll() throws {
        let dsc = try DocumentSignerCertificate(
            derEncoded: DGCTestVector.named("common/2DCode/raw/CO15.json").certificateBytes
        )
        #expect(dsc.extendedKeyUsage == [])
        for type in HealthCertificateType.allCases {
            #expect(dsc.allows(type))
        }
    }

    @Test("FI certificates list the three legacy OIDs")
    func finland() throws {
        let dsc = try DocumentSignerCertificate(
            derEncoded: DGCTestVector.named("FI/2DCode/raw/1.json").certificateBytes
        )
        #expect(
            dsc.extendedKeyUsage == [
                "1.3.6.1.4.1.0.1847.2021.1.1", "1.3.6.1.4.1.0.1847.2021.1.2", "1.3.6.1.4.1.0.1847.2021.1.3",
            ]
        )
        #expect(!dsc.parsedWithFallback)
    }

    @Test(
        "lenient EKU reading",
        arguments: [
            // SEQUENCE { 1.3.6.1.4.1.1847.2021.1.2 }
            ("300d060b2b060104018e378f650102", LenientExtendedKeyUsage.oids(["1.3.6.1.4.1.1847.2021.1.2"])),
            // empty SEQUENCE
            ("3000", .oids([])),
            // the same with trailing garbage after the SEQUENCE
            ("3000ffff", .oids([])),
            // a SEQUENCE holding an INTEGER: unreadable, so nothing is allowed
            ("3003020101", .malformed),
            // not a SEQUENCE
            ("0603550403", .malformed),
            // truncated
            ("300d060b2b06", .malformed),
            ("", .malformed),
        ]
    )
    func lenientExtendedKeyUsage(hex: String, expected: LenientExtendedKeyUsage) throws {
        let bytes = try #require(Hex.decode(hex))
        #expect(LenientExtendedKeyUsage(extensionValue: bytes[...]) == expected)
    }

    @Test("dotted OIDs: first-arc split, multi-byte arcs, zero arcs, overflow and unterminated input")
    func dottedOIDs() throws {
        func dotted(_ hex: String) -> String? {
            Hex.decode(hex).flatMap { LenientASN1.dottedOID(contentBytes: $0[...]) }
        }
        #expect(dotted("2b0601040100") == "1.3.6.1.4.1.0")
        #expect(dotted("551d25") == "2.5.29.37")
        #expect(dotted("8837") == "2.999")
        #expect(dotted("0203") == "0.2.3")
        #expect(dotted("2b0681") == nil, "unterminated arc")
        #expect(dotted("2bffffffffffffffffff7f") == nil, "arc beyond 64 bits")
        #expect(dotted("") == nil)
    }
}
