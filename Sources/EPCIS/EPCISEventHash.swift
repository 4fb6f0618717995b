import Crypto
import JSON

/// The CBV 2.0 EPCIS event hash `ni:///sha-256;<hex>?ver=CBV2.0` (RFC 6920 named information).
///
/// The pre-hash string lists the event's properties in the canonical order as `name=value` with no separators
/// (list names once, list items and nested reports sorted, timestamps in UTC with milliseconds, numbers without
/// redundant zeros, CBV terms and URNs as web vocabulary, GS1 keys as canonical Digital Link, user extensions as
/// `{namespace}local=value` sorted at the end); `eventID`, `recordTime`, `errorDeclaration`, comments and the
/// document's `ignoreFields` are left out. It reproduces the reference implementation
/// RalphTro/epcis-event-hash-generator (see docs/GS1-EPCIS.md).
public enum EPCISEventHash {
    /// The pre-hash string of an event JSON object.
    ///
    /// - Parameters:
    ///   - event: the event as it appears in the document's event list.
    ///   - namespaces: the prefixes of the document's `@context`.
    ///   - ignoredFields: expanded member names to leave out.
    ///   - vocabulary: vocabulary IRIs used in the document (for bare-string values); `nil` collects them from `event`.
    public static func preHash(
        event: JSONObject, namespaces: EPCISNamespaces = EPCISNamespaces(), ignoredFields: Set<String> = [],
        vocabulary: Set<String>? = nil
    ) throws(EPCISError) -> String {
        let used = vocabulary ?? EPCISVocabulary.collect(from: .object(event), namespaces: namespaces)
        return try preHash(
            event: event, namespaces: namespaces, ignoredFields: ignoredFields,
            index: EPCISVocabulary.BareStringIndex(used))
    }

    static func preHash(
        event: JSONObject, namespaces: EPCISNamespaces, ignoredFields: Set<String>, index: EPCISVocabulary.BareStringIndex
    ) throws(EPCISError) -> String {
        guard let type = event["type"]?.stringValue else {
            throw EPCISError(.invalidEvent, "expected a string member type in the event")
        }
        let builder = PreHashBuilder(namespaces: namespaces, ignoredFields: ignoredFields, vocabulary: index)
        return "eventType=" + type + PreHashNode.renderEvent(builder.eventNodes(event), order: PreHashOrder.event)
    }

    /// The pre-hash strings of every event of a document, in document order.
    public static func preHashes(of document: EPCISDocument) throws(EPCISError) -> [String] {
        let index = EPCISVocabulary.BareStringIndex(
            EPCISVocabulary.collect(from: .object(document.json), namespaces: document.namespaces))
        var result: [String] = []
        for event in document.events {
            result.append(
                try preHash(
                    event: event.json, namespaces: document.namespaces, ignoredFields: document.ignoredFields,
                    index: index))
        }
        return result
    }

    /// The event hashes of every event of a document, in document order.
    public static func hashes(of document: EPCISDocument) throws(EPCISError) -> [String] {
        try preHashes(of: document).map(hash(preHash:))
    }

    /// `ni:///sha-256;<lower-case hex of SHA-256(UTF-8 pre-hash)>?ver=CBV2.0`.
    public static func hash(preHash: String) -> String {
        let digest = SHA256.hash(data: Array(preHash.utf8))
        let table = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        for byte in digest {
            hex.append(table[Int(byte >> 4)])
            hex.append(table[Int(byte & 0x0F)])
        }
        return "ni:///sha-256;" + String(decoding: hex, as: UTF8.self) + "?ver=CBV2.0"
    }
}
