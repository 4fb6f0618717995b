import Foundation
import JOSE
import JSON

/// A SMART Health Cards revocation list (spec 1.2.0), published at `iss/.well-known/crl/<kid>.json`:
/// `{"kid": …, "method": "rid", "ctr": n, "rids": ["<rid>", "<rid>.<unix seconds>", …]}`.
///
/// A card is revoked when its `vc.rid` is listed without a timestamp, or with a timestamp T and the card's
/// `nbf` is before T.
public struct SHCRevocationList: Sendable, Hashable {
    /// The largest accepted list document.
    public static let maximumSize = 4 << 20
    /// The longest valid `rid`.
    public static let maximumRIDLength = 24

    /// The issuer the list belongs to, when known (lists are matched on issuer and kid).
    public var issuer: String?
    /// The key the list is for.
    public var keyID: String
    /// The revocation method; only `rid` is defined.
    public var method: String
    /// The list's counter; must equal the key's `crlVersion`.
    public var counter: Int64
    /// Revoked rids: nil for "revoked whatever the issuance time", else the time before which cards are revoked.
    public var revoked: [String: Double?]
    /// Problems found while reading (bad rids, duplicates); a list with problems fails the revocation check.
    public var problems: [String]

    /// Reads a list document.
    ///
    /// - Throws: ``SHCError`` `SHC_INVALID_REVOCATION` when it is not JSON or lacks `kid`, `method`, `ctr` or `rids`.
    public init(data: some Collection<UInt8>, issuer: String? = nil) throws {
        guard data.count <= Self.maximumSize else {
            throw SHCError(.invalidRevocationList, "expected a list of at most \(Self.maximumSize) bytes, found \(data.count)")
        }
        let json: JSONValue
        do {
            json = try JSONParser.parse(data, options: .init(maxBytes: Self.maximumSize, maxDepth: 8))
        } catch {
            throw SHCError(.invalidRevocationList, "expected a JSON revocation list, found text that is not JSON")
        }
        guard let kid = json["kid"]?.stringValue, let method = json["method"]?.stringValue,
            let counter = json["ctr"]?.integerValue, case .array(let rids) = json["rids"] ?? .null
        else {
            throw SHCError(.invalidRevocationList, "expected kid, method, ctr (integer) and rids (array), found one missing")
        }
        self.issuer = issuer
        self.keyID = kid
        self.method = method
        self.counter = counter
        var revoked: [String: Double?] = [:]
        var problems: [String] = []
        if method != "rid" { problems.append("expected method rid, found another method") }
        if counter < 1 { problems.append("expected ctr of at least 1, found \(counter)") }
        for (index, entry) in rids.enumerated() {
            guard let text = entry.stringValue else {
                problems.append("expected rids[\(index)] to be a string, found another JSON type")
                continue
            }
            let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            let rid = String(parts[0])
            guard Self.isValidRID(rid) else {
                problems.append("expected rids[\(index)] to be at most \(Self.maximumRIDLength) base64url characters, found another value")
                continue
            }
            var timestamp: Double?
            if parts.count == 2 {
                guard let value = Double(parts[1]), parts[1].allSatisfy(\.isNumber) else {
                    problems.append("expected the timestamp of rids[\(index)] to be numeric, found another value")
                    continue
                }
                timestamp = value
            }
            if revoked[rid] != nil {
                problems.append("expected each rid once, found rids[\(index)] repeated")
            }
            revoked[rid] = timestamp
        }
        self.revoked = revoked
        self.problems = problems
    }

    /// Whether `rid` has the form the spec allows: base64url alphabet, 1 to 24 characters.
    public static func isValidRID(_ rid: String) -> Bool {
        isBase64URLText(rid, maximumLength: maximumRIDLength)
    }

    static func isBase64URLText(_ text: String, maximumLength: Int) -> Bool {
        !text.isEmpty && text.utf8.count <= maximumLength
            && text.utf8.allSatisfy { byte in
                (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            }
    }

    /// Whether a card with `rid` issued at `notBefore` is revoked by this list.
    public func isRevoked(rid: String, notBefore: Double) -> Bool {
        guard let entry = revoked[rid] else { return false }
        guard let timestamp = entry else { return true }
        return notBefore < timestamp
    }

    /// The problems of this list for `key`: those found while reading, a kid that is not the key's, and a
    /// counter that is not the key's `crlVersion`.
    public func problems(for key: JWK) -> [String] {
        var found = problems
        if keyID != key.keyID { found.append("expected the list's kid to be the key's kid, found another kid") }
        if let version = key.json["crlVersion"] {
            if version.integerValue != counter {
                found.append("expected ctr to equal the key's crlVersion \(version.integerValue.map(String.init) ?? "(not an integer)"), found \(counter)")
            }
        }
        return found
    }

    /// Loads the lists published beside a JWKS file: for each key of `jwksFile` with a `crlVersion`,
    /// `crl/<kid>.json` in the same folder, when it exists.
    ///
    /// - Parameter issuer: the issuer the JWKS is bound to (lists then apply to that issuer's cards only).
    /// - Throws: ``SHCError`` `SHC_INVALID_REVOCATION` for an unreadable list; JWKS errors from ``JWKSet``.
    public static func lists(besideJWKSFile jwksFile: URL, issuer: String?) throws -> [SHCRevocationList] {
        let keySet = try JWKSet(data: Array(try Data(contentsOf: jwksFile)))
        let folder = jwksFile.deletingLastPathComponent().appendingPathComponent("crl")
        var lists: [SHCRevocationList] = []
        for key in keySet.keys where key.json["crlVersion"] != nil {
            // The kid becomes a file name: only base64url characters, so no path can be formed.
            guard let kid = key.keyID, isBase64URLText(kid, maximumLength: 128) else { continue }
            let file = folder.appendingPathComponent(kid + ".json")
            guard FileManager.default.fileExists(atPath: file.path) else { continue }
            lists.append(try SHCRevocationList(data: Array(try Data(contentsOf: file)), issuer: issuer))
        }
        return lists
    }
}
