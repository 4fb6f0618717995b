import Foundation
import Storage
import Testing

/// Suspensions (issue 7, point 3) on both stores.
@Suite("Storage conformance: suspensions")
struct SuspensionConformanceTests {
    @Test(arguments: StorageBackend.allCases)
    func aCertificateIsSuspendedOnceAndNotWhenRevoked(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            let (dsc, principal) = try await fixture.seed(store)
            let first = fixture.issuance(by: principal, signedWith: dsc, identifier: "A", formats: [.hc1])
            let second = fixture.issuance(by: principal, signedWith: dsc, identifier: "B", formats: [.hc1])
            _ = try await store.record(first)
            _ = try await store.record(second)
            let until = StoreFixture.now.addingTimeInterval(86_400)
            let suspension = Suspension(
                certificateID: first.certificate.id, until: until, reason: "under review", suspendedBy: principal.id,
                suspendedAt: StoreFixture.now)
            try await store.suspend(suspension)
            var stored = suspension
            stored.until = until.storedPrecision
            stored.suspendedAt = StoreFixture.now.storedPrecision
            #expect(try await store.suspensions() == [stored])
            await expectStorageError(.conflict) { try await store.suspend(suspension) }
            try await store.revoke(Revocation(certificateID: second.certificate.id, reason: "x", revokedBy: principal.id, revokedAt: StoreFixture.now))
            var ofRevoked = suspension
            ofRevoked.certificateID = second.certificate.id
            await expectStorageError(.conflict) { try await store.suspend(ofRevoked) }
            var ofNothing = suspension
            ofNothing.certificateID = UUID()
            await expectStorageError(.notFound) { try await store.suspend(ofNothing) }
            #expect(try await store.suspensions().count == 1)
            // A suspended certificate can still be revoked.
            try await store.revoke(Revocation(certificateID: first.certificate.id, reason: "y", revokedBy: principal.id, revokedAt: StoreFixture.now))
        }
    }
}
