import Crypto
import JSON

/// A public JSON Web Key for ES256 signatures: `kty` EC, `crv` P-256 (RFC 7517, RFC 7518 section 6.2).
///
/// Only what verification needs is modelled; the key's JSON is kept (``json``) for what else an issuer
/// publishes (`x5c`, `crlVersion`).
public struct JWK: Sendable {
    /// `kid` as published.
    public let keyID: String?
    /// `use`, when present (`sig` for signing keys).
    public let use: String?
    /// `alg`, when present (`ES256`).
    public let algorithm: String?
    /// The P-256 public key.
    public let publicKey: P256.Signing.PublicKey
    /// The RFC 7638 thumbprint: base64url SHA-256 of `{"crv","kty","x","y"}` in canonical form.
    public let thumbprint: String
    /// The key's JSON as published.
    public let json: JSONObject
    /// `x5c`, the certificates (standard base64 DER, leaf first) as published; nil without the member. Read as
    /// text here: checking them is for a caller with X.509 support (`Trust`'s `JWKCertificateChain`).
    public let certificateChain: [String]?

    /// Reads an EC P-256 public key.
    ///
    /// - Throws: ``JOSEError`` `JWK_INVALID` for other key types or curves, bad coordinates, or private members (`d`).
    public init(json: JSONValue) throws {
        guard case .object(let object) = json else {
            throw JOSEError(.invalidKey, "expected a JWK object, found another JSON type")
        }
        func text(_ name: String) throws -> String? {
            guard let value = object[name] else { return nil }
            guard case .string(let text) = value else {
                throw JOSEError(.invalidKey, "expected \(name) to be a string, found another JSON type")
            }
            return text
        }
        guard object["d"] == nil else {
            throw JOSEError(.invalidKey, "expected a public key, found a private member d")
        }
        guard let kty = try text("kty"), kty == "EC" else {
            throw JOSEError(.invalidKey, "expected kty EC, found \(object["kty"]?.stringValue ?? "none")")
        }
        guard let crv = try text("crv"), crv == "P-256" else {
            throw JOSEError(.invalidKey, "expected crv P-256, found \(object["crv"]?.stringValue ?? "none")")
        }
        guard let xText = try text("x"), let yText = try text("y") else {
            throw JOSEError(.invalidKey, "expected coordinates x and y, found at least one missing")
        }
        let x = try Base64URL.decode(xText)
        let y = try Base64URL.decode(yText)
        guard x.count == 32, y.count == 32 else {
            throw JOSEError(.invalidKey, "expected 32-byte coordinates, found \(x.count) and \(y.count) bytes")
        }
        do {
            publicKey = try P256.Signing.PublicKey(x963Representation: [0x04] + x + y)
        } catch {
            throw JOSEError(.invalidKey, "expected a point on P-256, found coordinates that are not")
        }
        keyID = try text("kid")
        use = try text("use")
        algorithm = try text("alg")
        if let chain = object["x5c"] {
            guard case .array(let entries) = chain, !entries.isEmpty else {
                throw JOSEError(.invalidKey, "expected x5c to be a non-empty array of certificates, found another value")
            }
            certificateChain = try entries.map {
                guard case .string(let text) = $0 else {
                    throw JOSEError(.invalidKey, "expected each x5c entry to be a base64 string, found another JSON type")
                }
                return text
            }
        } else {
            certificateChain = nil
        }
        self.json = object
        thumbprint = Self.thumbprint(x: xText, y: yText)
    }

    /// Whether the key is for ES256 signatures: `use` is absent or `sig`, and `alg` absent or `ES256`.
    public var isSigningKey: Bool {
        (use == nil || use == "sig") && (algorithm == nil || algorithm == "ES256")
    }
}
