/// A GS1 Digital Link URI: `https://{domain}[/prefix]/{primary AI}/{key}[/{qualifier AI}/{value}...][?{AI}={value}&...]`.
///
/// Parsing accepts any domain and path prefix, the short names of the URI syntax standard (`gtin`, `lot`, `ser`, ...),
/// percent-encoding, and ignores non-AI query parameters (e.g. `linkType`). Building percent-encodes values.
public struct GS1DigitalLink: Hashable, Sendable {
    /// The canonical resolver `https://id.gs1.org`.
    public static let canonicalDomain = "https://id.gs1.org"
    /// Maximum URI length accepted by ``parse(_:)``.
    public static let maxLength = 2048

    /// The primary key, e.g. AI 01 with the GTIN.
    public let primaryKey: GS1Element
    /// Key qualifiers from the path, in URI order (e.g. 10 lot, 21 serial, 254 GLN extension).
    public let qualifiers: [GS1Element]
    /// Data attributes from the query (e.g. 17 expiry).
    public let attributes: [GS1Element]

    /// Creates a Digital Link from elements; qualifiers are checked against the primary key.
    public init(primaryKey: GS1Element, qualifiers: [GS1Element] = [], attributes: [GS1Element] = []) throws(GS1Error) {
        guard let allowed = GS1DigitalLink.qualifierOrder[primaryKey.ai.code] else {
            throw GS1Error(.invalidDigitalLink, "expected a primary key AI, found AI \(primaryKey.ai.code)")
        }
        var last = -1
        for qualifier in qualifiers {
            guard let position = allowed.firstIndex(of: qualifier.ai.code), position > last else {
                throw GS1Error(
                    .invalidDigitalLink,
                    "expected qualifiers of AI \(primaryKey.ai.code) in order \(allowed), found AI \(qualifier.ai.code)")
            }
            last = position
        }
        self.primaryKey = primaryKey
        self.qualifiers = qualifiers
        self.attributes = attributes
    }

    /// Builds the common vaccine case: GTIN with optional lot, serial and expiry.
    public init(gtin: GTIN, lot: String? = nil, serial: String? = nil, expiry: ExpiryDate? = nil) throws(GS1Error) {
        var qualifiers: [GS1Element] = []
        if let lot { qualifiers.append(try GS1Element(.batchLot, lot)) }
        if let serial { qualifiers.append(try GS1Element(.serial, serial)) }
        var attributes: [GS1Element] = []
        if let expiry { attributes.append(try GS1Element(.expiry, expiry.description)) }
        try self.init(primaryKey: GS1Element(.gtin, gtin.digits), qualifiers: qualifiers, attributes: attributes)
    }

    /// All elements: primary key, qualifiers, attributes.
    public var elements: [GS1Element] { [primaryKey] + qualifiers + attributes }

    /// The element string (for a barcode) carrying the same data.
    public var elementString: GS1ElementString {
        get throws(GS1Error) { try GS1ElementString(elements) }
    }

    /// The URI on `domain` (default `https://id.gs1.org`), values percent-encoded, attributes in the query.
    public func uri(domain: String = GS1DigitalLink.canonicalDomain) -> String {
        var out = domain.hasSuffix("/") ? String(domain.dropLast()) : domain
        out += "/\(primaryKey.ai.code)/\(GS1DigitalLink.percentEncode(primaryKey.value))"
        for q in qualifiers { out += "/\(q.ai.code)/\(GS1DigitalLink.percentEncode(q.value))" }
        if !attributes.isEmpty {
            out += "?" + attributes.map { "\($0.ai.code)=\(GS1DigitalLink.percentEncode($0.value))" }.joined(separator: "&")
        }
        return out
    }

    /// Qualifiers allowed after each primary key, in the order the URI syntax requires.
    public static let qualifierOrder: [String: [String]] = [
        "01": ["22", "10", "21", "235"], "8006": ["22", "10", "21"], "8010": ["8011"], "414": ["254"],
        "00": [], "253": [], "255": [], "401": [], "402": [], "417": [], "8003": [], "8004": [], "8017": [], "8018": [],
    ]

    /// Short names of the URI syntax standard mapped to AIs.
    public static let shortNames: [String: String] = [
        "gtin": "01", "itip": "8006", "cpid": "8010", "gln": "414", "party": "417", "gsrnp": "8017", "gsrn": "8018",
        "gcn": "255", "sscc": "00", "gdti": "253", "ginc": "401", "gsin": "402", "grai": "8003", "giai": "8004",
        "cpv": "22", "lot": "10", "ser": "21", "glnx": "254", "cpsn": "8011", "tpx": "235",
    ]
}
