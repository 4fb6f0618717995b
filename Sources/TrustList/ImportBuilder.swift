import JSON

/// Collects imported certificates and keys into issuers, keeping each certificate once.
struct ImportBuilder {
    let notBefore: Int64
    let notAfter: Int64
    private var byID: [String: TrustListIssuer] = [:]

    init(notBefore: Int64, notAfter: Int64) {
        self.notBefore = notBefore
        self.notAfter = notAfter
    }

    /// The issuers, sorted by id.
    var issuers: [TrustListIssuer] { byID.values.sorted { $0.id < $1.id } }

    mutating func addDocumentSigner(_ der: [UInt8], issuerID: String, country: String, types: Set<TrustedCredentialType>) {
        update(issuerID, country, types) { issuer in
            if !issuer.documentSigners.contains(der) { issuer.documentSigners.append(der) }
        }
    }

    mutating func addCSCA(_ der: [UInt8], issuerID: String, country: String, types: Set<TrustedCredentialType>) {
        update(issuerID, country, types) { issuer in
            if !issuer.cscaCertificates.contains(der) { issuer.cscaCertificates.append(der) }
        }
    }

    mutating func addKey(_ key: JSONObject, url: String, issuerID: String, country: String, types: Set<TrustedCredentialType>) {
        update(issuerID, country, types) { issuer in
            issuer.shcIssuerURL = url
            if !issuer.shcKeys.contains(key) { issuer.shcKeys.append(key) }
        }
    }

    private mutating func update(
        _ id: String, _ country: String, _ types: Set<TrustedCredentialType>, _ change: (inout TrustListIssuer) -> Void
    ) {
        var issuer = byID[id] ?? TrustListIssuer(id: id, country: country, notBefore: notBefore, notAfter: notAfter, credentialTypes: [])
        issuer.credentialTypes.formUnion(types)
        change(&issuer)
        byID[id] = issuer
    }
}
