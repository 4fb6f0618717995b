import VaccinationRecord

/// The vaccination event of a canonical record (the record module's `VaccinationEvent`, named apart from the
/// storage entity of the same name).
typealias RecordVaccination = VaccinationEvent
