import CredentialVerification
import Foundation
import ICAOVDSNC
import JSON
import Testing
import Trust
import VaccinationRecord

@Suite("VDS-NC round trips: record → seal → record")
struct VDSNCRoundTripTests {
    @Test func aSealVerifiesAndMapsBack() throws {
        let fixture = try VDSNCFixture()
        let text = try fixture.issue(try VDSNCFixture.vaccination(extra: #""sex": "male", "#))
        let result = fixture.verify(text)
        #expect(result.format == .icaoVDSNC)
        #expect(result.isValid, "\(result.errors)")
        #expect(result.checks.named.map(\.outcome) == [.pass, .pass, .pass, .pass, .pass, .skipped])
        #expect(result.issuer == "DEU")
        #expect(result.errors.isEmpty)
        let record = try #require(result.credential)
        #expect(record.name.family == "MUELLER")
        #expect(record.name.given == "JUERGEN OSCAR")
        #expect(record.name.givenTransliterated == "JUERGEN<OSCAR")
        #expect(record.birthDate?.text == "1964-08-12")
        #expect(record.sex == .male)
        let vaccination = try #require(record.event.vaccination)
        // The seal's ICD-11 codes and product name come back in the record's code systems.
        #expect(vaccination.vaccine.system == CodeSystem.snomedCT)
        #expect(vaccination.vaccine.code == "1119349007")
        #expect(vaccination.disease?.system == CodeSystem.snomedCT)
        #expect(vaccination.disease?.code == "840539006")
        #expect(vaccination.brand == Coding(system: CodeSystem.euUnionRegister, code: "EU/1/20/1528"))
        #expect(vaccination.manufacturer == Coding(system: CodeSystem.emaSPOROrganisations, code: "ORG-100030215"))
        #expect(throws: Never.self) { try record.validate() }
        #expect(vaccination.lot == "FK4578")
        #expect(vaccination.date.text == "2021-06-01")
        #expect(vaccination.dose == 2)
        #expect(vaccination.country.code == "DE")
        #expect(vaccination.centre == "Impfzentrum Mitte")
        #expect(vaccination.nextDose?.text == "2021-07-01")
        #expect(record.certificate.hcid == "U32870")
        #expect(record.certificate.issuer == "DEU")
        #expect(record.certificate.kid == result.keyID)
        #expect(result.credentialWarnings.isEmpty, "\(result.credentialWarnings)")
    }

    @Test func theSealHasTheProfileLayout() throws {
        let fixture = try VDSNCFixture()
        let text = try fixture.issue(try VDSNCFixture.vaccination())
        let seal = try JSONParser.parse(text)
        #expect(seal.objectValue?.keys == ["data", "sig"])
        #expect(seal["data"]?["hdr"] == .object(["t": "icao.vacc", "v": .integer(1), "is": "DEU"]))
        #expect(seal["data"]?["msg"]?.objectValue?.keys == ["uvci", "pid", "ve"])
        #expect(seal["data"]?["msg"]?["pid"] == .object(["n": "MUELLER  JUERGEN OSCAR", "dob": "1964-08-12"]))
        let event = seal["data"]?["msg"]?["ve"]?.arrayValue?.first
        #expect(event?.objectValue?.keys == ["des", "nam", "dis", "vd"])
        #expect(event?["des"] == "XM0GQ8")
        #expect(event?["nam"] == "Comirnaty")
        #expect(event?["dis"] == "RA01")
        #expect(
            event?["vd"]
                == .array([
                    .object([
                        "dvc": "2021-06-01", "seq": .integer(2), "ctr": "DEU", "adm": "Impfzentrum Mitte",
                        "lot": "FK4578",
                        "dvn": "2021-07-01",
                    ])
                ]))
        #expect(seal["sig"]?.objectValue?.keys == ["alg", "cer", "sigvl"])
        #expect(seal["sig"]?["alg"] == "ES256")
        // 64 bytes r || s is 86 base64url characters without padding.
        #expect(seal["sig"]?["sigvl"]?.stringValue?.count == 86)
        #expect(seal["sig"]?["cer"]?.stringValue?.contains("=") == false)
    }

    @Test(arguments: [
        ("Müller", "Jürgen Óscar", "MUELLER", "JUERGEN OSCAR"),
        ("Иванова", "Анна", "IVANOVA", "ANNA"),
        ("Παπαδόπουλος", "Νίκος", "PAPADOPOYLOS", "NIKOS"),
        ("d'Arsøns-van Halen", "François", "DARSOENS VAN HALEN", "FRANCOIS"),
    ])
    func unicodeNamesAreTransliterated(family: String, given: String, expectedFamily: String, expectedGiven: String)
        throws
    {
        let fixture = try VDSNCFixture()
        let result = fixture.verify(try fixture.issue(try VDSNCFixture.vaccination(family: family, given: given)))
        #expect(result.isValid, "\(result.errors)")
        #expect(result.credential?.name.family == expectedFamily)
        #expect(result.credential?.name.given == expectedGiven)
    }

    @Test(arguments: ["1964", "1990-02", "2000-02-29"])
    func partialBirthDatesSurvive(birthDate: String) throws {
        let fixture = try VDSNCFixture()
        let result = fixture.verify(try fixture.issue(try VDSNCFixture.vaccination(birthDate: birthDate)))
        #expect(result.isValid, "\(result.errors)")
        #expect(result.credential?.birthDate?.text == birthDate)
    }

    @Test func aRecordInTheSealsOwnTermsComesBackInTheRecordsCodeSystems() throws {
        let fixture = try VDSNCFixture()
        let record = VaccinationRecord(
            name: PersonName(
                family: "VAN HALEN", given: "ANNA MARIA", familyTransliterated: "VAN<HALEN",
                givenTransliterated: "ANNA<MARIA"),
            birthDate: PartialDate("1975-03"), sex: .female,
            identifier: RecordIdentifier(system: VDSNCRecordMapping.travelDocumentNumberSystem, value: "PA1234567"),
            event: .vaccination(
                VaccinationEvent(
                    disease: Coding(system: CodeSystem.icd11, code: "RA01"),
                    vaccine: Coding(system: CodeSystem.icd11, code: "XM68M6"),
                    brand: Coding(system: VDSNCRecordMapping.productNameSystem, code: "Vaxzevria"),
                    lot: "ABV5300", date: CalendarDate("2021-04-30")!, dose: 1, country: CountryCode("NLD")!,
                    centre: "GGD Amsterdam", nextDose: CalendarDate("2021-07-23"))),
            certificate: CertificateInfo(issuer: "NLD", hcid: "NL7HQ2M4X9PA"))
        let result = fixture.verify(try fixture.issue(record))
        #expect(result.isValid, "\(result.errors)")
        // The seal carries the issuing state, not the issuer's name; the kid comes from the verification. Codes
        // come back in SNOMED CT, the product as its EU number with its holder, and the country as alpha-2.
        var expected = record
        expected.certificate.issuer = "DEU"
        expected.certificate.kid = result.keyID
        var vaccination = try #require(expected.event.vaccination)
        vaccination.disease = Coding(system: CodeSystem.snomedCT, code: "840539006", display: "COVID-19")
        vaccination.vaccine = Coding(system: CodeSystem.snomedCT, code: "28531000087107", display: "COVID-19 vaccine")
        vaccination.brand = Coding(system: CodeSystem.euUnionRegister, code: "EU/1/21/1529")
        vaccination.manufacturer = Coding(system: CodeSystem.emaSPOROrganisations, code: "ORG-100001699")
        vaccination.country = try #require(CountryCode("NL"))
        expected.event = .vaccination(vaccination)
        #expect(result.credential == expected)
        #expect(result.credentialWarnings.isEmpty, "\(result.credentialWarnings)")
    }

    @Test func anUnknownProductNameIsKeptAndReported() throws {
        let fixture = try VDSNCFixture()
        var record = try VDSNCFixture.vaccination()
        var vaccination = try #require(record.event.vaccination)
        vaccination.brand = Coding(system: "urn:example:brands", code: "LocalVax")
        record.event = .vaccination(vaccination)
        let result = fixture.verify(try fixture.issue(record))
        #expect(result.isValid, "\(result.errors)")
        let decoded = try #require(result.credential?.event.vaccination)
        #expect(decoded.brand == Coding(system: VDSNCRecordMapping.productNameSystem, code: "LocalVax"))
        #expect(decoded.manufacturer == nil)
        #expect(result.credentialWarnings.map(\.code) == ["ICAO_UNMAPPED_CODE"])
        #expect(result.credentialWarnings.first?.message.contains("LocalVax") == false)
    }

    @Test(arguments: ["Jcovden", "jcovden", "COVID-19 Vaccine Janssen", "EU/1/20/1525", " Jcovden  "])
    func productNamesOfTheTablesAreRecognised(name: String) throws {
        let product = try #require(VDSNCCodeTranslation.standard.product(name))
        #expect(product.euProductNumber?.code == "EU/1/20/1525")
    }

    @Test func aProductCodeInDesGivesTheBrandWhenTheNameIsUnknown() throws {
        let event = VDSNCVaccinationEvent(
            vaccine: "XM8NQ0", productName: "BNT162b2", disease: "RA01",
            doses: [VDSNCDose(date: "2021-06-01", sequence: 1, country: "DEU", lot: "FK4578")])
        let payload = VDSNCPayload(
            issuingState: "DEU", uvci: "U1", person: VDSNCPerson(name: "MUELLER  ERIKA", birthDate: "1964"),
            events: [event])
        let (record, warnings) = try payload.mapToRecord()
        #expect(record.event.vaccination?.brand == Coding(system: CodeSystem.euUnionRegister, code: "EU/1/20/1528"))
        #expect(record.event.vaccination?.manufacturer?.code == "ORG-100030215")
        #expect(record.event.vaccination?.vaccine.code == "1119349007")
        #expect(warnings.isEmpty)
    }

    @Test func aRecordWithoutBirthDateOrTravelDocumentIsRefused() throws {
        let fixture = try VDSNCFixture()
        var record = try VDSNCFixture.vaccination()
        record.birthDate = nil
        #expect(throws: VDSNCError(.unmappable, "")) { try fixture.issue(record) }
        record.identifier = RecordIdentifier(system: VDSNCRecordMapping.travelDocumentNumberSystem, value: "PA0941262")
        #expect(fixture.verify(try fixture.issue(record)).isValid)
    }

    @Test func anotherIdentifierGoesToAi() throws {
        let fixture = try VDSNCFixture()
        let record = try VDSNCFixture.vaccination(
            extra: #""identifier": {"system": "urn:oid:1.2.276", "value": "T22000129"}, "#)
        let text = try fixture.issue(record)
        #expect(try JSONParser.parse(text)["data"]?["msg"]?["pid"]?["ai"] == "T22000129")
        let result = fixture.verify(text)
        #expect(result.credential?.identifier == RecordIdentifier(value: "T22000129"))
    }

    @Test func aMissingUVCIIsGenerated() throws {
        let fixture = try VDSNCFixture()
        var record = try VDSNCFixture.vaccination()
        record.certificate.hcid = nil
        let uvci = try JSONParser.parse(try fixture.issue(record))["data"]?["msg"]?["uvci"]?.stringValue
        #expect(uvci?.count == 12)
    }

    @Test func severalDosesGoIntoOneEventAndTheRecordTakesTheLatest() throws {
        let fixture = try VDSNCFixture()
        let doses = try [
            VDSNCFixture.vaccination(dose: 2, date: "2021-06-01", lot: "B2"),
            VDSNCFixture.vaccination(dose: 1, date: "2021-05-01", lot: "A1"),
            VDSNCFixture.vaccination(dose: 3, date: "2021-12-01", lot: "C3"),
        ]
        let text = try fixture.issuer.issue(doses: doses, issuedAt: VDSNCFixture.now)
        let vd = try JSONParser.parse(text)["data"]?["msg"]?["ve"]?.arrayValue?.first?["vd"]?.arrayValue
        #expect(vd?.compactMap { $0["seq"]?.integerValue } == [1, 2, 3])
        let result = fixture.verify(text)
        #expect(result.isValid, "\(result.errors)")
        #expect(result.credential?.event.vaccination?.lot == "C3")
        #expect(result.credentialWarnings.map(\.code) == ["ICAO_EXTRA_DOSE", "ICAO_EXTRA_DOSE"])
    }

    @Test func aReorderedPrettyPrintedSealStillVerifies() throws {
        // The signature covers the RFC 8785 form of data, not the text: layout and member order do not matter.
        let fixture = try VDSNCFixture()
        let text = try fixture.issue(try VDSNCFixture.vaccination())
        guard case .object(var seal) = try JSONParser.parse(text), case .object(let data)? = seal["data"] else {
            Issue.record("not an object")
            return
        }
        seal["data"] = .object(JSONObject(data.members.reversed()))
        let reordered = JSONSerializer.serializeToString(.object(JSONObject(seal.members.reversed())), style: .pretty)
        #expect(reordered.hasPrefix("{\n  \"sig\""))
        #expect(fixture.verify(reordered).isValid)
    }

    @Test func canReadRecognisesSeals() throws {
        let fixture = try VDSNCFixture()
        let text = try fixture.issue(try VDSNCFixture.vaccination())
        #expect(VDSNCVerifier.canRead(text[...]))
        #expect(VDSNCVerifier.canRead(" \n\(text)\n"[...]))
        #expect(!VDSNCVerifier.canRead("HC1:6BFOXN"[...]))
        #expect(!VDSNCVerifier.canRead(#"{"data":{"hdr":{"t":"icao.test","v":1,"is":"UTO"}}}"#[...]))
        #expect(!VDSNCVerifier.canRead("{not json"[...]))
        #expect(!VDSNCVerifier.canRead(""[...]))
    }
}
