/// How a batch reached the server, stored with it and used as a metrics label.
public enum TelemetryTransport: String, Sendable, Hashable, CaseIterable {
    case http
    case mqtt
}
