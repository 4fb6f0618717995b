import Foundation
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
        /// Its key identifier (``DocumentSignerCertificate/kid(for:)``): a hash of the whole certificate.
        let kid: [UInt8]
        /// Its subject's first countryName (C).
        let country: String?
    }

    /// A certificate's bytes as a key. Equality compares every byte; the hash takes the length and the last 64
    /// bytes only (a DER certificate ends with its signature, which differs between certificates), since hashing
    /// the whole certificate cost more than any other step of a cache hit. Crafted certificates sharing a tail
    /// only share a bucket, in a dictionary of at most ``capacity`` entries.
    struct Key: Hashable {
        let bytes: [UInt8]

        func hash(into hasher: inout Hasher) {
            hasher.combine(bytes.count)
            bytes.withUnsafeBytes { hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: $0.suffix(64))) }
        }

        /// Every byte compared with `memcmp`: a lookup compares a whole certificate, and `Array`'s `==` goes
        /// element by element.
        static func == (left: Key, right: Key) -> Bool {
            guard left.bytes.count == right.bytes.count else { return false }
            return left.bytes.withUnsafeBytes { a in
                right.bytes.withUnsafeBytes { b in a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
            }
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
