import JSON

extension EPCISEvent {
    /// Builds an event (for example an ObjectEvent `dispensing` for an administered vial, or `shipping` /
    /// `receiving` / `storing` of a lot) and checks it as if it had been read from a document.
    ///
    /// Vocabulary values may be bare CBV terms (`"shipping"`, `"in_transit"`). Sensor elements and ILMD are given
    /// as JSON (see ``EPCISSensorElement/json``); `extensions` are added as they are (use prefixed names).
    public init(
        type: EPCISEventType, eventTime: String, eventTimeZoneOffset: String, action: EPCISAction? = nil,
        bizStep: String? = nil, disposition: String? = nil, readPoint: String? = nil, bizLocation: String? = nil,
        parentID: String? = nil, epcList: [String] = [], childEPCs: [String] = [], inputEPCList: [String] = [],
        outputEPCList: [String] = [], quantityList: [EPCISQuantityElement] = [],
        childQuantityList: [EPCISQuantityElement] = [], inputQuantityList: [EPCISQuantityElement] = [],
        outputQuantityList: [EPCISQuantityElement] = [], transformationID: String? = nil,
        bizTransactionList: [EPCISTypedReference] = [], sourceList: [EPCISTypedReference] = [],
        destinationList: [EPCISTypedReference] = [], sensorElementList: [JSONObject] = [],
        persistentDisposition: EPCISPersistentDisposition? = nil, ilmd: JSONObject? = nil,
        certificationInfo: String? = nil, eventID: String? = nil, extensions: JSONObject = JSONObject()
    ) throws(EPCISError) {
        var m: [JSONObject.Member] = [.init(key: "type", value: .string(type.rawValue))]
        func add(_ key: String, _ value: JSONValue?) {
            if let value { m.append(.init(key: key, value: value)) }
        }
        func strings(_ key: String, _ list: [String]) {
            if !list.isEmpty { add(key, .array(list.map(JSONValue.string))) }
        }
        func quantities(_ key: String, _ list: [EPCISQuantityElement]) {
            guard !list.isEmpty else { return }
            add(
                key,
                .array(
                    list.map { q in
                        var o: [JSONObject.Member] = [.init(key: "epcClass", value: .string(q.epcClass))]
                        if let quantity = q.quantity {
                            let value: JSONValue =
                                quantity == quantity.rounded() && quantity.magnitude < 1e15
                                ? .integer(Int64(quantity)) : .double(quantity)
                            o.append(.init(key: "quantity", value: value))
                        }
                        if let uom = q.uom { o.append(.init(key: "uom", value: .string(uom))) }
                        return .object(JSONObject(uniqueMembers: o))
                    }))
        }
        func references(_ key: String, _ idKey: String, _ list: [EPCISTypedReference]) {
            guard !list.isEmpty else { return }
            add(
                key,
                .array(
                    list.map { r in
                        var o: [JSONObject.Member] = []
                        if let t = r.type { o.append(.init(key: "type", value: .string(t))) }
                        o.append(.init(key: idKey, value: .string(r.id)))
                        return .object(JSONObject(uniqueMembers: o))
                    }))
        }
        add("eventID", eventID.map(JSONValue.string))
        add("eventTime", .string(eventTime))
        add("eventTimeZoneOffset", .string(eventTimeZoneOffset))
        add("certificationInfo", certificationInfo.map(JSONValue.string))
        add("parentID", parentID.map(JSONValue.string))
        strings("epcList", epcList)
        strings("childEPCs", childEPCs)
        strings("inputEPCList", inputEPCList)
        strings("outputEPCList", outputEPCList)
        quantities("quantityList", quantityList)
        quantities("childQuantityList", childQuantityList)
        quantities("inputQuantityList", inputQuantityList)
        quantities("outputQuantityList", outputQuantityList)
        add("action", action.map { .string($0.rawValue) })
        add("transformationID", transformationID.map(JSONValue.string))
        add("bizStep", bizStep.map(JSONValue.string))
        add("disposition", disposition.map(JSONValue.string))
        if let pd = persistentDisposition {
            var o: [JSONObject.Member] = []
            if !pd.set.isEmpty { o.append(.init(key: "set", value: .array(pd.set.map(JSONValue.string)))) }
            if !pd.unset.isEmpty { o.append(.init(key: "unset", value: .array(pd.unset.map(JSONValue.string)))) }
            add("persistentDisposition", .object(JSONObject(uniqueMembers: o)))
        }
        add("readPoint", readPoint.map { .object(["id": .string($0)]) })
        add("bizLocation", bizLocation.map { .object(["id": .string($0)]) })
        references("bizTransactionList", "bizTransaction", bizTransactionList)
        references("sourceList", "source", sourceList)
        references("destinationList", "destination", destinationList)
        if !sensorElementList.isEmpty { add("sensorElementList", .array(sensorElementList.map(JSONValue.object))) }
        add("ilmd", ilmd.map(JSONValue.object))
        var keys = Set(m.map(\.key))
        for member in extensions.members where keys.insert(member.key).inserted { m.append(member) }
        try self.init(json: JSONObject(uniqueMembers: m))
    }
}
