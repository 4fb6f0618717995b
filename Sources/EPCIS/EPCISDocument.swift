import JSON

/// An EPCIS 2.0 JSON-LD document (`EPCISDocument`) or query document (`EPCISQueryDocument`) with its events.
public struct EPCISDocument: Sendable {
    /// Limits applied when reading untrusted documents.
    public struct Limits: Sendable, Hashable {
        /// Maximum document size in bytes.
        public var maxBytes: Int
        /// Maximum JSON nesting depth.
        public var maxDepth: Int
        /// Maximum number of events.
        public var maxEvents: Int

        /// Creates limits (defaults: 8 MiB, depth 32, 10 000 events).
        public init(maxBytes: Int = 8 << 20, maxDepth: Int = 32, maxEvents: Int = 10_000) {
            self.maxBytes = maxBytes
            self.maxDepth = maxDepth
            self.maxEvents = maxEvents
        }

        /// The default limits.
        public static let `default` = Limits()
    }

    /// The document type.
    public enum Kind: String, Sendable, Hashable {
        /// A capture document.
        case document = "EPCISDocument"
        /// A query result document.
        case queryDocument = "EPCISQueryDocument"
    }

    /// Whether this is a capture or a query document.
    public let kind: Kind
    /// The `@context` value as given.
    public let context: JSONValue?
    /// Prefixes declared in `@context` (plus the standard EPCIS ones).
    public let namespaces: EPCISNamespaces
    /// `schemaVersion`, e.g. `"2.0"`.
    public let schemaVersion: String?
    /// `creationDate`.
    public let creationDate: String?
    /// Expanded names of the members listed in a `{prefix}:ignoreFields` array (excluded from event hashes).
    public let ignoredFields: Set<String>
    /// The events in document order.
    public let events: [EPCISEvent]
    /// The whole document.
    public let json: JSONObject

    /// Reads a document from UTF-8 JSON bytes.
    public init(bytes: some Collection<UInt8>, limits: Limits = .default) throws(EPCISError) {
        guard bytes.count <= limits.maxBytes else {
            throw EPCISError(.limitExceeded, "expected at most \(limits.maxBytes) bytes, found \(bytes.count)")
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes, options: .init(maxBytes: limits.maxBytes, maxDepth: limits.maxDepth))
        } catch let error as JSONError {
            let code: EPCISError.Code = error.errorCode == .tooDeep ? .limitExceeded : .invalidJSON
            throw EPCISError(code, "expected valid JSON, found \(error.code): \(error.message)")
        } catch {
            throw EPCISError(.invalidJSON, "expected valid JSON")
        }
        try self.init(json: value, limits: limits)
    }

    /// Reads a document from parsed JSON.
    public init(json value: JSONValue, limits: Limits = .default) throws(EPCISError) {
        guard case .object(let object) = value else {
            throw EPCISError(.invalidDocument, "expected a JSON object at the top level")
        }
        guard let type = object["type"]?.stringValue, let kind = Kind(rawValue: type) else {
            throw EPCISError(.invalidDocument, "expected type EPCISDocument or EPCISQueryDocument")
        }
        guard case .object(let body)? = object["epcisBody"] else {
            throw EPCISError(.invalidDocument, "expected an epcisBody object")
        }
        let namespaces = EPCISNamespaces(context: object["@context"])
        var ignored: [JSONValue] = EPCISDocument.ignoreFieldsMember(object)
        let eventValues: [JSONValue]
        if case .object(let results)? = body["queryResults"] {
            ignored += EPCISDocument.ignoreFieldsMember(results)
            guard case .array(let list)? = results["resultsBody"]?["eventList"] else {
                throw EPCISError(.invalidDocument, "expected queryResults.resultsBody.eventList to be an array")
            }
            eventValues = list
        } else if case .array(let list)? = body["eventList"] {
            eventValues = list
        } else if let single = body["event"] {
            eventValues = [single]
        } else {
            throw EPCISError(.invalidDocument, "expected epcisBody.eventList, epcisBody.event or epcisBody.queryResults")
        }
        guard eventValues.count <= limits.maxEvents else {
            throw EPCISError(.limitExceeded, "expected at most \(limits.maxEvents) events, found \(eventValues.count)")
        }
        var events: [EPCISEvent] = []
        for (index, eventValue) in eventValues.enumerated() {
            guard case .object(let eventObject) = eventValue else {
                throw EPCISError(.invalidEvent, "expected event \(index) to be a JSON object")
            }
            do {
                events.append(try EPCISEvent(json: eventObject))
            } catch {
                throw EPCISError(error.errorCode, "event \(index): \(error.message)")
            }
        }
        self.kind = kind
        self.context = object["@context"]
        self.namespaces = namespaces
        self.schemaVersion = object["schemaVersion"]?.stringValue
        self.creationDate = object["creationDate"]?.stringValue
        self.ignoredFields = Set(ignored.compactMap(\.stringValue).map(namespaces.expandName))
        self.events = events
        self.json = object
    }

    private static func ignoreFieldsMember(_ object: JSONObject) -> [JSONValue] {
        object.members.filter { $0.key == "ignoreFields" || $0.key.hasSuffix(":ignoreFields") }
            .flatMap { $0.value.arrayValue ?? [$0.value] }
    }
}
