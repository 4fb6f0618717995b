import VaccinationRecord

/// Translates vaccine codes between the code systems the credential formats use: SNOMED CT and ATC vaccine
/// types (EU DCC `vp`), EU Union Register numbers and EU value-set names (`mp`), EMA SPOR organisations (`ma`),
/// CDC CVX (SMART Health Cards) and WHO ICD-11 (DDCC:VS), for COVID-19 vaccines.
///
/// A translation gives the most specific code of the target system that is **equivalent or broader**, never a
/// narrower one: CVX `217` (a Comirnaty formulation) becomes `EU/1/20/1528`, `1119349007` (mRNA vaccine) becomes
/// ICD-11 `XM0GQ8`, and SNOMED CT `1119305005` (antigen vaccine) becomes ICD-11 `XM68M6` (COVID-19 vaccine),
/// because ICD-11 has no antigen-vaccine code. A product translated to a vaccine-type system (SNOMED CT, ATC)
/// gives its type, and to an organisation system its marketing authorisation holder. The data are the tables
/// in `Sources/VaccineCodes/Tables`, which name their sources.
public struct VaccineCodeMapper: Sendable {
    /// The mapper over the tables compiled into this module.
    public static let standard = VaccineCodeMapper()

    let index: VaccineConceptIndex
    /// Products by folded name (see ``product(named:)``).
    let productsByName: [String: VaccineProduct]

    init(index: VaccineConceptIndex = VaccineConceptIndex()) {
        self.index = index
        self.productsByName = Self.productsByName(index.products)
    }

    /// Every product of the tables, in table order.
    public var products: [VaccineProduct] { index.products }

    /// Every marketing authorisation holder of the tables (EU value set `vaccines-covid-19-auth-holders`), as
    /// codings of ``CodeSystem/emaOrganisations`` or ``CodeSystem/euDCCAuthorisationHolders``, in table order.
    public var manufacturers: [Coding] { index.manufacturers }

    /// The code for `coding` in `system`, or `nil` when the tables have none (see the type's rules).
    ///
    /// `system` may be either ICD-11 URI (``CodeSystem/icd11`` or ``CodeSystem/icd11Release``), and a trailing
    /// `/` is ignored; the result carries `system` exactly as given, and the table's display text.
    public func translate(_ coding: Coding, to system: String) -> Coding? {
        guard let start = index.concept(for: coding) else { return nil }
        let target = VaccineConceptIndex.canonicalSystem(system)
        var current: Int? = start
        var hops = 0
        while let id = current, hops < VaccineConceptIndex.maximumDepth {
            let concept = index.concepts[id]
            if let found = concept.codings[target] {
                return Coding(system: system, code: found.code, display: found.display)
            }
            if let maker = concept.manufacturer, VaccineConceptIndex.canonicalSystem(maker.system) == target {
                return Coding(system: system, code: maker.code, display: maker.display)
            }
            current = concept.broader
            hops += 1
        }
        return nil
    }

    /// The code for `coding` in `system`; throws `CODE_UNMAPPED` naming the code, its system and `system`.
    public func require(_ coding: Coding, in system: String) throws(CodeMappingError) -> Coding {
        guard let result = translate(coding, to: system) else {
            throw .unmapped(code: coding.code, system: coding.system, target: system)
        }
        return result
    }

    /// The product a code names: a CVX code of one product, an EU `mp` code or an ICD-11 product code.
    /// `nil` for codes of vaccine types (`1119349007`, `XM0GQ8`, CVX `213`) and for unknown codes.
    public func product(matching coding: Coding) -> VaccineProduct? {
        var current = index.concept(for: coding)
        var hops = 0
        while let id = current, hops < VaccineConceptIndex.maximumDepth {
            if let product = index.concepts[id].product { return product }
            current = index.concepts[id].broader
            hops += 1
        }
        return nil
    }
}
