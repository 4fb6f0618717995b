import JOSE
import JSON

extension TrustList {
    /// The latest time accepted in a list: 9999-12-31T23:59:59Z.
    static let latestTime: Int64 = 253_402_300_799

    /// Checks the rules of the format that the JSON shape alone does not express.
    ///
    /// - Throws: ``TrustListError`` `TRUST_LIST_UNSUPPORTED_VERSION`, `TRUST_LIST_TOO_LARGE` (counts and sizes
    ///   beyond `limits`), `TRUST_LIST_INVALID` (times out of order or range, issuer ids empty or repeated,
    ///   countries not two capital letters, no credential type, repeated certificates, kids that are not base64
    ///   of 8 bytes, JWKs that are not EC P-256 public keys, keys without an issuer URL).
    public func validate(limits: TrustListLimits = .default) throws {
        guard formatVersion == Self.currentFormatVersion else {
            throw TrustListError(
                .unsupportedVersion, "expected format version \(Self.currentFormatVersion), found \(formatVersion)")
        }
        try Self.checkTime(issuedAt, "issuedAt")
        try Self.checkTime(nextUpdate, "nextUpdate")
        guard issuedAt <= nextUpdate else {
            throw TrustListError(.invalid, "expected issuedAt at or before nextUpdate, found it after")
        }
        guard issuers.count <= limits.maximumIssuers else {
            throw TrustListError(.tooLarge, "expected at most \(limits.maximumIssuers) issuers, found \(issuers.count)")
        }
        var ids = Set<String>()
        for (index, issuer) in issuers.enumerated() {
            guard ids.insert(issuer.id).inserted else {
                throw TrustListError(.invalid, "expected unique issuer ids, found issuer \(index) repeating an earlier id")
            }
            do {
                try issuer.validate(limits: limits)
            } catch let error as TrustListError {
                throw TrustListError(error.errorCode, "issuer \(index): \(error.message)")
            }
        }
    }

    static func checkTime(_ value: Int64, _ name: String) throws {
        guard (0...latestTime).contains(value) else {
            throw TrustListError(.invalid, "expected \(name) between 0 and \(latestTime) (Unix seconds), found \(value)")
        }
    }
}

extension TrustListIssuer {
    /// The longest issuer id, in UTF-8 bytes.
    public static let maximumIDLength = 512
    /// The longest SHC issuer URL, in UTF-8 bytes.
    public static let maximumURLLength = 2048

    func validate(limits: TrustListLimits) throws {
        guard (1...Self.maximumIDLength).contains(id.utf8.count), Self.isPrintable(id) else {
            throw TrustListError(
                .invalid, "expected an id of 1 to \(Self.maximumIDLength) bytes without control characters, found \(id.utf8.count) bytes")
        }
        guard Self.isCountryCode(country) else {
            throw TrustListError(.invalid, "expected a country of two capital letters, found \(country.utf8.count) bytes")
        }
        try TrustList.checkTime(notBefore, "notBefore")
        try TrustList.checkTime(notAfter, "notAfter")
        guard notBefore <= notAfter else {
            throw TrustListError(.invalid, "expected notBefore at or before notAfter, found it after")
        }
        guard !credentialTypes.isEmpty else {
            throw TrustListError(.invalid, "expected at least one credential type, found none")
        }
        let certificateCount = cscaCertificates.count + documentSigners.count + vdsSignerCAs.count
        guard certificateCount <= limits.maximumCertificatesPerIssuer else {
            throw TrustListError(
                .tooLarge, "expected at most \(limits.maximumCertificatesPerIssuer) certificates, found \(certificateCount)")
        }
        for (name, certificates) in [("csca", cscaCertificates), ("dsc", documentSigners), ("vdsSignerCAs", vdsSignerCAs)] {
            try Self.checkCertificates(certificates, name, limits)
        }
        guard revokedKids.count <= limits.maximumRevokedKidsPerIssuer else {
            throw TrustListError(
                .tooLarge, "expected at most \(limits.maximumRevokedKidsPerIssuer) revoked kids, found \(revokedKids.count)")
        }
        guard revokedKids.allSatisfy(StandardBase64.isKid) else {
            throw TrustListError(.invalid, "expected revoked kids of 12 base64 characters (8 bytes), found another value")
        }
        try validateKeys(limits)
    }

    private func validateKeys(_ limits: TrustListLimits) throws {
        guard let shcIssuerURL else {
            guard shcKeys.isEmpty else {
                throw TrustListError(.invalid, "expected an SHC issuer URL for \(shcKeys.count) keys, found none")
            }
            return
        }
        guard (1...Self.maximumURLLength).contains(shcIssuerURL.utf8.count), Self.isPrintable(shcIssuerURL) else {
            throw TrustListError(
                .invalid, "expected an SHC issuer URL of 1 to \(Self.maximumURLLength) bytes without control characters, found \(shcIssuerURL.utf8.count) bytes")
        }
        guard shcKeys.count <= limits.maximumKeysPerIssuer else {
            throw TrustListError(.tooLarge, "expected at most \(limits.maximumKeysPerIssuer) keys, found \(shcKeys.count)")
        }
        for (index, key) in shcKeys.enumerated() {
            do {
                let jwk = try JWK(json: .object(key))
                guard jwk.isSigningKey else {
                    throw TrustListError(.invalid, "expected key \(index) to be an ES256 signing key, found another use or alg")
                }
            } catch let error as JOSEError {
                throw TrustListError(.invalid, "key \(index): \(error.code)")
            }
        }
    }

    private static func checkCertificates(_ certificates: [[UInt8]], _ name: String, _ limits: TrustListLimits) throws {
        var seen = Set<[UInt8]>()
        for (index, der) in certificates.enumerated() {
            guard (1...limits.maximumCertificateBytes).contains(der.count) else {
                throw TrustListError(
                    der.isEmpty ? .invalid : .tooLarge,
                    "expected \(name) certificate \(index) of 1 to \(limits.maximumCertificateBytes) bytes, found \(der.count)")
            }
            guard seen.insert(der).inserted else {
                throw TrustListError(.invalid, "expected distinct \(name) certificates, found certificate \(index) repeated")
            }
        }
    }

    static func isCountryCode(_ text: String) -> Bool {
        text.utf8.count == 2 && text.utf8.allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
    }

    static func isPrintable(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.generalCategory != .control }
    }
}
