import Foundation
import Issuance
import JSON
import Registry
import Storage
import Testing
import VaccinationRecord

/// Bulk issuance from a FHIR Bundle: one row per Immunization, the Patient found by each reference form, codes as
/// given or translated from CVX, errors per row with the FHIR path, unreadable Bundles refused as a whole.
@Suite("Bulk issuance from a FHIR Bundle")
struct BulkFHIRTests {
    static let register = "https://ec.europa.eu/health/documents/community-register/html/"
    static let cvx = "http://hl7.org/fhir/sid/cvx"

    static func patient(id: String, family: String, given: [String], birthDate: String = "1964-08-12") -> JSONValue {
        [
            "resourceType": "Patient", "id": .string(id),
            "name": [["use": "official", "family": .string(family), "given": .array(given.map(JSONValue.string))]],
            "birthDate": .string(birthDate),
        ]
    }

    /// An Immunization of `codings` (system, code) for the Patient `reference`.
    static func immunization(
        _ reference: String, codings: [(String, String)] = [(cvx, "208")], date: JSONValue = "2021-06-01T10:30:00+02:00",
        dose: JSONValue? = 1, series: Int64 = 2, status: String = "completed", country: String? = "AT"
    ) -> JSONValue {
        var object: JSONObject = [
            "resourceType": "Immunization", "status": .string(status),
            "vaccineCode": ["coding": .array(codings.map { ["system": .string($0.0), "code": .string($0.1)] })],
            "patient": ["reference": .string(reference)], "occurrenceDateTime": date, "lotNumber": "LOT-1",
            "performer": [["actor": ["display": "Impfzentrum Test"]]],
        ]
        var applied: JSONObject = ["seriesDosesPositiveInt": .integer(series)]
        applied["doseNumberPositiveInt"] = dose
        object["protocolApplied"] = [.object(applied)]
        if let country {
            object["extension"] = [["url": "http://smart.who.int/ddcc/StructureDefinition/DDCCCountryOfEvent", "valueCode": .string(country)]]
        }
        return .object(object)
    }

    static func bundle(_ entries: [(fullURL: String?, resource: JSONValue)], type: String = "collection") -> [UInt8] {
        let values: [JSONValue] = entries.map { entry in
            var object: JSONObject = ["resource": entry.resource]
            object["fullUrl"] = entry.fullURL.map(JSONValue.string)
            return .object(object)
        }
        return JSONSerializer.serialize(["resourceType": "Bundle", "type": .string(type), "entry": .array(values)])
    }

    /// Two Patients, three Immunizations: by `Patient/ID`, by `urn:uuid` fullUrl, and by `resource:N` (SHC style).
    static let threeDoses = bundle([
        ("urn:uuid:8c0a5e1e-0000-4000-8000-000000000001", patient(id: "p1", family: "Testfrau", given: ["Erika", "Maria"])),
        ("resource:1", patient(id: "p2", family: "Testmann", given: ["Max"], birthDate: "1970")),
        (nil, immunization("Patient/p1", codings: [
            ("http://snomed.info/sct", "1119349007"), (register, "EU/1/20/1528"),
        ])),
        (nil, immunization("urn:uuid:8c0a5e1e-0000-4000-8000-000000000001", date: "2021-07-01", dose: 2)),
        (nil, immunization("resource:1", codings: [(cvx, "207")], dose: 1, series: 2, country: nil)),
    ])

    @Test func threeImmunizationsOfTwoPatientsIssueThreeCertificates() async throws {
        try await RegistryTests.withRegistry { registry, token, _, _ in
            let principal = try #require(try await registry.authenticate(bearer: token.text))
            let job = try await registry.submitBulk(fhir: Self.threeDoses, formats: [.hc1, .shc], by: principal)
            #expect(job.kind == .fhir && job.totalRows == 3 && job.failedRows == 0 && job.status == .running)
            #expect(try await registry.processBulk(limit: 10) == 3)
            let done = try #require(try await registry.bulkJob(id: job.id))
            #expect(done.status == .done && done.issuedRows == 3)
            let rows = try await registry.bulkRows(jobID: job.id, status: nil)
            #expect(rows.map(\.status) == [.issued, .issued, .issued])
            var records: [VaccinationRecord] = []
            for row in rows {
                let id = try #require(row.certificateID)
                let certificate = try #require(try await registry.certificate(id: id))
                let hc1 = try #require(certificate.payloads.first { $0.format == .hc1 })
                let result = registry.verify(hc1.text)
                #expect(result.isValid, "\(result.errors.map(\.code))")
                records.append(try #require(result.credential))
            }
            #expect(records.map(\.name.family) == ["Testfrau", "Testfrau", "Testmann"])
            #expect(records.map(\.name.given) == ["Erika Maria", "Erika Maria", "Max"])
            #expect(records.map { $0.event.vaccination?.dose } == [1, 2, 1])
            #expect(records.map { $0.event.vaccination?.totalDoses } == [2, 2, 2])
            #expect(records.map { $0.event.vaccination?.date.description } == ["2021-06-01", "2021-07-01", "2021-06-01"])
            // CVX 208 is Comirnaty, 207 Spikevax: product and holder come from the code tables.
            #expect(records.map { $0.event.vaccination?.brand.code } == ["EU/1/20/1528", "EU/1/20/1528", "EU/1/20/1507"])
            #expect(records.map { $0.event.vaccination?.manufacturer?.code } == ["ORG-100030215", "ORG-100030215", "ORG-100031184"])
            #expect(records.map { $0.event.vaccination?.vaccine.code } == ["1119349007", "1119349007", "1119349007"])
            // The DDCC country extension, else the issuer's country (DE).
            #expect(records.map { $0.event.vaccination?.country.code } == ["AT", "AT", "DE"])
            #expect(records.map { $0.birthDate?.description } == ["1964-08-12", "1964-08-12", "1970"])
        }
    }

    @Test func badImmunizationsFailWithCodeAndFHIRPath() async throws {
        let input = Self.bundle([
            (nil, Self.patient(id: "p1", family: "Geheimname", given: ["Vorname"])),
            (nil, ["resourceType": "Patient", "id": "nameless", "birthDate": "1980"]),
            (nil, Self.immunization("Patient/p1", status: "not-done")),
            (nil, Self.immunization("Patient/unknown")),
            (nil, Self.immunization("Patient/p1", date: "2021-13-01")),
            (nil, Self.immunization("Patient/p1", dose: nil)),
            (nil, Self.immunization("Patient/p1", codings: [("urn:example:codes", "X1")])),
            (nil, Self.immunization("Patient/nameless")),
            (nil, Self.immunization("Patient/p1", dose: "first")),
            (nil, Self.immunization("Patient/p1", country: "ZZ")),
            (nil, ["resourceType": "Immunization", "status": "completed", "patient": ["reference": "Patient/p1"]]),
            (nil, Self.immunization("https://fhir.example.org/Patient/p1/_history/3")),
        ])
        let rows = try BulkFHIR.rows(input, defaultIssuer: "Test issuer", defaultCountry: "DE")
        let expected: [(String, String)?] = [
            ("FHIR_NOT_COMPLETED", "entry[2].resource.status"),
            ("FHIR_PATIENT_NOT_FOUND", "entry[3].resource.patient.reference"),
            ("RECORD_INVALID_DATE", "entry[4].resource.occurrenceDateTime"),
            ("RECORD_MISSING_FIELD", "entry[5].resource.protocolApplied[0].doseNumberPositiveInt"),
            ("RECORD_MISSING_FIELD", "entry[6].resource.vaccineCode"),
            ("RECORD_MISSING_FIELD", "entry[1].resource.name"),
            ("RECORD_INVALID_FIELD", "entry[8].resource.protocolApplied[0].doseNumberPositiveInt"),
            ("RECORD_UNKNOWN_COUNTRY", "entry[9].resource.extension"),
            ("RECORD_MISSING_FIELD", "entry[10].resource.vaccineCode.coding"),
            nil,
        ]
        #expect(rows.count == expected.count)
        for (row, expectation) in zip(rows, expected) {
            switch (row, expectation) {
            case (.record, nil): break
            case (.invalid(let code, let field, let message), let (expectedCode, expectedField)?):
                #expect(code == expectedCode && field == expectedField, "\(code) \(field ?? "-"): \(message)")
                for secret in ["Geheimname", "Vorname", "1964"] {
                    #expect(!message.contains(secret) && !(field ?? "").contains(secret))
                }
            default:
                Issue.record("expected \(String(describing: expectation)), found \(row)")
            }
        }
    }

    @Test func failedRowsAreStoredWithTheirPath() async throws {
        try await RegistryTests.withRegistry { registry, token, _, _ in
            let principal = try #require(try await registry.authenticate(bearer: token.text))
            let input = Self.bundle([
                (nil, Self.patient(id: "p1", family: "Testfrau", given: ["Erika"])),
                (nil, Self.immunization("Patient/p1")), (nil, Self.immunization("Patient/p1", date: "2021-02-30")),
            ])
            let job = try await registry.submitBulk(fhir: input, formats: [.hc1], by: principal)
            #expect(job.totalRows == 2 && job.failedRows == 1)
            try await registry.processBulk(limit: 10)
            let rows = try await registry.bulkRows(jobID: job.id, status: nil)
            #expect(rows.map(\.status) == [.issued, .failed])
            #expect(rows[1].errorCode == "RECORD_INVALID_DATE" && rows[1].errorField == "entry[2].resource.occurrenceDateTime")
        }
    }

    static let refused: [(String, String)] = [
        ("", "BULK_EMPTY"), (" \n", "BULK_EMPTY"), ("{", "BULK_SYNTAX"), ("{\"resourceType\": \"Bundle\"} x", "BULK_SYNTAX"),
        ("[]", "BULK_FHIR"), (#"{"resourceType":"Patient"}"#, "BULK_FHIR"),
        (#"{"resourceType":"Bundle","type":"document","entry":[]}"#, "BULK_FHIR"),
        (#"{"resourceType":"Bundle","type":"collection","entry":{}}"#, "BULK_FHIR"),
        (#"{"resourceType":"Bundle","type":"collection","entry":[1]}"#, "BULK_FHIR"),
        (#"{"resourceType":"Bundle","type":"collection","entry":[{"resource":"Patient"}]}"#, "BULK_FHIR"),
        (#"{"resourceType":"Bundle","type":"collection"}"#, "BULK_EMPTY"),
        (#"{"resourceType":"Bundle","type":"batch","entry":[{"resource":{"resourceType":"Patient","id":"a"}}]}"#, "BULK_EMPTY"),
        (#"{"resourceType":"Bundle","type":"collection","entry":[{"resource":"#
            + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "}]}", "BULK_TOO_LARGE"),
        (#"{"resourceType":"Bundle","type":"collection","entry":["#
            + Array(repeating: "{}", count: BulkFHIR.maximumEntries + 1).joined(separator: ",") + "]}", "BULK_TOO_LARGE"),
    ]

    @Test(arguments: refused.indices)
    func unreadableBundlesAreRefusedAsAWhole(index: Int) async throws {
        let (text, code) = Self.refused[index]
        #expect {
            _ = try BulkFHIR.rows(Array(text.utf8), defaultIssuer: "Test issuer", defaultCountry: "DE")
        } throws: { ($0 as? BulkInputError)?.code == code }
    }

    @Test func aRefusedBundleStoresNoJob() async throws {
        try await RegistryTests.withRegistry { registry, token, _, _ in
            let principal = try #require(try await registry.authenticate(bearer: token.text))
            await #expect(throws: BulkInputError.self) {
                _ = try await registry.submitBulk(fhir: Array("[]".utf8), formats: [.hc1], by: principal)
            }
            #expect(try await registry.store.unfinishedBulkJobs().isEmpty)
        }
    }

    @Test func everyTruncationIsACodedError() throws {
        let input = Self.threeDoses
        #expect(input.count > 500)
        let codes: Set<String> = ["BULK_EMPTY", "BULK_SYNTAX"]
        for length in stride(from: 0, to: input.count, by: 50) {
            #expect(throws: BulkInputError.self, "truncated at \(length)") {
                _ = try BulkFHIR.rows(Array(input.prefix(length)), defaultIssuer: "Test issuer", defaultCountry: "DE")
            }
            do {
                _ = try BulkFHIR.rows(Array(input.prefix(length)), defaultIssuer: "Test issuer", defaultCountry: "DE")
            } catch let error as BulkInputError {
                #expect(codes.contains(error.code), "truncated at \(length): \(error.code)")
            }
        }
        #expect(try BulkFHIR.rows(input, defaultIssuer: "Test issuer", defaultCountry: "DE").count == 3)
    }
}
