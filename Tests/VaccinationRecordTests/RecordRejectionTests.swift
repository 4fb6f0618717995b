import JSON
import Testing
import VaccinationRecord

@Suite struct RecordRejectionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let label: String
        let path: [String]
        let value: JSONValue?
        let code: String
        let errorPath: String
        var testDescription: String { label }
    }

    static let secret = "Zyxwvut-SECRET"

    static let cases: [Case] = [
        Case(
            label: "unknown top-level member", path: ["nickname"], value: .string(secret),
            code: "RECORD_UNKNOWN_FIELD", errorPath: "nickname"),
        Case(
            label: "unknown nested member", path: ["vaccination", "brand", "version"], value: .string(secret),
            code: "RECORD_UNKNOWN_FIELD", errorPath: "vaccination.brand.version"),
        Case(
            label: "unknown certificate member", path: ["certificate", "ddccid"], value: .string(secret),
            code: "RECORD_UNKNOWN_FIELD", errorPath: "certificate.ddccid"),
        Case(
            label: "dose of wrong type", path: ["vaccination", "dose"], value: .string(secret),
            code: "RECORD_INVALID_FIELD", errorPath: "vaccination.dose"),
        Case(
            label: "fractional dose", path: ["vaccination", "dose"], value: .double(1.5),
            code: "RECORD_INVALID_FIELD", errorPath: "vaccination.dose"),
        Case(
            label: "name of wrong type", path: ["name"], value: .string(secret),
            code: "RECORD_INVALID_FIELD", errorPath: "name"),
        Case(
            label: "null member", path: ["vaccination", "lot"], value: .null,
            code: "RECORD_INVALID_FIELD", errorPath: "vaccination.lot"),
        Case(
            label: "zero dose", path: ["vaccination", "dose"], value: .integer(0),
            code: "RECORD_INVALID_FIELD", errorPath: "vaccination.dose"),
        Case(
            label: "negative totalDoses", path: ["vaccination", "totalDoses"], value: .integer(-1),
            code: "RECORD_INVALID_FIELD", errorPath: "vaccination.totalDoses"),
        Case(
            label: "30 February", path: ["vaccination", "date"], value: .string("2021-02-30"),
            code: "RECORD_INVALID_DATE", errorPath: "vaccination.date"),
        Case(
            label: "29 February of a common year", path: ["vaccination", "date"], value: .string("2021-02-29"),
            code: "RECORD_INVALID_DATE", errorPath: "vaccination.date"),
        Case(
            label: "month 13", path: ["birthDate"], value: .string("1964-13"),
            code: "RECORD_INVALID_DATE", errorPath: "birthDate"),
        Case(
            label: "date-time as date", path: ["vaccination", "date"], value: .string("2021-06-01T00:00:00"),
            code: "RECORD_INVALID_DATE", errorPath: "vaccination.date"),
        Case(
            label: "birth date with slashes", path: ["birthDate"], value: .string("12/08/1964"),
            code: "RECORD_INVALID_DATE", errorPath: "birthDate"),
        Case(
            label: "empty birth date", path: ["birthDate"], value: .string(""),
            code: "RECORD_INVALID_DATE", errorPath: "birthDate"),
        Case(
            label: "unknown country", path: ["vaccination", "country"], value: .string("XY"),
            code: "RECORD_UNKNOWN_COUNTRY", errorPath: "vaccination.country"),
        Case(
            label: "lower-case country", path: ["vaccination", "country"], value: .string("de"),
            code: "RECORD_UNKNOWN_COUNTRY", errorPath: "vaccination.country"),
        Case(
            label: "country name", path: ["vaccination", "country"], value: .string("Germany"),
            code: "RECORD_UNKNOWN_COUNTRY", errorPath: "vaccination.country"),
        Case(
            label: "no manufacturer or holder", path: ["vaccination", "manufacturer"], value: nil,
            code: "RECORD_MISSING_FIELD", errorPath: "vaccination.manufacturer"),
        Case(
            label: "no issuer", path: ["certificate", "issuer"], value: nil,
            code: "RECORD_MISSING_FIELD", errorPath: "certificate.issuer"),
        Case(
            label: "empty hcid", path: ["certificate", "hcid"], value: .string(""),
            code: "RECORD_INVALID_FIELD", errorPath: "certificate.hcid"),
        Case(
            label: "empty issuer", path: ["certificate", "issuer"], value: .string(""),
            code: "RECORD_INVALID_FIELD", errorPath: "certificate.issuer"),
        Case(
            label: "no certificate", path: ["certificate"], value: nil,
            code: "RECORD_MISSING_FIELD", errorPath: "certificate"),
        Case(
            label: "no vaccine", path: ["vaccination", "vaccine"], value: nil,
            code: "RECORD_MISSING_FIELD", errorPath: "vaccination.vaccine"),
        Case(
            label: "coding without code", path: ["vaccination", "brand", "code"], value: nil,
            code: "RECORD_MISSING_FIELD", errorPath: "vaccination.brand.code"),
        Case(
            label: "empty code", path: ["vaccination", "brand", "code"], value: .string(""),
            code: "RECORD_INVALID_FIELD", errorPath: "vaccination.brand.code"),
        Case(
            label: "no name at all", path: ["name"], value: .object(["familyTransliterated": .string("X")]),
            code: "RECORD_MISSING_FIELD", errorPath: "name"),
        Case(
            label: "lower-case transliteration", path: ["name", "familyTransliterated"], value: .string("Mustermann"),
            code: "RECORD_INVALID_FIELD", errorPath: "name.familyTransliterated"),
        Case(
            label: "sex outside the value set", path: ["sex"], value: .string(secret),
            code: "RECORD_INVALID_FIELD", errorPath: "sex"),
        Case(
            label: "second event", path: ["recovery"], value: .object([:]),
            code: "RECORD_INVALID_FIELD", errorPath: "recovery"),
        Case(
            label: "no event", path: ["vaccination"], value: nil,
            code: "RECORD_MISSING_FIELD", errorPath: ""),
        Case(
            label: "period ending before it starts", path: ["certificate", "period"],
            value: .object(["start": .string("2022-01-01T00:00:00Z"), "end": .string("2022-01-01T01:00:00+02:00")]),
            code: "RECORD_INVALID_DATE", errorPath: "certificate.period.end"),
        Case(
            label: "malformed period start", path: ["certificate", "period"],
            value: .object(["start": .string("2022-01-01")]),
            code: "RECORD_INVALID_DATE", errorPath: "certificate.period.start"),
        Case(
            label: "too long text", path: ["vaccination", "lot"],
            value: .string(String(repeating: "L", count: VaccinationRecord.maximumTextLength + 1)),
            code: "RECORD_INVALID_FIELD", errorPath: "vaccination.lot"),
    ]

    @Test(arguments: cases)
    func rejects(_ testCase: Case) throws {
        let input = try RecordTestJSON.parse(RecordFixtures.issueExample).setting(testCase.path, to: testCase.value)
        let error = try #require(throws: RecordError.self) { try VaccinationRecord(json: input) }
        #expect(error.code == testCase.code)
        #expect(error.path == testCase.errorPath)
        #expect(!error.message.contains(Self.secret))
        #expect(!error.message.contains("Mustermann") && !error.message.contains("1964"))
        if case .string(let bad)? = testCase.value, bad.count >= 4 { #expect(!error.message.contains(bad)) }
    }

    @Test func rejectsNonObjects() throws {
        for value: JSONValue in [.null, .string("x"), .array([]), .integer(1)] {
            let error = try #require(throws: RecordError.self) { try VaccinationRecord(json: value) }
            #expect(error.code == "RECORD_INVALID_FIELD")
        }
    }

    @Test func rejectsInvalidTestAndRecoveryValues() throws {
        let test = try RecordTestJSON.parse(RecordFixtures.testRecord)
        for (path, value, code) in [
            (["test", "sampleTime"], JSONValue.string("2021-06-11 17:30"), "RECORD_INVALID_DATE"),
            (["test", "sampleTime"], .string("2021-06-11T25:00:00Z"), "RECORD_INVALID_DATE"),
            (["test", "result"], nil, "RECORD_MISSING_FIELD"),
            (["test", "country"], .string("EU"), "RECORD_UNKNOWN_COUNTRY"),
        ] as [([String], JSONValue?, String)] {
            let error = try #require(throws: RecordError.self) {
                try VaccinationRecord(json: test.setting(path, to: value))
            }
            #expect(error.code == code)
            #expect(error.path == path.joined(separator: "."))
        }
        let recovery = try RecordTestJSON.parse(RecordFixtures.recoveryRecord)
            .setting(["recovery", "validUntil"], to: .string("2021-06-11"))
        let error = try #require(throws: RecordError.self) { try VaccinationRecord(json: recovery) }
        #expect(error.code == "RECORD_INVALID_DATE")
        #expect(error.path == "recovery.validUntil")
    }

    @Test func validateChecksRecordsBuiltInCode() throws {
        var record = try VaccinationRecord(json: try RecordTestJSON.parse(RecordFixtures.issueExample))
        try record.validate()
        guard case .vaccination(var vaccination) = record.event else { Issue.record("not a vaccination"); return }
        vaccination.dose = 0
        record.event = .vaccination(vaccination)
        let error = try #require(throws: RecordError.self) { try record.validate() }
        #expect(error.code == "RECORD_INVALID_FIELD")
        #expect(error.message == "vaccination.dose: expected an integer of at least 1")
    }
}
