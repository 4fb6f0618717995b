import Crypto
import Foundation

/// The key that seals private keys and personal data at rest (AES-256-GCM).
///
/// It comes from `DVC_MASTER_KEY` (base64 of 32 bytes) or from a key file readable by its owner only (0600),
/// which ``load(environment:file:createIfMissing:)`` creates for a first start of the embedded server. It never
/// appears in errors or logs.
public struct MasterKey: Sendable {
    /// The environment variable that carries the key.
    public static let environmentVariable = "DVC_MASTER_KEY"

    let key: SymmetricKey
    /// A short, non-secret identifier (first 8 hex digits of SHA-256 of the key), stored beside sealed values so
    /// that a wrong key is reported as such.
    public let identifier: String

    /// A key from its 32 bytes.
    public init(bytes: some ContiguousBytes) throws {
        let data = bytes.withUnsafeBytes { Data($0) }
        guard data.count == 32 else {
            throw IssuanceError(.masterKey, "expected a master key of 32 bytes, found \(data.count)")
        }
        key = SymmetricKey(data: data)
        identifier = SHA256.hash(data: data).prefix(4).map { String(format: "%02x", $0) }.joined()
    }

    /// A new random key.
    public static func generate() -> MasterKey {
        // 32 random bytes always make a valid key.
        try! MasterKey(bytes: SymmetricKey(size: .bits256))
    }

    /// A key for one purpose derived from the master key (HKDF-SHA256), for example for keyed hashes.
    public func derivedKey(purpose: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: key, info: Data("opendvc:\(purpose)".utf8), outputByteCount: 32)
    }

    /// The key as base64 (for `DVC_MASTER_KEY` or the key file).
    public var base64: String {
        key.withUnsafeBytes { Data($0).base64EncodedString() }
    }

    /// Loads the key from `environment[DVC_MASTER_KEY]`, else from `file`; creates `file` (mode 0600) with a new key
    /// when it is missing and `createIfMissing` is set.
    /// - Throws: ``IssuanceError`` `MASTER_KEY_INVALID` for a malformed key, a key file others can read, or no key.
    public static func load(environment: [String: String], file: String?, createIfMissing: Bool) throws -> MasterKey {
        if let text = environment[environmentVariable], !text.isEmpty {
            return try decode(text, source: environmentVariable)
        }
        guard let file else {
            throw IssuanceError(.masterKey, "expected \(environmentVariable) (base64 of 32 bytes), found none")
        }
        let manager = FileManager.default
        if !manager.fileExists(atPath: file) {
            guard createIfMissing else {
                throw IssuanceError(.masterKey, "expected \(environmentVariable) or a key file at \(file), found neither")
            }
            let key = generate()
            guard manager.createFile(atPath: file, contents: Data((key.base64 + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
                throw IssuanceError(.masterKey, "expected to create the key file \(file), found it impossible")
            }
            return key
        }
        let permissions = (try? manager.attributesOfItem(atPath: file)[.posixPermissions] as? Int) ?? 0
        guard permissions & 0o077 == 0 else {
            throw IssuanceError(
                .masterKey, "expected the key file \(file) readable by its owner only (0600), found mode \(String(permissions, radix: 8))")
        }
        guard let data = manager.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            throw IssuanceError(.masterKey, "expected to read the key file \(file), found it unreadable")
        }
        return try decode(text.trimmingCharacters(in: .whitespacesAndNewlines), source: file)
    }

    private static func decode(_ text: String, source: String) throws -> MasterKey {
        guard let data = Data(base64Encoded: text), data.count == 32 else {
            throw IssuanceError(.masterKey, "expected base64 of 32 bytes in \(source), found something else")
        }
        return try MasterKey(bytes: data)
    }
}
