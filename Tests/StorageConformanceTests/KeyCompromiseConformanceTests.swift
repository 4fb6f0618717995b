import Foundation
import Storage
import Testing

/// Key compromise (issue 7, point 5) on both stores: a mark per key, the list of marks, and the certificates a key
/// signed.
@Suite("Storage conformance: key compromise")
struct KeyCompromiseConformanceTests {
    @Test(arguments: StorageBackend.allCases)
    func aKeyIsMarkedOnceAndItsCertificatesAreFound(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            let (dsc, principal) = try await fixture.seed(store)
            let first = fixture.issuance(by: principal, signedWith: dsc, identifier: "A", formats: [.hc1, .vc])
            let second = fixture.issuance(by: principal, signedWith: dsc, identifier: "B", formats: [.hc1])
            _ = try await store.record(first)
            _ = try await store.record(second)
            let other = fixture.key(.dsc, "dsc-2", status: .retired)
            try await store.insert(other)
            let ids = try await store.certificateIDs(signedBy: dsc.id)
            #expect(Set(ids) == [first.certificate.id, second.certificate.id])
            #expect(ids.count == 2, "one id per certificate, not per payload")
            #expect(try await store.certificateIDs(signedBy: other.id) == [])

            #expect(try await store.keyCompromises() == [])
            let mark = KeyCompromise(
                signingKeyID: dsc.id, keyID: dsc.keyID, reason: "key material leaked", markedBy: principal.id,
                markedAt: StoreFixture.now)
            try await store.insert(mark)
            var stored = mark
            stored.markedAt = StoreFixture.now.storedPrecision
            #expect(try await store.keyCompromises() == [stored])
            await expectStorageError(.duplicate) { try await store.insert(mark) }
            await expectStorageError(.notFound) {
                try await store.insert(
                    KeyCompromise(signingKeyID: UUID(), keyID: "nobody", reason: "x", markedBy: principal.id, markedAt: StoreFixture.now))
            }
            #expect(try await store.keyCompromises().count == 1)
        }
    }
}
