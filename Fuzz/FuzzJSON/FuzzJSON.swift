// libFuzzer entry point for the JSON parser and serializer.
//
// Build and run (see Fuzz/README.md):
//   swift build --sanitize=fuzzer --sanitize=address -Xswiftc -parse-as-library --product FuzzJSON
//   .build/debug/FuzzJSON -max_total_time=60
//
// Every input is parsed; a parsed value is written in compact and canonical form, and both outputs must
// parse again to an equivalent value (canonical output may round numbers the way RFC 8785 requires, so
// it is compared after a second canonical pass instead). The tape parser (`JSONTape`) must agree with the
// tree parser on every input: the same error code and offset, or the same value; and its RFC 8785 bytes
// (`canonicalBytes(of:)`, written from the tape) must be the serializer's canonical bytes of the tree.
import JSON

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let tree: Result<JSONValue, JSONError> = Result { try JSONParser.parse(bytes) }.mapError { $0 as! JSONError }
    let tape: Result<JSONTape, JSONError> = Result { try JSONTape(parsing: Array(bytes)) }.mapError { $0 as! JSONError }
    switch (tree, tape) {
    case (.success(let value), .success(let tape)):
        guard tape.value(at: tape.root) == value, tape.after(tape.root) == tape.nodeCount else {
            fatalError("the tape holds another value than the tree")
        }
    case (.failure(let treeError), .failure(let tapeError)):
        guard treeError.code == tapeError.code, treeError.offset == tapeError.offset else {
            fatalError("the tape and the tree refuse with different errors")
        }
    default:
        fatalError("the tape and the tree disagree on whether the input is JSON")
    }
    guard case .success(let value) = tree else { return 0 }

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
    if case .success(let tape) = tape, tape.canonicalBytes(of: tape.root) != canonical {
        fatalError("the tape's canonical bytes differ from the serializer's")
    }
    return 0
}
