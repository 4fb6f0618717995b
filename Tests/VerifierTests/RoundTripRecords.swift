import ICAOVDSNC
import VaccinationRecord

/// The records of the cross-format round trips: doses 1/2, 2/2, 3/3 (and 1/1), German, Greek, Czech, Danish and
/// Japanese names, full, year-month, year-only and absent birth dates, Comirnaty, Spikevax, Vaxzevria, Jcovden
/// and Nuvaxovid, with and without sex and identifier.
///
/// Every record is valid for every format: lots and centres within VDS-NC's 20 characters, HCIDs within its
/// 12-character UVCI, names within its 39-character `pid.n`, and a family name the ICAO tables transliterate (or
/// its transliterated form, for the Japanese name), and a birth date or a travel document number.
enum RoundTripRecords {
    /// The codings of one product as the canonical record writes them (SNOMED CT type, EU product number, SPOR
    /// organisation), from `Tables/products.tsv`.
    struct Product {
        let vaccine: String
        let brand: String
        let manufacturer: String

        static let comirnaty = Product(vaccine: "1119349007", brand: "EU/1/20/1528", manufacturer: "ORG-100030215")
        static let spikevax = Product(vaccine: "1119349007", brand: "EU/1/20/1507", manufacturer: "ORG-100031184")
        static let vaxzevria = Product(vaccine: "29061000087103", brand: "EU/1/21/1529", manufacturer: "ORG-100001699")
        static let jcovden = Product(vaccine: "29061000087103", brand: "EU/1/20/1525", manufacturer: "ORG-100001417")
        static let nuvaxovid = Product(vaccine: "1162643001", brand: "EU/1/21/1618", manufacturer: "ORG-100032020")
    }

    /// One record: a holder and one vaccination.
    static func record(
        family: String?, given: String?, transliterated: (family: String, given: String)? = nil, birthDate: String?,
        sex: Sex? = nil, identifier: RecordIdentifier? = nil, product: Product, lot: String, date: String,
        dose: Int, of totalDoses: Int, country: String, centre: String? = nil, nextDose: String? = nil,
        issuer: String, hcid: String
    ) -> VaccinationRecord {
        let event = VaccinationEvent(
            disease: Coding(system: CodeSystem.snomedCT, code: "840539006"),
            vaccine: Coding(system: CodeSystem.snomedCT, code: product.vaccine),
            brand: Coding(system: CodeSystem.euUnionRegister, code: product.brand),
            manufacturer: Coding(system: CodeSystem.emaSPOROrganisations, code: product.manufacturer),
            lot: lot, date: CalendarDate(date)!, dose: dose, totalDoses: totalDoses, country: CountryCode(country)!,
            centre: centre, nextDose: nextDose.map { CalendarDate($0)! })
        let name = PersonName(
            family: family, given: given, familyTransliterated: transliterated?.family,
            givenTransliterated: transliterated?.given)
        return VaccinationRecord(
            name: name, birthDate: birthDate.map { PartialDate($0)! }, sex: sex, identifier: identifier,
            event: .vaccination(event), certificate: CertificateInfo(issuer: issuer, hcid: hcid))
    }

    /// The set, each with a label for test output (no personal data: the records are invented).
    static let all: [(label: String, record: VaccinationRecord)] = [
        (
            "German, Comirnaty 2/2, full birth date, female, identifier",
            record(
                family: "Mustermann-Gößling", given: "Erika Maria", birthDate: "1964-08-12", sex: .female,
                identifier: RecordIdentifier(system: "urn:oid:1.2.276.0.76.4.8", value: "T22000129"),
                product: .comirnaty, lot: "FK4578", date: "2021-06-01", dose: 2, of: 2, country: "DE",
                centre: "Impfzentrum Köln", issuer: "Robert Koch-Institut", hcid: "01DE4578A2B9")
        ),
        (
            "Greek, Spikevax 1/2, year-month birth date, next dose",
            record(
                family: "Παπαδοπούλου", given: "Ελένη", birthDate: "1980-03", sex: .female, product: .spikevax,
                lot: "3002183", date: "2021-05-10", dose: 1, of: 2, country: "GR", centre: "Κέντρο Αθήνας",
                nextDose: "2021-06-07", issuer: "IDIKA", hcid: "01GR7C2D9E4F")
        ),
        (
            "Czech, Vaxzevria 2/2, year-only birth date, no sex",
            record(
                family: "Dvořáková", given: "Šárka", birthDate: "1975", product: .vaxzevria, lot: "ABV2856",
                date: "2021-07-14", dose: 2, of: 2, country: "CZ", issuer: "Ministerstvo zdravotnictví ČR",
                hcid: "01CZ51NK83QP")
        ),
        (
            "Japanese with transliteration, Jcovden 1/1, male",
            record(
                family: "山田", given: "太郎", transliterated: ("YAMADA", "TARO"), birthDate: "1990-01-02",
                sex: .male, product: .jcovden, lot: "XD955", date: "2021-09-03", dose: 1, of: 1, country: "DE",
                centre: "Impfzentrum Berlin", issuer: "Robert Koch-Institut", hcid: "01DEJ9X4T7KM")
        ),
        (
            "German, Nuvaxovid 3/3, full birth date, identifier without system",
            record(
                family: "Weiß", given: "Jürgen", birthDate: "1958-11-30", sex: .male,
                identifier: RecordIdentifier(value: "X4RTBPFW46"), product: .nuvaxovid, lot: "4302MF003",
                date: "2022-03-21", dose: 3, of: 3, country: "AT", issuer: "BMSGPK", hcid: "01AT92HD7Q1Z")
        ),
        (
            "Danish, Comirnaty 3/3, year-month birth date",
            record(
                family: "Kierkegaard-Ærø", given: "Søren", birthDate: "2001-07", product: .comirnaty, lot: "FE2083",
                date: "2022-01-12", dose: 3, of: 3, country: "DK", centre: "Region Hovedstaden",
                issuer: "Sundhedsdatastyrelsen", hcid: "01DKR83JQ2WX")
        ),
        (
            "Greek, Spikevax 2/2, year-only birth date, male, identifier",
            record(
                family: "Νικολάου", given: "Γιώργος", birthDate: "1969", sex: .male,
                identifier: RecordIdentifier(value: "AK1234567"), product: .spikevax, lot: "000142A",
                date: "2021-08-30", dose: 2, of: 2, country: "GR", issuer: "IDIKA", hcid: "01GRN6K2P8MV")
        ),
        (
            "Czech, Vaxzevria 1/2, full birth date, sex other",
            record(
                family: "Černý", given: "Jiří", birthDate: "1988-02-29", sex: .other, product: .vaxzevria,
                lot: "ABW0411", date: "2021-04-22", dose: 1, of: 2, country: "CZ", centre: "FN Motol",
                nextDose: "2021-07-15", issuer: "Ministerstvo zdravotnictví ČR", hcid: "01CZ3XG5H1LD")
        ),
        (
            "Given name only, Nuvaxovid 2/2, no birth date, travel document number",
            record(
                family: nil, given: "Åsa", birthDate: nil,
                // VDS-NC needs a birth date or a travel document number (pid.dob or pid.i).
                identifier: RecordIdentifier(system: VDSNCRecordMapping.travelDocumentNumberSystem, value: "PA0941262"),
                product: .nuvaxovid, lot: "4302MF011",
                date: "2022-02-28", dose: 2, of: 2, country: "SE", issuer: "E-hälsomyndigheten",
                hcid: "01SEW4Q9T2BN")
        ),
    ]
}
