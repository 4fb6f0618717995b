import Foundation
import ICAOVDSNC
import JSON
import Testing

/// The bytes a seal's signature covers: RFC 8785 (JCS) of `data`. The JCS writer itself is tested against the
/// RFC vectors in JSONTests (`JSONCanonicalTests`); these tests tie the seal to it.
@Suite("VDS-NC signed bytes are RFC 8785 canonical data")
struct VDSNCCanonicalTests {
    func signedText(data: String) throws -> String {
        let seal = try VDSNCSeal(
            text: #"{"sig": {"alg": "ES256", "cer": "AAAA", "sigvl": "AAAA"}, "data": \#(data)}"#[...])
        return String(decoding: seal.signedBytes, as: UTF8.self)
    }

    @Test func theRFC8785SampleInsideDataGivesTheRFCOutput() throws {
        // RFC 8785 section 3.2.2 input members, next to a header; section 3.2.4 output for them.
        let data = #"""
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false],
              "hdr": {"v": 1, "t": "icao.vacc", "is": "UTO"}
            }
            """#
        let expected =
            #"{"hdr":{"is":"UTO","t":"icao.vacc","v":1},"literals":[null,true,false],"#
            + #""numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
        #expect(try signedText(data: data) == expected)
    }

    @Test func membersAreSortedByUTF16CodeUnitsAndWhitespaceIsDropped() throws {
        let data = #"""
            { "msg" : { "ve" : [ ], "uvci" : "X", "pid" : { "n" : "Å", "dob" : "1964" } },
              "hdr" : { "v" : 1.0, "t" : "icao.vacc", "is" : "UTO" }, "\ud83d\ude00" : 1, "\ufb33" : 2 }
            """#
        let expected =
            #"{"hdr":{"is":"UTO","t":"icao.vacc","v":1},"msg":{"pid":{"dob":"1964","n":"Å"},"uvci":"X","ve":[]},"😀":1,"דּ":2}"#
        #expect(try signedText(data: data) == expected)
    }
}
