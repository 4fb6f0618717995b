import HTTPTypes
import Hummingbird
import Logging
import Registry
import Storage

/// Builds the HTTP API of a registry: every ``APIOperation`` as a route behind its role check, with problem
/// details, metrics and request logs.
public enum APIServer {
    /// The router of the API.
    public static func router(registry: Registry, options: APIOptions = APIOptions(), metrics: ServerMetrics, logger: Logger) -> Router<APIRequestContext> {
        let router = Router(context: APIRequestContext.self)
        router.add(middleware: APIMiddleware(metrics: metrics, logger: logger))
        let handlers = APIHandlers(registry: registry, options: options, metrics: metrics)
        for operation in APIOperation.allCases {
            let handle = handlers.handler(for: operation)
            router.on(RouterPath(operation.path), method: operation.method) { request, context in
                var context = context
                if let roles = operation.roles {
                    context.principal = try await authenticate(request, registry: registry)
                    guard let principal = context.principal else { throw Problem.unauthenticated() }
                    guard roles.contains(principal.role) else { throw Problem.forbidden(principal.role.rawValue) }
                }
                return try await handle(request, context)
            }
        }
        return router
    }

    /// The principal of the request's bearer token, or nil.
    static func authenticate(_ request: Request, registry: Registry) async throws -> Principal? {
        guard let header = request.headers[.authorization], header.utf8.count <= 200 else { return nil }
        // The scheme name is case-insensitive (RFC 9110 §11.1).
        let prefix = "bearer "
        guard header.utf8.count > prefix.utf8.count, header.prefix(prefix.count).lowercased() == prefix else { return nil }
        return try await registry.authenticate(bearer: header.dropFirst(prefix.count).drop { $0 == " " })
    }
}
