/// ICAO Visible Digital Seal for non-constrained environments (placeholder; being written).
public enum ICAOVDSNC {}
