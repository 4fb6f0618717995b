import JSON

/// A `.smart-health-card` file (MIME `application/smart-health-card`): `{"verifiableCredential": ["<jws>", …]}`.
///
/// Reading also accepts the FHIR `$health-cards-issue` response: a `Parameters` resource whose
/// `verifiableCredential` parameters carry the JWS as `valueString`.
public struct SHCFile: Sendable, Hashable {
    /// The largest accepted file.
    public static let maximumSize = 1 << 20
    /// The most credentials read from one file.
    public static let maximumCredentialCount = 100

    /// The compact JWS texts, in file order.
    public var verifiableCredentials: [String]

    /// A file holding `credentials`.
    public init(verifiableCredentials: [String]) {
        self.verifiableCredentials = verifiableCredentials
    }

    /// Reads a file.
    ///
    /// - Throws: ``SHCError`` `SHC_INVALID_FILE` when it is not JSON, too large, or lacks a non-empty array of
    ///   strings `verifiableCredential`.
    public init(data: some Collection<UInt8>) throws {
        guard data.count <= Self.maximumSize else {
            throw SHCError(.invalidFile, "expected a file of at most \(Self.maximumSize) bytes, found \(data.count)")
        }
        let json: JSONValue
        do {
            json = try JSONParser.parse(data, options: .init(maxBytes: Self.maximumSize, maxDepth: 8))
        } catch {
            throw SHCError(.invalidFile, "expected a JSON object, found text that is not JSON (\((error as? JSONError)?.code ?? "invalid"))")
        }
        if json["resourceType"]?.stringValue == "Parameters" {
            let values = (json["parameter"]?.arrayValue ?? []).filter { $0["name"]?.stringValue == "verifiableCredential" }
            try self.init(entries: values.map { $0["valueString"] ?? .null })
            return
        }
        guard case .array(let entries) = json["verifiableCredential"] ?? .null else {
            throw SHCError(.invalidFile, "expected a non-empty array verifiableCredential, found none")
        }
        try self.init(entries: entries)
    }

    private init(entries: [JSONValue]) throws {
        guard !entries.isEmpty else {
            throw SHCError(.invalidFile, "expected a non-empty array verifiableCredential, found none")
        }
        guard entries.count <= Self.maximumCredentialCount else {
            throw SHCError(.invalidFile, "expected at most \(Self.maximumCredentialCount) credentials, found \(entries.count)")
        }
        verifiableCredentials = try entries.enumerated().map { index, entry in
            guard case .string(let text) = entry else {
                throw SHCError(.invalidFile, "expected verifiableCredential[\(index)] to be a string, found another JSON type")
            }
            return text
        }
    }

    /// The file's bytes (compact JSON).
    public var data: [UInt8] {
        JSONSerializer.serialize(.object(["verifiableCredential": .array(verifiableCredentials.map(JSONValue.string))]))
    }
}
