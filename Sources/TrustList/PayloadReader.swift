import JSON

/// Typed access to the members of a decoded JSON object, with errors that name the member and its path.
struct PayloadReader {
    let object: JSONObject
    let path: String

    init(_ value: JSONValue, path: String) throws {
        guard case .object(let object) = value else {
            throw Self.malformed("expected \(path) to be an object, found another JSON type")
        }
        self.object = object
        self.path = path
    }

    func value(_ name: String) throws -> JSONValue {
        guard let value = object[name] else { throw Self.malformed("expected member \(path).\(name), found none") }
        return value
    }

    func string(_ name: String) throws -> String {
        guard case .string(let text) = try value(name) else {
            throw Self.malformed("expected \(path).\(name) to be a string, found another JSON type")
        }
        return text
    }

    func integer(_ name: String) throws -> Int64 {
        guard case .integer(let number) = try value(name) else {
            throw Self.malformed("expected \(path).\(name) to be an integer, found another JSON type")
        }
        return number
    }

    func array(_ name: String) throws -> [JSONValue] {
        guard case .array(let elements) = try value(name) else {
            throw Self.malformed("expected \(path).\(name) to be an array, found another JSON type")
        }
        return elements
    }

    func strings(_ name: String) throws -> [String] {
        try array(name).enumerated().map { index, element in
            guard case .string(let text) = element else {
                throw Self.malformed("expected \(path).\(name)[\(index)] to be a string, found another JSON type")
            }
            return text
        }
    }

    func base64Certificates(_ name: String) throws -> [[UInt8]] {
        try strings(name).enumerated().map { index, text in
            guard let der = StandardBase64.decode(text) else {
                throw Self.malformed("expected \(path).\(name)[\(index)] to be canonical base64, found another value")
            }
            return der
        }
    }

    static func malformed(_ message: String) -> TrustListError {
        TrustListError(.malformed, message)
    }
}
