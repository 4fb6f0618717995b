import Foundation
import SwiftASN1
import Testing

@testable import Trust

@Suite("Lenient ASN.1 helpers")
struct LenientASN1Tests {
    private func timeNode(tag: UInt8, _ text: String) throws -> ASN1Node {
        let content = Array(text.utf8)
        return try DER.parse([tag, UInt8(content.count)] + content)
    }

    @Test(
        "times: UTCTime and GeneralizedTime in the forms certificates use",
        arguments: [
            (UInt8(0x17), "210517142542Z", 1_621_261_542.0),
            (0x17, "2105171425Z", 1_621_261_500.0),  // no seconds
            (0x17, "210517162542+0200", 1_621_261_542.0),  // offset
            (0x17, "210517142542", 1_621_261_542.0),  // no zone: UTC
            (0x18, "20210517142542Z", 1_621_261_542.0),
            (0x18, "20210517142542.25Z", 1_621_261_542.25),
            (0x17, "500101000000Z", -631_152_000.0),  // YY 50 is 1950
            (0x17, "491231000000Z", 2_524_521_600.0),  // YY 49 is 2049
        ]
    )
    func times(tag: UInt8, text: String, seconds: Double) throws {
        let date = try #require(LenientASN1.date(timeNode(tag: tag, text)))
        #expect(date.timeIntervalSince1970 == seconds)
    }

    @Test(
        "malformed times are rejected",
        arguments: ["211317142542Z", "21051714254Z", "21051714Z", "210517142542Zx", "2105171425420Z"]
    )
    func malformedTimes(text: String) throws {
        #expect(LenientASN1.date(try timeNode(tag: 0x17, text)) == nil)
    }

    @Test("days since the epoch")
    func days() {
        #expect(LenientASN1.daysSinceEpoch(year: 1970, month: 1, day: 1) == 0)
        #expect(LenientASN1.daysSinceEpoch(year: 2000, month: 3, day: 1) == 11_017)
        #expect(LenientASN1.daysSinceEpoch(year: 2021, month: 5, day: 17) == 18_764)
        #expect(LenientASN1.daysSinceEpoch(year: 1950, month: 1, day: 1) == -7_305)
    }

    @Test("first element: definite lengths, trailing bytes, bad headers")
    func firstElement() {
        #expect(LenientASN1.firstElement(of: [0x30, 0x00, 0xff][...]).map(Array.init) == [0x30, 0x00])
        #expect(
            LenientASN1.firstElement(of: [0x04, 0x81, 0x01, 0xaa, 0xbb][...]).map(Array.init) == [
                0x04, 0x81, 0x01, 0xaa,
            ]
        )
        #expect(LenientASN1.firstElement(of: [0x30, 0x80, 0x00, 0x00][...]) == nil, "indefinite length")
        #expect(LenientASN1.firstElement(of: [0x30, 0x05, 0x00][...]) == nil, "content shorter than the length")
        #expect(LenientASN1.firstElement(of: [0x30, 0x85, 1, 1, 1, 1, 1][...]) == nil, "5 length bytes")
        #expect(LenientASN1.firstElement(of: [0x1f, 0x81, 0x81, 0x81, 0x81, 0x81, 0x01, 0x00][...]) == nil)
        #expect(LenientASN1.firstElement(of: [][...]) == nil)
    }
}
