import EPCIS
import Foundation
import Hummingbird
import JSON
import Registry
import Storage

extension APIHandlers {
    /// `GET /api/v1/lots/{gtin}/{lot}/status`: the lot's integrity now (a vial's DataMatrix gives GTIN and lot).
    func lotStatus(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let (gtin, lot) = try Self.lotPath(context)
        do {
            return Self.json(.ok, LotJSON.status(try await registry.lotStatus(gtin: gtin, lot: lot)))
        } catch let error as RegistryError {
            throw Problem(.badRequest, error)
        }
    }

    /// `POST /api/v1/lots/{gtin}/{lot}/recall` (admin): `{"reason", "revoke"?: false}`. Lists every certificate and
    /// holder (pseudonymous id) vaccinated from the lot; with `revoke` revokes those certificates.
    func recallLot(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        guard let principal = context.principal else { throw Problem.unauthenticated() }
        let (gtin, lot) = try Self.lotPath(context)
        guard case .object(let body) = try await body(request), let reason = body["reason"]?.stringValue, (1...200).contains(reason.count) else {
            throw Problem(.badRequest, code: "REASON_INVALID", detail: "expected a reason of 1 to 200 characters, found none or another length", field: "reason")
        }
        var revoke = false
        if let value = body["revoke"] {
            guard case .bool(let flag) = value else {
                throw Problem(.badRequest, code: "RECALL_INVALID", detail: "expected revoke to be true or false, found another value", field: "revoke")
            }
            revoke = flag
        }
        do {
            let result = try await registry.recall(gtin: gtin, lot: lot, reason: reason, revoke: revoke, by: principal)
            for _ in result.revoked { metrics.revoked() }
            return Self.json(.ok, LotJSON.recall(result))
        } catch let error as RegistryError {
            throw Problem(.badRequest, error)
        }
    }

    /// `POST /api/v1/epcis/capture`: an EPCIS 2.0 JSON-LD document (`application/ld+json` or `application/json`).
    /// 201 with the event hashes, how many were new and the lots named; 400 with the EPCIS error code.
    func captureEPCIS(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let bytes = try await bodyBytes(request, limit: options.maxBulkBytes)
        let result: EPCISCaptureResult
        do {
            result = try await registry.captureEPCIS(bytes.readableBytesView)
        } catch let error as EPCISError {
            throw Problem(.badRequest, error)
        }
        return Self.json(
            .created,
            .object([
                "captured": .integer(Int64(result.captured)),
                "eventHashes": .array(result.eventHashes.map(JSONValue.string)),
                "lots": .array(result.lots.map(JSONValue.string)),
            ]))
    }

    /// `GET /api/v1/epcis/events?gtin=&lot=&eventType=&bizStep=&GE_eventTime=&LT_eventTime=&perPage=`.
    func epcisEvents(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        func text(_ name: String) -> String? { query[Substring(name)].map(String.init) }
        var eventQuery = EPCISEventQuery()
        switch (text("gtin"), text("lot")) {
        case (nil, nil): break
        case (let gtin?, let lot?):
            do {
                let identity = try Registry.lotIdentity(gtin: gtin, lot: lot)
                eventQuery.lot = (identity.gtin, identity.lot)
            } catch let error as RegistryError {
                throw Problem(.badRequest, error)
            }
        default:
            throw Problem(.badRequest, code: "QUERY_INVALID", detail: "expected gtin and lot together, found one of them")
        }
        eventQuery.eventType = text("eventType")
        eventQuery.bizStep = text("bizStep")
        eventQuery.from = try Self.queryTime(text("GE_eventTime"), name: "GE_eventTime")
        eventQuery.until = try Self.queryTime(text("LT_eventTime"), name: "LT_eventTime")
        if let value = text("perPage") {
            guard let limit = Int(value), (1...10_000).contains(limit) else {
                throw Problem(.badRequest, code: "QUERY_INVALID", detail: "expected perPage from 1 to 10000, found another value", field: "perPage")
            }
            eventQuery.limit = limit
        }
        return Self.json(.ok, try await registry.epcisQueryDocument(eventQuery), contentType: "application/ld+json")
    }

    static func queryTime(_ value: String?, name: String) throws -> Date? {
        guard let value else { return nil }
        guard let date = rfc3339(value) else {
            throw Problem(.badRequest, code: "QUERY_INVALID", detail: "expected \(name) as an RFC 3339 time, found another value", field: name)
        }
        return date
    }

    /// The `{gtin}` and `{lot}` path parameters (the lot percent-decoded).
    static func lotPath(_ context: APIRequestContext) throws -> (gtin: String, lot: String) {
        guard let gtin = context.parameters.get("gtin"), let lotText = context.parameters.get("lot"),
            let lot = lotText.removingPercentEncoding
        else {
            throw Problem(.notFound, code: "LOT_INVALID", detail: "expected a GTIN and a lot number in the path, found another value")
        }
        return (gtin, lot)
    }
}
