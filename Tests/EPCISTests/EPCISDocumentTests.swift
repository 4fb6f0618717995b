import EPCIS
import Foundation
import JSON
import Testing
import TestSupport

@Suite struct EPCISDocumentTests {
    static func document(_ events: String, context: String = "\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\"")
        -> String
    {
        """
        {"@context":[\(context)],"type":"EPCISDocument","schemaVersion":"2.0","creationDate":"2026-01-01T00:00:00Z",
         "epcisBody":{"eventList":[\(events)]}}
        """
    }

    static let dispensing = """
        {"type":"ObjectEvent","eventTime":"2026-03-01T10:15:00.000+01:00","eventTimeZoneOffset":"+01:00",
         "epcList":["https://id.gs1.org/01/09521234543213/21/12345"],"action":"OBSERVE","bizStep":"dispensing",
         "disposition":"dispensed","readPoint":{"id":"urn:epc:id:sgln:4012345.00005.0"},
         "ilmd":{"cbvmda:lotNumber":"ABC123"},"example:clinic":"A-1"}
        """

    @Test func readsTypedFields() throws {
        let doc = try EPCISDocument(bytes: Array(Self.document(Self.dispensing).utf8))
        let event = try #require(doc.events.first)
        #expect(event.type == .objectEvent)
        #expect(event.action == .observe)
        #expect(event.bizStep == "dispensing")
        #expect(event.disposition == "dispensed")
        #expect(event.readPoint == "urn:epc:id:sgln:4012345.00005.0")
        #expect(event.epcList == ["https://id.gs1.org/01/09521234543213/21/12345"])
        #expect(event.ilmd?["cbvmda:lotNumber"]?.stringValue == "ABC123")
        #expect(event.extensions.keys == ["example:clinic"])
        #expect(event.eventTimeMilliseconds == EPCISTimestamp.epochMilliseconds("2026-03-01T09:15:00Z"))
    }

    @Test func hashOfOwnEventIsStableAndIgnoresEventIDAndRecordTime() throws {
        let doc = try EPCISDocument(bytes: Array(Self.document(Self.dispensing).utf8))
        let withIDs = Self.dispensing.replacingOccurrences(
            of: "\"action\"", with: "\"eventID\":\"ni:///x\",\"recordTime\":\"2026-03-02T00:00:00Z\",\"action\"")
        let doc2 = try EPCISDocument(bytes: Array(Self.document(withIDs).utf8))
        let hash = try EPCISEventHash.hashes(of: doc)
        #expect(hash == (try EPCISEventHash.hashes(of: doc2)))
        #expect(hash.first?.hasPrefix("ni:///sha-256;") == true)
        #expect(hash.first?.hasSuffix("?ver=CBV2.0") == true)
        let pre = try EPCISEventHash.preHashes(of: doc)[0]
        #expect(pre.contains("bizStep=https://ref.gs1.org/cbv/BizStep-dispensing"))
        #expect(pre.contains("disposition=https://ref.gs1.org/cbv/Disp-dispensed"))
        #expect(pre.contains("readPointid=https://id.gs1.org/414/4012345000054"))
        #expect(pre.hasSuffix("ilmd{urn:epcglobal:cbv:mda:}lotNumber=ABC123"))
    }

    @Test func equivalentSerialisationsHashEqual() throws {
        // Same event: EPC URI vs Digital Link, other time zone, other member order, 26.0 vs 26.
        let a = """
            {"type":"ObjectEvent","eventTime":"2026-03-01T10:15:00+01:00","eventTimeZoneOffset":"+01:00",
             "epcList":["urn:epc:id:sgtin:4012345.011111.9876","urn:epc:id:sgtin:4012345.011111.1"],"action":"OBSERVE",
             "bizStep":"storing","sensorElementList":[{"sensorReport":[{"type":"Temperature","value":5.0,"uom":"CEL"}]}]}
            """
        let b = """
            {"action":"OBSERVE","type":"ObjectEvent","eventTimeZoneOffset":"+01:00","eventTime":"2026-03-01T09:15:00.0000Z",
             "epcList":["https://example.org/01/04012345111118/21/1","https://id.gs1.org/01/04012345111118/21/9876?x=1"],
             "bizStep":"https://ref.gs1.org/cbv/BizStep-storing",
             "sensorElementList":[{"sensorReport":[{"uom":"CEL","value":5,"type":"gs1:Temperature"}]}]}
            """
        let hashes = try EPCISEventHash.hashes(of: EPCISDocument(bytes: Array(Self.document(a + "," + b).utf8)))
        #expect(hashes.count == 2)
        #expect(hashes[0] == hashes[1])
    }

    @Test func queryDocumentAndSingleEventBody() throws {
        let query = """
            {"@context":["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],"type":"EPCISQueryDocument",
             "schemaVersion":"2.0","creationDate":"2026-01-01T00:00:00Z",
             "epcisBody":{"queryResults":{"queryName":"SimpleEventQuery","resultsBody":{"eventList":[\(Self.dispensing)]}}}}
            """
        let doc = try EPCISDocument(bytes: Array(query.utf8))
        #expect(doc.kind == .queryDocument)
        #expect(doc.events.count == 1)
    }

    @Test(arguments: [
        ("[]", "EPCIS_INVALID_DOCUMENT"),
        ("{\"type\":\"Other\",\"epcisBody\":{}}", "EPCIS_INVALID_DOCUMENT"),
        ("{\"type\":\"EPCISDocument\",\"epcisBody\":{}}", "EPCIS_INVALID_DOCUMENT"),
        ("{\"type\":\"EPCISDocument\",\"epcisBody\":{\"eventList\":[1]}}", "EPCIS_INVALID_EVENT"),
        ("{\"type\":\"EPCISDocument\",\"epcisBody\":{\"eventList\":[{\"type\":\"FooEvent\"}]}}", "EPCIS_UNKNOWN_EVENT_TYPE"),
        (
            "{\"type\":\"EPCISDocument\",\"epcisBody\":{\"eventList\":[{\"type\":\"ObjectEvent\",\"eventTime\":\"yesterday\","
                + "\"eventTimeZoneOffset\":\"+01:00\",\"action\":\"ADD\"}]}}", "EPCIS_INVALID_TIMESTAMP"
        ),
        (
            "{\"type\":\"EPCISDocument\",\"epcisBody\":{\"eventList\":[{\"type\":\"ObjectEvent\",\"eventTime\":\"2026-01-01T00:00:00Z\","
                + "\"eventTimeZoneOffset\":\"+01:00\"}]}}", "EPCIS_INVALID_EVENT"
        ),
        (
            "{\"type\":\"EPCISDocument\",\"epcisBody\":{\"eventList\":[{\"type\":\"ObjectEvent\",\"eventTime\":\"2026-01-01T00:00:00Z\","
                + "\"eventTimeZoneOffset\":\"+01:00\",\"action\":\"ADD\",\"epcList\":\"x\"}]}}", "EPCIS_INVALID_EVENT"
        ),
        ("{\"type\":", "EPCIS_INVALID_JSON"),
    ])
    func codedErrors(json: String, code: String) {
        do {
            _ = try EPCISDocument(bytes: Array(json.utf8))
            Issue.record("expected \(code)")
        } catch {
            #expect(error.code == code)
        }
    }

    @Test func limits() {
        let two = Self.document(Self.dispensing + "," + Self.dispensing)
        #expect(throws: EPCISError(.limitExceeded, "")) {
            try EPCISDocument(bytes: Array(two.utf8), limits: .init(maxEvents: 1))
        }
        #expect(throws: EPCISError(.limitExceeded, "")) {
            try EPCISDocument(bytes: Array(two.utf8), limits: .init(maxBytes: 100))
        }
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: EPCISError(.limitExceeded, "")) {
            try EPCISDocument(bytes: Array(deep.utf8), limits: .init(maxDepth: 32))
        }
    }

    /// Every prefix of a real document (and of a GS1 example) gives a document or a coded EPCIS error, never a crash.
    @Test func everyPrefixGivesValueOrCodedError() throws {
        let inputs = [
            Array(Self.document(Self.dispensing).utf8),
            Array(try TestData.data("epcis/sensor/SensorDataExample2.jsonld")),
        ]
        for bytes in inputs {
            // Only the complete document (possibly without trailing white space) is valid.
            var end = bytes.count
            while end > 0, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[end - 1]) { end -= 1 }
            var errors = 0
            for length in 0..<bytes.count {
                do {
                    let doc = try EPCISDocument(bytes: bytes[0..<length])
                    _ = try EPCISEventHash.hashes(of: doc)
                } catch {
                    errors += 1
                    #expect(error.code.hasPrefix("EPCIS_"))
                }
            }
            #expect(errors == end)
            #expect(try EPCISDocument(bytes: bytes).events.count == 1)
        }
    }

    @Test func timestamps() {
        #expect(EPCISTimestamp.canonical("2023-02-02T11:04:03.1415Z") == "2023-02-02T11:04:03.142Z")
        #expect(EPCISTimestamp.canonical("2019-10-21T14:58:56+02:00") == "2019-10-21T12:58:56.000Z")
        #expect(EPCISTimestamp.canonical("2020-01-01T00:30:00.9996+01:00") == "2019-12-31T23:30:01.000Z")
        #expect(EPCISTimestamp.canonical("2024-02-29T23:59:59.9999Z") == "2024-03-01T00:00:00.000Z")
        #expect(EPCISTimestamp.canonical("2024-02-29") == nil)
        #expect(EPCISTimestamp.canonical("2024-13-01T00:00:00Z") == nil)
    }

    @Test func hashFormat() {
        // SHA-256 of the empty string.
        #expect(
            EPCISEventHash.hash(preHash: "")
                == "ni:///sha-256;e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855?ver=CBV2.0")
    }
}

@Suite struct EPCISEventBuildTests {
    @Test func builtDispensingEventHashesLikeTheReadOne() throws {
        let built = try EPCISEvent(
            type: .objectEvent, eventTime: "2026-03-01T10:15:00.000+01:00", eventTimeZoneOffset: "+01:00",
            action: .observe, bizStep: "dispensing", disposition: "dispensed",
            readPoint: "urn:epc:id:sgln:4012345.00005.0", epcList: ["https://id.gs1.org/01/09521234543213/21/12345"],
            ilmd: ["cbvmda:lotNumber": "ABC123"], extensions: ["example:clinic": "A-1"])
        let read = try #require(
            try EPCISDocument(bytes: Array(EPCISDocumentTests.document(EPCISDocumentTests.dispensing).utf8)).events.first)
        #expect(try built.hash() == (try read.hash()))
        #expect(built.bizStep == "dispensing")
    }

    @Test func builtLotShipmentWithSensorData() throws {
        let event = try EPCISEvent(
            type: .objectEvent, eventTime: "2026-03-01T08:00:00Z", eventTimeZoneOffset: "+00:00", action: .observe,
            bizStep: "shipping", disposition: "in_transit", readPoint: "urn:epc:id:sgln:4012345.00005.0",
            quantityList: [EPCISQuantityElement(epcClass: "urn:epc:class:lgtin:4012345.012345.998877", quantity: 100)],
            sourceList: [EPCISTypedReference(type: "owning_party", id: "urn:epc:id:pgln:4012345.00000")],
            sensorElementList: [["sensorReport": [["type": "Temperature", "value": .double(5.5), "uom": "CEL"]]]])
        let pre = try EPCISEventHash.preHash(event: event.json)
        #expect(pre.contains("quantityListquantityElementepcClass=https://id.gs1.org/01/04012345123456/10/998877quantity=100"))
        #expect(pre.contains("sensorReporttype=https://gs1.org/voc/Temperaturevalue=5.5uom=CEL"))
        #expect(pre.hasSuffix("sourceListtype=https://ref.gs1.org/cbv/SDT-owning_partysource=https://id.gs1.org/417/4012345000009"))
        #expect(event.sensorElementList.first?.reports.first?.value == 5.5)
    }

    @Test func buildRejectsMissingAction() {
        #expect(throws: EPCISError(.invalidEvent, "")) {
            try EPCISEvent(type: .objectEvent, eventTime: "2026-03-01T08:00:00Z", eventTimeZoneOffset: "+00:00")
        }
    }
}
