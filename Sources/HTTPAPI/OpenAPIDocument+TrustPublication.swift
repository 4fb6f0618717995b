import JSON

/// The OpenAPI parts of the trust-anchor, trust-list, revocation and key-compromise routes.
extension OpenAPIDocument {
    static let trustPublicationSchemas: JSONObject = [
        "KeyCompromiseRequest": .object([
            "type": "object", "required": ["kid", "reason"],
            "properties": .object([
                "kid": .object(["type": "string", "minLength": 1, "description": "the document signer's kid (GET /api/v1/trust/certificates)"]),
                "reason": .object(["type": "string", "minLength": 1, "maxLength": 200]),
                "revoke": .object(["type": "boolean", "description": "revoke every certificate it signed (default false)"]),
            ]),
        ]),
        "SuspendRequest": .object([
            "type": "object", "required": ["until", "reason"],
            "properties": .object([
                "until": .object(["type": "string", "format": "date-time", "description": "the end of the suspension (after now)"]),
                "reason": .object(["type": "string", "minLength": 1, "maxLength": 200]),
            ]),
        ]),
    ]

    static func trustPublicationParameters(_ operation: APIOperation) -> [JSONValue] {
        guard operation == .revocationDelta else { return [] }
        return [
            parameter(
                "since", in: "query", required: true,
                schema: ["type": "integer", "minimum": 0, "maximum": 9_007_199_254_740_992, "description": "the snapshot version the verifier holds"])
        ]
    }

    static func trustPublicationResponses(_ operation: APIOperation, into responses: inout JSONObject, problem: JSONValue) {
        func body(_ description: String, _ mediaType: String, _ schema: JSONObject) -> JSONValue {
            .object(["description": .string(description), "content": .object([mediaType: .object(["schema": .object(schema)])])])
        }
        switch operation {
        case .trustAnchors:
            responses["200"] = body("The trust-anchor keys", "application/jwk-set+json", ["type": "object"])
        case .trustList:
            responses["200"] = body("The signed trust list", "application/jose", ["type": "string"])
        case .revocationSnapshot:
            responses["200"] = body("The signed snapshot", "application/cose", ["type": "string", "format": "binary"])
        case .revocationDelta:
            responses["200"] = body("The signed delta", "application/cose", ["type": "string", "format": "binary"])
            responses["204"] = .object(["description": "The version is current: nothing changed"])
            responses["400"] = problem
        case .compromiseKey:
            responses["200"] = body("The key, the certificates it signed, those revoked now", "application/json", ["type": "object"])
            responses["400"] = problem
            responses["404"] = problem
            responses["409"] = problem
            return
        default:
            break
        }
        responses["503"] = problem
    }
}
