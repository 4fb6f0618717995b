import Crypto
import Foundation
import JOSE

/// A bearer token: `dvc_<id>_<secret>`. The id (16 characters) is stored and indexed; only SHA-256 of the
/// secret (32 base64url characters, 192 bits) is stored, and it is compared in constant time.
public struct APIToken: Sendable, Hashable {
    /// The public part, stored in clear to find the principal.
    public let id: String
    let secret: String

    /// The whole token, shown once to whoever creates it.
    public var text: String { "dvc_\(id)_\(secret)" }

    /// SHA-256 of the secret: what is stored.
    public var secretHash: [UInt8] { Self.hash(secret) }

    /// A new random token.
    public static func generate() -> APIToken {
        var generator = SystemRandomNumberGenerator()
        let id = Base64URL.encode((0..<12).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let secret = Base64URL.encode((0..<24).map { _ in UInt8.random(in: 0...255, using: &generator) })
        return APIToken(id: id, secret: secret)
    }

    /// Parses a presented token.
    /// - Throws: ``IssuanceError`` `TOKEN_MALFORMED` (the message never repeats the token).
    public init(parsing text: some StringProtocol) throws {
        // Fixed positions: the id and secret are base64url, which may contain "_" themselves.
        let bytes = Array(text.utf8)
        guard bytes.count == 4 + 16 + 1 + 32, bytes.starts(with: Array("dvc_".utf8)), bytes[20] == UInt8(ascii: "_"),
            bytes[4..<20].allSatisfy(Self.isBase64URL), bytes[21...].allSatisfy(Self.isBase64URL)
        else {
            throw IssuanceError(.token, "expected a token dvc_<16 characters>_<32 characters>, found another form")
        }
        self.init(id: String(decoding: bytes[4..<20], as: UTF8.self), secret: String(decoding: bytes[21...], as: UTF8.self))
    }

    private init(id: String, secret: String) {
        self.id = id
        self.secret = secret
    }

    /// Whether this token's secret hashes to `storedHash`, compared in constant time.
    public func matches(storedHash: [UInt8]) -> Bool {
        let hash = secretHash
        guard storedHash.count == hash.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(hash, storedHash) { difference |= a ^ b }
        return difference == 0
    }

    static func hash(_ secret: String) -> [UInt8] {
        Array(SHA256.hash(data: Data(secret.utf8)))
    }

    private static func isBase64URL(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }
}
