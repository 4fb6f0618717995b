import JSON

extension EPCISEvent {
    /// Reads an event object; throws when required members are missing or have the wrong type.
    public init(json object: JSONObject) throws(EPCISError) {
        guard let typeName = object["type"]?.stringValue else {
            throw EPCISError(.invalidEvent, "expected a string member type")
        }
        guard let type = EPCISEventType(rawValue: typeName) else {
            throw EPCISError(.unknownEventType, "expected one of the five EPCIS event types, found another type")
        }
        let reader = MemberReader(object: object)
        let eventTime = try reader.requiredString("eventTime")
        guard let millis = EPCISTimestamp.epochMilliseconds(eventTime) else {
            throw EPCISError(.invalidTimestamp, "expected eventTime as an ISO 8601 date-time")
        }
        let offset = try reader.requiredString("eventTimeZoneOffset")
        guard EPCISEvent.isTimeZoneOffset(offset) else {
            throw EPCISError(.invalidTimestamp, "expected eventTimeZoneOffset as +HH:MM or -HH:MM")
        }
        var action: EPCISAction?
        if let text = try reader.string("action") {
            guard let parsed = EPCISAction(rawValue: text) else {
                throw EPCISError(.invalidEvent, "expected action ADD, OBSERVE or DELETE")
            }
            action = parsed
        } else if type.requiresAction {
            throw EPCISError(.invalidEvent, "expected member action in a \(typeName)")
        }
        self.type = type
        self.eventTime = eventTime
        self.eventTimeMilliseconds = millis
        self.eventTimeZoneOffset = offset
        self.recordTime = try reader.string("recordTime")
        self.eventID = try reader.string("eventID")
        self.action = action
        self.bizStep = try reader.string("bizStep")
        self.disposition = try reader.string("disposition")
        if let pd = try reader.object("persistentDisposition") {
            let sub = MemberReader(object: pd, path: "persistentDisposition.")
            self.persistentDisposition = EPCISPersistentDisposition(
                set: try sub.strings("set"), unset: try sub.strings("unset"))
        } else {
            self.persistentDisposition = nil
        }
        self.readPoint = try reader.object("readPoint").flatMap { $0["id"]?.stringValue }
        self.bizLocation = try reader.object("bizLocation").flatMap { $0["id"]?.stringValue }
        self.parentID = try reader.string("parentID")
        self.epcList = try reader.strings("epcList")
        self.childEPCs = try reader.strings("childEPCs")
        self.inputEPCList = try reader.strings("inputEPCList")
        self.outputEPCList = try reader.strings("outputEPCList")
        self.quantityList = try reader.quantities("quantityList")
        self.childQuantityList = try reader.quantities("childQuantityList")
        self.inputQuantityList = try reader.quantities("inputQuantityList")
        self.outputQuantityList = try reader.quantities("outputQuantityList")
        self.transformationID = try reader.string("transformationID")
        self.bizTransactionList = try reader.references("bizTransactionList", idKey: "bizTransaction")
        self.sourceList = try reader.references("sourceList", idKey: "source")
        self.destinationList = try reader.references("destinationList", idKey: "destination")
        self.sensorElementList = try reader.sensorElements()
        self.ilmd = try reader.object("ilmd")
        if case .string(let single)? = object["certificationInfo"] {
            self.certificationInfo = [single]
        } else {
            self.certificationInfo = try reader.strings("certificationInfo")
        }
        self.extensions = JSONObject(uniqueMembers: object.members.filter { !EPCISEvent.modelled.contains($0.key) })
        self.json = object
    }

    static func isTimeZoneOffset(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count == 6, b[0] == UInt8(ascii: "+") || b[0] == UInt8(ascii: "-"), b[3] == UInt8(ascii: ":") else {
            return false
        }
        let digits = [b[1], b[2], b[4], b[5]]
        guard digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
        return (Int(b[1] - 48) * 10 + Int(b[2] - 48)) <= 23 && (Int(b[4] - 48) * 10 + Int(b[5] - 48)) <= 59
    }
}
