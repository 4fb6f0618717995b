import JSON
import VaccinationRecord

/// Vaccinations as a FHIR R4 Bundle (JSON) of Patient and Immunization resources, one row per Immunization in
/// entry order.
///
/// The Bundle's `type` is `collection`, `batch` or `transaction`. Each Immunization's `patient.reference` names a
/// Patient entry of the Bundle: `Patient/ID` (the resource's `id`), an entry's `fullUrl` (`urn:uuid:…`, an absolute
/// URL, or `resource:N` as SMART Health Cards write it). Each Immunization becomes a canonical record (docs/RECORD.md)
/// the way a CSV row does (see ``BulkCSV``); a row's error names the FHIR path to blame
/// (`entry[3].resource.occurrenceDateTime`), never a value. What is read from where is in docs/API.md.
public enum BulkFHIR {
    /// The most entries one Bundle may hold (Patients, Immunizations and others together).
    public static let maximumEntries = 200_000
    /// The deepest JSON nesting accepted.
    public static let maximumDepth = 32
    /// The accepted Bundle types.
    public static let bundleTypes: Set<String> = ["collection", "batch", "transaction"]

    /// Parses a whole Bundle.
    /// - Parameters:
    ///   - defaultIssuer: the record's `certificate.issuer`.
    ///   - defaultCountry: the country of vaccination of an Immunization without the DDCC country extension.
    /// - Throws: ``BulkInputError`` for input that is no Bundle at all (not JSON: `BULK_SYNTAX`; too deep or too
    ///   many entries: `BULK_TOO_LARGE`; no Bundle of the accepted types: `BULK_FHIR`; no Immunization:
    ///   `BULK_EMPTY`); problems of single Immunizations are reported per row.
    public static func rows(_ bytes: [UInt8], defaultIssuer: String, defaultCountry: String?) throws -> [BulkCSV.Row] {
        guard bytes.contains(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else {
            throw BulkInputError(.empty, "expected a FHIR Bundle, found an empty body")
        }
        let bundle: JSONValue
        do {
            bundle = try JSONParser.parse(bytes, options: .init(maxBytes: bytes.count, maxDepth: maximumDepth))
        } catch let error as JSONError where error.errorCode == .tooDeep {
            throw BulkInputError(.tooLarge, "expected JSON nested at most \(maximumDepth) levels deep, found deeper nesting")
        } catch let error as JSONError {
            throw BulkInputError(.syntax, "expected a FHIR Bundle as JSON, found invalid JSON (\(error.code))")
        }
        guard let object = bundle.objectValue, object["resourceType"]?.stringValue == "Bundle" else {
            throw BulkInputError(.fhir, "expected a JSON object with resourceType Bundle, found another value")
        }
        guard let type = object["type"]?.stringValue, bundleTypes.contains(type) else {
            throw BulkInputError(.fhir, "expected Bundle.type collection, batch or transaction, found another value or none")
        }
        guard let entryValue = object["entry"] else {
            throw BulkInputError(.empty, "expected Bundle.entry with at least one Immunization, found no entries")
        }
        guard let entries = entryValue.arrayValue else {
            throw BulkInputError(.fhir, "expected Bundle.entry to be an array, found another value")
        }
        guard entries.count <= maximumEntries else {
            throw BulkInputError(.tooLarge, "expected at most \(maximumEntries) entries, found \(entries.count)")
        }
        var resources: [JSONObject?] = []
        var patients: [String: Int] = [:]
        var immunizations: [Int] = []
        for (index, entry) in entries.enumerated() {
            guard let entryObject = entry.objectValue else {
                throw BulkInputError(.fhir, "expected entry[\(index)] to be an object, found another value")
            }
            let resource = entryObject["resource"]?.objectValue
            if entryObject["resource"] != nil && resource == nil {
                throw BulkInputError(.fhir, "expected entry[\(index)].resource to be an object, found another value")
            }
            resources.append(resource)
            switch resource?["resourceType"]?.stringValue {
            case "Patient":
                var keys: [String] = []
                if let fullURL = entryObject["fullUrl"]?.stringValue { keys.append(fullURL) }
                if let id = resource?["id"]?.stringValue { keys.append("Patient/\(id)") }
                for key in keys where patients[key] == nil { patients[key] = index }
            case "Immunization":
                immunizations.append(index)
            default:
                continue
            }
        }
        guard !immunizations.isEmpty else {
            throw BulkInputError(.empty, "expected at least one Immunization entry, found none")
        }
        guard immunizations.count <= BulkCSV.maximumRows else {
            throw BulkInputError(.tooLarge, "expected at most \(BulkCSV.maximumRows) Immunizations, found \(immunizations.count)")
        }
        let context = BulkFHIRRowContext(
            resources: resources, patients: patients, defaultIssuer: defaultIssuer, defaultCountry: defaultCountry)
        return immunizations.map { context.row(at: $0) }
    }
}
