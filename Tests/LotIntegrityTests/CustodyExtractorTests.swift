import EPCIS
import Foundation
import LotIntegrity
import Testing
import TestSupport

/// Custody steps from EPCIS events: hand-written events read through the EPCIS module, and the official examples.
@Suite struct CustodyExtractorTests {
    /// A document holding the given event objects (JSON text), with an optional extra `@context` object.
    static func document(_ events: [String], context: String = "") throws -> EPCISDocument {
        let contextText = "\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\"" + (context.isEmpty ? "" : ", " + context)
        let text = """
            {"@context": [\(contextText)], "type": "EPCISDocument", "schemaVersion": "2.0",
             "creationDate": "2024-01-01T00:00:00Z", "epcisBody": {"eventList": [\(events.joined(separator: ","))]}}
            """
        return try EPCISDocument(bytes: Array(text.utf8))
    }

    static func steps(_ event: String, context: String = "") throws -> [CustodyStep] {
        let document = try document([event], context: context)
        let event = try #require(document.events.first)
        return CustodyExtractor.steps(from: event, namespaces: document.namespaces)
    }

    // Canonical forms (check digits computed by hand / independently).
    static let sglnA = "https://id.gs1.org/414/4012345000054"  // urn:epc:id:sgln:4012345.00005.0
    static let sgln777 = "https://id.gs1.org/414/0614141007776"  // urn:epc:id:sgln:0614141.00777.0
    static let sgln888 = "https://id.gs1.org/414/0614141008889"  // urn:epc:id:sgln:0614141.00888.0
    static let sscc = "https://id.gs1.org/00/106141412345678908"  // urn:epc:id:sscc:0614141.1234567890
    static let lot998877 = LotIdentity(gtin: "04012345123456", lot: "998877")

    // MARK: Hand-written events

    @Test func commissioningWithTwoLotsAndExpiry() throws {
        let steps = try Self.steps("""
            {"type": "ObjectEvent", "eventTime": "2024-03-01T10:00:00+01:00", "eventTimeZoneOffset": "+01:00",
             "action": "ADD", "bizStep": "commissioning", "disposition": "active",
             "readPoint": {"id": "urn:epc:id:sgln:4012345.00005.0"},
             "bizLocation": {"id": "https://example.org/some/prefix/414/4012345000054?linkType=all"},
             "quantityList": [
               {"epcClass": "urn:epc:class:lgtin:4012345.012345.998877", "quantity": 100},
               {"epcClass": "https://id.gs1.org/01/9521234543213/10/ABC%2F123", "quantity": 50},
               {"epcClass": "urn:epc:idpat:sgtin:4012345.012345.*", "quantity": 5},
               {"epcClass": "urn:epc:class:lgtin:4012345.012345.998877", "quantity": 1}],
             "ilmd": {"cbvmda:itemExpirationDate": "2026-12-31", "cbvmda:lotNumber": "998877"}}
            """)
        #expect(steps.map(\.lot) == [Self.lot998877, LotIdentity(gtin: "09521234543213", lot: "ABC/123")])
        for step in steps {
            #expect(step.time == 1_709_283_600_000)
            #expect(step.locations == [Self.sglnA])  // the URN read point and the DL business location are one place
            #expect(!step.inTransit)
            #expect(step.expiry == "2026-12-31")
        }
    }

    @Test func shippingLocatesTheLotInItsShipmentOnly() throws {
        let steps = try Self.steps("""
            {"type": "ObjectEvent", "eventTime": "2024-03-02T08:00:00Z", "eventTimeZoneOffset": "+00:00",
             "action": "OBSERVE", "bizStep": "https://ref.gs1.org/cbv/BizStep-shipping",
             "readPoint": {"id": "urn:epc:id:sgln:4012345.00005.0"},
             "epcList": ["urn:epc:id:sscc:0614141.1234567890", "https://id.gs1.org/01/04012345123456/10/998877/21/7",
                         "urn:epc:id:sgtin:4012345.012345.8"],
             "quantityList": [{"epcClass": "https://id.gs1.org/01/04012345123456/10/998877"}]}
            """)
        #expect(steps == [CustodyStep(lot: Self.lot998877, time: 1_709_366_400_000, locations: [Self.sscc], inTransit: true)])
    }

    @Test func shipmentWithoutSSCCHasNoLocation() throws {
        let steps = try Self.steps("""
            {"type": "ObjectEvent", "eventTime": "2024-03-02T08:00:00Z", "eventTimeZoneOffset": "+00:00",
             "action": "OBSERVE", "bizStep": "departing", "disposition": "urn:epcglobal:cbv:disp:in_transit",
             "readPoint": {"id": "urn:epc:id:sgln:4012345.00005.0"},
             "quantityList": [{"epcClass": "urn:epc:class:lgtin:4012345.012345.998877"}]}
            """)
        #expect(steps.count == 1 && steps[0].inTransit && steps[0].locations.isEmpty)
    }

    @Test(arguments: [
        ("shipping", "active", true), ("urn:epcglobal:cbv:bizstep:shipping", "active", true),
        ("cbv:BizStep-shipping", "active", true), ("http://ref.gs1.org/cbv/BizStep-shipping", "active", true),
        ("receiving", "in_transit", true), ("receiving", "https://ref.gs1.org/cbv/Disp-in_transit", true),
        ("receiving", "cbv:Disp-in_transit", true), ("receiving", "in_progress", false),
        ("void_shipping", "active", false), ("https://ref.gs1.org/cbv/BizStep-receiving", "active", false),
    ])
    func shipmentTerms(bizStep: String, disposition: String, shipping: Bool) throws {
        let steps = try Self.steps("""
            {"type": "ObjectEvent", "eventTime": "2024-03-02T08:00:00Z", "eventTimeZoneOffset": "+00:00",
             "action": "OBSERVE", "bizStep": "\(bizStep)", "disposition": "\(disposition)",
             "bizLocation": {"id": "urn:epc:id:sgln:4012345.00005.0"},
             "quantityList": [{"epcClass": "urn:epc:class:lgtin:4012345.012345.998877"}]}
            """)
        #expect(steps.map(\.inTransit) == [shipping])
        #expect(steps.first?.locations == (shipping ? [] : [Self.sglnA]))
    }

    @Test func aggregationAddsTheContainerToTheLocations() throws {
        let steps = try Self.steps("""
            {"type": "AggregationEvent", "eventTime": "2024-03-03T09:00:00Z", "eventTimeZoneOffset": "+00:00",
             "action": "OBSERVE", "bizStep": "receiving",
             "readPoint": {"id": "urn:epc:id:sgln:0614141.00777.0"}, "bizLocation": {"id": "urn:epc:id:sgln:0614141.00888.0"},
             "parentID": "https://example.com/sscc/106141412345678908",
             "childEPCs": ["urn:epc:id:sgtin:0614141.107346.2017"],
             "childQuantityList": [{"epcClass": "urn:epc:class:lgtin:4012345.012345.998877", "quantity": 10}]}
            """)
        #expect(steps.map(\.lot) == [Self.lot998877])
        #expect(steps.first?.locations == [Self.sscc, Self.sgln777, Self.sgln888])
        #expect(steps.first?.inTransit == false)
    }

    @Test func transformationOutputsOnly() throws {
        let steps = try Self.steps("""
            {"type": "TransformationEvent", "eventTime": "2024-03-04T09:00:00Z", "eventTimeZoneOffset": "+00:00",
             "bizStep": "repackaging", "readPoint": {"id": "geo:52.52,13.40"},
             "inputQuantityList": [{"epcClass": "urn:epc:class:lgtin:4012345.012345.111", "quantity": 1}],
             "inputEPCList": ["https://id.gs1.org/01/04012345123456/10/222/21/1"],
             "outputQuantityList": [{"epcClass": "urn:epc:class:lgtin:4012345.012345.333", "quantity": 1}],
             "outputEPCList": ["https://id.gs1.org/01/04012345123456/10/444/21/1", "https://id.gs1.org/01/04012345123456/21/9"]}
            """)
        #expect(steps.map(\.lot.lot) == ["333", "444"])
        #expect(steps.first?.locations == ["geo:52.52,13.40"])  // not a GS1 identifier: unchanged
    }

    @Test func eventsWithoutLotsYieldNothing() throws {
        for epcs in ["\"urn:epc:id:sgtin:4012345.012345.8\"", "\"https://id.gs1.org/01/04012345123456/21/8\"",
                     "\"https://id.gs1.org/01/04012345123456\"", "\"urn:epc:class:lgtin:4012345.012345\""] {
            let steps = try Self.steps("""
                {"type": "ObjectEvent", "eventTime": "2024-03-02T08:00:00Z", "eventTimeZoneOffset": "+00:00",
                 "action": "OBSERVE", "readPoint": {"id": "urn:epc:id:sgln:4012345.00005.0"}, "epcList": [\(epcs)]}
                """)
            #expect(steps.isEmpty, "\(epcs)")
        }
    }

    @Test(arguments: [
        ("\"cbvmda:itemExpirationDate\": \"2026-12-31\"", "2026-12-31"),
        ("\"urn:epcglobal:cbv:mda:itemExpirationDate\": \"2026-12-31\"", "2026-12-31"),
        ("\"mda:itemExpirationDate\": \"2026-12-31\"", "2026-12-31"),  // prefix declared in @context
        ("\"cbvmda:itemExpirationDate\": \"2026-12-31+01:00\"", "2026-12-31"),
        ("\"cbvmda:itemExpirationDate\": \"2026-12-31T00:00:00Z\"", "2026-12-31"),
        ("\"cbvmda:itemExpirationDate\": \"2026-02-29\"", nil), ("\"cbvmda:itemExpirationDate\": \"2026-12-31x\"", nil),
        ("\"cbvmda:itemExpirationDate\": 20261231", nil), ("\"cbvmda:bestBeforeDate\": \"2026-12-31\"", nil),
        ("\"example:itemExpirationDate\": \"2026-12-31\"", nil),
    ] as [(String, String?)])
    func expiryFromILMD(member: String, expected: String?) throws {
        let steps = try Self.steps("""
            {"type": "ObjectEvent", "eventTime": "2024-03-01T10:00:00Z", "eventTimeZoneOffset": "+00:00",
             "action": "ADD", "bizStep": "commissioning",
             "quantityList": [{"epcClass": "urn:epc:class:lgtin:4012345.012345.998877"}], "ilmd": {\(member)}}
            """, context: "{\"mda\": \"urn:epcglobal:cbv:mda:\", \"example\": \"https://example.com/\"}")
        #expect(steps.map(\.expiry) == [expected])
    }

    // MARK: Locations

    @Test(arguments: [
        ("urn:epc:id:sgln:4012345.00005.0", "https://id.gs1.org/414/4012345000054"),
        ("https://id.gs1.org/414/4012345000054", "https://id.gs1.org/414/4012345000054"),
        ("HTTPS://example.com/a/b/gln/4012345000054?linkType=gs1:pip#x", "https://id.gs1.org/414/4012345000054"),
        ("urn:epc:id:sgln:0012345.11111.400", "https://id.gs1.org/414/0012345111112/254/400"),
        ("https://id.gs1.org/414/0012345111112/254/400", "https://id.gs1.org/414/0012345111112/254/400"),
        ("urn:epc:id:sscc:0614141.1234567890", "https://id.gs1.org/00/106141412345678908"),
        ("https://example.com/00/106141412345678908", "https://id.gs1.org/00/106141412345678908"),
        ("urn:epc:id:giai:4000001.111", "https://id.gs1.org/8004/4000001111"),
        ("https://id.gs1.org/01/9521234543213/22/A/10/L1/21/S1", "https://id.gs1.org/01/09521234543213/21/S1"),
        ("geo:42.698334,23.319941", "geo:42.698334,23.319941"),
        ("urn:epc:id:sgln:bad", "urn:epc:id:sgln:bad"),
        ("https://example.com/fridge/7", "https://example.com/fridge/7"),
    ])
    func locationNormalisation(input: String, expected: String) {
        #expect(CustodyExtractor.normaliseLocation(input) == expected)
        #expect(CustodyExtractor.normaliseLocation(expected) == expected)  // idempotent
    }

    /// The GS1 identifiers normalise exactly as the EPCIS event hash canonicalises a `readPoint`.
    @Test func normalisationAgreesWithTheEventHash() throws {
        let ids = [
            "urn:epc:id:sgln:4012345.00005.0", "urn:epc:id:sgln:0012345.11111.400", "urn:epc:id:sscc:0614141.1234567890",
            "urn:epc:id:giai:4000001.111", "https://example.com/gln/4012345000054?x=1",
            "https://id.gs1.org/414/0012345111112/254/400", "https://example.com/p/00/106141412345678908",
            "urn:epc:id:sgtin:4012345.011111.9876", "https://id.gs1.org/01/9521234543213/10/L1/21/S1",
            "urn:epc:class:lgtin:4012345.012345.998877", "https://id.example.com/8004/4000001111",
        ]
        let events = ids.map {
            """
            {"type": "ObjectEvent", "eventTime": "2024-01-01T00:00:00Z", "eventTimeZoneOffset": "+00:00",
             "action": "OBSERVE", "readPoint": {"id": "\($0)"}}
            """
        }
        let preHashes = try EPCISEventHash.preHashes(of: try Self.document(events))
        #expect(preHashes.count == ids.count)
        for (id, preHash) in zip(ids, preHashes) {
            let marker = try #require(preHash.range(of: "readPointid="))
            #expect(String(preHash[marker.upperBound...]) == CustodyExtractor.normaliseLocation(id), "\(id)")
        }
    }

    // MARK: Official examples

    @Test func officialExamples() throws {
        var files = try TestData.files(under: "epcis/core", withExtension: "jsonld")
        files += try TestData.files(under: "epcis/sensor", withExtension: "jsonld")
        #expect(files.count == 14)
        var yields: [String: [CustodyStep]] = [:]
        var events = 0
        for file in files {
            let document = try EPCISDocument(bytes: Array(try Data(contentsOf: file)))
            events += document.events.count
            yields[file.lastPathComponent] = document.events.flatMap {
                CustodyExtractor.steps(from: $0, namespaces: document.namespaces)
            }
        }
        #expect(events == 17)
        // Example 9.6.2: a lot (LGTIN) received at 0614141.00888.0 through read point 0614141.00777.0.
        #expect(yields["Example_9.6.2-ObjectEvent.jsonld"] == [
            CustodyStep(lot: Self.lot998877, time: 1_370_703_536_591, locations: [Self.sgln777, Self.sgln888], inTransit: false)
        ])
        // Example 9.6.3: the same lot received inside SSCC 0614141.1234567890.
        #expect(yields["Example_9.6.3-AggregationEvent.jsonld"] == [
            CustodyStep(
                lot: Self.lot998877, time: 1_370_703_536_591, locations: [Self.sscc, Self.sgln777, Self.sgln888],
                inTransit: false)
        ])
        // Every other example names serialised items (SGTIN), transformation inputs, or no objects: no lot.
        let withoutLots = yields.filter { $0.value.isEmpty }.keys.sorted()
        #expect(withoutLots == [
            "Example_9.6.1-ObjectEvent.jsonld", "Example_9.6.1-ObjectEventWithDigitalLink.jsonld",
            "Example_9.6.4-TransformationEvent.jsonld", "PersistentDisposition-example.jsonld",
            "SensorDataExample1.jsonld", "SensorDataExample13.jsonld", "SensorDataExample14.jsonld",
            "SensorDataExample16.jsonld", "SensorDataExample1b.jsonld", "SensorDataExample2.jsonld",
            "SensorDataExample3.jsonld", "SensorDataExample9.jsonld",
        ])
    }

    @Test func officialShippingExampleIsAShipment() throws {
        let document = try EPCISDocument(bytes: Array(try TestData.data("epcis/core/Example_9.6.1-ObjectEvent.jsonld")))
        #expect(document.events.map { CustodyExtractor.isShipment($0) } == [true, false])
        #expect(CustodyExtractor.lots(in: document.events[0]).isEmpty)
    }
}
