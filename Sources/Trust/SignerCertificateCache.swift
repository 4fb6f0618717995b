import Synchronization
import X509

/// Remembers barcode signer certificates that were parsed and checked against the trust store's signing
/// authorities, so that verifying many seals of one signer costs one certificate parse and one chain signature
/// check, not one per seal.
///
/// Keyed by the certificate's exact DER bytes; bounded (cleared when full). A `TrustStore` makes a new cache
/// whenever its authorities change, so a cached answer never outlives the authorities it was computed from.
final class SignerCertificateCache: Sendable {
    /// The most certificates remembered.
    static let capacity = 1_024

    struct Entry {
        let certificate: Certificate
        /// Indices into the store's `signingAuthorities` of the authorities that issued it.
        let issuers: [Int]
    }

    /// A certificate's bytes as a key, hashed in one call (`[UInt8]` hashes element by element, which costs
    /// microseconds for a certificate).
    struct Key: Hashable {
        let bytes: [UInt8]

        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    private let entries = Mutex<[Key: Entry]>([:])

    func entry(for derBytes: [UInt8]) -> Entry? {
        entries.withLock { $0[Key(bytes: derBytes)] }
    }

    func remember(_ entry: Entry, for derBytes: [UInt8]) {
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[Key(bytes: derBytes)] = entry
        }
    }
}
