import VaccinationRecord

/// Conventions of the mapping between the canonical record and the `icao.vacc` message.
///
/// | seal | record |
/// |---|---|
/// | `uvci` | `certificate.hcid` (generated, 12 characters, when absent) |
/// | `pid.n` | `name`: the transliterated family name, two spaces, the transliterated given names (`<` as a space) |
/// | `pid.dob`, `pid.sex` | `birthDate`, `sex` (`M` male, `F` female, `X` other; `unknown` is left out) |
/// | `pid.i` / `pid.ai` | `identifier`: `i` when its system is ``travelDocumentNumberSystem``, else `ai` |
/// | `ve.des`, `ve.dis` | `vaccination.vaccine`, `vaccination.disease`: ICD-11 in the seal, SNOMED CT in the record |
/// | `ve.nam` | `vaccination.brand`: the product name of the code tables, else its display, else its code; decoded to the product's EU `mp` code, with its marketing authorisation holder as `vaccination.manufacturer` (an unknown name is kept under ``productNameSystem``) |
/// | `vd.dvc`, `seq`, `ctr`, `adm`, `lot`, `dvn` | `date`, `dose`, `country` (alpha-3 in the seal, alpha-2 in the record), `centre`, `lot`, `nextDose` |
/// | `hdr.is` | `certificate.issuer` when decoded |
public enum VDSNCRecordMapping {
    /// The identifier system of a travel document number (`pid.i`).
    public static let travelDocumentNumberSystem = "urn:opendvc:icao:9303:travel-document-number"
    /// The code system of a brand decoded from `ve.nam` (free text: the product name as the issuer wrote it).
    public static let productNameSystem = "urn:opendvc:icao:vds-nc:product-name"
    /// The characters of a generated UVCI.
    static let uvciAlphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
}
