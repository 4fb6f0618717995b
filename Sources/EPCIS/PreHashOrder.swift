/// The canonical property order of the CBV 2.0 event hash (reference implementation RalphTro/epcis-event-hash-generator).
///
/// Named properties come first in this order; everything else (business transactions, sources, destinations, ILMD,
/// user extensions) follows sorted by code point.
enum PreHashOrder {
    /// A property name with the order of its own children.
    struct Entry: Sendable {
        let name: String
        let children: [Entry]

        init(_ name: String, _ children: [Entry] = []) {
            self.name = name
            self.children = children
        }
    }

    static let quantityElement = [Entry("epcClass"), Entry("quantity"), Entry("uom")]

    static let sensorMetadata = [
        "time", "startTime", "endTime", "deviceID", "deviceMetadata", "rawData", "dataProcessingMethod", "bizRules",
    ].map { Entry($0) }

    static let sensorReport = [
        "type", "exception", "deviceID", "deviceMetadata", "rawData", "dataProcessingMethod", "time", "microorganism",
        "chemicalSubstance", "value", "component", "stringValue", "booleanValue", "hexBinaryValue", "uriValue",
        "minValue", "maxValue", "meanValue", "sDev", "percRank", "percValue", "uom", "coordinateReferenceSystem",
    ].map { Entry($0) }

    static let sensorElement = [Entry("sensorMetadata", sensorMetadata), Entry("sensorReport", sensorReport)]

    static let event: [Entry] = [
        Entry("eventTime"), Entry("eventTimeZoneOffset"), Entry("certificationInfo"), Entry("parentID"),
        Entry("epcList", [Entry("epc")]), Entry("inputEPCList", [Entry("epc")]), Entry("childEPCs", [Entry("epc")]),
        Entry("quantityList", [Entry("quantityElement", quantityElement)]),
        Entry("childQuantityList", [Entry("quantityElement", quantityElement)]),
        Entry("inputQuantityList", [Entry("quantityElement", quantityElement)]),
        Entry("outputEPCList", [Entry("epc")]),
        Entry("outputQuantityList", [Entry("quantityElement", quantityElement)]),
        Entry("action"), Entry("transformationID"), Entry("bizStep"), Entry("disposition"),
        Entry("persistentDisposition", [Entry("set"), Entry("unset")]),
        Entry("readPoint", [Entry("id")]), Entry("bizLocation", [Entry("id")]),
        Entry("sensorElementList", [Entry("sensorElement", sensorElement)]),
    ]

    /// Lists whose elements are pairs `type` + value, written `type=...` first (not part of the fixed order).
    static let typedLists: [String: String] = [
        "bizTransactionList": "bizTransaction", "sourceList": "source", "destinationList": "destination",
    ]

    /// EPC lists: JSON arrays of strings written as repeated `epc` children.
    static let epcLists: Set<String> = ["epcList", "inputEPCList", "outputEPCList", "childEPCs"]

    /// Quantity lists: JSON arrays of objects written as repeated `quantityElement` children.
    static let quantityLists: Set<String> = ["quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList"]

    /// Members never hashed.
    static let ignored: Set<String> = ["type", "eventID", "recordTime", "errorDeclaration", "rdfs:comment", "comment"]
}
