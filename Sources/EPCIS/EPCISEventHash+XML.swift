extension EPCISEventHash {
    /// The pre-hash strings of every event of an EPCIS XML document (1.2 or 2.0 binding), in document order.
    public static func preHashes(xmlDocument bytes: [UInt8], limits: EPCISDocument.Limits = .default) throws(EPCISError)
        -> [String]
    {
        guard bytes.count <= limits.maxBytes else {
            throw EPCISError(.limitExceeded, "expected at most \(limits.maxBytes) bytes, found \(bytes.count)")
        }
        let root = try XMLReader.parse(bytes, maxDepth: limits.maxDepth)
        let events = XMLPreHashBuilder.events(in: root)
        guard events.count <= limits.maxEvents else {
            throw EPCISError(.limitExceeded, "expected at most \(limits.maxEvents) events, found \(events.count)")
        }
        let builder = XMLPreHashBuilder(ignoredFields: XMLPreHashBuilder.ignoreFields(in: root))
        return events.map { event in
            "eventType=" + event.local + PreHashNode.renderEvent(builder.eventNodes(event), order: PreHashOrder.event)
        }
    }

    /// The event hashes of every event of an EPCIS XML document, in document order.
    public static func hashes(xmlDocument bytes: [UInt8], limits: EPCISDocument.Limits = .default) throws(EPCISError)
        -> [String]
    {
        try preHashes(xmlDocument: bytes, limits: limits).map(hash(preHash:))
    }
}
