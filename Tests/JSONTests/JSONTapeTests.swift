import JSON
import Testing

/// `JSONTape` against `JSONParser`: the same documents accepted with the same values (read back through the
/// tape's navigation, not by parsing again), the same documents refused with the same code and offset.
struct JSONTapeTests {
    /// The value of node `node`, read through the tape's navigation API.
    static func navigated(_ tape: JSONTape, _ node: Int) -> JSONValue {
        switch tape.kind(at: node) {
        case .null: return .null
        case .bool: return .bool(tape.bool(at: node)!)
        case .number:
            let value = tape.value(at: node)
            // `double(at:)` converts plain integers itself and the rest through the scanner: both as the tree.
            #expect(tape.double(at: node) == value.doubleValue)
            #expect(tape.integer(at: node) == value.integerValue)
            return value
        case .string: return .string(tape.string(at: node)!)
        case .array:
            var items: [JSONValue] = []
            tape.forEachElement(of: node) { offset, element in
                #expect(offset == items.count)
                items.append(navigated(tape, element))
            }
            return .array(items)
        case .object:
            var members: [JSONObject.Member] = []
            tape.forEachMember(of: node) { key, value in
                #expect(tape.kind(at: key) == .string)
                members.append(JSONObject.Member(key: tape.string(at: key)!, value: navigated(tape, value)))
            }
            return .object(JSONObject(uniqueMembers: members))
        }
    }

    /// Parses `bytes` both ways and expects the same outcome.
    static func agree(_ bytes: [UInt8], options: JSONParser.Options = .default, sourceLocation: SourceLocation = #_sourceLocation) {
        let tree: Result<JSONValue, JSONError>
        do { tree = .success(try JSONParser.parse(bytes, options: options)) } catch let error as JSONError { tree = .failure(error) } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
            return
        }
        let tape: Result<JSONTape, JSONError>
        do { tape = .success(try JSONTape(parsing: bytes, options: options)) } catch let error as JSONError { tape = .failure(error) } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
            return
        }
        switch (tree, tape) {
        case (.success(let value), .success(let tape)):
            #expect(navigated(tape, tape.root) == value, sourceLocation: sourceLocation)
            #expect(tape.value(at: tape.root) == value, sourceLocation: sourceLocation)
            #expect(tape.after(tape.root) == tape.nodeCount, sourceLocation: sourceLocation)
            // RFC 8785 from the tape: the serializer's canonical bytes, for the document and for each value in it.
            #expect(tape.canonicalBytes(of: tape.root) == JSONSerializer.serialize(value, style: .canonical), sourceLocation: sourceLocation)
            for node in 0..<tape.nodeCount where tape.nodeCount <= 200 {
                #expect(
                    tape.canonicalBytes(of: node) == JSONSerializer.serialize(tape.value(at: node), style: .canonical),
                    sourceLocation: sourceLocation)
            }
        case (.failure(let treeError), .failure(let tapeError)):
            #expect(tapeError.code == treeError.code, sourceLocation: sourceLocation)
            #expect(tapeError.offset == treeError.offset, sourceLocation: sourceLocation)
        case (.success, .failure(let error)):
            Issue.record("the tree parser accepts, the tape refuses with \(error.code)", sourceLocation: sourceLocation)
        case (.failure(let error), .success):
            Issue.record("the tree parser refuses with \(error.code), the tape accepts", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: JSONParserAcceptanceTests.cases)
    func acceptsWhatTheParserAccepts(_ testCase: JSONParserAcceptanceTests.Case) throws {
        let tape = try JSONTape(parsing: testCase.bytes)
        #expect(Self.navigated(tape, tape.root) == testCase.expected)
        Self.agree(testCase.bytes)
    }

    @Test(arguments: JSONParserRejectionTests.cases)
    func refusesWhatTheParserRefuses(_ testCase: JSONParserRejectionTests.Case) {
        Self.agree(testCase.bytes)
        #expect(throws: JSONError.self) { try JSONTape(parsing: testCase.bytes) }
    }

    @Test func agreesOnTheLimitDocumentsAndTheirLimits() {
        for document in JSONParserLimitTests.documents {
            let bytes = Array(document.utf8)
            Self.agree(bytes)
            Self.agree(bytes, options: .init(maxBytes: bytes.count - 1))
            Self.agree(bytes, options: .init(maxDepth: 1))
            Self.agree(bytes, options: .init(maxDepth: 2))
        }
    }

    @Test func agreesOnMutatedDocuments() {
        let seeds = JSONParserLimitTests.documents.map { Array($0.utf8) } + [
            Array(#"{"a":"\u0041\n","b":[1,-2.5e3,true,false,null],"c":{"d":"é€😀"}}"#.utf8)
        ]
        var generator = SeededGenerator(seed: 0x5EED_7A9E)
        for _ in 0..<10_000 {
            Self.agree(JSONRandomInputTests.mutated(seeds.randomElement(using: &generator)!, using: &generator))
        }
    }

    @Test func refusesRepeatedKeysIncludingEscapedAndLargeObjects() throws {
        for text in [#"{"a":1,"a":2}"#, #"{"a":1,"\u0061":2}"#, #"{"é":1,"\u00e9":2}"#] {
            #expect(throws: JSONError.self) { try JSONTape(parsing: Array(text.utf8)) }
            Self.agree(Array(text.utf8))
        }
        // Past the linear scan: 40 distinct keys pass, a repeat of the first fails at its offset.
        let keys = (0..<40).map { "\"k\($0)\":\($0)" }
        let distinct = "{" + keys.joined(separator: ",") + "}"
        let tape = try JSONTape(parsing: Array(distinct.utf8))
        #expect(tape.count(at: tape.root) == 40)
        Self.agree(Array(("{" + keys.joined(separator: ",") + ",\"k0\":1}").utf8))
        // Nested objects keep their own keys apart.
        #expect(throws: Never.self) { try JSONTape(parsing: Array(#"{"a":{"a":{"a":1}},"b":{"a":2}}"#.utf8)) }
    }

    @Test func readsMembersStringsAndNumbersInPlace() throws {
        let text = #"{"iss":"https:\/\/example.org","nbf":1700000000.5,"exp":1800000000,"vc":{"type":["a","b"]},"e":""}"#
        let tape = try JSONTape(parsing: Array(text.utf8))
        let root = tape.root
        #expect(tape.kind(at: root) == .object)
        #expect(tape.count(at: root) == 5)
        let iss = try #require(tape.member("iss", of: root))
        #expect(tape.string(at: iss) == "https://example.org")
        #expect(tape.isString(at: iss, equalTo: "https://example.org"))
        #expect(!tape.isString(at: iss, equalTo: "https:\\/\\/example.org"))
        #expect(tape.utf8Count(at: iss) == 19)
        #expect(tape.double(at: tape.member("nbf", of: root)!) == 1_700_000_000.5)
        #expect(tape.double(at: tape.member("exp", of: root)!) == 1_800_000_000)
        #expect(tape.double(at: iss) == nil)
        // Plain integers up to 15 digits are converted by the tape itself; longer ones and others by the scanner.
        let numbers = try JSONTape(parsing: Array("[0, 7, 999999999999999, 1000000000000000, 12345678901234567890, -3, 2.5, 1e3]".utf8))
        var read: [Double?] = []
        numbers.forEachElement(of: numbers.root) { _, element in read.append(numbers.double(at: element)) }
        #expect(read == [0, 7, 999_999_999_999_999, 1_000_000_000_000_000, 1.2345678901234567890e19, -3, 2.5, 1000])
        let types = try #require(tape.member("vc", of: root).flatMap { tape.member("type", of: $0) })
        #expect(tape.count(at: types) == 2)
        #expect(tape.string(at: tape.after(types + 1)) == "b")
        #expect(tape.utf8Count(at: tape.member("e", of: root)!) == 0)
        #expect(tape.member("missing", of: root) == nil)
        #expect(tape.member("iss", of: iss) == nil)
        #expect(tape.count(at: iss) == 0)
    }

    @Test func makesATapeOfAValue() throws {
        let value: JSONValue = .object(["a": .array([.integer(1), .double(2.5), .string("x\"y")]), "b": .null])
        let tape = try JSONTape(value: value)
        #expect(Self.navigated(tape, tape.root) == value)
        let repeated = JSONValue.object(JSONObject(uniqueMembers: [.init(key: "a", value: .null), .init(key: "a", value: .null)]))
        #expect(throws: JSONError.self) { try JSONTape(value: repeated) }
    }
}
