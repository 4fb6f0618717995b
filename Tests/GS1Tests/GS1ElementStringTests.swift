import GS1
import Testing

@Suite struct GS1ElementStringTests {
    static let gs = "\u{1D}"

    @Test func dataMatrixWithSymbologyIdentifierAndSeparator() throws {
        let parsed = try GS1ElementString.parse("]d201095212345432131726123110ABC123\(Self.gs)2112345")
        #expect(parsed.gtin?.digits == "09521234543213")
        #expect(parsed.expiry?.description == "261231")
        #expect(parsed.lot == "ABC123")
        #expect(parsed.serial == "12345")
        #expect(parsed.humanReadable == "(01)09521234543213(17)261231(10)ABC123(21)12345")
    }

    @Test(arguments: ["]C1", "]Q3", "]e0", "", "\u{1D}"])
    func symbologyPrefixesAndLeadingFNC1(prefix: String) throws {
        let parsed = try GS1ElementString.parse(prefix + "0109521234543213" + "10LOT7")
        #expect(parsed.elements.map(\.ai.code) == ["01", "10"])
        #expect(parsed.lot == "LOT7")
    }

    @Test func fixedLengthFieldsNeedNoSeparator() throws {
        let parsed = try GS1ElementString.parse("01095212345432131726123121SER1")
        #expect(parsed.elements.map(\.ai.code) == ["01", "17", "21"])
        #expect(parsed.serial == "SER1")
    }

    @Test func withoutSeparatorVariableFieldRunsToEnd() throws {
        // Without GS after the lot, everything to the end belongs to AI 10.
        let parsed = try GS1ElementString.parse("010952123454321310ABC2112345")
        #expect(parsed.lot == "ABC2112345")
        #expect(parsed.serial == nil)
    }

    @Test func humanReadableForm() throws {
        let parsed = try GS1ElementString.parse("(01)09521234543213(17)261231(10)ABC123(21)12345")
        #expect(parsed.data == "01095212345432131726123110ABC123\(Self.gs)2112345")
        #expect(try GS1ElementString.parseData(Array(parsed.data.utf8)) == parsed)
    }

    @Test func humanReadableValueMayContainBrackets() throws {
        let parsed = try GS1ElementString.parse("(01)09521234543213(10)A(B)C(21)1")
        #expect(parsed.lot == "A(B)C")
    }

    @Test func dataPutsPredefinedLengthFieldsFirst() throws {
        let parsed = try GS1ElementString.parse("(10)L1(01)09521234543213(21)S")
        #expect(parsed.data == "0109521234543213" + "10L1\(Self.gs)21S")
    }

    @Test func glnWithExtension() throws {
        let parsed = try GS1ElementString.parse("(414)4012345000054(254)FRIDGE-2")
        #expect(parsed[.locationGLN] == "4012345000054")
        #expect(parsed[.glnExtension] == "FRIDGE-2")
        // AI 41x has a predefined length, so no separator follows the GLN.
        #expect(parsed.data == "4144012345000054254FRIDGE-2")
    }

    @Test(arguments: [
        ("0109521234543214", "GS1_CHECK_DIGIT"),
        ("99ABC", "GS1_UNKNOWN_AI"),
        ("(99)ABC", "GS1_UNKNOWN_AI"),
        ("01095212345432131713133110X", "GS1_INVALID_DATE"),
        ("0109521234543213" + "10" + String(repeating: "A", count: 21), "GS1_INVALID_VALUE"),
        ("0109521234543213" + "10A\u{1D}10B", "GS1_MALFORMED"),
        ("]X10109521234543213", "GS1_MALFORMED"),
        ("01095212345432", "GS1_TRUNCATED"),
        ("0109521234543213\u{1D}", "GS1_TRUNCATED"),
        ("(01)", "GS1_MALFORMED"),
        ("(01", "GS1_TRUNCATED"),
        ("(10)AB\u{00E9}", "GS1_INVALID_VALUE"),
    ])
    func codedErrors(input: String, code: String) {
        do {
            _ = try GS1ElementString.parse(input)
            Issue.record("expected \(code)")
        } catch {
            #expect(error.code == code, "\(input.debugDescription)")
        }
    }

    @Test func tooLarge() {
        #expect(throws: GS1Error(.tooLarge, "")) {
            try GS1ElementString.parse("10" + String(repeating: "A", count: 2000))
        }
    }

    @Test func expiryDayZeroMeansEndOfMonth() throws {
        let date = try ExpiryDate(yymmdd: "280200")
        #expect(date.isoDate(referenceYear: 2026) == "2028-02-29")
        #expect(try ExpiryDate(yymmdd: "270200").isoDate(referenceYear: 2026) == "2027-02-28")
        #expect(try ExpiryDate(yymmdd: "261231").isoDate(referenceYear: 2026) == "2026-12-31")
        #expect(try ExpiryDate(yymmdd: "990101").year(referenceYear: 2026) == 1999)
        #expect(throws: GS1Error(.invalidDate, "")) { try ExpiryDate(yymmdd: "260431") }
        #expect(throws: GS1Error(.invalidDate, "")) { try ExpiryDate(yymmdd: "261300") }
    }

    /// Every prefix of valid element strings either parses or gives a coded GS1 error (never a crash).
    @Test(arguments: [
        "]d201095212345432131726123110ABC123\u{1D}2112345",
        "(01)09521234543213(17)261231(10)ABC123(21)12345",
        "(414)4012345000054(254)FRIDGE-2",
    ])
    func everyPrefixGivesValueOrCodedError(input: String) {
        let bytes = Array(input.utf8)
        var errors = 0
        for length in 0...bytes.count {
            let prefix = Array(bytes[0..<length])
            do {
                if input.hasPrefix("(") {
                    _ = try GS1ElementString.parseHumanReadable(String(decoding: prefix, as: UTF8.self))
                } else {
                    _ = try GS1ElementString.parseData(prefix)
                }
            } catch {
                errors += 1
                #expect(error.code.hasPrefix("GS1_"))
            }
        }
        #expect(errors > 0)
    }
}
