import JSON

extension OpenAPIDocument {
    /// A request body example of an operation, by media type (valid requests, so that a generated test run such as
    /// schemathesis's reaches the operations behind them).
    static func examples(_ operation: APIOperation) -> [String: JSONValue] {
        switch operation {
        case .recordVaccination: ["application/json": ["record": exampleRecord, "formats": ["hc1", "shc"]]]
        case .revokeCertificate: ["application/json": ["reason": "issued in error"]]
        case .registerDevice:
            [
                "application/json": [
                    "id": "fridge-7", "kind": "logger", "profile": "2-8", "label": "Fridge 2, central store",
                    "location": "urn:epc:id:sgln:9521234.00001.0",
                    "publicKey": "BJjZkBoLAFL44JVJ8GcBmIAXf-W2fkBwepi30laXMrYXU7ITSj-1N5Q0O0_KZMAGvnIcSqXjSOEa4uPLOu5bVMA",
                ]
            ]
        case .placeDevice: ["application/json": ["location": "urn:epc:id:sscc:9521234.0000000001"]]
        case .recallLot: ["application/json": ["reason": "manufacturer recall", "revoke": false]]
        case .submitBulk:
            [
                "text/csv": .string(
                    "given_name,family_name,birth_date,vaccine_system,vaccine_code,brand_system,brand_code,manufacturer_system,"
                        + "manufacturer_code,date,dose,total_doses,country\nErika,Mustermann,1964-08-12,http://snomed.info/sct,"
                        + "1119349007,https://ec.europa.eu/health/documents/community-register/html/,EU/1/20/1528,"
                        + "https://spor.ema.europa.eu/v1/organisations,ORG-100030215,2021-06-01,2,2,DE\n"),
                "application/fhir+json": exampleBundle, "application/json": exampleBundle,
            ]
        default: [:]
        }
    }

    /// The links from an operation's success answer to the operations on what it created.
    static func links(_ operation: APIOperation) -> JSONObject? {
        let targets: [APIOperation]
        switch operation {
        case .recordVaccination: targets = [.certificate, .certificateQR, .revokeCertificate]
        case .submitBulk: targets = [.bulkJob, .bulkRows]
        case .registerDevice:
            var links = JSONObject()
            for target in [APIOperation.device, .placeDevice] {
                links[target.rawValue] = ["operationId": .string(target.rawValue), "parameters": ["deviceID": "$response.body#/id"]]
            }
            return links
        default: return nil
        }
        var links = JSONObject()
        for target in targets {
            links[target.rawValue] = ["operationId": .string(target.rawValue), "parameters": ["id": "$response.body#/id"]]
        }
        return links
    }

    /// The canonical record of docs/RECORD.md's example (a specimen name).
    static let exampleRecord: JSONValue = [
        "name": ["family": "Mustermann", "given": "Erika"], "birthDate": "1964-08-12",
        "vaccination": [
            "disease": ["system": "http://snomed.info/sct", "code": "840539006"],
            "vaccine": ["system": "http://snomed.info/sct", "code": "1119349007"],
            "brand": ["system": "https://ec.europa.eu/health/documents/community-register/html/", "code": "EU/1/20/1528"],
            "manufacturer": ["system": "https://spor.ema.europa.eu/v1/organisations", "code": "ORG-100030215"],
            "lot": "FK4578", "date": "2021-06-01", "dose": 2, "totalDoses": 2, "country": "DE",
        ],
        "certificate": ["issuer": "OpenDVC Issuer"],
    ]

    /// A Bundle of one Patient and one Immunization (docs/API.md's example).
    static let exampleBundle: JSONValue = [
        "resourceType": "Bundle", "type": "collection",
        "entry": [
            [
                "fullUrl": "urn:uuid:3f1c2a64-8d5e-4b8a-9c1e-2f6a7b8c9d0e",
                "resource": ["resourceType": "Patient", "name": [["family": "Mustermann", "given": ["Erika"]]], "birthDate": "1964-08-12"],
            ],
            [
                "resource": [
                    "resourceType": "Immunization", "status": "completed",
                    "vaccineCode": ["coding": [["system": "http://hl7.org/fhir/sid/cvx", "code": "208"]]],
                    "patient": ["reference": "urn:uuid:3f1c2a64-8d5e-4b8a-9c1e-2f6a7b8c9d0e"], "occurrenceDateTime": "2021-06-01",
                    "lotNumber": "FK4578", "protocolApplied": [["doseNumberPositiveInt": 2, "seriesDosesPositiveInt": 2]],
                ]
            ],
        ],
    ]
}
