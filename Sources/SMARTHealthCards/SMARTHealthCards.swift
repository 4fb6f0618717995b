/// SMART Health Cards (placeholder; being written).
public enum SMARTHealthCards {}
