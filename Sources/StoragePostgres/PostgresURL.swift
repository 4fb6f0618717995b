import Foundation
import PostgresNIO
import Storage

/// A PostgreSQL connection URL, `postgres://user[:password]@host[:port]/database[?sslmode=disable|require|prefer]`
/// (or `postgresql://`), as `dvc serve --database` takes it. User and password are percent-decoded.
///
/// Without `sslmode`, TLS is off for a loopback host (`127.0.0.1`, `::1`, `localhost`) and preferred otherwise.
/// ``description`` hides the password, and so does every error.
public struct PostgresURL: Sendable, Hashable, CustomStringConvertible {
    /// How the connection uses TLS.
    public enum SSLMode: String, Sendable, Hashable, CaseIterable {
        /// No TLS.
        case disable
        /// TLS when the server offers it, else plain.
        case prefer
        /// TLS or no connection (the server's certificate is verified against the system's trust roots).
        case require
    }

    /// The server's host name or address.
    public var host: String
    /// The server's TCP port (5432 by default).
    public var port: Int
    /// The user name.
    public var username: String
    /// The password, if the URL has one.
    public var password: String?
    /// The database (nil: the server's default, the user's name).
    public var database: String?
    /// The TLS mode.
    public var sslMode: SSLMode

    /// Parses `string`; a malformed URL throws ``StorageError`` `STORAGE_UNAVAILABLE` with a message that never
    /// contains the password.
    public init(_ string: String) throws {
        guard let components = URLComponents(string: string) else {
            throw Self.invalid("it is not a URL (percent-encode reserved characters in the user and password)")
        }
        guard let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql" else {
            throw Self.invalid("the scheme must be postgres:// or postgresql://")
        }
        guard let host = components.host, !host.isEmpty else {
            throw Self.invalid("the host is missing")
        }
        guard let username = components.user, !username.isEmpty else {
            throw Self.invalid("the user name is missing")
        }
        let port = components.port ?? 5432
        guard (1...65535).contains(port) else {
            throw Self.invalid("the port must be from 1 to 65535")
        }
        var path = components.path
        if path.hasPrefix("/") { path.removeFirst() }
        guard !path.contains("/") else {
            throw Self.invalid("the path must be one database name")
        }
        var sslMode: SSLMode?
        for item in components.queryItems ?? [] {
            guard item.name == "sslmode" else {
                throw Self.invalid("the parameter \(Self.printable(item.name)) is not supported (only sslmode)")
            }
            guard let value = item.value, let mode = SSLMode(rawValue: value) else {
                throw Self.invalid("sslmode must be disable, prefer or require")
            }
            sslMode = mode
        }
        let loopback = ["127.0.0.1", "::1", "[::1]", "localhost"].contains(host.lowercased())
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        self.port = port
        self.username = username
        self.password = components.password
        self.database = path.isEmpty ? nil : path
        self.sslMode = sslMode ?? (loopback ? .disable : .prefer)
    }

    /// The client configuration for this URL (default pool options).
    public var configuration: PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS
        switch sslMode {
        case .disable: tls = .disable
        case .prefer: tls = .prefer(.makeClientConfiguration())
        case .require: tls = .require(.makeClientConfiguration())
        }
        return PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
    }

    /// The URL with the password replaced by `***`.
    public var description: String {
        let user = username.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed) ?? username
        let secret = password == nil ? "" : ":***"
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return "postgres://\(user)\(secret)@\(hostPart):\(port)/\(database ?? "")?sslmode=\(sslMode.rawValue)"
    }

    private static func invalid(_ reason: String) -> StorageError {
        StorageError(.unavailable, "the database URL is invalid: \(reason)")
    }

    /// A parameter name cut to 32 ASCII letters, digits and `_` (it is echoed in an error).
    private static func printable(_ name: String) -> String {
        let allowed = name.unicodeScalars.filter { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_")
        }
        return String(String.UnicodeScalarView(allowed.prefix(32)))
    }
}
