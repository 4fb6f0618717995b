import EUDCC
import JSON
import Testing
import VaccinationRecord

@Suite struct DCCPayloadMappingTests {
    static let issueExample = """
        {"name": {"family": "Mustermann-Gößinger", "given": "Erika Dörte"}, "birthDate": "1964-08-12",
         "vaccination": {"disease": {"system": "http://snomed.info/sct", "code": "840539006"},
           "vaccine": {"system": "http://snomed.info/sct", "code": "1119349007"},
           "brand": {"system": "https://ec.europa.eu/health/documents/community-register/html/", "code": "EU/1/20/1528"},
           "manufacturer": {"system": "https://spor.ema.europa.eu/v1/organisations", "code": "ORG-100030215"},
           "lot": "FK4578", "date": "2021-06-01", "dose": 2, "totalDoses": 2, "country": "DE"},
         "certificate": {"issuer": "Robert Koch-Institut", "hcid": "URN:UVCI:01:DE:IZ12345A/5CWLU12RNOB9RXSEOP6FG8#W"}}
        """

    static func record(_ text: String = issueExample) throws -> VaccinationRecord {
        try VaccinationRecord(json: try DCCPayloadTestJSON.parse(text))
    }

    @Test func issueExampleMapsToTheDCCAndBack() throws {
        let original = try Self.record()
        let payload = try DCCPayload(record: original)
        let expectedJSON = try DCCPayloadTestJSON.parse(
            """
            {"ver": "1.3.0",
             "nam": {"fn": "Mustermann-Gößinger", "fnt": "MUSTERMANN<GOESSINGER", "gn": "Erika Dörte", "gnt": "ERIKA<DOERTE"},
             "dob": "1964-08-12",
             "v": [{"tg": "840539006", "vp": "1119349007", "mp": "EU/1/20/1528", "ma": "ORG-100030215", "dn": 2, "sd": 2,
                    "dt": "2021-06-01", "co": "DE", "is": "Robert Koch-Institut",
                    "ci": "URN:UVCI:01:DE:IZ12345A/5CWLU12RNOB9RXSEOP6FG8#W"}]}
            """)
        #expect(payload.json.isEquivalent(to: expectedJSON))

        let back = try DCCPayload(json: payload.json).record()
        // Every field the DCC carries comes back; the lot has no DCC field, and the DCC adds the
        // transliterations and its schema version.
        var expected = original
        guard case .vaccination(var vaccination) = expected.event else { Issue.record("not a vaccination"); return }
        vaccination.lot = nil
        expected.event = .vaccination(vaccination)
        expected.name.familyTransliterated = "MUSTERMANN<GOESSINGER"
        expected.name.givenTransliterated = "ERIKA<DOERTE"
        expected.certificate.version = "1.3.0"
        #expect(back == expected)
    }

    @Test(arguments: DCCPayloadJSONTests.examples)
    func schemaExamplesMapToARecordAndBack(example: String) throws {
        let json = try DCCPayloadTestJSON.load("ehn-dcc-schema/examples/" + example)
        let payload = try DCCPayload(json: json)
        let mapping = try payload.mapToRecord()
        #expect(mapping.notes.isEmpty)
        #expect(mapping.record.certificate.version == "1.3.3")
        let back = try DCCPayload(record: mapping.record, schemaVersion: payload.version)
        #expect(back.json.isEquivalent(to: json))
        // The record's own JSON form round-trips too.
        #expect(try VaccinationRecord(json: mapping.record.json) == mapping.record)
    }

    @Test func codesGetTheirSystems() throws {
        func vaccination(vp: String, mp: String, ma: String) throws -> VaccinationEvent? {
            let entry = DCCVaccinationEntry(
                targetedDisease: "840539006", vaccineType: vp, medicinalProduct: mp, marketingAuthorizationHolder: ma,
                doseNumber: 1, totalDoses: 2, date: "2021-03-09", country: "BG", issuer: "MoH",
                certificateIdentifier: "URN:UVCI:01:BG:X"
            )
            let payload = DCCPayload(
                version: "1.3.0", name: DCCName(familyName: "P", familyNameTransliterated: "P"), dateOfBirth: "",
                entries: .vaccinations([entry])
            )
            return try payload.record().event.vaccination
        }
        let atc = try #require(try vaccination(vp: "J07BX03", mp: "EU/1/20/1528", ma: "ORG-100030215"))
        #expect(atc.vaccine == Coding(system: CodeSystem.atc, code: "J07BX03"))
        #expect(atc.brand.system == CodeSystem.euUnionRegister)
        #expect(atc.manufacturer == Coding(system: CodeSystem.emaSPOROrganisations, code: "ORG-100030215"))
        #expect(atc.disease == Coding(system: CodeSystem.snomedCT, code: "840539006"))
        let names = try #require(try vaccination(vp: "1119305005", mp: "CoronaVac", ma: "Sinovac-Biotech"))
        #expect(names.vaccine.system == CodeSystem.snomedCT)
        #expect(names.brand == Coding(system: DCCCodeSystems.medicinalProduct, code: "CoronaVac"))
        #expect(names.manufacturer == Coding(system: DCCCodeSystems.authorizationHolder, code: "Sinovac-Biotech"))
        #expect(
            try vaccination(vp: "covid-19 vaccines", mp: "x", ma: "y")?.vaccine.system
                == DCCCodeSystems.vaccineProphylaxis)

        let test = try #require(
            try DCCPayload(json: try DCCPayloadTestJSON.load("ehn-dcc-schema/examples/test/simple-rat.json")).record()
                .event.test)
        #expect(test.type == Coding(system: CodeSystem.loinc, code: "LP217198-3"))
        #expect(test.result == Coding(system: CodeSystem.snomedCT, code: "260415000"))
        #expect(test.device == Coding(system: DCCCodeSystems.testDevice, code: "532"))
    }

    @Test func marketingAuthorisationHolderWinsOverManufacturer() throws {
        var record = try Self.record()
        guard case .vaccination(var vaccination) = record.event else { Issue.record("not a vaccination"); return }
        vaccination.maholder = Coding(system: DCCCodeSystems.authorizationHolder, code: "Bharat-Biotech")
        record.event = .vaccination(vaccination)
        guard case .vaccinations(let entries) = try DCCPayload(record: record).entries else {
            Issue.record("not a vaccination"); return
        }
        #expect(entries[0].marketingAuthorizationHolder == "Bharat-Biotech")
    }

    @Test func recordTransliterationsWin() throws {
        var record = try Self.record()
        record.name.familyTransliterated = "MUSTERMANN<GOSSINGER"
        #expect(try DCCPayload(record: record).name.familyNameTransliterated == "MUSTERMANN<GOSSINGER")
        record.name.family = "ناصر"
        record.name.familyTransliterated = "NAXSSR"
        #expect(try DCCPayload(record: record).name.familyNameTransliterated == "NAXSSR")
    }

    @Test func alpha3CountriesAreWrittenAsAlpha2() throws {
        var record = try Self.record()
        guard case .vaccination(var vaccination) = record.event else { Issue.record("not a vaccination"); return }
        vaccination.country = try #require(CountryCode("AUT"))
        record.event = .vaccination(vaccination)
        guard case .vaccinations(let entries) = try DCCPayload(record: record).entries else {
            Issue.record("not a vaccination"); return
        }
        #expect(entries[0].country == "AT")
    }

    struct Unmappable: Sendable, CustomTestStringConvertible {
        let label: String
        let version: String
        let change: @Sendable (inout VaccinationRecord) -> Void
        let code: String
        let path: String
        var testDescription: String { label }
    }

    static func changeVaccination(_ body: @escaping @Sendable (inout VaccinationEvent) -> Void)
        -> @Sendable (inout VaccinationRecord) -> Void
    {
        { record in
            guard case .vaccination(var vaccination) = record.event else { return }
            body(&vaccination)
            record.event = .vaccination(vaccination)
        }
    }

    static let unmappable: [Unmappable] = [
        Unmappable(
            label: "no totalDoses", version: "1.3.0", change: changeVaccination { $0.totalDoses = nil },
            code: "DCC_UNMAPPABLE", path: "vaccination.totalDoses"),
        Unmappable(
            label: "no disease", version: "1.3.0", change: changeVaccination { $0.disease = nil },
            code: "DCC_UNMAPPABLE", path: "vaccination.disease"),
        Unmappable(
            label: "ICD-11 vaccine", version: "1.3.0",
            change: changeVaccination { $0.vaccine = Coding(system: CodeSystem.icd11, code: "XM68M6") },
            code: "DCC_UNMAPPABLE", path: "vaccination.vaccine.system"),
        Unmappable(
            label: "brand from another register", version: "1.3.0",
            change: changeVaccination { $0.brand = Coding(system: "urn:x", code: "B") },
            code: "DCC_UNMAPPABLE", path: "vaccination.brand.system"),
        Unmappable(
            label: "name without transliteration", version: "1.3.0", change: { $0.name.given = "ناصر" },
            code: "DCC_UNMAPPABLE", path: "name.given"),
        Unmappable(
            label: "unpublished version", version: "1.4.0", change: { _ in },
            code: "DCC_UNSUPPORTED_VERSION", path: ""),
        Unmappable(
            label: "malformed version", version: "v1", change: { _ in },
            code: "DCC_UNSUPPORTED_VERSION", path: ""),
        Unmappable(
            label: "given name only before 1.3.2", version: "1.3.1", change: { $0.name.family = nil },
            code: "DCC_UNMAPPABLE", path: "name.family"),
        Unmappable(
            label: "birth year 1899", version: "1.3.0", change: { $0.birthDate = PartialDate(year: 1899) },
            code: "DCC_UNMAPPABLE", path: "birthDate"),
        Unmappable(
            label: "partial birth date in 1.0.0", version: "1.0.0", change: { $0.birthDate = PartialDate(year: 1964) },
            code: "DCC_UNMAPPABLE", path: "birthDate"),
        Unmappable(
            label: "unknown birth date in 1.2.1", version: "1.2.1", change: { $0.birthDate = nil },
            code: "DCC_UNMAPPABLE", path: "birthDate"),
        Unmappable(
            label: "issuer longer than 50 in 1.2.1", version: "1.2.1",
            change: { $0.certificate.issuer = String(repeating: "I", count: 51) },
            code: "DCC_UNMAPPABLE", path: "certificate.issuer"),
        Unmappable(
            label: "hcid longer than 80", version: "1.3.0",
            change: { $0.certificate.hcid = String(repeating: "H", count: 81) },
            code: "DCC_UNMAPPABLE", path: "certificate.hcid"),
        Unmappable(
            label: "invalid record", version: "1.3.0", change: changeVaccination { $0.dose = 0 },
            code: "DCC_UNMAPPABLE", path: "vaccination.dose"),
    ]

    @Test(arguments: unmappable)
    func rejectsRecordsTheDCCCannotCarry(_ testCase: Unmappable) throws {
        var record = try Self.record()
        testCase.change(&record)
        let error = try #require(throws: DCCPayloadError.self) {
            try DCCPayload(record: record, schemaVersion: testCase.version)
        }
        #expect(error.code == testCase.code)
        #expect(error.path == testCase.path)
        #expect(!error.message.contains("Mustermann") && !error.message.contains("ناصر"))
    }

    @Test func givenNameOnlyFrom132AndLongNamesAreCut() throws {
        var record = try Self.record()
        record.name.family = nil
        let payload = try DCCPayload(record: record, schemaVersion: "1.3.2")
        #expect(payload.name.familyNameTransliterated == nil)
        #expect(payload.name.givenNameTransliterated == "ERIKA<DOERTE")
        record.name.family = String(repeating: "Abcdefghi ", count: 7)  // 70 characters: fits in fn
        let old = try DCCPayload(record: record, schemaVersion: "1.3.0")
        #expect(old.name.familyNameTransliterated?.count == 69)
        let error = #expect(throws: DCCPayloadError.self) { try DCCPayload(record: record, schemaVersion: "1.2.1") }
        #expect(error?.path == "name.family")
    }

    @Test func testEventsNeedRFC3339TimesAndOldVersionsACentre() throws {
        let json = try DCCPayloadTestJSON.load("ehn-dcc-schema/examples/test/simple-naat.json")
        var record = try DCCPayload(json: json).record()
        guard case .test(var test) = record.event else { Issue.record("not a test"); return }
        test.sampleTime = try #require(DateTime("2021-06-11T17:30:00"))
        record.event = .test(test)
        let local = #expect(throws: DCCPayloadError.self) { try DCCPayload(record: record) }
        #expect(local?.path == "test.sampleTime")
        test.sampleTime = try #require(DateTime("2021-06-11T17:30:00+02:00"))
        test.centre = nil
        test.resultTime = DateTime("2021-06-12T08:00:00Z")
        #expect(test.resultTime != nil)
        record.event = .test(test)
        guard case .tests(let entries) = try DCCPayload(record: record, schemaVersion: "1.3.0").entries else {
            Issue.record("not a test"); return
        }
        #expect(entries[0].testCentre == nil)
        #expect(entries[0].resultTime == "2021-06-12T08:00:00Z")
        let centre = #expect(throws: DCCPayloadError.self) { try DCCPayload(record: record, schemaVersion: "1.2.1") }
        #expect(centre?.path == "test.centre")
    }

    @Test func mappingNotesReportWhatIsNotCarried() throws {
        let json = try DCCPayloadTestJSON.parse(
            """
            {"ver": "1.0.0", "nam": {"fn": "Ion", "fnt": "ION", "gn": "Teodor", "gnt": "TEODOR", "mn": "X"},
             "dob": "1989-01-12T00:00:00", "extra": 1,
             "v": [{"tg": "840539006", "vp": "J07BX03", "mp": "EU/1/20/1528", "ma": "ORG-100030215", "dn": 1, "sd": 2,
                    "dt": "2021-01-18T22:54:00+02:00", "co": "RO", "is": "Ministry of Health",
                    "ci": "URN:UVCI:01:RO:Q6M0U00Y5S#I", "xx": true},
                   {"tg": "840539006", "vp": "J07BX03", "mp": "EU/1/20/1528", "ma": "ORG-100030215", "dn": 2, "sd": 2,
                    "dt": "2021-02-08", "co": "RO", "is": "Ministry of Health", "ci": "URN:UVCI:01:RO:S7MVLVV8YQ#B"}]}
            """)
        let mapping = try DCCPayload(json: json).mapToRecord()
        let notes = Set(mapping.notes.map { "\($0.code) \($0.path)" })
        #expect(
            notes == [
                "DCC_DATE_TIME_TRUNCATED dob", "DCC_DATE_TIME_TRUNCATED v[0].dt", "DCC_UNMAPPED_MEMBER v[0].xx",
                "DCC_ADDITIONAL_ENTRIES v", "DCC_UNMAPPED_MEMBER nam.mn", "DCC_UNMAPPED_MEMBER extra",
            ])
        #expect(mapping.record.birthDate == PartialDate(year: 1989, month: 1, day: 12))
        #expect(mapping.record.event.vaccination?.date == CalendarDate(year: 2021, month: 1, day: 18))
        #expect(mapping.record.event.vaccination?.dose == 1)
        #expect(mapping.notes.allSatisfy { !$0.message.contains("Ion") && !$0.message.contains("1989") })
    }

    @Test(arguments: [
        ("tr", JSONValue.string(""), "t[0].tr"), ("co", .string("XY"), "t[0].co"),
        ("sc", .string("2021-06-11"), "t[0].sc"),
        ("tt", .string(""), "t[0].tt"), ("is", .string(""), "t[0].is"), ("ci", .string(""), "t[0].ci"),
        ("dr", .string("2021-06-11T25:00:00Z"), "t[0].dr"),
    ])
    func rejectsUnmappableDCCValues(key: String, value: JSONValue, path: String) throws {
        guard case .object(var object) = try DCCPayloadTestJSON.load("ehn-dcc-schema/examples/test/simple-rat.json"),
            case .array(var entries)? = object["t"], case .object(var entry) = entries[0]
        else { Issue.record("unexpected example"); return }
        entry[key] = value
        entries[0] = .object(entry)
        object["t"] = .array(entries)
        let payload = try DCCPayload(json: .object(object))
        let error = #expect(throws: DCCPayloadError.self) { try payload.record() }
        #expect(error?.code == "DCC_UNMAPPABLE")
        #expect(error?.path == path)
    }

    @Test func rejectsUnmappableNamesAndRecoveryPeriods() throws {
        let recovery = try DCCPayloadTestJSON.load("ehn-dcc-schema/examples/recovery/simple.json")
        for (path, value, errorPath) in [
            (["nam", "fnt"], JSONValue.string("Smith"), "nam.fnt"),
            (["nam", "gnt"], .string("CHARLES EDWARD"), "nam.gnt"),
            (["nam"], .object(["fn": .string(""), "fnt": .string("")]), "nam"),
            (["dob"], .string("1964-00"), "dob"),
        ] as [([String], JSONValue, String)] {
            let json = Self.setting(recovery, path, value)
            let error = #expect(throws: DCCPayloadError.self) { try DCCPayload(json: json).record() }
            #expect(error?.code == "DCC_UNMAPPABLE")
            #expect(error?.path == errorPath)
        }
        guard case .object(var object) = recovery, case .array(var entries)? = object["r"],
            case .object(var entry) = entries[0]
        else { Issue.record("unexpected example"); return }
        entry["du"] = .string("2021-06-11")
        entries[0] = .object(entry)
        object["r"] = .array(entries)
        let error = #expect(throws: DCCPayloadError.self) { try DCCPayload(json: .object(object)).record() }
        #expect(error?.path == "r[0].du")
    }

    static func setting(_ json: JSONValue, _ path: [String], _ value: JSONValue) -> JSONValue {
        guard let key = path.first, case .object(var object) = json else { return value }
        object[key] = path.count == 1 ? value : setting(object[key] ?? .object([:]), Array(path.dropFirst()), value)
        return .object(object)
    }

    @Test func emptyEntryListsBuiltInCodeAreErrors() {
        let payload = DCCPayload(version: "1.3.0", name: DCCName(familyName: "A"), dateOfBirth: "", entries: .tests([]))
        let error = #expect(throws: DCCPayloadError.self) { try payload.record() }
        #expect(error?.code == "DCC_MISSING_FIELD")
        #expect(error?.path == "t")
    }

    @Test func emptyBirthDateIsUnknown() throws {
        guard case .object(var object) = try DCCPayloadTestJSON.load("ehn-dcc-schema/examples/recovery/simple.json")
        else {
            Issue.record("unexpected example"); return
        }
        object["dob"] = .string("")
        let record = try DCCPayload(json: .object(object)).record()
        #expect(record.birthDate == nil)
        #expect(try DCCPayload(record: record).dateOfBirth == "")
    }
}
