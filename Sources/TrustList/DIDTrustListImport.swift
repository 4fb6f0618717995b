import Foundation
import JOSE
import JSON
import Trust
import X509

/// Imports a WHO GDHCN / DDCC trust list published as a did:web DID document: `verificationMethod` entries of type
/// `JsonWebKey2020` whose `publicKeyJwk` carries the key, possibly with its certificate chain in `x5c`.
///
/// - A key with `x5c`: the first certificate is imported; a CA certificate (BasicConstraints CA:TRUE) becomes a
///   CSCA, any other a document signer. When the JWK is an EC P-256 key it must be the certificate's key.
/// - A key without `x5c`: an EC P-256 signing JWK is imported into the issuer's JWKS (its `kid` is the method id's
///   fragment when the JWK has none), bound to the method's DID as the issuer URL.
/// - Other entries (references by DID string, other method types, other key types without `x5c`) are recorded
///   as skipped.
///
/// Keys are grouped into issuers by the method's DID (the id before `#`, or the document id) and country, with id
/// `<country>:<DID>`. The country is the certificate's subject C; without a certificate, a DID path segment of two
/// capital letters; otherwise `defaultCountry`. The document's own proof (`JsonWebSignature2020`) is not checked:
/// the imported list is trusted because the trust anchor signs it after import.
public enum DIDTrustListImport {
    /// The verification method type that is imported.
    public static let methodType = "JsonWebKey2020"

    /// Imports a DID document.
    ///
    /// - Throws: ``TrustListError`` `TRUST_LIST_TOO_LARGE` beyond `limits.maximumBytes` or
    ///   `limits.maximumImportEntries`, `TRUST_LIST_IMPORT_MALFORMED` when the document is not an object with a
    ///   `did:` id and an optional `verificationMethod` array.
    public static func issuers(
        fromJSON bytes: some Collection<UInt8>, notBefore: Int64, notAfter: Int64, defaultCountry: String = "XX",
        limits: TrustListLimits = .default
    ) throws -> TrustListImport {
        let document = try ImportDocument.parse(bytes, limits: limits)
        guard case .object(let object) = document, let documentID = object["id"]?.stringValue,
            documentID.hasPrefix("did:")
        else {
            throw TrustListError(.importMalformed, "expected a DID document object with a did: id, found another value")
        }
        let methods: [JSONValue]
        switch object["verificationMethod"] {
        case nil: methods = []
        case .array(let array)?: methods = array
        default: throw TrustListError(.importMalformed, "expected verificationMethod to be an array, found another JSON type")
        }
        guard methods.count <= limits.maximumImportEntries else {
            throw TrustListError(.tooLarge, "expected at most \(limits.maximumImportEntries) methods, found \(methods.count)")
        }
        var builder = ImportBuilder(notBefore: notBefore, notAfter: notAfter)
        var skipped: [TrustListImport.Skipped] = []
        for (index, method) in methods.enumerated() {
            do {
                try add(method, documentID: documentID, defaultCountry: defaultCountry, limits: limits, to: &builder)
            } catch let error as TrustListError {
                skipped.append(.init(index: index, reason: error))
            }
        }
        return TrustListImport(issuers: builder.issuers, skipped: skipped)
    }

    static func add(
        _ method: JSONValue, documentID: String, defaultCountry: String, limits: TrustListLimits, to builder: inout ImportBuilder
    ) throws {
        guard case .object(let object) = method else {
            throw TrustListError(.importEntryUnsupported, "expected an embedded verification method, found a reference or another JSON type")
        }
        guard object["type"]?.stringValue == methodType else {
            throw TrustListError(.importEntryUnsupported, "expected type \(methodType), found another type")
        }
        guard let methodID = object["id"]?.stringValue else {
            throw TrustListError(.importEntryInvalid, "expected an id string, found none")
        }
        guard case .object(let jwk)? = object["publicKeyJwk"] else {
            throw TrustListError(.importEntryInvalid, "expected a publicKeyJwk object, found none")
        }
        let (did, fragment) = split(methodID, documentID: documentID)
        guard did.hasPrefix("did:"), did.utf8.count + 3 <= TrustListIssuer.maximumIDLength,
            TrustListIssuer.isPrintable(did)
        else {
            throw TrustListError(.importEntryInvalid, "expected a method id under a did: of at most \(TrustListIssuer.maximumIDLength - 3) bytes, found another value")
        }
        if let x5c = jwk["x5c"] {
            try addCertificate(x5c, jwk: jwk, did: did, defaultCountry: defaultCountry, limits: limits, to: &builder)
        } else {
            try addKey(jwk, fragment: fragment, did: did, defaultCountry: defaultCountry, to: &builder)
        }
    }

    private static func addCertificate(
        _ x5c: JSONValue, jwk: JSONObject, did: String, defaultCountry: String, limits: TrustListLimits,
        to builder: inout ImportBuilder
    ) throws {
        guard case .array(let chain) = x5c, let first = chain.first?.stringValue, let der = StandardBase64.decode(first),
            (1...limits.maximumCertificateBytes).contains(der.count)
        else {
            throw TrustListError(.importEntryInvalid, "expected x5c to start with a base64 certificate of at most \(limits.maximumCertificateBytes) bytes, found another value")
        }
        guard let certificate = try? Certificate(derEncoded: der) else {
            throw TrustListError(.importEntryInvalid, "expected an x5c certificate swift-certificates reads, found one it does not")
        }
        if let key = try? JWK(json: .object(jwk)), Certificate.PublicKey(key.publicKey) != certificate.publicKey {
            throw TrustListError(.importEntryMismatch, "expected publicKeyJwk to be the key of its x5c certificate, found another key")
        }
        if let authority = try? SigningAuthority(derEncoded: der), authority.isCertificateAuthority == true {
            let country = country(authority.subjectCountry, did: did, defaultCountry: defaultCountry)
            builder.addCSCA(der, issuerID: "\(country):\(did)", country: country, types: [.hc1])
            return
        }
        guard let signer = try? DocumentSignerCertificate(derEncoded: der) else {
            throw TrustListError(.importEntryUnsupported, "expected a document signer with a supported key, found another certificate")
        }
        let country = country(signer.subjectCountry, did: did, defaultCountry: defaultCountry)
        builder.addDocumentSigner(der, issuerID: "\(country):\(did)", country: country, types: [.hc1])
    }

    private static func addKey(
        _ jwk: JSONObject, fragment: String?, did: String, defaultCountry: String, to builder: inout ImportBuilder
    ) throws {
        let key: JWK
        do {
            key = try JWK(json: .object(jwk))
        } catch {
            throw TrustListError(.importEntryUnsupported, "expected an EC P-256 JWK (keys of other types need x5c), found another key")
        }
        guard key.isSigningKey else {
            throw TrustListError(.importEntryUnsupported, "expected an ES256 signing key, found another use or alg")
        }
        var object = jwk
        if object["kid"] == nil, let fragment, !fragment.isEmpty { object["kid"] = .string(fragment) }
        let country = country(nil, did: did, defaultCountry: defaultCountry)
        builder.addKey(object, url: did, issuerID: "\(country):\(did)", country: country, types: [.shc, .vc])
    }

    /// The DID and the percent-decoded fragment of a method id (`#frag` alone is relative to the document).
    static func split(_ methodID: String, documentID: String) -> (did: String, fragment: String?) {
        guard let hash = methodID.firstIndex(of: "#") else { return (methodID, nil) }
        let did = hash == methodID.startIndex ? documentID : String(methodID[..<hash])
        let raw = String(methodID[methodID.index(after: hash)...])
        return (did, raw.removingPercentEncoding ?? raw)
    }

    /// The issuer country: the certificate's C, else a DID segment of two capital letters, else the default.
    static func country(_ subjectCountry: String?, did: String, defaultCountry: String) -> String {
        if let subjectCountry, TrustListIssuer.isCountryCode(subjectCountry) { return subjectCountry }
        let segments = did.split(separator: ":").dropFirst(2).map(String.init)
        return segments.first(where: TrustListIssuer.isCountryCode) ?? defaultCountry
    }
}
