import Crypto
import JSON
import Trust

/// Imports an EU DCC gateway trust-list download (`GET /trustList`, `/trustList/DSC`, `/trustList/CSCA`): a JSON
/// array of `{kid, timestamp, country, certificateType, thumbprint, signature, rawData}`.
///
/// `rawData` is the base64 DER certificate, `kid` the base64 of its 8-byte kid and `thumbprint` the hex SHA-256 of
/// the DER; both are checked against `rawData` when present. Entries of type `DSC` become document signers and
/// entries of type `CSCA` become CSCAs of the issuer of their country (id `eu-gateway:<country>`); other types
/// (`AUTHENTICATION`, `UPLOAD`) are recorded as skipped. `signature` (the gateway's CMS signature) and `timestamp`
/// are not checked: the imported list is trusted because the trust anchor signs it after import.
public enum EUGatewayImport {
    /// The prefix of the ids of imported issuers.
    public static let issuerIDPrefix = "eu-gateway:"

    /// Imports a gateway list.
    ///
    /// - Parameters:
    ///   - notBefore, notAfter: the window given to every imported issuer (Unix seconds).
    ///   - credentialTypes: the types given to every imported issuer.
    /// - Throws: ``TrustListError`` `TRUST_LIST_TOO_LARGE` beyond `limits.maximumBytes` or
    ///   `limits.maximumImportEntries`, `TRUST_LIST_IMPORT_MALFORMED` when the document is not a JSON array.
    public static func issuers(
        fromJSON bytes: some Collection<UInt8>, notBefore: Int64, notAfter: Int64,
        credentialTypes: Set<TrustedCredentialType> = [.hc1], limits: TrustListLimits = .default
    ) throws -> TrustListImport {
        let entries = try ImportDocument.parse(bytes, limits: limits).arrayValue
        guard let entries else {
            throw TrustListError(.importMalformed, "expected a JSON array of gateway entries, found another JSON type")
        }
        guard entries.count <= limits.maximumImportEntries else {
            throw TrustListError(.tooLarge, "expected at most \(limits.maximumImportEntries) entries, found \(entries.count)")
        }
        var builder = ImportBuilder(notBefore: notBefore, notAfter: notAfter)
        var skipped: [TrustListImport.Skipped] = []
        for (index, entry) in entries.enumerated() {
            do {
                let (country, type, der) = try read(entry, limits: limits)
                let id = issuerIDPrefix + country
                if type == "DSC" {
                    builder.addDocumentSigner(der, issuerID: id, country: country, types: credentialTypes)
                } else {
                    builder.addCSCA(der, issuerID: id, country: country, types: credentialTypes)
                }
            } catch let error as TrustListError {
                skipped.append(.init(index: index, reason: error))
            }
        }
        return TrustListImport(issuers: builder.issuers, skipped: skipped)
    }

    /// Reads one entry: its country, type (`DSC` or `CSCA`) and checked certificate bytes.
    static func read(_ entry: JSONValue, limits: TrustListLimits) throws -> (String, String, [UInt8]) {
        guard case .object(let object) = entry else {
            throw TrustListError(.importEntryInvalid, "expected an object, found another JSON type")
        }
        guard let type = object["certificateType"]?.stringValue else {
            throw TrustListError(.importEntryInvalid, "expected a certificateType string, found none")
        }
        guard type == "DSC" || type == "CSCA" else {
            throw TrustListError(.importEntryUnsupported, "expected certificateType DSC or CSCA, found another type")
        }
        guard let country = object["country"]?.stringValue, TrustListIssuer.isCountryCode(country) else {
            throw TrustListError(.importEntryInvalid, "expected a country of two capital letters, found another value")
        }
        guard let rawData = object["rawData"]?.stringValue, let der = StandardBase64.decode(rawData) else {
            throw TrustListError(.importEntryInvalid, "expected rawData in canonical base64, found another value")
        }
        guard (1...limits.maximumCertificateBytes).contains(der.count) else {
            throw TrustListError(.importEntryInvalid, "expected a certificate of 1 to \(limits.maximumCertificateBytes) bytes, found \(der.count)")
        }
        if let kid = object["kid"] {
            guard kid.stringValue == TrustListIssuer.kid(ofCertificate: der) else {
                throw TrustListError(.importEntryMismatch, "expected kid to be the kid of rawData, found another value")
            }
        }
        if let thumbprint = object["thumbprint"] {
            let digest = SHA256.hash(data: der).map { byte in String(byte, radix: 16).leftPadded(to: 2) }.joined()
            guard thumbprint.stringValue?.lowercased() == digest else {
                throw TrustListError(.importEntryMismatch, "expected thumbprint to be the SHA-256 of rawData, found another value")
            }
        }
        return (country, type, der)
    }
}

extension String {
    /// The string with `0`s in front up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
