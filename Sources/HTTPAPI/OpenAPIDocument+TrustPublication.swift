import JSON

/// The OpenAPI parts of the trust-anchor, trust-list and revocation routes.
extension OpenAPIDocument {
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
        default:
            break
        }
        responses["503"] = problem
    }
}
