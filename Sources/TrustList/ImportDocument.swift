import JSON

/// Parsing of imported documents with the trust-list limits.
enum ImportDocument {
    /// The deepest nesting accepted in an imported document.
    static let maximumDepth = 16

    static func parse(_ bytes: some Collection<UInt8>, limits: TrustListLimits) throws -> JSONValue {
        let count = bytes.count
        guard count <= limits.maximumBytes else {
            throw TrustListError(.tooLarge, "expected a document of at most \(limits.maximumBytes) bytes, found \(count)")
        }
        do {
            return try JSONParser.parse(bytes, options: .init(maxBytes: limits.maximumBytes, maxDepth: maximumDepth))
        } catch let error as JSONError {
            let code: TrustListError.Code = error.errorCode == .tooDeep ? .tooLarge : .importMalformed
            throw TrustListError(code, "expected a JSON document: \(error.code) \(error.message)")
        }
    }
}
