import Foundation
import JSON
import Registry
import Storage
import TestSupport
import Testing

/// EPCIS capture and query through the registry: every official GS1 example of testdata/epcis is accepted, each
/// event stored once under its event hash, and the lots the examples name get their custody.
@Suite("EPCIS capture")
struct EPCISCaptureTests {
    static func examples() throws -> [URL] {
        try TestData.files(under: "epcis/core", withExtension: "jsonld") + TestData.files(under: "epcis/sensor", withExtension: "jsonld")
    }

    @Test("every official example is captured; a second capture stores nothing")
    func officialExamplesAreAccepted() async throws {
        let files = try Self.examples()
        #expect(files.count == 14)
        try await RegistryTests.withRegistry { registry, _, _, _ in
            var total = 0
            for file in files {
                let bytes = Array(try Data(contentsOf: file))
                let first = try await registry.captureEPCIS(bytes)
                #expect(first.captured == first.eventHashes.count, "\(file.lastPathComponent)")
                #expect(!first.eventHashes.isEmpty, "\(file.lastPathComponent)")
                #expect(first.eventHashes.allSatisfy { $0.hasPrefix("ni:///sha-256;") && $0.hasSuffix("?ver=CBV2.0") })
                let again = try await registry.captureEPCIS(bytes)
                #expect(again.captured == 0, "\(file.lastPathComponent) again")
                #expect(again.eventHashes == first.eventHashes)
                total += first.captured
            }
            let all = try await registry.store.epcisEvents(EPCISEventQuery(limit: 10_000))
            #expect(all.count == total)
            // Examples 9.6.2 and 9.6.3 name lot 998877 of GTIN 04012345123456 (an LGTIN class).
            let lotEvents = try await registry.store.epcisEvents(EPCISEventQuery(lot: ("04012345123456", "998877")))
            #expect(lotEvents.count >= 2)
            let lot = try await registry.store.lot(gtin: "04012345123456", lot: "998877")
            #expect(lot != nil)
            let query = try await registry.epcisQueryDocument(EPCISEventQuery(lot: ("04012345123456", "998877")))
            #expect(query["type"]?.stringValue == "EPCISQueryDocument")
            #expect(query["epcisBody"]?["queryResults"]?["resultsBody"]?["eventList"]?.arrayValue?.count == lotEvents.count)
        }
    }

    @Test("a document with an invalid event stores nothing")
    func invalidDocumentStoresNothing() async throws {
        try await RegistryTests.withRegistry { registry, _, _, _ in
            let bad = Array(#"{"type": "EPCISDocument", "schemaVersion": "2.0", "epcisBody": {"eventList": [{"type": "ObjectEvent"}]}}"#.utf8)
            await #expect(throws: (any Error).self) { try await registry.captureEPCIS(bad) }
            let stored = try await registry.store.epcisEvents(EPCISEventQuery())
            #expect(stored.isEmpty)
        }
    }
}
