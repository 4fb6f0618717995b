import VaccinationRecord

/// One node of the mapping graph: the codes that name the same concept in several systems, and the broader
/// node to fall back on when a target system has no code for this one.
struct VaccineConcept: Sendable {
    /// Codings by canonical system (``VaccineConceptIndex/canonicalSystem(_:)``).
    var codings: [String: Coding]
    /// The broader concept (a product's vaccine type, a type's parent type), by index.
    var broader: Int?
    /// The manufacturer, for product concepts (an attribute, not an equivalent code).
    var manufacturer: Coding?
    /// The complete product, for product concepts.
    var product: VaccineProduct?
}
