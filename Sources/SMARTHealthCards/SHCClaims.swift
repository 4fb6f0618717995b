import JSON

/// The JWT claims of a SMART Health Card read from the payload's ``JSONTape``: what verification needs,
/// without building the payload's tree. ``SHCPayload/init(json:)`` reads through it too, so both give the same
/// errors.
struct SHCClaims {
    /// The node of `iss` (a string); see ``issuer(in:)``.
    var issuerNode: Int
    /// `nbf`, seconds since 1970.
    var notBefore: Double
    /// `exp`, when present.
    var expires: Double?
    /// The node of `vc.type` (an array of strings); see ``types(in:)``.
    var typeList: Int
    /// `vc.rid`, when present.
    var revocationID: String?
    /// `vc.credentialSubject.fhirVersion`.
    var fhirVersion: String
    /// The node of `vc.credentialSubject.fhirBundle` (an object).
    var bundle: Int

    /// Reads the claims of the payload `tape`.
    ///
    /// - Throws: ``SHCError`` `SHC_SCHEMA` for a missing or mistyped `iss`, `nbf`, `exp`, `vc`, `vc.type`,
    ///   `vc.rid` or `credentialSubject` member, or a `vc.type` without ``SHCPayload/healthCardType``.
    init(tape: JSONTape) throws {
        let claims = tape.root
        guard tape.kind(at: claims) == .object else {
            throw SHCError(.schema, "expected the payload to be a JSON object, found another JSON type")
        }
        let iss = tape.member("iss", of: claims)
        guard let issuerNode = iss, tape.kind(at: issuerNode) == .string else {
            throw SHCError(.schema, "expected iss to be a string, found \(Self.kind(iss, in: tape))")
        }
        let nbf = tape.member("nbf", of: claims)
        guard let notBefore = nbf.flatMap(tape.double(at:)) else {
            throw SHCError(.schema, "expected nbf to be a number, found \(Self.kind(nbf, in: tape))")
        }
        var expires: Double?
        if let exp = tape.member("exp", of: claims) {
            guard let value = tape.double(at: exp) else {
                throw SHCError(.schema, "expected exp to be a number, found \(Self.kind(exp, in: tape))")
            }
            expires = value
        }
        let vcNode = tape.member("vc", of: claims)
        guard let vc = vcNode, tape.kind(at: vc) == .object else {
            throw SHCError(.schema, "expected vc to be an object, found \(Self.kind(vcNode, in: tape))")
        }
        let typeNode = tape.member("type", of: vc)
        guard let typeList = typeNode, tape.kind(at: typeList) == .array else {
            throw SHCError(.schema, "expected vc.type to be an array, found \(Self.kind(typeNode, in: tape))")
        }
        // Checked in place: verification needs only to know that the health card type is listed.
        var hasHealthCardType = false
        var element = typeList + 1
        for _ in 0..<tape.count(at: typeList) {
            guard tape.kind(at: element) == .string else {
                throw SHCError(.schema, "expected vc.type entries to be strings, found \(Self.kind(element, in: tape))")
            }
            if tape.isString(at: element, equalTo: SHCPayload.healthCardTypeText) { hasHealthCardType = true }
            element = tape.after(element)
        }
        guard hasHealthCardType else {
            throw SHCError(.schema, "expected vc.type to contain \(SHCPayload.healthCardType), found it missing")
        }
        var revocationID: String?
        if let rid = tape.member("rid", of: vc) {
            guard let text = tape.string(at: rid) else {
                throw SHCError(.schema, "expected vc.rid to be a string, found \(Self.kind(rid, in: tape))")
            }
            revocationID = text
        }
        let subjectNode = tape.member("credentialSubject", of: vc)
        guard let subject = subjectNode, tape.kind(at: subject) == .object else {
            throw SHCError(.schema, "expected vc.credentialSubject to be an object, found \(Self.kind(subjectNode, in: tape))")
        }
        let versionNode = tape.member("fhirVersion", of: subject)
        guard let fhirVersion = versionNode.flatMap(tape.string(at:)) else {
            throw SHCError(.schema, "expected credentialSubject.fhirVersion to be a string, found \(Self.kind(versionNode, in: tape))")
        }
        let bundleNode = tape.member("fhirBundle", of: subject)
        guard let bundle = bundleNode, tape.kind(at: bundle) == .object else {
            throw SHCError(.schema, "expected credentialSubject.fhirBundle to be an object, found \(Self.kind(bundleNode, in: tape))")
        }
        self.issuerNode = issuerNode
        self.notBefore = notBefore
        self.expires = expires
        self.typeList = typeList
        self.revocationID = revocationID
        self.fhirVersion = fhirVersion
        self.bundle = bundle
    }

    /// The entries of `vc.type`.
    func types(in tape: JSONTape) -> [String] {
        var types: [String] = []
        var element = typeList + 1
        for _ in 0..<tape.count(at: typeList) {
            types.append(tape.string(at: element) ?? "")
            element = tape.after(element)
        }
        return types
    }

    /// Whether `iss` is an https URL without a trailing slash (and without whitespace, query or fragment).
    func hasValidIssuerURL(in tape: JSONTape) -> Bool { tape.withUTF8(at: issuerNode, SHCPayload.isValidIssuerURL(bytes:)) }

    /// `iss`.
    func issuer(in tape: JSONTape) -> String { tape.string(at: issuerNode) ?? "" }

    /// The JSON type of a node, as the error messages name it.
    static func kind(_ node: Int?, in tape: JSONTape) -> String {
        guard let node else { return "none" }
        switch tape.kind(at: node) {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
