import Foundation
import NIOCore
import PostgresNIO
import Storage

/// The column lists and row decoders of lots, captured EPCIS events, custody entries and lot events, and the
/// encoding of `lot_custody.locations` (a JSON array of strings).
enum PostgresLotRows {
    static let lotColumns = "gtin, lot, expiry, product_code, created_at"

    static func lot(_ row: PostgresRow) throws -> Lot {
        let (gtin, lot, expiry, productCode, createdAt) = try row.decode((String, String, String?, String?, Int64).self)
        return Lot(gtin: gtin, lot: lot, expiry: expiry, productCode: productCode, createdAt: PostgresCoding.date(createdAt))
    }

    static let eventColumns = "hash, event_type, event_time, biz_step, event_json, captured_at"

    static func event(_ row: PostgresRow) throws -> StoredEPCISEvent {
        let (hash, eventType, eventTime, bizStep, json, capturedAt) = try row.decode(
            (String, String, Int64, String?, ByteBuffer, Int64).self)
        return StoredEPCISEvent(
            hash: hash, eventType: eventType, eventTime: PostgresCoding.date(eventTime), bizStep: bizStep,
            json: PostgresCoding.bytes(json), capturedAt: PostgresCoding.date(capturedAt))
    }

    static let custodyColumns = "gtin, lot, event_hash, since, locations, in_transit"

    static func custody(_ row: PostgresRow) throws -> LotCustodyEntry {
        let (gtin, lot, eventHash, since, locations, inTransit) = try row.decode(
            (String, String, String, Int64, String, Bool).self)
        return LotCustodyEntry(
            gtin: gtin, lot: lot, time: PostgresCoding.date(since), eventHash: eventHash,
            locations: try Self.locations(from: locations), inTransit: inTransit)
    }

    static let lotEventColumns = "id, gtin, lot, kind, status, reason_code, detail, principal_id, created_at"

    static func lotEvent(_ row: PostgresRow) throws -> LotEvent {
        let (id, gtin, lot, kind, status, reasonCode, detail, principalID, createdAt) = try row.decode(
            (UUID, String, String, String, String, String, String, UUID?, Int64).self)
        return LotEvent(
            id: id, gtin: gtin, lot: lot, kind: try PostgresCoding.value(kind, of: LotEvent.Kind.self, column: "lot_events.kind"),
            status: status, reasonCode: reasonCode, detail: detail, principalID: principalID,
            createdAt: PostgresCoding.date(createdAt))
    }

    /// Locations as stored: a JSON array of strings (slashes unescaped).
    static func locationsText(_ locations: [String]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        guard let text = String(data: try encoder.encode(locations), encoding: .utf8) else {
            throw StorageError(.invalidValue, "lot_custody.locations could not be encoded as UTF-8 JSON")
        }
        return text
    }

    /// The locations of a stored JSON array, or `STORAGE_CORRUPT`.
    static func locations(from text: String) throws -> [String] {
        guard let locations = try? JSONDecoder().decode([String].self, from: Data(text.utf8)) else {
            throw StorageError(.corrupt, "lot_custody.locations holds text that is not a JSON array of strings")
        }
        return locations
    }
}
