import EPCIS
import GS1

/// Derives custody steps of lots from EPCIS events (rules in docs/COLDCHAIN.md, "Lot custody and integrity").
///
/// - Lots: the LGTIN classes (`urn:epc:class:lgtin:...` or Digital Links with AI 01 and 10) of `quantityList`,
///   `childQuantityList` and `outputQuantityList`, and the Digital Links with 01 and 10 of `epcList`, `childEPCs` and
///   `outputEPCList` (an SGTIN URN carries no lot). Inputs of a transformation are consumed, not located.
/// - Locations: for a shipment (bizStep `shipping` or disposition `in_transit`) only the SSCCs (`urn:epc:id:sscc:` or
///   Digital Link AI 00) of `parentID`, `epcList` and `childEPCs`, in transit; otherwise `readPoint`, `bizLocation`
///   and those SSCCs.
/// - Expiry: ILMD `cbvmda:itemExpirationDate` (any prefix bound to `urn:epcglobal:cbv:mda:`, or the full URN key).
public enum CustodyExtractor {
    /// The CBV master-data namespace of `itemExpirationDate`.
    public static let masterDataNamespace = "urn:epcglobal:cbv:mda:"

    /// One step per lot the event names (sorted by GTIN, then lot), or none.
    ///
    /// - Parameters:
    ///   - event: the event.
    ///   - namespaces: the document's prefixes (``EPCISDocument/namespaces``), for ILMD keys with a custom prefix.
    public static func steps(from event: EPCISEvent, namespaces: EPCISNamespaces = EPCISNamespaces()) -> [CustodyStep] {
        let lots = lots(in: event)
        guard !lots.isEmpty else { return [] }
        let shipping = isShipment(event, namespaces: namespaces)
        var locations: [String] = []
        if !shipping {
            locations += [event.readPoint, event.bizLocation].compactMap { $0 }.map(normaliseLocation)
        }
        let containers = ([event.parentID].compactMap { $0 } + event.epcList + event.childEPCs).map(normaliseLocation)
        locations += containers.filter { $0.hasPrefix(ssccPrefix) }
        let expiry = expiryDate(in: event, namespaces: namespaces)
        return lots.map {
            CustodyStep(
                lot: $0, time: event.eventTimeMilliseconds, locations: locations, inTransit: shipping, expiry: expiry)
        }
    }

    /// The lots an event names (see the type's documentation), unique, sorted by GTIN then lot.
    public static func lots(in event: EPCISEvent) -> [LotIdentity] {
        var found: Set<LotIdentity> = []
        for element in event.quantityList + event.childQuantityList + event.outputQuantityList {
            if let lot = lot(ofClass: element.epcClass) { found.insert(lot) }
        }
        for epc in event.epcList + event.childEPCs + event.outputEPCList where isWebURI(epc) {
            if let lot = lot(ofClass: epc) { found.insert(lot) }
        }
        return found.sorted()
    }

    /// The lot of an LGTIN class URI or of a Digital Link with AI 01 and 10 (with or without a serial), else nil.
    public static func lot(ofClass identifier: String) -> LotIdentity? {
        let link: GS1DigitalLink
        if identifier.hasPrefix("urn:epc:class:lgtin:") {
            guard let epc = try? EPCURI.parse(identifier) else { return nil }
            link = epc.digitalLink
        } else if isWebURI(identifier) {
            guard let parsed = try? GS1DigitalLink.parse(identifier) else { return nil }
            link = parsed
        } else {
            return nil
        }
        guard link.primaryKey.ai.code == "01", let lot = link.qualifiers.first(where: { $0.ai.code == "10" }) else {
            return nil
        }
        return LotIdentity(gtin: link.primaryKey.value, lot: lot.value)
    }

    /// Whether an event is a shipment: bizStep `shipping` or disposition `in_transit`, as a bare CBV term, a CBV 1.x
    /// URN (`urn:epcglobal:cbv:bizstep:shipping`), a CBV 2.0 web URI (`https://ref.gs1.org/cbv/BizStep-shipping`) or a
    /// compact IRI with a declared prefix (`cbv:BizStep-shipping`).
    public static func isShipment(_ event: EPCISEvent, namespaces: EPCISNamespaces = EPCISNamespaces()) -> Bool {
        isTerm(event.bizStep, "shipping", urn: "urn:epcglobal:cbv:bizstep:", web: "BizStep-", namespaces: namespaces)
            || isTerm(event.disposition, "in_transit", urn: "urn:epcglobal:cbv:disp:", web: "Disp-", namespaces: namespaces)
    }

    /// The expiry date `YYYY-MM-DD` from the event's ILMD `itemExpirationDate` (CBV master data), if present and a
    /// valid date (an `xsd:date` zone suffix or a time part is dropped).
    public static func expiryDate(in event: EPCISEvent, namespaces: EPCISNamespaces = EPCISNamespaces()) -> String? {
        guard let ilmd = event.ilmd else { return nil }
        let expanded = "{\(masterDataNamespace)}itemExpirationDate"
        for member in ilmd.members
        where member.key == masterDataNamespace + "itemExpirationDate" || namespaces.expandName(member.key) == expanded {
            guard let text = member.value.stringValue else { continue }
            let date = String(text.prefix(10))
            guard ISODay.dayNumber(date) != nil else { continue }
            let rest = text.utf8.dropFirst(10)
            if let next = rest.first, !"TZ+-".utf8.contains(next) { continue }
            return date
        }
        return nil
    }

    /// A location identifier in canonical form, so that an EPC URI and its Digital Link compare equal: EPC URIs
    /// (`urn:epc:id:sgln:4012345.00005.0`) and Digital Links on any domain become `https://id.gs1.org/{AI}/{key}...`
    /// without query, with the GTIN as 14 digits, without CPV (22) and without a lot when a serial is present (the
    /// canonical form of the EPCIS event hash). Anything else (other URIs, identifiers that do not parse) is returned
    /// unchanged.
    public static func normaliseLocation(_ id: String) -> String {
        DigitalLinkNormaliser.normalise(id) ?? id
    }

    /// The canonical prefix of an SSCC location.
    static let ssccPrefix = GS1DigitalLink.canonicalDomain + "/00/"

    static func isWebURI(_ text: String) -> Bool {
        let head = text.utf8.prefix(8).map { $0 | 0x20 }
        return head.starts(with: "https://".utf8) || head.starts(with: "http://".utf8)
    }

    static func isTerm(_ value: String?, _ term: String, urn: String, web: String, namespaces: EPCISNamespaces) -> Bool {
        guard let value else { return false }
        if value == term || value == urn + term { return true }
        let expanded = namespaces.expandValue(value)
        return expanded == "https://ref.gs1.org/cbv/" + web + term || expanded == "http://ref.gs1.org/cbv/" + web + term
    }
}
