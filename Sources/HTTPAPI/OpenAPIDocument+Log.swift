import JSON

extension OpenAPIDocument {
    /// The query parameters of the transparency log routes.
    static func logParameters(_ operation: APIOperation) -> [JSONValue] {
        let size: JSONObject = ["type": "integer", "minimum": 0, "maximum": 9_007_199_254_740_992]
        switch operation {
        case .logInclusionProof:
            return [
                parameter("index", in: "query", required: false, schema: size.merging(["description": "the leaf index (or give hash)"])),
                parameter(
                    "hash", in: "query", required: false,
                    schema: ["type": "string", "pattern": "^[0-9a-fA-F]{64}$", "description": "a content hash: SHA-256 of a QR payload's text"]),
                parameter("size", in: "query", required: false, schema: size.merging(["description": "the tree size (default: the latest head)"])),
            ]
        case .logConsistencyProof:
            return [
                parameter("from", in: "query", required: true, schema: size),
                parameter("to", in: "query", required: false, schema: size.merging(["description": "default: the latest head"])),
            ]
        case .logEntries:
            return [
                parameter("start", in: "query", required: false, schema: size),
                parameter("end", in: "query", required: false, schema: size.merging(["description": "exclusive; at most 1,000 leaves"])),
            ]
        default:
            return []
        }
    }

    /// The error responses of the transparency log routes (400 for a bad query, 404 for what is not in the log,
    /// 503 when the server has no log).
    static func logResponses(_ operation: APIOperation, into responses: inout JSONObject, problem: JSONValue) {
        if [.logInclusionProof, .logConsistencyProof, .logEntries].contains(operation) { responses["400"] = problem }
        if [.logTreeHead, .logInclusionProof, .logConsistencyProof].contains(operation) { responses["404"] = problem }
        responses["503"] = problem
    }
}

extension JSONObject {
    /// This object with `other`'s members added (replacing equal keys).
    fileprivate func merging(_ other: JSONObject) -> JSONObject {
        var copy = self
        for member in other.members { copy[member.key] = member.value }
        return copy
    }
}
