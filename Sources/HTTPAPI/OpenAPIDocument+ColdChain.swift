import JSON

extension OpenAPIDocument {
    /// Path and query parameters of the device, telemetry, EPCIS and lot operations.
    static func coldChainParameters(_ operation: APIOperation) -> [JSONValue] {
        var parameters: [JSONValue] = []
        if operation.path.contains("{deviceID}") {
            parameters.append(
                parameter("deviceID", in: "path", required: true, schema: ["type": "string", "pattern": "^[A-Za-z0-9._:-]{1,64}$"]))
        }
        if operation.path.contains("{gtin}") {
            parameters.append(parameter("gtin", in: "path", required: true, schema: ["type": "string", "pattern": "^[0-9]{14}$"]))
            parameters.append(parameter("lot", in: "path", required: true, schema: ["type": "string", "minLength": 1, "maxLength": 20]))
        }
        if operation == .epcisEvents {
            parameters.append(parameter("gtin", in: "query", required: false, schema: ["type": "string", "pattern": "^[0-9]{14}$"]))
            parameters.append(parameter("lot", in: "query", required: false, schema: ["type": "string", "minLength": 1, "maxLength": 20]))
            parameters.append(parameter("eventType", in: "query", required: false, schema: ["type": "string"]))
            parameters.append(parameter("bizStep", in: "query", required: false, schema: ["type": "string"]))
            parameters.append(parameter("GE_eventTime", in: "query", required: false, schema: ["type": "string", "format": "date-time"]))
            parameters.append(parameter("LT_eventTime", in: "query", required: false, schema: ["type": "string", "format": "date-time"]))
            parameters.append(parameter("perPage", in: "query", required: false, schema: ["type": "integer", "minimum": 1, "maximum": 10000]))
        }
        return parameters
    }

    /// Request bodies that are not a JSON schema of ``schemas``.
    static func coldChainRequestBody(_ operation: APIOperation) -> JSONValue? {
        switch operation {
        case .ingestTelemetry:
            [
                "required": true,
                "content": [
                    "application/cose": [
                        "schema": ["type": "string", "format": "binary", "description": "a tagged COSE_Sign1 over the CBOR batch (docs/TELEMETRY.md)"]
                    ],
                    "application/octet-stream": ["schema": ["type": "string", "format": "binary", "description": "the same bytes"]],
                ],
            ]
        case .captureEPCIS:
            [
                "required": true,
                "content": [
                    "application/ld+json": ["schema": ["$ref": "#/components/schemas/EPCISDocument"]],
                    "application/json": ["schema": ["$ref": "#/components/schemas/EPCISDocument"]],
                ],
            ]
        default: nil
        }
    }

    /// The success and error responses of the cold-chain operations.
    static func coldChainResponses(_ operation: APIOperation, into responses: inout JSONObject, problem: JSONValue, json: (String) -> JSONValue) {
        switch operation {
        case .registerDevice:
            responses["201"] = json("The device")
            responses["400"] = problem
            responses["409"] = problem
            responses["413"] = problem
        case .devices:
            responses["200"] = json("The devices")
        case .device:
            responses["200"] = json("The device, its placements and recent excursions")
            responses["404"] = problem
        case .placeDevice:
            responses["201"] = json("The placement")
            responses["400"] = problem
            responses["404"] = problem
            responses["409"] = problem
            responses["413"] = problem
        case .ingestTelemetry:
            responses["200"] = json("Stored, or a retry of a stored batch (result duplicate)")
            for code in ["400", "401", "403", "409", "413", "422"] { responses[code] = problem }
        case .captureEPCIS:
            responses["201"] = json("Event hashes, how many were new, lots named")
            responses["400"] = problem
            responses["413"] = problem
        case .epcisEvents:
            responses["200"] = .object([
                "description": "An EPCISQueryDocument",
                "content": .object(["application/ld+json": .object(["schema": .object(["type": "object"])])]),
            ])
            responses["400"] = problem
        case .lotStatus:
            responses["200"] = json("The lot's status, findings, watching devices and history")
            responses["400"] = problem
        case .recallLot:
            responses["200"] = json("The vaccinations from the lot, revoked certificates and the lot's status")
            responses["400"] = problem
            responses["413"] = problem
        default:
            break
        }
    }

    /// Schemas of the cold-chain request bodies.
    static let coldChainSchemas: JSONObject = [
        "DeviceRegistration": .object([
            "type": "object", "required": ["id", "kind", "publicKey"],
            "properties": .object([
                "id": .object(["type": "string", "pattern": "^[A-Za-z0-9._:-]{1,64}$"]),
                "kind": .object(["type": "string", "enum": ["logger", "tracker", "gateway"]]),
                "publicKey": .object(["type": "string", "description": "PEM P-256 public key, or base64url X9.63 point"]),
                "profile": .object(["type": "string", "enum": ["2-8", "minus-25-15", "minus-90-60"]]),
                "label": .object(["type": "string", "maxLength": 200]),
                "location": .object(["type": "string", "description": "SGLN, GIAI or SSCC as EPC URN or GS1 Digital Link"]),
            ]),
        ]),
        "Placement": .object([
            "type": "object", "required": ["location"],
            "properties": .object([
                "location": .object(["type": "string", "minLength": 1, "maxLength": 300]),
                "since": .object(["type": "string", "format": "date-time"]),
            ]),
        ]),
        "RecallRequest": .object([
            "type": "object", "required": ["reason"],
            "properties": .object([
                "reason": .object(["type": "string", "minLength": 1, "maxLength": 200]),
                "revoke": .object(["type": "boolean"]),
            ]),
        ]),
        "EPCISDocument": .object([
            "type": "object", "required": ["type", "epcisBody"],
            "description": "An EPCIS 2.0 JSON-LD document (https://ref.gs1.org/standards/epcis)",
            "properties": .object([
                "type": .object(["const": "EPCISDocument"]),
                "schemaVersion": .object(["type": "string"]),
                "epcisBody": .object(["type": "object"]),
            ]),
        ]),
    ]
}
