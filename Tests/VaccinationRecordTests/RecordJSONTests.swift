import JSON
import Testing
import VaccinationRecord

@Suite struct RecordJSONTests {
    @Test func issueExampleParsesAndReserialises() throws {
        let input = try RecordTestJSON.parse(RecordFixtures.issueExample)
        let record = try VaccinationRecord(json: input)
        #expect(record.name.family == "Mustermann")
        #expect(record.name.given == "Erika")
        #expect(record.birthDate == PartialDate(year: 1964, month: 8, day: 12))
        let vaccination = try #require(record.event.vaccination)
        #expect(vaccination.vaccine == Coding(system: CodeSystem.snomedCT, code: "1119349007"))
        #expect(vaccination.brand.code == "EU/1/20/1528")
        #expect(vaccination.manufacturer?.system == CodeSystem.emaSPOROrganisations)
        #expect(vaccination.lot == "FK4578")
        #expect(vaccination.date == CalendarDate(year: 2021, month: 6, day: 1))
        #expect(vaccination.dose == 2)
        #expect(vaccination.totalDoses == 2)
        #expect(vaccination.country.alpha2 == "DE")
        #expect(record.certificate.issuer == "Robert Koch-Institut")
        #expect(record.json.isEquivalent(to: input))
        #expect(try VaccinationRecord(json: record.json) == record)
    }

    @Test func membersAreWrittenInTheDocumentedOrder() throws {
        let record = try VaccinationRecord(json: try RecordTestJSON.parse(RecordFixtures.fullVaccination))
        let json = record.json
        #expect(json.objectValue?.keys == ["name", "birthDate", "sex", "identifier", "vaccination", "certificate"])
        #expect(json["name"]?.objectValue?.keys == ["family", "given", "familyTransliterated", "givenTransliterated"])
        #expect(
            json["vaccination"]?.objectValue?.keys == [
                "disease", "vaccine", "brand", "manufacturer", "maholder", "lot", "date", "dose", "totalDoses",
                "country",
                "centre", "practitioner", "validFrom", "nextDose",
            ])
        #expect(json["vaccination"]?["disease"]?.objectValue?.keys == ["system", "code", "display"])
        #expect(json["certificate"]?.objectValue?.keys == ["issuer", "hcid", "kid", "version", "period"])
        #expect(json["certificate"]?["period"]?.objectValue?.keys == ["start", "end"])
        let test = try VaccinationRecord(json: try RecordTestJSON.parse(RecordFixtures.testRecord)).json
        #expect(
            test["test"]?.objectValue?.keys == [
                "disease", "type", "name", "device", "sampleTime", "resultTime", "result", "centre", "country",
            ])
        let recovery = try VaccinationRecord(json: try RecordTestJSON.parse(RecordFixtures.recoveryRecord)).json
        #expect(recovery.objectValue?.keys == ["name", "recovery", "certificate"])
        #expect(
            recovery["recovery"]?.objectValue?.keys == [
                "disease", "firstPositive", "country", "validFrom", "validUntil",
            ])
    }

    @Test func everyOptionalElementRoundTrips() throws {
        let input = try RecordTestJSON.parse(RecordFixtures.fullVaccination)
        let record = try VaccinationRecord(json: input)
        #expect(record.json.isEquivalent(to: input))
        #expect(record.sex == .female)
        #expect(record.identifier == RecordIdentifier(system: "urn:oid:1.2.3", value: "X1234567"))
        #expect(record.birthDate?.precision == .month)
        #expect(record.name.familyTransliterated == "DJORDJEVIC<MUELLER")
        let vaccination = try #require(record.event.vaccination)
        #expect(vaccination.country.code == "DEU")
        #expect(vaccination.country.alpha2 == "DE")
        #expect(vaccination.centre == "Impfzentrum Berlin")
        #expect(vaccination.practitioner == RecordIdentifier(value: "HCW-42"))
        #expect(vaccination.maholder?.code == "ORG-100030215")
        #expect(vaccination.disease?.display == "COVID-19")
        #expect(vaccination.validFrom == CalendarDate("2021-06-15"))
        #expect(vaccination.nextDose == CalendarDate("2021-07-01"))
        #expect(record.certificate.kid == "DEsVUSvpFAE=")
        #expect(record.certificate.version == "1.0.0")
        #expect(record.certificate.period?.start?.secondsSince1970 == 1_622_505_600)
        #expect(record.certificate.period?.end?.utcOffsetMinutes == 120)
    }

    /// Each optional element on its own, added to the issue example.
    @Test(arguments: [
        (["sex"], JSONValue.string("unknown")),
        (["identifier"], .object(["value": .string("123")])),
        (["vaccination", "centre"], .string("Centre")),
        (["vaccination", "practitioner"], .object(["system": .string("urn:x"), "value": .string("7")])),
        (["vaccination", "maholder"], .object(["system": .string("urn:x"), "code": .string("M")])),
        (["vaccination", "validFrom"], .string("2021-06-15")),
        (["vaccination", "nextDose"], .string("2024-02-29")),
        (["certificate", "period"], .object(["end": .string("2022-01-01T00:00:00Z")])),
        (["certificate", "version"], .string("1.3.0")),
        (["certificate", "kid"], .string("abc")),
        (["name", "familyTransliterated"], .string("MUSTERMANN")),
        (["name", "givenTransliterated"], .string("ERIKA")),
    ])
    func optionalElement(path: [String], value: JSONValue) throws {
        let input = try RecordTestJSON.parse(RecordFixtures.issueExample).setting(path, to: value)
        let record = try VaccinationRecord(json: input)
        #expect(record.json.isEquivalent(to: input))
        #expect(record != (try VaccinationRecord(json: try RecordTestJSON.parse(RecordFixtures.issueExample))))
    }

    @Test func testAndRecoveryRecordsRoundTrip() throws {
        for text in [RecordFixtures.testRecord, RecordFixtures.recoveryRecord] {
            let input = try RecordTestJSON.parse(text)
            let record = try VaccinationRecord(json: input)
            #expect(record.json.isEquivalent(to: input))
        }
        let test = try #require(
            try VaccinationRecord(json: try RecordTestJSON.parse(RecordFixtures.testRecord)).event.test)
        #expect(test.sampleTime.text == "2021-06-11T17:30:00Z")
        #expect(test.resultTime?.text == "2021-06-11T19:00:00.123+02:00")
        #expect(test.device?.code == "1232")
        let recovery = try #require(
            try VaccinationRecord(json: try RecordTestJSON.parse(RecordFixtures.recoveryRecord)).event.recovery
        )
        #expect(recovery.validUntil == CalendarDate(year: 2021, month: 11, day: 28))
    }

    @Test func manufacturerMayBeReplacedByMarketingAuthorisationHolder() throws {
        let input = try RecordTestJSON.parse(RecordFixtures.issueExample)
            .setting(["vaccination", "manufacturer"], to: nil)
            .setting(["vaccination", "maholder"], to: .object(["system": .string("urn:x"), "code": .string("M")]))
        #expect(try VaccinationRecord(json: input).event.vaccination?.maholder?.code == "M")
    }

    @Test func optionalElementsMayBeAbsent() throws {
        let input = try RecordTestJSON.parse(RecordFixtures.issueExample)
            .setting(["birthDate"], to: nil)
            .setting(["vaccination", "lot"], to: nil)
            .setting(["vaccination", "totalDoses"], to: nil)
            .setting(["vaccination", "disease"], to: nil)
            .setting(["name", "given"], to: nil)
            .setting(["certificate", "hcid"], to: nil)
        let record = try VaccinationRecord(json: input)
        #expect(record.birthDate == nil)
        #expect(record.certificate.hcid == nil)  // issuers assign one
        #expect(record.event.vaccination?.totalDoses == nil)
        #expect(record.json.isEquivalent(to: input))
    }
}
