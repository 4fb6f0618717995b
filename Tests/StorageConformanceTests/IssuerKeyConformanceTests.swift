import Foundation
import Storage
import Testing

/// Issuers, signing keys, sites and principals: the same behaviour from every adapter.
@Suite("Storage conformance: issuers, keys, sites, principals")
struct IssuerKeyConformanceTests {
    @Test(arguments: StorageBackend.allCases)
    func migratingTwiceChangesNothing(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            try await store.migrate()
            try await store.migrate()
            #expect(try await store.issuers().isEmpty)
            #expect(try await store.principalCount() == 0)
            #expect(try await store.certificateCount() == 0)
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func issuersAndKeysRoundTripToTheMillisecond(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            let (dsc, _) = try await fixture.seed(store)
            #expect(try await store.issuers() == [fixture.issuer.stored])
            #expect(try await store.issuers().first?.createdAt == StoreFixture.nowInMilliseconds)
            let keys = try await store.signingKeys(issuerID: fixture.issuer.id)
            // Created in the same millisecond: by id.
            #expect(keys.map(\.id) == keys.map(\.id).sorted { $0.uuidString.lowercased() < $1.uuidString.lowercased() })
            #expect(Set(keys.map(\.kind)) == [.csca, .dsc])
            #expect(keys.first { $0.kind == .dsc } == dsc.stored)
            // A later key comes after them.
            var later = fixture.key(.dsc, "dsc-later", status: .retired)
            later.createdAt = StoreFixture.now.addingTimeInterval(1)
            try await store.insert(later)
            #expect(try await store.signingKeys(issuerID: fixture.issuer.id).last == later.stored)
            #expect(try await store.signingKeys(issuerID: UUID()).isEmpty)
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func keysAreUniqueAndOneDSCIsActive(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            _ = try await fixture.seed(store)
            await expectStorageError(.duplicate) { try await store.insert(fixture.key(.dsc, "dsc-1", status: .retired)) }
            await expectStorageError(.duplicate) { try await store.insert(fixture.key(.dsc, "dsc-2")) }
            try await store.insert(fixture.key(.dsc, "dsc-old", status: .retired))
            #expect(try await store.signingKeys(issuerID: fixture.issuer.id).count == 3)
            await expectStorageError(.notFound) { try await store.insert(fixture.key(.dsc, "dsc-x", issuer: Issuer(name: "n", country: "XX", publicURL: "https://x.example", createdAt: StoreFixture.now))) }
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func rotationRetiresTheActiveDocumentSigner(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            let (first, _) = try await fixture.seed(store)
            let second = fixture.key(.dsc, "dsc-2")
            try await store.rotate(issuerID: fixture.issuer.id, to: second)
            let keys = try await store.signingKeys(issuerID: fixture.issuer.id)
            #expect(keys.first { $0.id == first.id }?.status == .retired)
            #expect(keys.first { $0.id == second.id } == second.stored)
            #expect(keys.filter { $0.kind == .dsc && $0.status == .active }.map(\.id) == [second.id])
            // A rotation to a key id in use changes nothing.
            await expectStorageError(.duplicate) { try await store.rotate(issuerID: fixture.issuer.id, to: fixture.key(.dsc, "dsc-1")) }
            #expect(try await store.signingKeys(issuerID: fixture.issuer.id).first { $0.id == second.id }?.status == .active)
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func siteCodesAreUniquePerIssuer(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            _ = try await fixture.seed(store)
            let other = Issuer(name: "Other agency", country: "YY", publicURL: "https://other.example", createdAt: StoreFixture.now)
            try await store.insert(other)
            try await store.insert(fixture.site("S1"))
            try await store.insert(fixture.site("S2"))
            try await store.insert(fixture.site("S1", issuer: other))
            await expectStorageError(.duplicate) { try await store.insert(fixture.site("S1")) }
            #expect(try await store.sites(issuerID: fixture.issuer.id).map(\.code) == ["S1", "S2"])
            #expect(try await store.sites(issuerID: other.id).map(\.code) == ["S1"])
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func principalsAreFoundByTokenID(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            _ = try await fixture.seed(store)
            let site = fixture.site("S1")
            try await store.insert(site)
            var device = fixture.principal("token-device", role: .device, site: site)
            device.disabledAt = StoreFixture.now
            try await store.insert(device)
            #expect(try await store.principal(tokenID: "token-device") == device.stored)
            #expect(try await store.principal(tokenID: "token-none") == nil)
            #expect(try await store.principalCount() == 2)
            await expectStorageError(.duplicate) { try await store.insert(fixture.principal("token-device", role: .admin)) }
            for role in Principal.Role.allCases {
                try await store.insert(fixture.principal("token-\(role.rawValue)-2", role: role))
                #expect(try await store.principal(tokenID: "token-\(role.rawValue)-2")?.role == role)
            }
        }
    }

    /// Replicas starting together on an empty database: one issuer and one first principal, whoever wins.
    @Test(arguments: StorageBackend.allCases)
    func concurrentFirstStartsStoreOneIssuerAndOnePrincipal(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let outcomes = try await withThrowingTaskGroup(of: (UUID, Bool).self) { group in
                for index in 0..<4 {
                    group.addTask {
                        let fixture = StoreFixture()
                        let issuer = try await store.insertFirstIssuer(
                            fixture.issuer, keys: [fixture.key(.csca, "csca-\(index)"), fixture.key(.dsc, "dsc-\(index)")])
                        let inserted = try await store.insertFirstPrincipal(fixture.principal("first-\(index)", role: .admin))
                        return (issuer.id, inserted)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let issuers = try await store.issuers()
            #expect(issuers.count == 1)
            #expect(Set(outcomes.map(\.0)) == [issuers[0].id])
            #expect(try await store.signingKeys(issuerID: issuers[0].id).count == 2)
            #expect(outcomes.filter(\.1).count == 1)
            #expect(try await store.principalCount() == 1)
        }
    }
}
