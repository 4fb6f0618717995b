import VaccinationRecord

/// One vaccine product with every code a credential format needs for it, so that a format can fill all
/// vaccination fields of the canonical record from a single product code.
public struct VaccineProduct: Sendable, Hashable {
    /// The product name (for example `Comirnaty`).
    public let name: String
    /// The primary CDC CVX code the product maps back to; `nil` when CVX has no code for this product.
    public let cvx: Coding?
    /// The EU DCC `mp` code: the Union Register number (``CodeSystem/euUnionRegister``, `EU/1/20/1528`) for
    /// centrally authorised products, otherwise the name of the EU value set (``CodeSystem/euDCCVaccineNames``).
    public let euProductNumber: Coding?
    /// The marketing authorisation holder of the EU value set: an EMA SPOR organisation
    /// (``CodeSystem/emaOrganisations``) or a value-set name (``CodeSystem/euDCCAuthorisationHolders``).
    public let manufacturer: Coding?
    /// The vaccine type in SNOMED CT (EU DCC `vp`, for example `1119349007` SARS-CoV-2 mRNA vaccine).
    public let vaccineType: Coding
    /// The WHO ICD-11 code: the product code when ICD-11 has one (`XM8NQ0`), otherwise the type (`XM1NL1`).
    public let icd11: Coding
    /// The disease targeted, in SNOMED CT (`840539006` COVID-19).
    public let disease: Coding

    /// Creates a product from its codes.
    public init(
        name: String, cvx: Coding?, euProductNumber: Coding?, manufacturer: Coding?, vaccineType: Coding,
        icd11: Coding, disease: Coding
    ) {
        self.name = name
        self.cvx = cvx
        self.euProductNumber = euProductNumber
        self.manufacturer = manufacturer
        self.vaccineType = vaccineType
        self.icd11 = icd11
        self.disease = disease
    }
}
