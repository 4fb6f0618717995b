import Foundation
import Storage
import Testing

/// Recording doses, certificates, idempotency and revocation: the same behaviour from every adapter.
@Suite("Storage conformance: vaccinations, certificates, revocation")
struct CertificateConformanceTests {
    @Test(arguments: StorageBackend.allCases)
    func aRecordedDoseReadsBackWhole(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            let (dsc, principal) = try await fixture.seed(store)
            let issuance = fixture.issuance(by: principal, signedWith: dsc, identifier: "A", formats: [.vc, .hc1, .vds, .shc])
            #expect(try await store.record(issuance) == .recorded)
            let certificate = try #require(try await store.certificate(id: issuance.certificate.id))
            var expected = issuance.certificate.stored
            expected.payloads.sort { Self.order($0.format) < Self.order($1.format) }
            #expect(certificate == expected)
            #expect(certificate.payloads.map(\.format) == [.hc1, .shc, .vds, .vc])
            #expect(try await store.holder(id: issuance.holder.id) == issuance.holder.stored)
            #expect(try await store.holder(lookupHash: issuance.holder.lookupHash!) == issuance.holder.stored)
            #expect(try await store.event(id: issuance.event.id) == issuance.event.stored)
            #expect(try await store.certificate(format: .vds, identifier: "A-vds")?.id == issuance.certificate.id)
            #expect(try await store.certificate(format: .hc1, identifier: "A-vds") == nil)
            #expect(try await store.certificate(id: UUID()) == nil)
            #expect(try await store.certificateCount() == 1)
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func aReturningHolderKeepsOneRow(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            let (dsc, principal) = try await fixture.seed(store)
            let first = fixture.issuance(by: principal, signedWith: dsc, identifier: "A")
            _ = try await store.record(first)
            let second = fixture.issuance(by: principal, signedWith: dsc, identifier: "B", holder: first.holder)
            #expect(try await store.record(second) == .recorded)
            #expect(try await store.event(id: second.event.id)?.holderID == first.holder.id)
            #expect(try await store.certificateCount() == 2)
            // The same person under a new id (recorded concurrently, before either saw the other): one holder.
            let twin = Holder(lookupHash: first.holder.lookupHash, sealedPersonalData: [9], createdAt: StoreFixture.now)
            let third = fixture.issuance(by: principal, signedWith: dsc, identifier: "C", holder: twin)
            #expect(try await store.record(third) == .recorded)
            #expect(try await store.event(id: third.event.id)?.holderID == first.holder.id)
            #expect(try await store.holder(id: twin.id) == nil)
        }
    }

    /// A taken identifier (or a second certificate for one event) stores nothing of the issuance.
    @Test(arguments: StorageBackend.allCases)
    func aTakenIdentifierStoresNothing(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            let (dsc, principal) = try await fixture.seed(store)
            let first = fixture.issuance(by: principal, signedWith: dsc, identifier: "A")
            _ = try await store.record(first)
            var clash = fixture.issuance(by: principal, signedWith: dsc, identifier: "B")
            clash.certificate.payloads[1].identifier = "A-shc"
            await expectStorageError(.duplicate) { try await store.record(clash) }
            #expect(try await store.certificateCount() == 1)
            #expect(try await store.holder(id: clash.holder.id) == nil)
            #expect(try await store.event(id: clash.event.id) == nil)
            // The same identifier in another format is fine.
            var otherFormat = fixture.issuance(by: principal, signedWith: dsc, identifier: "C", formats: [.vc])
            otherFormat.certificate.payloads[0].identifier = "A-shc"
            #expect(try await store.record(otherFormat) == .recorded)
            // A second certificate for an event that has one.
            var again = fixture.issuance(by: principal, signedWith: dsc, identifier: "D", holder: first.holder)
            again.event = first.event
            again.certificate.eventID = first.event.id
            await expectStorageError(.duplicate) { try await store.record(again) }
            #expect(try await store.certificateCount() == 2)
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func anUnknownReferenceIsNotFound(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            let (dsc, principal) = try await fixture.seed(store)
            let stranger = fixture.principal("never-stored")
            await expectStorageError(.notFound) {
                try await store.record(fixture.issuance(by: stranger, signedWith: dsc, identifier: "A"))
            }
            #expect(try await store.certificateCount() == 0)
            let unknownKey = fixture.key(.dsc, "never-stored")
            await expectStorageError(.notFound) {
                try await store.record(fixture.issuance(by: principal, signedWith: unknownKey, identifier: "B"))
            }
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func aRetriedRequestIsReplayedAndAReusedKeyConflicts(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            let (dsc, principal) = try await fixture.seed(store)
            let first = fixture.issuance(by: principal, signedWith: dsc, identifier: "A", idempotency: ("key-1", 1))
            #expect(try await store.record(first) == .recorded)
            let retry = fixture.issuance(by: principal, signedWith: dsc, identifier: "B", idempotency: ("key-1", 1))
            #expect(try await store.record(retry) == .replayed(first.idempotency!.stored))
            #expect(try await store.certificateCount() == 1)
            #expect(try await store.holder(id: retry.holder.id) == nil)
            let reused = fixture.issuance(by: principal, signedWith: dsc, identifier: "C", idempotency: ("key-1", 2))
            await expectStorageError(.conflict) { try await store.record(reused) }
            // Keys belong to their principal.
            let other = fixture.principal("token-other")
            try await store.insert(other)
            let elsewhere = fixture.issuance(by: other, signedWith: dsc, identifier: "D", idempotency: ("key-1", 2))
            #expect(try await store.record(elsewhere) == .recorded)
            #expect(try await store.certificateCount() == 2)
        }
    }

    /// Concurrent requests with one idempotency key: exactly one certificate.
    @Test(arguments: StorageBackend.allCases)
    func concurrentRetriesIssueOnce(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            let (dsc, principal) = try await fixture.seed(store)
            let attempts = (0..<8).map { fixture.issuance(by: principal, signedWith: dsc, identifier: "R\($0)", idempotency: ("key-race", 9)) }
            let outcomes = try await withThrowingTaskGroup(of: IssuanceOutcome.self) { group in
                for attempt in attempts { group.addTask { try await store.record(attempt) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == .recorded }.count == 1)
            let replayed = Set(outcomes.compactMap { outcome -> UUID? in
                if case .replayed(let response) = outcome { return response.certificateID }
                return nil
            })
            #expect(replayed.count == 1)
            #expect(try await store.certificateCount() == 1)
            #expect(try await store.certificate(id: try #require(replayed.first)) != nil)
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func aCertificateIsRevokedOnce(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            let (dsc, principal) = try await fixture.seed(store)
            let issuance = fixture.issuance(by: principal, signedWith: dsc, identifier: "A")
            _ = try await store.record(issuance)
            let revocation = Revocation(
                certificateID: issuance.certificate.id, reason: "issued in error", revokedBy: principal.id, revokedAt: StoreFixture.now)
            try await store.revoke(revocation)
            #expect(try await store.certificate(id: issuance.certificate.id)?.revocation == revocation.stored)
            #expect(try await store.revocations() == [revocation.stored])
            await expectStorageError(.conflict) { try await store.revoke(revocation) }
            var unknown = revocation
            unknown.certificateID = UUID()
            await expectStorageError(.notFound) { try await store.revoke(unknown) }
            #expect(try await store.revocations().count == 1)
            // The schema's rules: a reason of 1 to 200 characters.
            let other = fixture.issuance(by: principal, signedWith: dsc, identifier: "B")
            _ = try await store.record(other)
            for reason in ["", String(repeating: "r", count: 201)] {
                var bad = revocation
                bad.certificateID = other.certificate.id
                bad.reason = reason
                await expectStorageError(.invalidValue) { try await store.revoke(bad) }
            }
            #expect(try await store.certificate(id: other.certificate.id)?.revocation == nil)
        }
    }

    static func order(_ format: CertificatePayload.Format) -> Int {
        CertificatePayload.Format.allCases.firstIndex(of: format)!
    }
}
