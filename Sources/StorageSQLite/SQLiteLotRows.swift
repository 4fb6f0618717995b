import Foundation
import GRDB
import Storage

/// The column lists and row decoders of lots, captured EPCIS events, custody entries and lot events, and the
/// encoding of `lot_custody.locations` (a JSON array of strings).
enum SQLiteLotRows {
    static let lotColumns = "gtin, lot, expiry, product_code, created_at"

    static func lot(_ row: Row) throws -> Lot {
        let reader = SQLiteRowReader(row: row, table: "lots")
        return Lot(
            gtin: try reader.string("gtin"), lot: try reader.string("lot"), expiry: try reader.optionalString("expiry"),
            productCode: try reader.optionalString("product_code"), createdAt: try reader.date("created_at"))
    }

    static let eventColumns = "hash, event_type, event_time, biz_step, event_json, captured_at"

    static func event(_ row: Row) throws -> StoredEPCISEvent {
        let reader = SQLiteRowReader(row: row, table: "epcis_events")
        return StoredEPCISEvent(
            hash: try reader.string("hash"), eventType: try reader.string("event_type"),
            eventTime: try reader.date("event_time"), bizStep: try reader.optionalString("biz_step"),
            json: try reader.bytes("event_json"), capturedAt: try reader.date("captured_at"))
    }

    static let custodyColumns = "gtin, lot, event_hash, since, locations, in_transit"

    static func custody(_ row: Row) throws -> LotCustodyEntry {
        let reader = SQLiteRowReader(row: row, table: "lot_custody")
        return LotCustodyEntry(
            gtin: try reader.string("gtin"), lot: try reader.string("lot"), time: try reader.date("since"),
            eventHash: try reader.string("event_hash"), locations: try locations(from: reader.string("locations")),
            inTransit: try reader.bool("in_transit"))
    }

    static let lotEventColumns = "id, gtin, lot, kind, status, reason_code, detail, principal_id, created_at"

    static func lotEvent(_ row: Row) throws -> LotEvent {
        let reader = SQLiteRowReader(row: row, table: "lot_events")
        return LotEvent(
            id: try reader.uuid("id"), gtin: try reader.string("gtin"), lot: try reader.string("lot"),
            kind: try reader.enumeration("kind", as: LotEvent.Kind.self), status: try reader.string("status"),
            reasonCode: try reader.string("reason_code"), detail: try reader.string("detail"),
            principalID: try reader.optionalUUID("principal_id"), createdAt: try reader.date("created_at"))
    }

    /// Locations as stored: a JSON array of strings (slashes unescaped).
    static func locationsText(_ locations: [String]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        guard let text = String(data: try encoder.encode(locations), encoding: .utf8) else {
            throw StorageError(.invalidValue, "expected lot_custody.locations to encode as UTF-8 JSON; found otherwise")
        }
        return text
    }

    /// The locations of a stored JSON array, or `STORAGE_CORRUPT`.
    static func locations(from text: String) throws -> [String] {
        guard let locations = try? JSONDecoder().decode([String].self, from: Data(text.utf8)) else {
            throw StorageError(.corrupt, "expected a JSON array of strings in lot_custody.locations; found other text")
        }
        return locations
    }
}
