import Foundation
import JSON
import Testing

/// Response bodies as JSON, and the check of an RFC 9457 problem details answer.
enum ResponseJSON {
    /// The body parsed as JSON.
    static func parse(_ body: Data) throws -> JSONValue {
        try JSONParser.parse(Array(body))
    }

    /// The start of a body as text, for failure messages.
    static func text(_ body: Data, limit: Int = 500) -> String {
        String(decoding: body.prefix(limit), as: UTF8.self)
    }

    /// The `code` of a problem details body, or nil when the body is not one.
    static func problemCode(_ body: Data) -> String? {
        (try? parse(body))?["code"]?.stringValue
    }

    /// Asserts a problem details answer with `status` and `code`, and returns its JSON.
    @discardableResult
    static func expectProblem(
        _ answer: ServerProcess.HTTPAnswer, status: Int, code: String? = nil, _ what: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> JSONValue? {
        let text = String(decoding: answer.body.prefix(400), as: UTF8.self)
        #expect(answer.status == status, "\(what): \(answer.status) \(text)", sourceLocation: sourceLocation)
        #expect(answer.headers["content-type"] == "application/problem+json", "\(what): \(text)", sourceLocation: sourceLocation)
        let json = try? ResponseJSON.parse(answer.body)
        #expect(json?["status"]?.integerValue == Int64(status), "\(what): \(text)", sourceLocation: sourceLocation)
        if let code {
            #expect(json?["code"]?.stringValue == code, "\(what): \(text)", sourceLocation: sourceLocation)
        }
        return json
    }
}
