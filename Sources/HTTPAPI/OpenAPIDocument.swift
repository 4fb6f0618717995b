import JSON

/// The OpenAPI 3.1 document of the API, made from ``APIOperation`` (the same table the router uses), so that
/// every route is documented and nothing undocumented is served.
public enum OpenAPIDocument {
    /// The document.
    public static func make() -> JSONValue {
        var paths = JSONObject()
        for operation in APIOperation.allCases {
            var item = paths[operation.path]?.objectValue ?? JSONObject()
            item[operation.method.rawValue.lowercased()] = .object(describe(operation))
            paths[operation.path] = .object(item)
        }
        return .object([
            "openapi": "3.1.0",
            "info": .object([
                "title": "OpenDVC API",
                "version": "1",
                "description": "Record vaccinations, issue digital vaccination certificates (EU DCC, SMART Health Cards, ICAO VDS-NC, W3C VC), verify and revoke them. Errors are RFC 9457 problem details with a stable code.",
            ]),
            "paths": .object(paths),
            "components": .object([
                "securitySchemes": .object(["bearer": .object(["type": "http", "scheme": "bearer"])]),
                "schemas": .object(JSONObject(schemas.members + coldChainSchemas.members + trustPublicationSchemas.members)),
            ]),
        ])
    }

    static func describe(_ operation: APIOperation) -> JSONObject {
        var object = JSONObject()
        object["operationId"] = .string(operation.rawValue)
        object["summary"] = .string(operation.summary)
        if let roles = operation.roles {
            object["security"] = .array([.object(["bearer": .array([])])])
            object["description"] = .string("Roles: " + roles.map(\.rawValue).sorted().joined(separator: ", ") + ".")
        } else {
            object["security"] = .array([])
        }
        var parameters: [JSONValue] = []
        if operation.path.contains("{id}") {
            parameters.append(parameter("id", in: "path", required: true, schema: ["type": "string", "format": "uuid"]))
        }
        switch operation {
        case .certificateQR:
            parameters.append(parameter("format", in: "query", required: false, schema: ["type": "string", "enum": ["hc1", "shc", "vds", "vc"]]))
            parameters.append(parameter("image", in: "query", required: false, schema: ["type": "string", "enum": ["svg", "png"]]))
        case .recordVaccination:
            parameters.append(parameter("Idempotency-Key", in: "header", required: false, schema: ["type": "string", "minLength": 1, "maxLength": 200]))
        case .submitBulk:
            parameters.append(
                parameter(
                    "formats", in: "query", required: false,
                    schema: [
                        "type": "string", "description": "comma list of distinct formats: hc1, shc, vds, vc (default hc1)",
                        "pattern": "^(hc1|shc|vds|vc)(,(hc1|shc|vds|vc)){0,3}$",
                    ]))
            parameters.append(
                parameter(
                    "country", in: "query", required: false,
                    schema: ["type": "string", "description": "FHIR input only: the country of Immunizations without the DDCC country extension (default: the issuer's)"]))
        case .bulkRows:
            parameters.append(parameter("status", in: "query", required: false, schema: ["type": "string", "enum": ["pending", "issued", "failed"]]))
        default:
            parameters += coldChainParameters(operation) + logParameters(operation) + trustPublicationParameters(operation)
        }
        if !parameters.isEmpty { object["parameters"] = .array(parameters) }
        if operation == .submitBulk {
            object["requestBody"] = [
                "required": true,
                "content": [
                    "text/csv": ["schema": ["type": "string", "description": "a header row, then one vaccination per row (docs/API.md)"]],
                    "application/fhir+json": ["schema": ["$ref": "#/components/schemas/FHIRBundle"]],
                    "application/json": ["schema": ["$ref": "#/components/schemas/FHIRBundle"]],
                ],
            ]
        }
        if let body = coldChainRequestBody(operation) { object["requestBody"] = body }
        if let body = requestSchema(operation) {
            object["requestBody"] = .object([
                "required": true, "content": .object(["application/json": .object(["schema": .object(["$ref": .string("#/components/schemas/\(body)")])])]),
            ])
        }
        if var body = object["requestBody"]?.objectValue, var content = body["content"]?.objectValue {
            for (mediaType, example) in examples(operation) {
                guard var media = content[mediaType]?.objectValue else { continue }
                media["example"] = example
                content[mediaType] = .object(media)
            }
            body["content"] = .object(content)
            object["requestBody"] = .object(body)
        }
        var answers = responses(operation)
        if let links = links(operation), let code = ["201", "202"].first(where: { answers[$0] != nil }),
            var success = answers[code]?.objectValue
        {
            success["links"] = .object(links)
            answers[code] = .object(success)
        }
        object["responses"] = .object(answers)
        return object
    }

    static func parameter(_ name: String, in location: String, required: Bool, schema: JSONObject) -> JSONValue {
        .object(["name": .string(name), "in": .string(location), "required": .bool(required), "schema": .object(schema)])
    }

    static func requestSchema(_ operation: APIOperation) -> String? {
        switch operation {
        case .recordVaccination: "VaccinationRequest"
        case .revokeCertificate: "RevokeRequest"
        case .verify: "VerifyRequest"
        case .registerDevice: "DeviceRegistration"
        case .placeDevice: "Placement"
        case .recallLot: "RecallRequest"
        case .compromiseKey: "KeyCompromiseRequest"
        case .suspendCertificate: "SuspendRequest"
        default: nil
        }
    }

    static func responses(_ operation: APIOperation) -> JSONObject {
        let problem: JSONValue = .object([
            "description": "Problem details", "content": .object(["application/problem+json": .object(["schema": .object(["$ref": "#/components/schemas/Problem"])])]),
        ])
        func json(_ description: String, _ schema: JSONObject = ["type": "object"]) -> JSONValue {
            .object(["description": .string(description), "content": .object(["application/json": .object(["schema": .object(schema)])])])
        }
        var responses = JSONObject()
        switch operation {
        case .metrics:
            responses["200"] = .object(["description": "Prometheus text", "content": .object(["text/plain": .object(["schema": .object(["type": "string"])])])])
        case .certificateQR:
            responses["200"] = .object([
                "description": "The QR code",
                "content": .object(["image/svg+xml": .object(["schema": .object(["type": "string"])]), "image/png": .object(["schema": .object(["type": "string", "format": "binary"])])]),
            ])
        case .recordVaccination:
            responses["201"] = json("The certificate", ["$ref": "#/components/schemas/Certificate"])
            responses["200"] = json("A retried request: the certificate issued the first time", ["$ref": "#/components/schemas/Certificate"])
        case .certificate:
            responses["200"] = json("The certificate", ["$ref": "#/components/schemas/Certificate"])
        case .trustCertificates:
            responses["200"] = json("CSCA and document signer certificates", ["type": "array", "items": .object(["type": "object"])])
        case .keySet:
            responses["200"] = .object(["description": "JWKS", "content": .object(["application/jwk-set+json": .object(["schema": .object(["type": "object"])])])])
        case .submitBulk:
            responses["202"] = json("The job, running in the background", ["$ref": "#/components/schemas/BulkJob"])
        case .bulkJob:
            responses["200"] = json("The job's progress", ["$ref": "#/components/schemas/BulkJob"])
        case .bulkRows:
            responses["200"] = json("The rows", ["type": "array", "items": ["type": "object"]])
        case .health:
            responses["200"] = json("Up")
            responses["503"] = json("The database is unreachable")
        case .registerDevice, .devices, .device, .placeDevice, .ingestTelemetry, .captureEPCIS, .epcisEvents, .lotStatus, .recallLot:
            coldChainResponses(operation, into: &responses, problem: problem, json: { json($0) })
        case .trustAnchors, .trustList, .revocationSnapshot, .revocationDelta, .compromiseKey:
            trustPublicationResponses(operation, into: &responses, problem: problem)
        default:
            responses["200"] = json("OK")
        }
        if operation.roles != nil {
            responses["401"] = problem
            responses["403"] = problem
        }
        if [.recordVaccination, .revokeCertificate, .suspendCertificate, .verify, .certificateQR, .submitBulk, .bulkRows].contains(operation) {
            responses["400"] = problem
        }
        if [.recordVaccination, .revokeCertificate, .verify, .submitBulk].contains(operation) { responses["413"] = problem }
        if operation.path.contains("{id}") { responses["404"] = problem }
        if [.revokeCertificate, .suspendCertificate].contains(operation) { responses["409"] = problem }
        if operation == .recordVaccination { responses["422"] = problem }
        if operation.path.hasPrefix("/api/v1/log/") { logResponses(operation, into: &responses, problem: problem) }
        return responses
    }

    static let schemas: JSONObject = [
        "Problem": .object([
            "type": "object", "required": ["type", "title", "status", "code", "detail"],
            "properties": .object([
                "type": .object(["type": "string"]), "title": .object(["type": "string"]), "status": .object(["type": "integer"]),
                "code": .object(["type": "string"]), "detail": .object(["type": "string"]), "field": .object(["type": "string"]),
            ]),
        ]),
        "VaccinationRequest": .object([
            "type": "object", "required": ["record"],
            "properties": .object([
                "record": .object(["type": "object", "description": "The canonical vaccination record (docs/RECORD.md)"]),
                "formats": .object(["type": "array", "items": .object(["type": "string", "enum": ["hc1", "shc", "vds", "vc"]]), "minItems": 1, "maxItems": 4]),
            ]),
        ]),
        "RevokeRequest": .object([
            "type": "object", "required": ["reason"],
            "properties": .object(["reason": .object(["type": "string", "minLength": 1, "maxLength": 200])]),
        ]),
        "VerifyRequest": .object([
            "type": "object", "required": ["payload"], "properties": .object(["payload": .object(["type": "string"])]),
        ]),
        "FHIRBundle": .object([
            "type": "object", "required": ["resourceType", "type", "entry"],
            "description": "A FHIR R4 Bundle of Patient and Immunization resources; one row per Immunization (docs/API.md)",
            "properties": .object([
                "resourceType": .object(["const": "Bundle"]),
                "type": .object(["type": "string", "enum": ["collection", "batch", "transaction"]]),
                "entry": .object(["type": "array", "items": .object(["type": "object"])]),
            ]),
        ]),
        "BulkJob": .object([
            "type": "object", "required": ["id", "status", "totalRows", "issuedRows", "failedRows"],
            "properties": .object([
                "id": .object(["type": "string", "format": "uuid"]), "status": .object(["type": "string", "enum": ["running", "done"]]),
                "totalRows": .object(["type": "integer"]), "issuedRows": .object(["type": "integer"]), "failedRows": .object(["type": "integer"]),
            ]),
        ]),
        "Certificate": .object([
            "type": "object", "required": ["id", "issuedAt", "certificates"],
            "properties": .object([
                "id": .object(["type": "string", "format": "uuid"]), "issuedAt": .object(["type": "string", "format": "date-time"]),
                "expiresAt": .object(["type": "string", "format": "date-time"]), "revocation": .object(["type": ["object", "null"]]),
                "certificates": .object(["type": "object"]),
            ]),
        ]),
    ]
}
