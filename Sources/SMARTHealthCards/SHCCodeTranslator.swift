import VaccinationRecord

/// Translates vaccine codings between CVX (what SMART Health Cards carry) and the record's code systems
/// (SNOMED CT vaccine type, EU Union Register product, EMA SPOR manufacturer).
///
/// ``standard`` uses the shared `VaccineCodeMapper` tables; tests and deployments may inject their own.
public struct SHCCodeTranslator: Sendable {
    /// The CVX code system URI.
    public static let cvx = "http://hl7.org/fhir/sid/cvx"

    private let translation: @Sendable (Coding, String) -> Coding?
    private let diseaseLookup: @Sendable (Coding) -> Coding?

    /// A translator backed by a function `(coding, target system) -> coding in that system`, and optionally
    /// one giving the disease a vaccine coding targets.
    public init(
        _ translation: @escaping @Sendable (Coding, String) -> Coding?,
        disease: @escaping @Sendable (Coding) -> Coding? = { _ in nil }
    ) {
        self.translation = translation
        self.diseaseLookup = disease
    }

    /// The disease targeted by the vaccine `coding` names, when known.
    public func disease(for coding: Coding) -> Coding? {
        diseaseLookup(coding)
    }

    /// `coding` in `system`: itself when already there, else the translation, or nil when unmapped.
    public func translate(_ coding: Coding, to system: String) -> Coding? {
        if coding.system == system { return coding }
        return translation(coding, system)
    }

    /// The CVX coding of a vaccination: its vaccine or brand when already CVX, else a translation of the brand
    /// (product level, like CVX), then of the vaccine type.
    func cvx(for vaccination: VaccinationEvent) -> Coding? {
        for coding in [vaccination.vaccine, vaccination.brand] where coding.system == Self.cvx {
            return Coding(system: coding.system, code: coding.code)
        }
        return (translate(vaccination.brand, to: Self.cvx) ?? translate(vaccination.vaccine, to: Self.cvx))
            .map { Coding(system: Self.cvx, code: $0.code) }
    }
}
