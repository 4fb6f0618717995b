// libFuzzer entry point for the JSON parser and serializer.
//
// Build and run (see Fuzz/README.md):
//   swift build --sanitize=fuzzer --sanitize=address -Xswiftc -parse-as-library --product FuzzJSON
//   .build/debug/FuzzJSON -max_total_time=60
//
// Every input is parsed; a parsed value is written in compact and canonical form, and both outputs must
// parse again to an equivalent value (canonical output may round numbers the way RFC 8785 requires, so
// it is compared after a second canonical pass instead).
import JSON

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let value = try? JSONParser.parse(bytes) else { return 0 }

    let compact = JSONSerializer.serialize(value, style: .compact)
    guard let reparsed = try? JSONParser.parse(compact) else {
        fatalError("compact output does not parse")
    }
    guard reparsed == value else { fatalError("compact output parses to a different value") }

    let pretty = JSONSerializer.serialize(value, style: .pretty)
    guard let prettyParsed = try? JSONParser.parse(pretty), prettyParsed == value else {
        fatalError("pretty output does not parse to the same value")
    }

    let canonical = JSONSerializer.serialize(value, style: .canonical)
    guard let canonicalParsed = try? JSONParser.parse(canonical) else {
        fatalError("canonical output does not parse")
    }
    guard JSONSerializer.serialize(canonicalParsed, style: .canonical) == canonical else {
        fatalError("canonical output is not stable")
    }
    return 0
}
