/// Mappings between the code systems the credential formats use (placeholder; being written).
public enum VaccineCodes {}
