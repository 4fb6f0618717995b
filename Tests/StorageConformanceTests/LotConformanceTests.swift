import Foundation
import Storage
import Testing

/// Lots, captured EPCIS events, custody chains, lot histories and recall lists: the same behaviour from every
/// adapter.
@Suite("Storage conformance: lots and EPCIS")
struct LotConformanceTests {
    static let gtin = "04012345000009"
    static let otherGTIN = "09506000134352"

    /// A stored lot keeps the values it knows and gains the ones it lacked.
    @Test(arguments: StorageBackend.allCases)
    func anUpsertFillsInButNeverOverwrites(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let bare = Lot(gtin: Self.gtin, lot: "L1", createdAt: StoreFixture.now)
            try await store.upsert(bare)
            #expect(try await store.lot(gtin: Self.gtin, lot: "L1") == bare.stored)
            try await store.upsert(Lot(gtin: Self.gtin, lot: "L1", expiry: "2027-01-31", createdAt: StoreFixture.at(60)))
            var expected = bare.stored
            expected.expiry = "2027-01-31"
            #expect(try await store.lot(gtin: Self.gtin, lot: "L1") == expected)
            try await store.upsert(
                Lot(gtin: Self.gtin, lot: "L1", expiry: "2030-12-31", productCode: "EU/1/20/1528", createdAt: StoreFixture.at(120)))
            expected.productCode = "EU/1/20/1528"
            #expect(try await store.lot(gtin: Self.gtin, lot: "L1") == expected)
            try await store.upsert(
                Lot(gtin: Self.gtin, lot: "L1", expiry: nil, productCode: "EU/1/99/9999", createdAt: StoreFixture.at(180)))
            #expect(try await store.lot(gtin: Self.gtin, lot: "L1") == expected)

            let elsewhere = Lot(gtin: Self.otherGTIN, lot: "L1", productCode: "EU/1/21/1529", createdAt: StoreFixture.now)
            try await store.upsert(elsewhere)
            try await store.upsert(Lot(gtin: Self.gtin, lot: "L2", createdAt: StoreFixture.now))
            #expect(try await store.lots(lotNumber: "L1") == [expected, elsewhere.stored])
            #expect(try await store.lots(lotNumber: "l1") == [])
            #expect(try await store.lot(gtin: Self.otherGTIN, lot: "L2") == nil)
        }
    }

    /// Capturing a document twice stores it once; an event stored before is skipped with its custody entries.
    @Test(arguments: StorageBackend.allCases)
    func captureIsIdempotent(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            let shipped = fixture.epcisEvent("ship", at: 3_600.0004)
            let received = fixture.epcisEvent("receive", at: 7_200.5, bizStep: "receiving")
            let locations = ["https://id.gs1.org/414/4012345000016", "urn:epc:id:sscc:4012345.0000000001", "Lager Süd/2"]
            let custody = [
                fixture.custody(Self.gtin, "L1", of: shipped, locations: locations, inTransit: true),
                fixture.custody(Self.gtin, "L1", of: received, locations: ["https://id.gs1.org/414/4012345000023"]),
                fixture.custody(Self.gtin, "L2", of: received, locations: []),
            ]
            let lot = Lot(gtin: Self.gtin, lot: "L1", expiry: "2027-01-31", createdAt: StoreFixture.now)
            // The same event twice in one call counts once.
            let captured = try await store.capture(events: [shipped, received, shipped], custody: custody, lots: [lot])
            #expect(captured == 2)
            #expect(try await store.epcisEvent(hash: shipped.hash) == shipped.stored)
            #expect(try await store.epcisEvent(hash: received.hash) == received.stored)
            #expect(try await store.epcisEvent(hash: "ni:///sha-256;unknown?ver=CBV2.0") == nil)
            #expect(try await store.custody(gtin: Self.gtin, lot: "L1") == [custody[0].stored, custody[1].stored])
            #expect(try await store.custody(gtin: Self.gtin, lot: "L2") == [custody[2].stored])
            #expect(try await store.lot(gtin: Self.gtin, lot: "L1") == lot.stored)

            // The same document again: nothing new, and the custody chain is unchanged.
            #expect(try await store.capture(events: [shipped, received], custody: custody, lots: [lot]) == 0)
            #expect(try await store.custody(gtin: Self.gtin, lot: "L1") == [custody[0].stored, custody[1].stored])

            // A stored event with other custody entries is skipped with them; a new event is stored with its own.
            let used = fixture.epcisEvent("use", at: 10_800, bizStep: nil)
            let more = [
                fixture.custody(Self.gtin, "L1", of: shipped, locations: ["urn:rewritten"]),
                fixture.custody(Self.gtin, "L3", of: shipped, locations: ["urn:rewritten"]),
                fixture.custody(Self.gtin, "L1", of: used, locations: ["urn:epc:id:sgln:4012345.00002.0"]),
            ]
            let filled = Lot(gtin: Self.gtin, lot: "L1", expiry: "2099-01-01", productCode: "EU/1/20/1528", createdAt: StoreFixture.at(1))
            #expect(try await store.capture(events: [shipped, used], custody: more, lots: [filled]) == 1)
            #expect(try await store.custody(gtin: Self.gtin, lot: "L1") == [custody[0].stored, custody[1].stored, more[2].stored])
            #expect(try await store.custody(gtin: Self.gtin, lot: "L3") == [])
            var expectedLot = lot.stored
            expectedLot.productCode = "EU/1/20/1528"
            #expect(try await store.lot(gtin: Self.gtin, lot: "L1") == expectedLot)
        }
    }

    /// A custody entry naming an event that is neither captured nor stored fails the whole capture.
    @Test(arguments: StorageBackend.allCases)
    func custodyOfAnUnknownEventIsNotFound(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            let event = fixture.epcisEvent("ship", at: 0)
            let ghost = fixture.epcisEvent("ghost", at: 1)
            let lot = Lot(gtin: Self.gtin, lot: "L1", createdAt: StoreFixture.now)
            await expectStorageError(.notFound) {
                try await store.capture(
                    events: [event],
                    custody: [
                        fixture.custody(Self.gtin, "L1", of: event, locations: ["urn:a"]),
                        fixture.custody(Self.gtin, "L1", of: ghost, locations: []),
                    ],
                    lots: [lot])
            }
            let stored = try await store.epcisEvent(hash: event.hash)
            #expect(stored == nil)
            #expect(try await store.custody(gtin: Self.gtin, lot: "L1") == [])
            #expect(try await store.lot(gtin: Self.gtin, lot: "L1") == nil)
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func eventsAreFilteredAndOrderedByTimeThenHash(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            let commissioned = fixture.epcisEvent("a-commission", at: 0, bizStep: "commissioning")
            let packedB = fixture.epcisEvent("b-pack", type: "AggregationEvent", at: 100, bizStep: "packing")
            let packedA = fixture.epcisEvent("a-pack", type: "AggregationEvent", at: 100.0001, bizStep: "packing")
            let shipped = fixture.epcisEvent("c-ship", at: 200, bizStep: "shipping")
            let received = fixture.epcisEvent("d-receive", at: 300, bizStep: nil)
            let other = fixture.epcisEvent("e-other-lot", at: 150, bizStep: "shipping")
            let events = [received, shipped, packedB, commissioned, other, packedA]
            var custody: [LotCustodyEntry] = []
            for event in [commissioned, packedB, packedA, shipped, received] {
                custody.append(fixture.custody(Self.gtin, "L1", of: event, locations: ["urn:x"]))
            }
            custody.append(fixture.custody(Self.gtin, "L2", of: other, locations: ["urn:y"]))
            custody.append(fixture.custody(Self.otherGTIN, "L1", of: other, locations: []))
            let captured = try await store.capture(events: events, custody: custody, lots: [])
            #expect(captured == 6)

            // All, by time then hash (the two packing events share a millisecond).
            let all = [commissioned, packedA, packedB, other, shipped, received].map(\.hash)
            #expect(try await Self.hashes(store, EPCISEventQuery()) == all)
            #expect(try await store.epcisEvents(EPCISEventQuery(limit: 1)) == [commissioned.stored])
            let lotL1 = [commissioned, packedA, packedB, shipped, received].map(\.hash)
            #expect(try await Self.hashes(store, EPCISEventQuery(lot: (gtin: Self.gtin, lot: "L1"))) == lotL1)
            #expect(try await Self.hashes(store, EPCISEventQuery(lot: (gtin: Self.otherGTIN, lot: "L1"))) == [other.hash])
            #expect(try await Self.hashes(store, EPCISEventQuery(lot: (gtin: Self.otherGTIN, lot: "L2"))) == [])
            #expect(try await Self.hashes(store, EPCISEventQuery(eventType: "AggregationEvent")) == [packedA, packedB].map(\.hash))
            #expect(try await Self.hashes(store, EPCISEventQuery(bizStep: "shipping")) == [other, shipped].map(\.hash))
            // From is inclusive, until exclusive.
            #expect(try await Self.hashes(store, EPCISEventQuery(from: shipped.eventTime, until: received.eventTime)) == [shipped.hash])
            #expect(
                try await Self.hashes(store, EPCISEventQuery(from: StoreFixture.at(100), until: StoreFixture.at(200)))
                    == [packedA, packedB, other].map(\.hash))
            #expect(
                try await Self.hashes(
                    store,
                    EPCISEventQuery(
                        lot: (gtin: Self.gtin, lot: "L1"), eventType: "ObjectEvent", bizStep: "shipping", from: StoreFixture.at(0)))
                    == [shipped.hash])
            // Limits: the first ones in order, at least one, at most 10,000.
            #expect(try await Self.hashes(store, EPCISEventQuery(limit: 2)) == [commissioned, packedA].map(\.hash))
            #expect(try await Self.hashes(store, EPCISEventQuery(limit: 0)) == [commissioned.hash])
            #expect(try await Self.hashes(store, EPCISEventQuery(limit: -5)) == [commissioned.hash])
            #expect(try await Self.hashes(store, EPCISEventQuery(limit: 1_000_000)).count == 6)
        }
    }

    /// The hashes of the events `query` finds, in order.
    static func hashes(_ store: any PlatformStore, _ query: EPCISEventQuery) async throws -> [String] {
        try await store.epcisEvents(query).map(\.hash)
    }

    @Test(arguments: StorageBackend.allCases)
    func aLotsHistoryIsKeptOldestFirst(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            _ = try await fixture.seed(store)
            let admin = fixture.principal("token-admin", role: .admin)
            try await store.insert(admin)
            let evaluated = LotEvent(
                gtin: Self.gtin, lot: "L1", kind: .statusChanged, status: "warning", reasonCode: "LOT_HEAT_ALARM",
                detail: "device d-1, heat 2026-11-30T10:00Z to 11:30Z", createdAt: StoreFixture.at(-60))
            let sameTime = (0..<3).map { index in
                LotEvent(
                    gtin: Self.gtin, lot: "L1", kind: index == 0 ? .recall : .override, status: "recalled",
                    reasonCode: "LOT_RECALLED", detail: "step \(index)", principalID: admin.id, createdAt: StoreFixture.now)
            }
            for event in sameTime.reversed() + [evaluated] { try await store.append(event) }
            try await store.append(
                LotEvent(
                    gtin: Self.gtin, lot: "L2", kind: .recall, status: "recalled", reasonCode: "LOT_RECALLED", detail: "",
                    createdAt: StoreFixture.now))
            let byID = sameTime.sorted { $0.id.uuidString.lowercased() < $1.id.uuidString.lowercased() }
            #expect(try await store.lotEvents(gtin: Self.gtin, lot: "L1") == ([evaluated] + byID).map(\.stored))
            #expect(try await store.lotEvents(gtin: Self.otherGTIN, lot: "L1") == [])

            await expectStorageError(.duplicate) { try await store.append(evaluated) }
            var stranger = evaluated
            stranger.id = UUID()
            stranger.principalID = UUID()
            await expectStorageError(.notFound) { try await store.append(stranger) }
            #expect(try await store.lotEvents(gtin: Self.gtin, lot: "L1").count == 4)
        }
    }

    /// What a recall lists: the lot's vaccinations, oldest first, with their certificates and revocations.
    @Test(arguments: StorageBackend.allCases)
    func vaccinationsOfALotComeWithTheirCertificates(backend: StorageBackend) async throws {
        let fixture = StoreFixture()
        try await backend.withStore { store in
            let (dsc, principal) = try await fixture.seed(store)
            var issuances = ["A", "B", "C", "D"].map { fixture.issuance(by: principal, signedWith: dsc, identifier: $0) }
            for index in 0..<3 { issuances[index].event.lot = "LOT-X" }
            issuances[0].event.createdAt = StoreFixture.at(60)
            for issuance in issuances { #expect(try await store.record(issuance) == .recorded) }
            let revocation = Revocation(
                certificateID: issuances[2].certificate.id, reason: "lot recalled", revokedBy: principal.id, revokedAt: StoreFixture.now)
            try await store.revoke(revocation)

            let found = try await store.vaccinations(lotNumber: "LOT-X")
            // B and C were recorded in the same millisecond: by id; A later.
            let sameTime = [issuances[1], issuances[2]].sorted {
                $0.event.id.uuidString.lowercased() < $1.event.id.uuidString.lowercased()
            }
            let expected = (sameTime + [issuances[0]]).map { issuance in
                LotVaccination(
                    event: issuance.event.stored, certificateID: issuance.certificate.id,
                    isRevoked: issuance.certificate.id == revocation.certificateID)
            }
            #expect(found == expected)
            #expect(found.filter(\.isRevoked).map(\.certificateID) == [issuances[2].certificate.id])
            #expect(try await store.vaccinations(lotNumber: "LOT-D").map(\.event.id) == [issuances[3].event.id])
            #expect(try await store.vaccinations(lotNumber: "LOT-Y") == [])
        }
    }
}
