import Foundation
import ICAOVDSNC
import JSON
import Testing
import VaccinationRecord

@Suite("VDS-NC profile limits")
struct VDSNCFieldLimitTests {
    func issueError(_ record: VaccinationRecord) throws -> VDSNCError? {
        let fixture = try VDSNCFixture()
        do {
            _ = try fixture.issue(record)
            return nil
        } catch let error as VDSNCError {
            return error
        }
    }

    @Test func aNameOfExactly39CharactersFits() throws {
        // "ABCDEFGHIJKLMNOPQRST" (20) + 2 spaces + "ABCDEFGHIJKLMNOPQ" (17) = 39.
        let fixture = try VDSNCFixture()
        let text = try fixture.issue(
            try VDSNCFixture.vaccination(family: "Abcdefghijklmnopqrst", given: "Abcdefghijklmnopq"))
        #expect(try JSONParser.parse(text)["data"]?["msg"]?["pid"]?["n"]?.stringValue?.count == 39)
    }

    @Test func aLongerNameIsAnErrorNamingTheFieldNotTheValue() throws {
        let error = try issueError(
            try VDSNCFixture.vaccination(family: "Abcdefghijklmnopqrst", given: "Abcdefghijklmnopqr"))
        #expect(error?.code == "ICAO_FIELD_TOO_LONG")
        #expect(error?.message.contains("pid.n") == true)
        #expect(error?.message.contains("at most 39 characters") == true)
        #expect(error?.message.contains("found 40") == true)
        #expect(error?.message.contains("ABCDEFG") == false)
    }

    @Test(arguments: [
        ("uvci", "ABCDEFGHIJKLM"),
        ("lot", String(repeating: "L", count: 21)),
        ("centre", String(repeating: "C", count: 21)),
    ])
    func overLongFieldsAreErrors(field: String, value: String) throws {
        var record = try VDSNCFixture.vaccination()
        var vaccination = try #require(record.event.vaccination)
        switch field {
        case "uvci": record.certificate.hcid = value
        case "lot": vaccination.lot = value
        default: vaccination.centre = value
        }
        record.event = .vaccination(vaccination)
        #expect(try issueError(record)?.code == "ICAO_FIELD_TOO_LONG")
    }

    @Test func anEUUVCIIsTooLongForTheProfile() throws {
        let record = try VDSNCFixture.vaccination(hcid: "URN:UVCI:01:DE:IZ12345A/5CWLU12RNOB9RXSEOP6FG8#W")
        #expect(try issueError(record)?.code == "ICAO_FIELD_TOO_LONG")
    }

    @Test func travelDocumentNumbersHave11CharactersAtMost() throws {
        let system = VDSNCRecordMapping.travelDocumentNumberSystem
        let fits = try VDSNCFixture.vaccination(
            extra: #""identifier": {"system": "\#(system)", "value": "C01X00T478"}, "#)
        #expect(try issueError(fits) == nil)
        let long = try VDSNCFixture.vaccination(
            extra: #""identifier": {"system": "\#(system)", "value": "C01X00T4781X"}, "#)
        #expect(try issueError(long)?.code == "ICAO_FIELD_TOO_LONG")
    }

    @Test func aDoseNumberNeedsTwoDigitsAtMost() throws {
        #expect(try issueError(try VDSNCFixture.vaccination(dose: 99)) == nil)
        #expect(try issueError(try VDSNCFixture.vaccination(dose: 100))?.code == "ICAO_FIELD_TOO_LONG")
    }

    @Test func aLotIsRequired() throws {
        var record = try VDSNCFixture.vaccination()
        var vaccination = try #require(record.event.vaccination)
        vaccination.lot = nil
        record.event = .vaccination(vaccination)
        #expect(try issueError(record)?.code == "ICAO_UNMAPPABLE")
    }

    @Test func aTestRecordIsNotAProofOfVaccination() throws {
        let record = try VDSNCFixture.record(
            """
            {"name": {"family": "Smith"}, "test": {"disease": {"system": "http://snomed.info/sct", "code": "840539006"},
             "type": {"system": "http://loinc.org", "code": "LP6464-4"}, "sampleTime": "2021-06-11T17:30:00Z",
             "result": {"system": "http://snomed.info/sct", "code": "260415000"}, "country": "NL"},
             "certificate": {"issuer": "X"}}
            """)
        let error = try issueError(record)
        #expect(error?.code == "ICAO_UNMAPPABLE")
        #expect(error?.message.contains("found a test") == true)
    }

    @Test func anUnmappedVaccineCodeIsAnErrorOnIssue() throws {
        var record = try VDSNCFixture.vaccination()
        var vaccination = try #require(record.event.vaccination)
        vaccination.vaccine = Coding(system: CodeSystem.snomedCT, code: "123456789")
        record.event = .vaccination(vaccination)
        let error = try issueError(record)
        #expect(error?.code == "ICAO_UNMAPPED_CODE")
        #expect(error?.message.contains("vaccination.vaccine") == true)
    }

    @Test func anUnknownICD11CodeIsAWarningOnVerify() throws {
        let fixture = try VDSNCFixture()
        var record = try VDSNCFixture.vaccination()
        var vaccination = try #require(record.event.vaccination)
        vaccination.vaccine = Coding(system: CodeSystem.icd11, code: "XZ0000")
        record.event = .vaccination(vaccination)
        let result = fixture.verify(try fixture.issue(record))
        #expect(result.isValid)
        #expect(result.credential?.event.vaccination?.vaccine.code == "XZ0000")
        #expect(result.credentialWarnings.map(\.code) == ["ICAO_UNMAPPED_CODE"])
    }

    @Test func dosesBeyondTheProfileAreTruncatedOldestFirst() throws {
        let fixture = try VDSNCFixture()
        let records = try (1...8).map { dose in
            try VDSNCFixture.vaccination(dose: dose, date: "2021-0\(dose)-01", lot: "LOT\(dose)")
        }
        let issued = try fixture.issuer.seal(doses: records, issuedAt: VDSNCFixture.now)
        #expect(issued.droppedDoses == 2)
        #expect(issued.payload.doseCount == VDSNCProfile.standard.maximumDoses)
        #expect(issued.payload.events.first?.doses.map(\.sequence) == [3, 4, 5, 6, 7, 8])
        #expect(fixture.verify(issued.text).isValid)

        var small = fixture.issuer
        small.profile = VDSNCProfile(maximumDoses: 2)
        let two = try small.seal(doses: records, issuedAt: VDSNCFixture.now)
        #expect(two.payload.events.first?.doses.map(\.lot) == ["LOT7", "LOT8"])
        #expect(two.droppedDoses == 6)
    }

    @Test func dosesOfDifferentHoldersAreRefused() throws {
        let fixture = try VDSNCFixture()
        let records = try [VDSNCFixture.vaccination(), VDSNCFixture.vaccination(family: "Schmidt")]
        #expect(throws: VDSNCError(.unmappable, "")) {
            try fixture.issuer.issue(doses: records, issuedAt: VDSNCFixture.now)
        }
    }

    @Test func theVerifierChecksLimitsToo() throws {
        let data = try JSONParser.parse(
            """
            {"hdr": {"t": "icao.vacc", "v": 1, "is": "UTO"},
             "msg": {"uvci": "U32870U32870U", "pid": {"n": "SMITH  BILL", "i": "A1234567"},
                     "ve": [{"des": "XM68M6X", "nam": "Comirnaty", "dis": "RA01",
                             "vd": [{"dvc": "2021-3-3", "seq": 100, "ctr": "AU", "lot": "VC35679", "adm": "RCH"}]}]}}
            """)
        let parsed = VDSNCPayload.parse(data)
        #expect(parsed.violations.count == 5, "\(parsed.violations)")
        #expect(parsed.violations.contains { $0.hasPrefix("data.msg.uvci: expected at most 12") })
        #expect(parsed.violations.contains { $0.hasPrefix("data.msg.ve[0].des: expected at most 6") })
        #expect(parsed.violations.contains { $0.hasPrefix("data.msg.ve[0].vd[0].dvc: expected a date") })
        #expect(parsed.violations.contains { $0.hasPrefix("data.msg.ve[0].vd[0].seq: expected a dose number") })
        #expect(parsed.violations.contains { $0.hasPrefix("data.msg.ve[0].vd[0].ctr: expected three capital") })
    }

    @Test func aWellFormedForeignPayloadParsesCleanly() throws {
        // The shape of the ICAO worked example (values are placeholders), with seq as an integer.
        let data = try JSONParser.parse(
            """
            {"hdr": {"t": "icao.vacc", "v": 1, "is": "AUS"},
             "msg": {"uvci": "VB0009990012", "pid": {"n": "CITIZEN  JANE SUE", "dob": "1961-05-15", "sex": "F", "i": "PA0941262"},
                     "ve": [{"des": "XM68M6", "nam": "AZD1222", "dis": "RA01",
                             "vd": [{"dvc": "2021-09-15", "seq": 1, "ctr": "AUS", "adm": "General Practitioner", "lot": "300157P"},
                                    {"dvc": "2021-10-15", "seq": "2", "ctr": "AUS", "lot": "300157Q"}]}]}}
            """)
        let parsed = VDSNCPayload.parse(data)
        #expect(parsed.violations.isEmpty, "\(parsed.violations)")
        let (record, warnings) = try #require(parsed.payload).mapToRecord()
        #expect(record.name.family == "CITIZEN")
        #expect(record.name.given == "JANE SUE")
        #expect(record.event.vaccination?.dose == 2)
        #expect(record.identifier?.value == "PA0941262")
        #expect(record.event.vaccination?.country.code == "AU")
        // AZD1222 (a development name) is not in the code tables: kept and reported.
        #expect(
            record.event.vaccination?.brand == Coding(system: VDSNCRecordMapping.productNameSystem, code: "AZD1222"))
        #expect(warnings.map(\.code) == ["ICAO_EXTRA_DOSE", "ICAO_UNMAPPED_CODE"])
    }
}
