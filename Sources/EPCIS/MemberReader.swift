import JSON

/// Typed access to the members of an event object, with coded errors naming the member.
struct MemberReader {
    let object: JSONObject
    var path: String = ""

    func string(_ key: String) throws(EPCISError) -> String? {
        guard let value = object[key] else { return nil }
        guard case .string(let s) = value else { throw wrongType(key, "a string") }
        return s
    }

    func requiredString(_ key: String) throws(EPCISError) -> String {
        guard let s = try string(key) else { throw EPCISError(.invalidEvent, "expected member \(path)\(key)") }
        return s
    }

    func object(_ key: String) throws(EPCISError) -> JSONObject? {
        guard let value = object[key] else { return nil }
        guard case .object(let o) = value else { throw wrongType(key, "an object") }
        return o
    }

    func array(_ key: String) throws(EPCISError) -> [JSONValue] {
        guard let value = object[key] else { return [] }
        guard case .array(let a) = value else { throw wrongType(key, "an array") }
        return a
    }

    func strings(_ key: String) throws(EPCISError) -> [String] {
        var out: [String] = []
        for item in try array(key) {
            guard case .string(let s) = item else { throw wrongType(key, "an array of strings") }
            out.append(s)
        }
        return out
    }

    func quantities(_ key: String) throws(EPCISError) -> [EPCISQuantityElement] {
        var out: [EPCISQuantityElement] = []
        for item in try array(key) {
            guard case .object(let o) = item, let epcClass = o["epcClass"]?.stringValue else {
                throw wrongType(key, "an array of objects with a string epcClass")
            }
            out.append(EPCISQuantityElement(epcClass: epcClass, quantity: o["quantity"]?.doubleValue, uom: o["uom"]?.stringValue))
        }
        return out
    }

    func references(_ key: String, idKey: String) throws(EPCISError) -> [EPCISTypedReference] {
        var out: [EPCISTypedReference] = []
        for item in try array(key) {
            guard case .object(let o) = item, let id = o[idKey]?.stringValue else {
                throw wrongType(key, "an array of objects with a string \(idKey)")
            }
            out.append(EPCISTypedReference(type: o["type"]?.stringValue, id: id))
        }
        return out
    }

    func sensorElements() throws(EPCISError) -> [EPCISSensorElement] {
        var out: [EPCISSensorElement] = []
        for item in try array("sensorElementList") {
            guard case .object(let element) = item else { throw wrongType("sensorElementList", "an array of objects") }
            let sub = MemberReader(object: element, path: "sensorElementList.")
            var reports: [EPCISSensorReport] = []
            for reportValue in try sub.array("sensorReport") {
                guard case .object(let r) = reportValue else { throw wrongType("sensorReport", "an array of objects") }
                reports.append(
                    EPCISSensorReport(
                        type: r["type"]?.stringValue, value: r["value"]?.doubleValue, minValue: r["minValue"]?.doubleValue,
                        maxValue: r["maxValue"]?.doubleValue, meanValue: r["meanValue"]?.doubleValue,
                        uom: r["uom"]?.stringValue, time: r["time"]?.stringValue, exception: r["exception"]?.stringValue,
                        json: r))
            }
            out.append(EPCISSensorElement(metadata: try sub.object("sensorMetadata"), reports: reports, json: element))
        }
        return out
    }

    private func wrongType(_ key: String, _ expected: String) -> EPCISError {
        EPCISError(.invalidEvent, "expected member \(path)\(key) to be \(expected)")
    }
}
