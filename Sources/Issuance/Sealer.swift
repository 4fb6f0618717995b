import Crypto
import Foundation

/// Seals values at rest with the ``MasterKey`` (AES-256-GCM). Each sealed value is bound to its purpose and row
/// (the associated data, for example `signing-key:<kid>`), so that a value copied to another row does not open.
///
/// Layout: 1 version byte (1), then the GCM nonce, ciphertext and tag (`AES.GCM.SealedBox.combined`).
public struct Sealer: Sendable {
    public let masterKey: MasterKey

    /// Creates a sealer.
    public init(masterKey: MasterKey) {
        self.masterKey = masterKey
    }

    /// Seals `plaintext` for `context`.
    public func seal(_ plaintext: some DataProtocol, context: String) throws -> [UInt8] {
        do {
            let box = try AES.GCM.seal(plaintext, using: masterKey.key, authenticating: Data(context.utf8))
            guard let combined = box.combined else {
                throw IssuanceError(.sealedValue, "expected a sealed value with the standard nonce, found none")
            }
            return [1] + Array(combined)
        } catch let error as IssuanceError {
            throw error
        } catch {
            throw IssuanceError(.sealedValue, "expected to seal the value, failed with \(type(of: error))")
        }
    }

    /// Opens a value sealed for `context`.
    /// - Throws: ``IssuanceError`` `SEALED_VALUE_INVALID` when the value is damaged, sealed for another context, or
    ///   sealed with another master key.
    public func open(_ sealed: [UInt8], context: String) throws -> [UInt8] {
        guard sealed.first == 1, sealed.count >= 1 + 12 + 16 else {
            throw IssuanceError(.sealedValue, "expected a sealed value of version 1 (at least 29 bytes), found \(sealed.count) bytes")
        }
        do {
            let box = try AES.GCM.SealedBox(combined: sealed.dropFirst())
            return Array(try AES.GCM.open(box, using: masterKey.key, authenticating: Data(context.utf8)))
        } catch {
            throw IssuanceError(
                .sealedValue, "expected a value sealed for \(context) with master key \(masterKey.identifier), found one that does not open")
        }
    }
}
