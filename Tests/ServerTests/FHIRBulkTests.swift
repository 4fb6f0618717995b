import Foundation
import JSON
import TestSupport
import Testing

/// Bulk issuance over HTTP from a FHIR Bundle of Patients and Immunizations.
@Suite("Bulk issuance from FHIR")
struct FHIRBulkTests {
    /// One Patient with two doses (CVX 208, then EU product codes) and one Immunization of an unknown Patient.
    static let bundle: JSONValue = [
        "resourceType": "Bundle", "type": "collection",
        "entry": [
            ["fullUrl": "resource:0", "resource": ["resourceType": "Patient", "name": [["family": "Testfrau", "given": ["Erika"]]], "birthDate": "1964-08-12"]],
            ["resource": immunization("resource:0", dose: 1, codings: [["system": "http://hl7.org/fhir/sid/cvx", "code": "208"]])],
            [
                "resource": immunization(
                    "resource:0", dose: 2,
                    codings: [
                        ["system": "http://snomed.info/sct", "code": "1119349007"],
                        ["system": "https://ec.europa.eu/health/documents/community-register/html/", "code": "EU/1/20/1528"],
                    ])
            ],
            ["resource": immunization("Patient/nobody", dose: 1, codings: [["system": "http://hl7.org/fhir/sid/cvx", "code": "208"]])],
        ],
    ]

    static func immunization(_ reference: String, dose: Int64, codings: [JSONValue]) -> JSONValue {
        [
            "resourceType": "Immunization", "status": "completed", "vaccineCode": ["coding": .array(codings)],
            "patient": ["reference": .string(reference)], "occurrenceDateTime": "2021-06-01",
            "protocolApplied": [["doseNumberPositiveInt": .integer(dose), "seriesDosesPositiveInt": 2]],
        ]
    }

    @Test("a FHIR Bundle job issues one certificate per Immunization and names the FHIR path of a bad one")
    func fhirJob() async throws {
        let server = try await ServerProcess.start()
        defer { server.cleanUp() }
        let issuer = try await server.createToken(role: "issuer")
        let body = Data(JSONSerializer.serialize(Self.bundle))
        let submitted = try await server.request(
            "POST", "/api/v1/bulk?formats=hc1,shc&country=AT", token: issuer, body: body, headers: ["Content-Type": "application/fhir+json"])
        #expect(submitted.status == 202, "\(submitted.status) \(ResponseJSON.text(submitted.body))")
        let id = try #require(try ResponseJSON.parse(submitted.body)["id"]?.stringValue)

        let job = try await server.waitForBulkJob(id, token: issuer)
        #expect(job["totalRows"]?.integerValue == 3)
        #expect(job["issuedRows"]?.integerValue == 2)
        #expect(job["failedRows"]?.integerValue == 1)
        let rows = try ResponseJSON.parse(try await server.request("GET", "/api/v1/bulk/\(id)/rows", token: issuer).body).arrayValue ?? []
        #expect(rows.map { $0["status"]?.stringValue } == ["issued", "issued", "failed"])
        #expect(rows[2]["error"]?["code"]?.stringValue == "FHIR_PATIENT_NOT_FOUND")
        #expect(rows[2]["error"]?["field"]?.stringValue == "entry[3].resource.patient.reference")
        for (index, row) in rows.prefix(2).enumerated() {
            let certificateID = try #require(row["certificateId"]?.stringValue)
            let certificate = try ServerProcess.certificate(from: try await server.request("GET", "/api/v1/certificates/\(certificateID)", token: issuer).body)
            #expect(Set(certificate.payloads.keys) == ["hc1", "shc"])
            let verified = try await server.verify(try #require(certificate.payloads["hc1"]), token: issuer)
            #expect(verified["valid"]?.boolValue == true, "\(JSONSerializer.serializeToString(verified))")
            #expect(verified["credential"]?["name"]?["family"]?.stringValue == "Testfrau")
            #expect(verified["credential"]?["vaccination"]?["dose"]?.integerValue == Int64(index + 1))
            #expect(verified["credential"]?["vaccination"]?["country"]?.stringValue == "AT")
        }

        // Without a FHIR content type (curl's default form type), the body is sniffed; a Bundle of nothing is refused.
        let sniffed = try await server.request(
            "POST", "/api/v1/bulk", token: issuer, body: body, headers: ["Content-Type": "application/x-www-form-urlencoded"])
        #expect(sniffed.status == 202, "\(sniffed.status) \(ResponseJSON.text(sniffed.body))")
        #expect(try ResponseJSON.parse(sniffed.body)["totalRows"]?.integerValue == 3)
        let empty = try await server.request(
            "POST", "/api/v1/bulk", token: issuer, body: Data(#"{"resourceType":"Bundle","type":"collection","entry":[]}"#.utf8),
            headers: ["Content-Type": "application/json"])
        ResponseJSON.expectProblem(empty, status: 400, code: "BULK_EMPTY", "a Bundle without Immunizations")
        let notABundle = try await server.request(
            "POST", "/api/v1/bulk", token: issuer, body: Data("given_name\nErika\n".utf8), headers: ["Content-Type": "application/fhir+json"])
        ResponseJSON.expectProblem(notABundle, status: 400, code: "BULK_SYNTAX", "CSV sent as FHIR")
    }
}
