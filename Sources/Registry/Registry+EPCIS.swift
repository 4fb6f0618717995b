import EPCIS
import Foundation
import JSON
import LotIntegrity
import Storage

extension Registry {
    /// Captures an EPCIS 2.0 JSON-LD document: every event is validated and hashed (CBV 2.0 event hash, its id
    /// here), the lots it names and their custody steps are derived (docs/COLDCHAIN.md), and all is stored in one
    /// transaction. Capturing the same events again stores nothing new.
    ///
    /// - Throws: ``EPCISError`` for an invalid document or event (nothing is stored), ``StorageError``.
    public func captureEPCIS(_ bytes: some Collection<UInt8>, now: Date = Date()) async throws -> EPCISCaptureResult {
        let document = try EPCISDocument(bytes: bytes)
        guard document.kind == .document else {
            throw EPCISError(.invalidDocument, "expected an EPCISDocument to capture, found an EPCISQueryDocument")
        }
        var stored: [StoredEPCISEvent] = []
        var custody: [LotCustodyEntry] = []
        var lots: [String: Lot] = [:]
        var lotOrder: [String] = []
        for event in document.events {
            let hash = try event.hash(namespaces: document.namespaces)
            stored.append(
                StoredEPCISEvent(
                    hash: hash, eventType: event.type.rawValue, eventTime: TelemetryIngest.date(event.eventTimeMilliseconds),
                    bizStep: event.bizStep.map(Self.bareVocabulary), json: JSONSerializer.serialize(.object(event.json)),
                    capturedAt: now))
            for step in CustodyExtractor.steps(from: event) {
                custody.append(
                    LotCustodyEntry(
                        gtin: step.lot.gtin, lot: step.lot.lot, time: TelemetryIngest.date(step.time), eventHash: hash,
                        locations: step.locations, inTransit: step.inTransit))
                let key = "\(step.lot.gtin)/\(step.lot.lot)"
                if lots[key] == nil { lotOrder.append(key) }
                let known = lots[key]
                lots[key] = Lot(
                    gtin: step.lot.gtin, lot: step.lot.lot, expiry: known?.expiry ?? step.expiry, productCode: nil, createdAt: now)
            }
        }
        let captured = try await store.capture(events: stored, custody: custody, lots: lotOrder.compactMap { lots[$0] })
        return EPCISCaptureResult(eventHashes: stored.map(\.hash), captured: captured, lots: lotOrder)
    }

    /// Stored events matching `query`, as an EPCIS 2.0 query document (`EPCISQueryDocument` with a
    /// `SimpleEventQuery` result).
    public func epcisQueryDocument(_ query: EPCISEventQuery, now: Date = Date()) async throws -> JSONValue {
        var events: [JSONValue] = []
        for event in try await store.epcisEvents(query) {
            events.append(try JSONParser.parse(event.json))
        }
        let formatter = ISO8601DateFormatter()
        return .object([
            "@context": .array([.string("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld")]),
            "type": .string("EPCISQueryDocument"),
            "schemaVersion": .string("2.0"),
            "creationDate": .string(formatter.string(from: now)),
            "epcisBody": .object([
                "queryResults": .object([
                    "queryName": .string("SimpleEventQuery"),
                    "resultsBody": .object(["eventList": .array(events)]),
                ])
            ]),
        ])
    }

    /// A bizStep as its bare CBV name (`shipping`), from the bare name or a CBV URN or URL.
    static func bareVocabulary(_ value: String) -> String {
        for prefix in ["urn:epcglobal:cbv:bizstep:", "https://ref.gs1.org/cbv/BizStep-", "https://gs1.org/voc/BizStep-"]
        where value.hasPrefix(prefix) {
            return String(value.dropFirst(prefix.count))
        }
        return value
    }
}
