import Crypto
import Foundation
import JOSE
import X509

/// The X.509 chain a JWK publishes in `x5c` (RFC 7517 section 4.7), checked as SMART Health Cards require of an
/// issuer key that carries one: every certificate parses, each is issued and signed by the next (a self-issued
/// last certificate by itself), the leaf certifies the JWK's own key, and the leaf's subjectAltName holds a URI
/// equal to the issuer (`iss`).
///
/// The chain ends in its own last certificate: SMART Health Cards name no X.509 trust anchor, trust in an issuer
/// comes from its key set bound to its `iss`. Validity dates are not checked: the spec's example 01 is signed by
/// a key whose leaf certificate ended before the card was issued, and the card is valid.
public enum JWKCertificateChain {
    /// Why `key`'s `x5c` does not vouch for it as a key of `issuer`; nil when it does or when the key has no
    /// `x5c`. The error is `JWK_X5C_INVALID` and names the position of the certificate at fault, never its
    /// contents.
    public static func problem(of key: JWK, issuer: String) -> JOSEError? {
        guard let entries = key.certificateChain else { return nil }
        var chain: [Certificate] = []
        for (index, entry) in entries.enumerated() {
            guard let der = Data(base64Encoded: entry), let certificate = try? Certificate(derEncoded: Array(der)) else {
                return JOSEError(.invalidCertificateChain, "x5c[\(index)]: expected a base64 DER X.509 certificate, found something else")
            }
            chain.append(certificate)
        }
        let leaf = chain[0]
        guard leaf.publicKey == Certificate.PublicKey(key.publicKey) else {
            return JOSEError(.invalidCertificateChain, "x5c[0]: expected the leaf certificate to hold the JWK's key, found another key")
        }
        if let problem = subjectAlternativeNameProblem(of: leaf, issuer: issuer) { return problem }
        for (index, certificate) in chain.enumerated() {
            // Each certificate against the next; the last against itself when it is self-issued (a root),
            // otherwise the chain ends with it.
            let isLast = index + 1 == chain.count
            guard let signer = isLast ? (certificate.issuer == certificate.subject ? certificate : nil) : chain[index + 1]
            else { break }
            guard certificate.wasIssued(by: signer) else {
                let by = isLast ? "itself" : "x5c[\(index + 1)]"
                return JOSEError(.invalidCertificateChain, "x5c[\(index)]: expected a certificate issued and signed by \(by), found it is not")
            }
        }
        return nil
    }

    /// Why the leaf's subjectAltName does not name `issuer` as a URI; nil when it does.
    private static func subjectAlternativeNameProblem(of leaf: Certificate, issuer: String) -> JOSEError? {
        let names: SubjectAlternativeNames?
        do {
            names = try leaf.extensions.subjectAlternativeNames
        } catch {
            return JOSEError(.invalidCertificateChain, "x5c[0]: expected a readable subjectAltName extension, found one that is not")
        }
        guard let names, !names.isEmpty else {
            return JOSEError(.invalidCertificateChain, "x5c[0]: expected a subjectAltName URI equal to iss, found no subjectAltName")
        }
        var hasURI = false
        for name in names {
            guard case .uniformResourceIdentifier(let uri) = name else { continue }
            if uri == issuer { return nil }
            hasURI = true
        }
        return JOSEError(
            .invalidCertificateChain,
            "x5c[0]: expected a subjectAltName URI equal to iss, found \(hasURI ? "other URIs" : "no URI (only other kinds of name)")")
    }
}
