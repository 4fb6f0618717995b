import CodedErrors

/// An error from reading EPCIS 2.0 documents or computing event hashes, with a stable code.
///
/// Messages name what was expected and what was found (a member name, a count, a limit), never payload values.
public struct EPCISError: CodeIdentifiedError {
    /// Stable code of an EPCIS error.
    public typealias Code = ErrorCode<EPCISError>

    /// The stable code.
    public let errorCode: Code
    /// What was expected and what was found.
    public let message: String

    /// Creates an error with a code and a message.
    public init(_ code: Code, _ message: String) {
        self.errorCode = code
        self.message = message
    }
}

extension ErrorCode where Domain == EPCISError {
    /// The document is not valid JSON (the message carries the JSON error code).
    public static let invalidJSON = Self("EPCIS_INVALID_JSON")
    /// The XML document is not well-formed, uses a DOCTYPE or an undeclared prefix.
    public static let invalidXML = Self("EPCIS_INVALID_XML")
    /// The document or an event exceeds a size, count or depth limit.
    public static let limitExceeded = Self("EPCIS_LIMIT_EXCEEDED")
    /// The document is not an EPCISDocument or EPCISQueryDocument, or lacks an event list.
    public static let invalidDocument = Self("EPCIS_INVALID_DOCUMENT")
    /// An event lacks a required member or a member has the wrong JSON type.
    public static let invalidEvent = Self("EPCIS_INVALID_EVENT")
    /// The event type is not one of the five EPCIS 2.0 event types.
    public static let unknownEventType = Self("EPCIS_UNKNOWN_EVENT_TYPE")
    /// A timestamp is not an ISO 8601 date-time with a time zone.
    public static let invalidTimestamp = Self("EPCIS_INVALID_TIMESTAMP")
}
