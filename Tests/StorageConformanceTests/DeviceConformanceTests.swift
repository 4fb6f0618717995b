import Foundation
import Storage
import Testing
import TransparencyLog

/// Devices, placements, telemetry batches, monitor states and excursions: the same behaviour from every adapter.
@Suite("Storage conformance: devices and telemetry")
struct DeviceConformanceTests {
    @Test(arguments: StorageBackend.allCases)
    func aDeviceReadsBackWholeAndIdsAreUnique(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            let logger = fixture.device("b-2")
            let first = fixture.placement("b-2", at: "https://id.gs1.org/414/4012345000009", since: 0.5)
            try await store.insert(logger, placement: first)
            #expect(try await store.device(id: "b-2") == logger.stored)
            #expect(try await store.placements(deviceID: "b-2") == [first.stored])
            // Ids sort by their bytes: upper case before lower case.
            try await store.insert(fixture.device("a-1", kind: .tracker), placement: nil)
            try await store.insert(fixture.device("A-1", kind: .gateway), placement: nil)
            #expect(try await store.devices().map(\.id) == ["A-1", "a-1", "b-2"])
            #expect(try await store.devices().map(\.kind) == [.gateway, .tracker, .logger])
            #expect(try await store.placements(deviceID: "a-1") == [])
            #expect(try await store.device(id: "c-3") == nil)

            // A taken id stores nothing, not even the placement.
            var again = fixture.device("b-2", kind: .tracker)
            again.label = "another"
            await expectStorageError(.duplicate) {
                try await store.insert(again, placement: fixture.placement("b-2", at: "urn:epc:id:sgln:other", since: 9))
            }
            #expect(try await store.device(id: "b-2") == logger.stored)
            #expect(try await store.placements(deviceID: "b-2") == [first.stored])
            // A first placement of another device.
            await expectStorageError(.conflict) {
                try await store.insert(fixture.device("c-3"), placement: fixture.placement("b-2", at: "urn:x", since: 1))
            }
            #expect(try await store.device(id: "c-3") == nil)
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func aDeviceIsDisabledOnce(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            try await store.insert(fixture.device("d-1"), placement: nil)
            try await store.disableDevice(id: "d-1", at: StoreFixture.at(60))
            #expect(try await store.device(id: "d-1")?.disabledAt == StoreFixture.at(60).storedPrecision)
            await expectStorageError(.conflict) { try await store.disableDevice(id: "d-1", at: StoreFixture.at(120)) }
            #expect(try await store.device(id: "d-1")?.disabledAt == StoreFixture.at(60).storedPrecision)
            await expectStorageError(.notFound) { try await store.disableDevice(id: "nobody", at: StoreFixture.at(60)) }
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func placementsAreKeptOldestFirst(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            try await store.insert(fixture.device("d-1"), placement: nil)
            let later = fixture.placement("d-1", at: "urn:epc:id:sscc:4012345.0000000002", since: 7_200.25)
            let earlier = fixture.placement("d-1", at: "urn:epc:id:sgln:4012345.00001.0", since: 0.0004)
            try await store.place(later)
            try await store.place(earlier)
            #expect(try await store.placements(deviceID: "d-1") == [earlier.stored, later.stored])
            // The same device at the same millisecond.
            var clash = later
            clash.location = "urn:elsewhere"
            clash.since = later.since.addingTimeInterval(0.000_1)
            await expectStorageError(.duplicate) { try await store.place(clash) }
            await expectStorageError(.notFound) { try await store.place(fixture.placement("nobody", at: "urn:x", since: 0)) }
            #expect(try await store.placements(deviceID: "d-1").count == 2)
        }
    }

    /// Every placement of the devices that were ever at one of the locations, not only the matching ones.
    @Test(arguments: StorageBackend.allCases)
    func placementsAtLocationsReturnTheWholeHistory(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            for id in ["d-1", "d-2", "d-3", "d-4"] { try await store.insert(fixture.device(id), placement: nil) }
            let d1 = [fixture.placement("d-1", at: "A", since: 0), fixture.placement("d-1", at: "B", since: 100)]
            let d2 = [fixture.placement("d-2", at: "B", since: 50)]
            let d3 = [fixture.placement("d-3", at: "C", since: 10)]
            let d4 = [fixture.placement("d-4", at: "C", since: 5), fixture.placement("d-4", at: "A", since: 500)]
            for placement in d4 + d3 + d2 + d1 { try await store.place(placement) }
            #expect(try await store.placements(atAnyOf: ["A"]) == (d1 + d4).map(\.stored))
            #expect(try await store.placements(atAnyOf: ["B", "A", "B"]) == (d1 + d2 + d4).map(\.stored))
            #expect(try await store.placements(atAnyOf: ["C"]) == (d3 + d4).map(\.stored))
            #expect(try await store.placements(atAnyOf: ["nowhere"]) == [])
            #expect(try await store.placements(atAnyOf: []) == [])
        }
    }

    /// A new sequence is stored with what `update` returns; the same sequence again is a duplicate (same digest)
    /// or a conflict (another digest), and `update` is not called for either.
    @Test(arguments: StorageBackend.allCases)
    func aBatchIsStoredOnceWithItsMonitorState(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            try await store.insert(fixture.device("d-1"), placement: nil)
            let calls = CallCounter()
            let heat = fixture.excursion("d-1", from: 600.0004, to: 900.5, isOpen: true, extremeC: 8.5)
            let firstUpdate = fixture.monitorUpdate("d-1", state: [1, 0, 255], at: 1_141, excursions: [heat])
            let batch = fixture.batch("d-1", sequence: 1)
            let outcome = try await store.storeTelemetry(batch) { current in
                calls.increment()
                guard current == nil else { throw MonitorFoldError() }
                return firstUpdate
            }
            #expect(outcome == .stored)
            #expect(calls.count == 1)
            #expect(try await store.monitorState(deviceID: "d-1") == firstUpdate.state.stored)
            #expect(try await store.telemetryBatches(deviceID: "d-1", afterSequence: nil, limit: 10) == [batch.stored])
            #expect(try await store.excursions(deviceIDs: ["d-1"], from: StoreFixture.at(0), to: StoreFixture.at(10_000)) == [heat.stored])

            let retried = try await store.storeTelemetry(fixture.batch("d-1", sequence: 1)) { _ in
                calls.increment()
                return fixture.monitorUpdate("d-1", state: [9])
            }
            #expect(retried == .duplicate)
            var forged = fixture.batch("d-1", sequence: 1, digest: 2)
            forged.readingCount = 99
            let conflicting = try await store.storeTelemetry(forged) { _ in
                calls.increment()
                return fixture.monitorUpdate("d-1", state: [9])
            }
            #expect(conflicting == .conflictingDigest)
            // A store may have tried `update` on the state it expected before finding the sequence taken; nothing of
            // those results is stored.
            #expect(try await store.telemetryBatches(deviceID: "d-1", afterSequence: nil, limit: 10) == [batch.stored])
            #expect(try await store.monitorState(deviceID: "d-1") == firstUpdate.state.stored)

            // The next batch sees the stored state.
            let second = fixture.batch("d-1", sequence: 2)
            let outcome2 = try await store.storeTelemetry(second) { current in
                calls.increment()
                guard current == firstUpdate.state.stored else { throw MonitorFoldError() }
                return fixture.monitorUpdate("d-1", state: [2], at: 1_741)
            }
            #expect(outcome2 == .stored)
            #expect(try await store.monitorState(deviceID: "d-1")?.state == [2])
            // Each stored batch queued its transparency-log entry with it; the retry and the conflict queued none.
            let leaves = try await store.integrateLogQueue(limit: 10)
            #expect(leaves.map(\.subject) == ["d-1/1", "d-1/2"])
            #expect(leaves.map(\.entry) == [
                try LogEntry.telemetryBatch(batch.stored, time: Int64((batch.stored.receivedAt.timeIntervalSince1970 * 1000).rounded(.down))).encoded(),
                try LogEntry.telemetryBatch(second.stored, time: Int64((second.stored.receivedAt.timeIntervalSince1970 * 1000).rounded(.down))).encoded(),
            ])
            // The first batch's excursion stays: an update only replaces excursions with its keys.
            #expect(try await store.excursions(deviceIDs: ["d-1"], from: StoreFixture.at(0), to: StoreFixture.at(10_000)) == [heat.stored])

            // An unknown device.
            let nobody = CallCounter()
            await expectStorageError(.notFound) {
                try await store.storeTelemetry(fixture.batch("nobody", sequence: 1)) { _ in
                    nobody.increment()
                    return fixture.monitorUpdate("nobody", state: [])
                }
            }
            #expect(nobody.count == 0)
            #expect(try await store.monitorState(deviceID: "nobody") == nil)
        }
    }

    /// Sequences up to Int64.max are kept; larger ones, and negative counts, are refused before anything is stored.
    @Test(arguments: StorageBackend.allCases)
    func batchValuesOutsideTheSchemaAreInvalid(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            try await store.insert(fixture.device("d-1"), placement: nil)
            let calls = CallCounter()
            let largest = UInt64(Int64.max)
            let batch = fixture.batch("d-1", sequence: largest)
            let outcome = try await store.storeTelemetry(batch) { _ in
                calls.increment()
                return fixture.monitorUpdate("d-1", state: [1])
            }
            #expect(outcome == .stored)
            #expect(try await store.telemetryWindow(deviceID: "d-1", count: 1).map(\.sequence) == [largest])
            #expect(try await store.telemetryBatches(deviceID: "d-1", afterSequence: largest - 1, limit: 5) == [batch.stored])
            #expect(try await store.telemetryBatches(deviceID: "d-1", afterSequence: largest, limit: 5) == [])
            #expect(try await store.telemetryBatches(deviceID: "d-1", afterSequence: .max, limit: 5) == [])
            await expectStorageError(.invalidValue) {
                try await store.storeTelemetry(fixture.batch("d-1", sequence: largest + 1)) { _ in
                    calls.increment()
                    return fixture.monitorUpdate("d-1", state: [2])
                }
            }
            var negative = fixture.batch("d-1", sequence: 7)
            negative.readingCount = -1
            await expectStorageError(.invalidValue) {
                try await store.storeTelemetry(negative) { _ in
                    calls.increment()
                    return fixture.monitorUpdate("d-1", state: [2])
                }
            }
            #expect(try await store.telemetryBatches(deviceID: "d-1", afterSequence: nil, limit: 5).count == 1)
            #expect(try await store.monitorState(deviceID: "d-1")?.state == [1], "a refused batch leaves the state")
        }
    }

    /// What `update` throws comes back unchanged and nothing is stored; so for an update naming another device or
    /// a temperature that is not a number.
    @Test(arguments: StorageBackend.allCases)
    func aFailedUpdateStoresNothing(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            try await store.insert(fixture.device("d-1"), placement: nil)
            try await store.insert(fixture.device("d-2"), placement: nil)
            let batch = fixture.batch("d-1", sequence: 1)
            await #expect(throws: MonitorFoldError()) {
                try await store.storeTelemetry(batch) { _ in throw MonitorFoldError() }
            }
            await expectStorageError(.conflict) {
                try await store.storeTelemetry(batch) { _ in fixture.monitorUpdate("d-2", state: [1]) }
            }
            await expectStorageError(.conflict) {
                try await store.storeTelemetry(batch) { _ in
                    fixture.monitorUpdate("d-1", state: [1], excursions: [fixture.excursion("d-2", from: 0, to: 1)])
                }
            }
            await expectStorageError(.invalidValue) {
                try await store.storeTelemetry(batch) { _ in
                    fixture.monitorUpdate("d-1", state: [1], excursions: [fixture.excursion("d-1", from: 0, to: 1, extremeC: .nan)])
                }
            }
            // An excursion that ends before it starts breaks the schema's rule.
            await expectStorageError(.invalidValue) {
                try await store.storeTelemetry(batch) { _ in
                    fixture.monitorUpdate("d-1", state: [1], excursions: [fixture.excursion("d-1", from: 10, to: 9)])
                }
            }
            #expect(try await store.telemetryBatches(deviceID: "d-1", afterSequence: nil, limit: 10) == [])
            #expect(try await store.monitorState(deviceID: "d-1") == nil)
            #expect(try await store.monitorState(deviceID: "d-2") == nil)
            #expect(try await store.excursions(deviceIDs: ["d-1", "d-2"], from: StoreFixture.at(-10), to: StoreFixture.at(10)) == [])
            // The batch can still be stored.
            #expect(try await store.storeTelemetry(batch) { _ in fixture.monitorUpdate("d-1", state: [1]) } == .stored)
        }
    }

    /// An excursion replaces the one with the same device, kind and start (an open run that grows, then closes).
    @Test(arguments: StorageBackend.allCases)
    func anExcursionIsReplacedByItsKey(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            try await store.insert(fixture.device("d-1"), placement: nil)
            let open = fixture.excursion("d-1", "heat", from: 100, to: 200, isOpen: true, extremeC: 8.5)
            let closed = fixture.excursion("d-1", "heat", from: 100, to: 950.5, isOpen: false, extremeC: 12.25)
            let freeze = fixture.excursion("d-1", "freeze", from: 100, to: 150, isOpen: false, extremeC: -0.5)
            _ = try await store.storeTelemetry(fixture.batch("d-1", sequence: 1)) { _ in
                fixture.monitorUpdate("d-1", state: [1], excursions: [open])
            }
            _ = try await store.storeTelemetry(fixture.batch("d-1", sequence: 2)) { _ in
                fixture.monitorUpdate("d-1", state: [2], excursions: [closed, freeze])
            }
            let all = try await store.excursions(deviceIDs: ["d-1"], from: StoreFixture.at(0), to: StoreFixture.at(10_000))
            // Same device and start: by kind (freeze before heat).
            #expect(all == [freeze.stored, closed.stored])
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func batchesPageBySequenceAndTheWindowIsTheHighest(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            try await store.insert(fixture.device("d-1"), placement: nil)
            try await store.insert(fixture.device("d-2"), placement: nil)
            for sequence: UInt64 in [3, 1, 5, 2, 4] {
                _ = try await store.storeTelemetry(fixture.batch("d-1", sequence: sequence, digest: UInt8(sequence))) { _ in
                    fixture.monitorUpdate("d-1", state: [UInt8(sequence)])
                }
            }
            // An empty batch has no times.
            var empty = fixture.batch("d-2", sequence: 9)
            (empty.readingCount, empty.positionCount, empty.firstTime, empty.lastTime) = (0, 0, nil, nil)
            _ = try await store.storeTelemetry(empty) { _ in fixture.monitorUpdate("d-2", state: []) }
            #expect(try await store.telemetryBatches(deviceID: "d-2", afterSequence: nil, limit: 10) == [empty.stored])
            let all = try await store.telemetryBatches(deviceID: "d-1", afterSequence: nil, limit: 100)
            #expect(all == (1...5).map { fixture.batch("d-1", sequence: $0, digest: UInt8($0)).stored })
            #expect(try await store.telemetryBatches(deviceID: "d-1", afterSequence: 2, limit: 2).map(\.sequence) == [3, 4])
            #expect(try await store.telemetryBatches(deviceID: "d-1", afterSequence: 0, limit: 0) == [])
            #expect(try await store.telemetryBatches(deviceID: "d-3", afterSequence: nil, limit: 10) == [])
            let window = try await store.telemetryWindow(deviceID: "d-1", count: 3)
            #expect(window.map(\.sequence) == [5, 4, 3])
            #expect(window.map(\.digest) == [5, 4, 3].map { Array(repeating: UInt8($0), count: 32) })
            #expect(try await store.telemetryWindow(deviceID: "d-1", count: 0).isEmpty)
            #expect(try await store.telemetryWindow(deviceID: "d-2", count: 64).map(\.sequence) == [9])
            #expect(try await store.telemetryWindow(deviceID: "d-3", count: 64).isEmpty)
        }
    }

    /// Recomputing a device's monitor replaces its state and drops every excursion it had.
    @Test(arguments: StorageBackend.allCases)
    func replacingAMonitorDropsTheOldExcursions(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            try await store.insert(fixture.device("d-1"), placement: nil)
            try await store.insert(fixture.device("d-2"), placement: nil)
            let old = [fixture.excursion("d-1", from: 10, to: 20), fixture.excursion("d-1", "freeze", from: 30, to: 40)]
            _ = try await store.storeTelemetry(fixture.batch("d-1", sequence: 1)) { _ in
                fixture.monitorUpdate("d-1", state: [1], excursions: old)
            }
            let other = fixture.excursion("d-2", from: 10, to: 20)
            _ = try await store.storeTelemetry(fixture.batch("d-2", sequence: 1)) { _ in
                fixture.monitorUpdate("d-2", state: [1], excursions: [other])
            }
            let recomputed = fixture.monitorUpdate(
                "d-1", state: [7, 7], at: 99.9999, excursions: [fixture.excursion("d-1", from: 15, to: 25, extremeC: 10)])
            try await store.replaceMonitor(recomputed)
            #expect(try await store.monitorState(deviceID: "d-1") == recomputed.state.stored)
            let window = (from: StoreFixture.at(0), to: StoreFixture.at(100))
            #expect(try await store.excursions(deviceIDs: ["d-1"], from: window.from, to: window.to) == recomputed.excursions.map(\.stored))
            #expect(try await store.excursions(deviceIDs: ["d-2"], from: window.from, to: window.to) == [other.stored])
            // A device without a state gets one.
            try await store.insert(fixture.device("d-3"), placement: nil)
            try await store.replaceMonitor(fixture.monitorUpdate("d-3", state: [3]))
            #expect(try await store.monitorState(deviceID: "d-3")?.state == [3])

            await expectStorageError(.notFound) { try await store.replaceMonitor(fixture.monitorUpdate("nobody", state: [])) }
            await expectStorageError(.conflict) {
                try await store.replaceMonitor(
                    fixture.monitorUpdate("d-1", state: [0], excursions: [fixture.excursion("d-2", from: 0, to: 1)]))
            }
            // Nothing changed.
            #expect(try await store.monitorState(deviceID: "d-1") == recomputed.state.stored)
            #expect(try await store.excursions(deviceIDs: ["d-1"], from: window.from, to: window.to) == recomputed.excursions.map(\.stored))
        }
    }

    /// Overlap with `[from, to]`: start at or before `to`, end at or after `from`, to the millisecond.
    @Test(arguments: StorageBackend.allCases)
    func excursionsOverlapTheirWindowInclusively(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            try await store.insert(fixture.device("d-1"), placement: nil)
            // Half a millisecond past each millisecond, so that rounding down gives that millisecond exactly.
            func at(_ milliseconds: Int) -> Date {
                Date(timeIntervalSince1970: 1_800_000_000 + (Double(milliseconds) + 0.5) / 1000)
            }
            let excursion = StoredExcursion(deviceID: "d-1", kind: "heat", start: at(10_000), end: at(20_000), isOpen: false, extremeC: 9)
            _ = try await store.storeTelemetry(fixture.batch("d-1", sequence: 1)) { _ in
                fixture.monitorUpdate("d-1", state: [1], excursions: [excursion])
            }
            let cases: [(from: Int, to: Int, overlaps: Bool)] = [
                (0, 10_000, true), (0, 9_999, false), (20_000, 30_000, true), (20_001, 30_000, false),
                (12_000, 15_000, true), (0, 100_000, true), (10_000, 10_000, true), (20_000, 20_000, true),
            ]
            for (from, to, overlaps) in cases {
                let found = try await store.excursions(deviceIDs: ["d-1"], from: at(from), to: at(to))
                #expect(found == (overlaps ? [excursion.stored] : []), "window \(from)...\(to)")
            }
        }
    }

    /// Ordered by device id (bytes), then start, for long id lists with unknown and repeated ids.
    @Test(arguments: StorageBackend.allCases)
    func excursionsOfManyDevicesComeInOrder(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            let known = ["dev-11500", "Dev-11000", "dev-00001"]
            var expected: [StoredExcursion] = []
            for (index, id) in known.enumerated() {
                try await store.insert(fixture.device(id), placement: nil)
                let runs = [
                    fixture.excursion(id, from: 500 + Double(index), to: 600), fixture.excursion(id, "freeze", from: 100, to: 200),
                ]
                _ = try await store.storeTelemetry(fixture.batch(id, sequence: 1)) { _ in
                    fixture.monitorUpdate(id, state: [], excursions: runs)
                }
                expected.append(contentsOf: runs.reversed().map(\.stored))
            }
            // More ids than one bound list takes, most of them unknown, some twice.
            let ids = (0..<12_000).map { String(format: "dev-%05d", $0) } + ["Dev-11000", "dev-11500"]
            let found = try await store.excursions(deviceIDs: ids.reversed(), from: StoreFixture.at(0), to: StoreFixture.at(1_000))
            // "Dev-11000" sorts before every "dev-…" id; dev-00001 and dev-11500 fall in different bound lists of SQLite.
            #expect(found == [expected[2], expected[3], expected[4], expected[5], expected[0], expected[1]])
            #expect(try await store.excursions(deviceIDs: [], from: StoreFixture.at(0), to: StoreFixture.at(1_000)) == [])
        }
    }

    /// Eight workers storing one batch at once: stored once, seen as a duplicate by the seven others, one state.
    @Test(arguments: StorageBackend.allCases)
    func concurrentCopiesOfABatchAreStoredOnce(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            try await store.insert(fixture.device("d-1"), placement: nil)
            let calls = CallCounter()
            let outcomes = try await withThrowingTaskGroup(of: TelemetryStoreOutcome.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        try await store.storeTelemetry(fixture.batch("d-1", sequence: 42)) { _ in
                            calls.increment()
                            return fixture.monitorUpdate("d-1", state: [42])
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == .stored }.count == 1)
            #expect(outcomes.filter { $0 == .duplicate }.count == 7)
            #expect(calls.count >= 1)
            #expect(try await store.monitorState(deviceID: "d-1")?.state == [42])
            #expect(try await store.telemetryBatches(deviceID: "d-1", afterSequence: nil, limit: 10).count == 1)
        }
    }

    /// Concurrent batches of one device take turns: each `update` sees the state the previous one stored.
    @Test(arguments: StorageBackend.allCases)
    func concurrentBatchesOfADeviceTakeTurns(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            try await store.insert(fixture.device("d-1"), placement: nil)
            let outcomes = try await withThrowingTaskGroup(of: TelemetryStoreOutcome.self) { group in
                for sequence in 1...8 {
                    group.addTask {
                        try await store.storeTelemetry(fixture.batch("d-1", sequence: UInt64(sequence))) { current in
                            let count = (current?.state.first ?? 0) + 1
                            return fixture.monitorUpdate("d-1", state: [count])
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes == Array(repeating: .stored, count: 8))
            #expect(try await store.monitorState(deviceID: "d-1")?.state == [8])
            // Again, now that the store has seen the device's state (a store may try the state it expects first).
            let more = try await withThrowingTaskGroup(of: TelemetryStoreOutcome.self) { group in
                for sequence in 9...16 {
                    group.addTask {
                        try await store.storeTelemetry(fixture.batch("d-1", sequence: UInt64(sequence))) { current in
                            fixture.monitorUpdate("d-1", state: [(current?.state.first ?? 0) + 1])
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(more == Array(repeating: .stored, count: 8))
            #expect(try await store.monitorState(deviceID: "d-1")?.state == [16])
            // Another writer (a rebuild, or another replica) changes the state: the next batch sees that one.
            try await store.replaceMonitor(fixture.monitorUpdate("d-1", state: [100]))
            _ = try await store.storeTelemetry(fixture.batch("d-1", sequence: 17)) { current in
                fixture.monitorUpdate("d-1", state: [(current?.state.first ?? 0) + 1])
            }
            #expect(try await store.monitorState(deviceID: "d-1")?.state == [101])
        }
    }
}
