import Foundation
import Storage
import Testing
import TransparencyLog

/// The transparency log's tables: entries queued in the transaction of each fact, integrated into dense leaves,
/// tree heads and the log key; the same behaviour from every adapter.
@Suite("Storage conformance: transparency log")
struct LogConformanceTests {
    static let gtin = "04012345000009"

    /// Milliseconds of `StoreFixture.now` as stores keep it.
    static let nowMilliseconds: Int64 = 1_800_000_000_123

    @Test(arguments: StorageBackend.allCases)
    func anIssuanceQueuesOneEntryPerPayload(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            let (dsc, principal) = try await fixture.seed(store)
            #expect(try await store.logSize() == 0)
            #expect(try await store.integrateLogQueue(limit: 10) == [])
            let issuance = fixture.issuance(by: principal, signedWith: dsc, identifier: "A", formats: [.hc1, .vc])
            _ = try await store.record(issuance)
            #expect(try await store.logQueueCount() == 2)
            #expect(try await store.logSize() == 0)

            let leaves = try await store.integrateLogQueue(limit: 10)
            let id = issuance.certificate.id.uuidString.lowercased()
            let expected = try [CertificatePayload.Format.hc1, .vc].map { format in
                try LogEntry.issuance(
                    certificateID: id, format: format.rawValue, time: Self.nowMilliseconds,
                    payloadHash: #require(MerkleHash(bytes: StoreFixture.payloadHash(format, "A"))))
            }
            #expect(leaves == expected.enumerated().map { LogLeaf(index: $0.offset, entry: $0.element) })
            #expect(leaves.map(\.subject) == ["\(id)/hc1", "\(id)/vc"])
            #expect(leaves.map(\.kind) == ["issuance", "issuance"])
            #expect(try leaves.map { try LogEntry(encoded: $0.entry) } == expected)
            #expect(try await store.logQueueCount() == 0)
            #expect(try await store.logSize() == 2)
            #expect(try await store.logLeaves(from: 0, to: 10) == leaves)
            #expect(try await store.logLeaves(from: 1, to: 2) == [leaves[1]])
            #expect(try await store.logLeaves(from: 2, to: 5) == [])
            #expect(try await store.logLeafIndices(contentHash: StoreFixture.payloadHash(.vc, "A")) == [1])
            #expect(try await store.logLeafIndices(contentHash: StoreFixture.payloadHash(.shc, "A")) == [])
            // The payload hash reads back with the certificate.
            let stored = try #require(try await store.certificate(id: issuance.certificate.id))
            #expect(stored.payloads.map(\.payloadHash) == [StoreFixture.payloadHash(.hc1, "A"), StoreFixture.payloadHash(.vc, "A")])
        }
    }

    /// A failed or replayed issuance queues nothing; a payload without a 32-byte hash is refused whole.
    @Test(arguments: StorageBackend.allCases)
    func onlyStoredIssuancesAreQueued(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            let (dsc, principal) = try await fixture.seed(store)
            let first = fixture.issuance(by: principal, signedWith: dsc, identifier: "A", idempotency: ("key-1", 1))
            _ = try await store.record(first)
            var clash = fixture.issuance(by: principal, signedWith: dsc, identifier: "B")
            clash.certificate.payloads[1].identifier = "A-shc"
            await expectStorageError(.duplicate) { try await store.record(clash) }
            var replay = fixture.issuance(by: principal, signedWith: dsc, identifier: "C", idempotency: ("key-1", 1))
            replay.idempotency?.certificateID = replay.certificate.id
            guard case .replayed = try await store.record(replay) else {
                Issue.record("expected a replay")
                return
            }
            var unhashed = fixture.issuance(by: principal, signedWith: dsc, identifier: "D")
            unhashed.certificate.payloads[0].payloadHash = []
            await expectStorageError(.invalidValue) { try await store.record(unhashed) }
            #expect(try await store.certificate(id: unhashed.certificate.id) == nil)
            #expect(try await store.logQueueCount() == 2)
        }
    }

    /// A revocation, a lot event and newly captured EPCIS events are queued with them; a refused revocation and
    /// an event captured again are not.
    @Test(arguments: StorageBackend.allCases)
    func revocationsLotEventsAndEPCISEventsAreQueued(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            let (dsc, principal) = try await fixture.seed(store)
            let issuance = fixture.issuance(by: principal, signedWith: dsc, identifier: "A", formats: [.hc1])
            _ = try await store.record(issuance)
            let revocation = Revocation(
                certificateID: issuance.certificate.id, reason: "issued in error", revokedBy: principal.id, revokedAt: StoreFixture.now)
            try await store.revoke(revocation)
            await expectStorageError(.conflict) { try await store.revoke(revocation) }
            await expectStorageError(.notFound) {
                try await store.revoke(
                    Revocation(certificateID: UUID(), reason: "unknown", revokedBy: principal.id, revokedAt: StoreFixture.now))
            }
            let lotEvent = LotEvent(
                gtin: Self.gtin, lot: "L1", kind: .recall, status: "recalled", reasonCode: "LOT_RECALLED", detail: "recall 7",
                principalID: principal.id, createdAt: StoreFixture.now)
            try await store.append(lotEvent)
            await expectStorageError(.duplicate) { try await store.append(lotEvent) }
            let hex = String(repeating: "ab", count: 32)
            var shipped = fixture.epcisEvent("ship", at: 10)
            shipped.hash = "ni:///sha-256;\(hex)?ver=CBV2.0"
            let received = fixture.epcisEvent("receive", at: 20)
            #expect(try await store.capture(events: [shipped, received, shipped], custody: [], lots: []) == 2)
            #expect(try await store.capture(events: [received], custody: [], lots: []) == 0)
            #expect(try await store.logQueueCount() == 5)

            let leaves = try await store.integrateLogQueue(limit: 100)
            let entries = try leaves.map { try LogEntry(encoded: $0.entry) }
            let id = issuance.certificate.id.uuidString.lowercased()
            #expect(entries.map(\.kind) == [.issuance, .revocation, .lotStatus, .epcisEvent, .epcisEvent])
            #expect(entries[1] == (try LogEntry.revocation(certificateID: id, reason: "issued in error", time: Self.nowMilliseconds)))
            #expect(entries[2] == (try LogEntry.lotStatus(lotEvent, time: Self.nowMilliseconds)))
            #expect(entries[2].subject == "\(Self.gtin)/L1")
            #expect(entries[3].subject == shipped.hash)
            #expect(entries[3].contentHash == MerkleHash(hex: hex))
            #expect(entries[4] == (try LogEntry.epcisEvent(received, time: LogEntry.storedMilliseconds(received.capturedAt.storedPrecision))))
            #expect(leaves.map(\.index) == [0, 1, 2, 3, 4])
            #expect(leaves.allSatisfy { $0.leafHash == MerkleHashing.leafHash($0.entry).bytes })
        }
    }

    /// Integration takes the queue in order, at most `limit` at a time, and continues the indices.
    @Test(arguments: StorageBackend.allCases)
    func integrationIsOrderedAndLimited(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            _ = try await fixture.seed(store)
            let events = (0..<5).map { index in
                LotEvent(
                    gtin: Self.gtin, lot: "L\(index)", kind: .statusChanged, status: "ok", reasonCode: "LOT_OK", detail: "",
                    createdAt: StoreFixture.at(Double(index)))
            }
            for event in events { try await store.append(event) }
            let first = try await store.integrateLogQueue(limit: 2)
            #expect(first.map(\.index) == [0, 1])
            #expect(first.map(\.subject) == ["\(Self.gtin)/L0", "\(Self.gtin)/L1"])
            #expect(try await store.logQueueCount() == 3)
            #expect(try await store.integrateLogQueue(limit: 0) == [])
            let rest = try await store.integrateLogQueue(limit: 10)
            #expect(rest.map(\.index) == [2, 3, 4])
            #expect(rest.map(\.subject) == (2..<5).map { "\(Self.gtin)/L\($0)" })
            #expect(try await store.logSize() == 5)
        }
    }

    /// Integrators racing (replicas) make dense indices with every entry once.
    @Test(arguments: StorageBackend.allCases)
    func concurrentIntegrationKeepsIndicesDense(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            _ = try await fixture.seed(store)
            let count = 24
            for index in 0..<count {
                try await store.append(
                    LotEvent(
                        gtin: Self.gtin, lot: "L\(index)", kind: .statusChanged, status: "ok", reasonCode: "LOT_OK", detail: "",
                        createdAt: StoreFixture.now))
            }
            let batches = try await withThrowingTaskGroup(of: [LogLeaf].self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        var mine: [LogLeaf] = []
                        while true {
                            let leaves = try await store.integrateLogQueue(limit: 3)
                            if leaves.isEmpty { return mine }
                            mine += leaves
                        }
                    }
                }
                var all: [LogLeaf] = []
                for try await batch in group { all += batch }
                return all
            }
            #expect(batches.map(\.index).sorted() == Array(0..<count))
            #expect(Set(batches.map(\.subject)).count == count)
            #expect(try await store.logLeaves(from: 0, to: count) == batches.sorted { $0.index < $1.index })
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func treeHeadsAreKeptOnePerSize(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            #expect(try await store.treeHead(size: nil) == nil)
            let second = StoredTreeHead(
                size: 7, root: Array(repeating: 2, count: 32), timestamp: 1_800_000_000_500, signature: Array(repeating: 9, count: 64),
                keyID: "key-1")
            let first = StoredTreeHead(
                size: 0, root: MerkleHashing.emptyRoot.bytes, timestamp: -5, signature: Array(repeating: 1, count: 64), keyID: "key-1")
            try await store.insert(second)
            try await store.insert(first)
            #expect(try await store.treeHeads() == [first, second])
            #expect(try await store.treeHead(size: nil) == second)
            #expect(try await store.treeHead(size: 0) == first)
            #expect(try await store.treeHead(size: 3) == nil)
            var clash = second
            clash.timestamp += 1
            await expectStorageError(.duplicate) { try await store.insert(clash) }
            #expect(try await store.treeHeads() == [first, second])
        }
    }

    /// The first log key wins; later first starts get it back.
    @Test(arguments: StorageBackend.allCases)
    func theFirstLogKeyIsKept(backend: StorageBackend) async throws {
        try await backend.withStore { (store: any PlatformStore) async throws in
            #expect(try await store.logSigningKeys() == [])
            let key = LogSigningKey(
                keyID: "log-1", publicKey: [4] + Array(repeating: 1, count: 64), sealedPrivateKey: [1, 2, 3, 0, 255],
                createdAt: StoreFixture.now)
            let other = LogSigningKey(keyID: "log-2", publicKey: [4, 2], sealedPrivateKey: [9], createdAt: StoreFixture.now)
            #expect(try await store.insertFirstLogKey(key) == key.stored)
            #expect(try await store.insertFirstLogKey(other) == key.stored)
            #expect(try await store.logSigningKeys() == [key.stored])
        }
    }
}

extension LogSigningKey {
    /// This key as stores read it back (times to the millisecond).
    var stored: LogSigningKey {
        var key = self
        key.createdAt = createdAt.storedPrecision
        return key
    }
}
