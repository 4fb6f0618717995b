import JSON

/// An EPCIS 2.0 event as read from JSON-LD. Known members are typed; everything else stays in ``extensions``, and the
/// whole event in ``json`` (which the event hash is computed from).
public struct EPCISEvent: Sendable, Hashable {
    /// The event type.
    public var type: EPCISEventType
    /// `eventTime` as given.
    public var eventTime: String
    /// `eventTime` as milliseconds since 1970-01-01 UTC.
    public var eventTimeMilliseconds: Int64
    /// `eventTimeZoneOffset`, e.g. `+01:00`.
    public var eventTimeZoneOffset: String
    /// `recordTime`, if given.
    public var recordTime: String?
    /// `eventID`, if given.
    public var eventID: String?
    /// `action` (absent for TransformationEvent).
    public var action: EPCISAction?
    /// `bizStep` (bare CBV term or IRI).
    public var bizStep: String?
    /// `disposition` (bare CBV term or IRI).
    public var disposition: String?
    /// `persistentDisposition`.
    public var persistentDisposition: EPCISPersistentDisposition?
    /// `readPoint.id`.
    public var readPoint: String?
    /// `bizLocation.id`.
    public var bizLocation: String?
    /// `parentID` (aggregation, transaction, association).
    public var parentID: String?
    /// `epcList`.
    public var epcList: [String]
    /// `childEPCs`.
    public var childEPCs: [String]
    /// `inputEPCList`.
    public var inputEPCList: [String]
    /// `outputEPCList`.
    public var outputEPCList: [String]
    /// `quantityList`.
    public var quantityList: [EPCISQuantityElement]
    /// `childQuantityList`.
    public var childQuantityList: [EPCISQuantityElement]
    /// `inputQuantityList`.
    public var inputQuantityList: [EPCISQuantityElement]
    /// `outputQuantityList`.
    public var outputQuantityList: [EPCISQuantityElement]
    /// `transformationID`.
    public var transformationID: String?
    /// `bizTransactionList`.
    public var bizTransactionList: [EPCISTypedReference]
    /// `sourceList`.
    public var sourceList: [EPCISTypedReference]
    /// `destinationList`.
    public var destinationList: [EPCISTypedReference]
    /// `sensorElementList`.
    public var sensorElementList: [EPCISSensorElement]
    /// `ilmd` (instance/lot master data, e.g. `cbvmda:lotNumber`, `cbvmda:itemExpirationDate`).
    public var ilmd: JSONObject?
    /// `certificationInfo` (one or more IRIs).
    public var certificationInfo: [String]
    /// Members not modelled above (user extensions, errorDeclaration ...), in document order.
    public var extensions: JSONObject
    /// The event as read.
    public var json: JSONObject

    /// Members read into typed properties.
    static let modelled: Set<String> = [
        "type", "eventTime", "eventTimeZoneOffset", "recordTime", "eventID", "action", "bizStep", "disposition",
        "persistentDisposition", "readPoint", "bizLocation", "parentID", "epcList", "childEPCs", "inputEPCList",
        "outputEPCList", "quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList",
        "transformationID", "bizTransactionList", "sourceList", "destinationList", "sensorElementList", "ilmd",
        "certificationInfo",
    ]

    /// The event hash (`ni:///sha-256;...?ver=CBV2.0`) with the standard context prefixes only.
    public func hash(namespaces: EPCISNamespaces = EPCISNamespaces()) throws(EPCISError) -> String {
        EPCISEventHash.hash(preHash: try EPCISEventHash.preHash(event: json, namespaces: namespaces))
    }
}
