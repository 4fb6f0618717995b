import Foundation
import HTTPAPI
import JSON
import TestSupport
import Testing

/// `/openapi.json` describes exactly the served operations and is a valid OpenAPI 3.1 document for an
/// independent validator (Python's openapi-spec-validator).
@Suite("OpenAPI document")
struct OpenAPITests {
    @Test("every operation is in paths, nothing else is, and openapi-spec-validator accepts the document")
    func documentMatchesOperationsAndValidates() async throws {
        let server = try await ServerProcess.start()
        defer { server.cleanUp() }
        let answer = try await server.request("GET", "/openapi.json")
        #expect(answer.status == 200)
        #expect(answer.headers["content-type"] == "application/json")
        let document = try ResponseJSON.parse(answer.body)
        #expect(document["openapi"]?.stringValue?.hasPrefix("3.1") == true)
        let paths = try #require(document["paths"]?.objectValue)

        let served = Set(APIOperation.allCases.map { "\($0.method.rawValue.lowercased()) \($0.path)" })
        var documented: Set<String> = []
        let httpMethods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
        for path in paths.members {
            let item = try #require(path.value.objectValue, "path item \(path.key)")
            for method in item.keys where httpMethods.contains(method) {
                documented.insert("\(method) \(path.key)")
            }
        }
        #expect(documented == served, "documented only: \(documented.subtracting(served)), served only: \(served.subtracting(documented))")
        for operation in APIOperation.allCases {
            let described = paths[operation.path]?[operation.method.rawValue.lowercased()]
            let security = described?["security"]?.arrayValue
            #expect(security?.isEmpty == (operation.roles == nil), "\(operation): security \(String(describing: security))")
        }

        let script = """
            import json, sys
            from openapi_spec_validator import validate
            validate(json.load(sys.stdin))
            print("valid")
            """
        let bytes = answer.body
        let output = try await ServerProcess.detached { try ExternalProgram.python(["-c", script], input: bytes) }
        #expect(output.status == 0, "openapi-spec-validator: \(output.standardError.suffix(2000))")
        #expect(output.standardOutput.contains("valid"))
    }
}
