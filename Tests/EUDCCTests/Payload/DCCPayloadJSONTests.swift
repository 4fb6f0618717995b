import EUDCC
import JSON
import Testing
import TestSupport

@Suite struct DCCPayloadJSONTests {
    static let examples = [
        "vaccination/simple.json", "vaccination/transliterated.json", "vaccination/special-case-only-family-name.json",
        "vaccination/special-case-only-given-name.json", "vaccination/special-case-birthday-year-only.json",
        "vaccination/special-case-birthday-year-month-only.json", "vaccination/standard_case_1-of-1-janssen.json",
        "vaccination/standard_case_2-of-1-janssen-janssen.json", "vaccination/standard_case_1-of-2-moderna.json",
        "vaccination/standard_case_2-of-2-moderna-moderna.json",
        "vaccination/standard_case_3-of-3-moderna-moderna-moderna.json",
        "vaccination/standard_case_3-of-1-janssen-janssen-janssen.json",
        "vaccination/standard_case_4-of-1-janssen-janssen-janssen-janssen.json",
        "vaccination/standard_case_4-of-4-moderna-moderna-moderna.json",
        "test/simple-naat.json", "test/simple-rat.json", "test/transliterated.json",
        "test/special-case-only-family-name.json", "test/special-case-only-given-name.json",
        "test/special-case-birthday-year-only.json", "test/special-case-birthday-year-month-only.json",
        "recovery/simple.json", "recovery/transliterated.json", "recovery/special-case-only-family-name.json",
        "recovery/special-case-only-given-name.json", "recovery/special-case-birthday-year-only.json",
        "recovery/special-case-birthday-year-month-only.json",
    ]

    @Test func allSchemaExamplesAreListed() throws {
        let files = try TestData.files(under: "ehn-dcc-schema/examples", withExtension: "json")
        #expect(files.count == Self.examples.count)
    }

    @Test(arguments: examples)
    func readsAndWritesTheSchemaExamples(example: String) throws {
        let json = try DCCPayloadTestJSON.load("ehn-dcc-schema/examples/" + example)
        let payload = try DCCPayload(json: json)
        #expect(payload.version == "1.3.3")
        #expect(payload.unknownMembers.count == 0)
        #expect(payload.entries.count == 1)
        #expect(payload.json.isEquivalent(to: json))
    }

    @Test func readsTheFields() throws {
        let payload = try DCCPayload(json: try DCCPayloadTestJSON.load("ehn-dcc-schema/examples/test/simple-rat.json"))
        #expect(payload.name.familyName == "Smith-Jones")
        #expect(payload.name.givenNameTransliterated == "CHARLES<EDWARD")
        #expect(payload.dateOfBirth == "1964-01-01")
        guard case .tests(let tests) = payload.entries else { Issue.record("not a test"); return }
        #expect(tests[0].testType == "LP217198-3")
        #expect(tests[0].testDevice == "532")
        #expect(tests[0].testName == nil)
        #expect(tests[0].sampleTime == "2021-06-11T17:30:00Z")
        #expect(tests[0].testCentre == "Example Test Corp, Big City")
        #expect(payload.entries.memberName == "t")
    }

    @Test func writesMembersInDCCOrderWithUnknownMembersLast() throws {
        let entry = DCCVaccinationEntry(
            targetedDisease: "840539006", vaccineType: "1119349007", medicinalProduct: "EU/1/20/1528",
            marketingAuthorizationHolder: "ORG-100030215", doseNumber: 1, totalDoses: 2, date: "2021-06-01",
            country: "DE", issuer: "RKI", certificateIdentifier: "URN:UVCI:01:DE:X", unknownMembers: ["zz": .bool(true)]
        )
        let payload = DCCPayload(
            version: "1.3.0",
            name: DCCName(familyName: "A", familyNameTransliterated: "A", givenName: "B", givenNameTransliterated: "B"),
            dateOfBirth: "1964", entries: .vaccinations([entry]), unknownMembers: ["meta": .object([:]), "aa": .null]
        )
        let json = payload.json
        #expect(json.objectValue?.keys == ["ver", "nam", "dob", "v", "meta", "aa"])
        #expect(json["nam"]?.objectValue?.keys == ["fn", "fnt", "gn", "gnt"])
        #expect(
            json["v"]?.arrayValue?.first?.objectValue?.keys == [
                "tg", "vp", "mp", "ma", "dn", "sd", "dt", "co", "is", "ci", "zz",
            ])
        #expect(json["v"]?.arrayValue?.first?["dn"] == .integer(1))
        let test = DCCTestEntry(
            targetedDisease: "840539006", testType: "LP6464-4", testName: "PCR", testDevice: "1232",
            sampleTime: "2021-06-11T17:30:00Z", resultTime: "2021-06-11T18:30:00Z", testResult: "260415000",
            testCentre: "C", country: "NL", issuer: "I", certificateIdentifier: "C1"
        )
        #expect(test.json.objectValue?.keys == ["tg", "tt", "nm", "ma", "sc", "dr", "tr", "tc", "co", "is", "ci"])
        let recovery = DCCRecoveryEntry(
            targetedDisease: "840539006", firstPositiveDate: "2021-06-01", country: "NL", issuer: "I",
            validFrom: "2021-06-12", validUntil: "2021-11-28", certificateIdentifier: "C1"
        )
        #expect(recovery.json.objectValue?.keys == ["tg", "fr", "co", "is", "df", "du", "ci"])
    }

    @Test func keepsUnknownMembersAtEveryLevel() throws {
        var json = try DCCPayloadTestJSON.load("ehn-dcc-schema/examples/recovery/simple.json")
        guard case .object(var object) = json, case .object(var name)? = object["nam"],
            case .array(var entries)? = object["r"], case .object(var entry) = entries[0]
        else { Issue.record("unexpected example"); return }
        object["meta"] = .object(["reference": .string("ABC")])
        name["mn"] = .string("middle")
        entry["xx"] = .array([.integer(1)])
        entries[0] = .object(entry)
        object["nam"] = .object(name)
        object["r"] = .array(entries)
        json = .object(object)
        let payload = try DCCPayload(json: json)
        #expect(payload.unknownMembers.keys == ["meta"])
        #expect(payload.name.unknownMembers.keys == ["mn"])
        guard case .recoveries(let recoveries) = payload.entries else { Issue.record("not a recovery"); return }
        #expect(recoveries[0].unknownMembers["xx"] == .array([.integer(1)]))
        #expect(payload.json.isEquivalent(to: json))
    }

    @Test(
        arguments: [
            ("no group", ["ver": .string("1.3.0"), "nam": .object([:]), "dob": .string("")], "DCC_MISSING_FIELD", ""),
            (
                "two groups",
                ["ver": .string("1.3.0"), "nam": .object([:]), "dob": .string(""), "v": .array([]), "t": .array([])],
                "DCC_INVALID_FIELD", ""
            ),
            (
                "null group", ["ver": .string("1.3.0"), "nam": .object([:]), "dob": .string(""), "r": .null],
                "DCC_INVALID_FIELD", "r"
            ),
            (
                "empty group", ["ver": .string("1.3.0"), "nam": .object([:]), "dob": .string(""), "r": .array([])],
                "DCC_INVALID_FIELD", "r"
            ),
            (
                "entry not an object",
                ["ver": .string("1.3.0"), "nam": .object([:]), "dob": .string(""), "r": .array([.string("x")])],
                "DCC_INVALID_FIELD", "r[0]"
            ),
            (
                "missing entry member",
                ["ver": .string("1.3.0"), "nam": .object([:]), "dob": .string(""), "r": .array([.object([:])])],
                "DCC_MISSING_FIELD", "r[0].tg"
            ),
            ("missing ver", ["nam": .object([:]), "dob": .string(""), "r": .array([])], "DCC_MISSING_FIELD", "ver"),
            (
                "ver of wrong type", ["ver": .integer(1), "nam": .object([:]), "dob": .string(""), "r": .array([])],
                "DCC_INVALID_FIELD", "ver"
            ),
            (
                "nam of wrong type",
                ["ver": .string("1.3.0"), "nam": .string("x"), "dob": .string(""), "r": .array([])],
                "DCC_INVALID_FIELD", "nam"
            ),
            (
                "fn of wrong type",
                ["ver": .string("1.3.0"), "nam": .object(["fn": .integer(3)]), "dob": .string(""), "r": .array([])],
                "DCC_INVALID_FIELD", "nam.fn"
            ),
            (
                "missing dob", ["ver": .string("1.3.0"), "nam": .object([:]), "r": .array([])], "DCC_MISSING_FIELD",
                "dob"
            ),
        ] as [(String, JSONObject, String, String)])
    func rejects(label: String, object: JSONObject, code: String, path: String) {
        let error = #expect(throws: DCCPayloadError.self, "\(label)") { try DCCPayload(json: .object(object)) }
        #expect(error?.code == code, "\(label)")
        #expect(error?.path == path, "\(label)")
    }

    @Test func rejectsWrongTypesInEntries() throws {
        let json = try DCCPayloadTestJSON.load("ehn-dcc-schema/examples/vaccination/simple.json")
        for (key, value, code) in [
            ("dn", JSONValue.string("1"), "DCC_INVALID_FIELD"), ("dn", .double(1.5), "DCC_INVALID_FIELD"),
            ("sd", .null, "DCC_INVALID_FIELD"), ("co", .integer(276), "DCC_INVALID_FIELD"),
            ("ci", nil, "DCC_MISSING_FIELD"),
        ] as [(String, JSONValue?, String)] {
            guard case .object(var object) = json, case .array(var entries)? = object["v"],
                case .object(var entry) = entries[0]
            else { Issue.record("unexpected example"); return }
            entry[key] = value
            entries[0] = .object(entry)
            object["v"] = .array(entries)
            let error = #expect(throws: DCCPayloadError.self) { try DCCPayload(json: .object(object)) }
            #expect(error?.code == code)
            #expect(error?.path == "v[0].\(key)")
            #expect(error?.message.contains("Smith") == false)
        }
    }

    @Test func acceptsIntegralNumbersForDoses() throws {
        guard case .object(var object) = try DCCPayloadTestJSON.load("ehn-dcc-schema/examples/vaccination/simple.json"),
            case .array(var entries)? = object["v"], case .object(var entry) = entries[0]
        else { Issue.record("unexpected example"); return }
        entry["dn"] = .double(2)
        entries[0] = .object(entry)
        object["v"] = .array(entries)
        let payload = try DCCPayload(json: .object(object))
        guard case .vaccinations(let list) = payload.entries else { Issue.record("not a vaccination"); return }
        #expect(list[0].doseNumber == 2)
    }
}
