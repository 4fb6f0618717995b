import JSON

/// The error a parse throws, or `nil` when it succeeds (or throws something that is not a ``JSONError``).
func parseError(_ bytes: [UInt8], options: JSONParser.Options = .default) -> JSONError? {
    do {
        _ = try JSONParser.parse(bytes, options: options)
        return nil
    } catch let error as JSONError {
        return error
    } catch {
        return nil
    }
}

func parseError(_ text: String, options: JSONParser.Options = .default) -> JSONError? {
    parseError(Array(text.utf8), options: options)
}

func compact(_ value: JSONValue) -> String {
    JSONSerializer.serializeToString(value, style: .compact)
}

func canonical(_ value: JSONValue) -> String {
    JSONSerializer.serializeToString(value, style: .canonical)
}

/// SplitMix64: a small deterministic generator, so random tests are reproducible from their seed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
