import Hummingbird
import Logging
import NIOCore
import Storage

/// Turns every error into a problem details response (unknown routes into 404 `NOT_FOUND`, oversized bodies into
/// 413, anything unexpected into a bare 500), counts and times every request, and logs one line per request:
/// method, route pattern, status and duration only (no path ids, bodies, tokens or personal data).
struct APIMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext
    let metrics: ServerMetrics
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = try Self.problem(for: error, logger: logger).response(from: request, context: context)
        }
        let route = context.endpointPath ?? "unmatched"
        let duration = ContinuousClock.now - start
        metrics.request(route: route, method: request.method.rawValue, status: response.status.code, duration: duration)
        logger.info(
            "request", metadata: ["method": "\(request.method.rawValue)", "route": "\(route)", "status": "\(response.status.code)",
                                  "ms": "\(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)"])
        return response
    }

    static func problem(for error: any Error, logger: Logger) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let error as StorageError:
            return Problem.storage(error)
        case is NIOTooManyBytesError:
            return Problem(.contentTooLarge, code: "PAYLOAD_TOO_LARGE", detail: "expected a request body within the server's limit, found a larger one")
        case let error as HTTPError where error.status == .notFound:
            return Problem.notFound()
        case let error as HTTPError:
            return Problem(error.status, code: "HTTP_\(error.status.code)", detail: "expected a request this route accepts, found another")
        default:
            // Only the type: an error's description might hold request data.
            logger.error("unexpected error", metadata: ["type": "\(type(of: error))"])
            return Problem(.internalServerError, code: "INTERNAL", detail: "expected to answer, found an internal error (logged by type)")
        }
    }
}
