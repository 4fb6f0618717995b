import Foundation
import JSON

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension ServerProcess {
    /// One HTTP exchange's answer; header names are lower case.
    typealias HTTPAnswer = (status: Int, headers: [String: String], body: Data)

    /// Sends a request to the server and returns the status, headers (names lower-cased) and body.
    ///
    /// A body gets `Content-Type: application/json` unless `headers` names another; `token` is sent as
    /// `Authorization: Bearer <token>`.
    func request(
        _ method: String, _ path: String, token: String? = nil, body: Data? = nil, headers: [String: String] = [:]
    ) async throws -> HTTPAnswer {
        guard let url = URL(string: baseURL + path) else { throw ServerProcessError("not a URL path: \(path)") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        if body != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw ServerProcessError("not an HTTP response for \(path)") }
        var lowered: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            lowered[String(describing: name).lowercased()] = String(describing: value)
        }
        return (http.statusCode, lowered, data)
    }

    /// Sends `json` serialized as the body.
    func request(
        _ method: String, _ path: String, token: String? = nil, json: JSONValue, headers: [String: String] = [:]
    ) async throws -> HTTPAnswer {
        try await request(method, path, token: token, body: Data(JSONSerializer.serialize(json)), headers: headers)
    }
}

extension ServerProcess {
    /// Sends `body` with `Transfer-Encoding: chunked` (no `Content-Length`), so that the server learns its size
    /// only while reading it. Returns the status and the body as text.
    func requestChunked(_ method: String, _ path: String, token: String?, body: Data) async throws -> (status: Int, body: String) {
        guard let url = URL(string: baseURL + path) else { throw ServerProcessError("not a URL path: \(path)") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBodyStream = InputStream(data: body)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("chunked", forHTTPHeaderField: "Transfer-Encoding")
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw ServerProcessError("not an HTTP response for \(path)") }
        return (http.statusCode, String(decoding: data, as: UTF8.self))
    }
}
