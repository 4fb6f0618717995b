import Hummingbird
import Storage

/// The request context of the API: Hummingbird's core storage and the authenticated principal, if any.
public struct APIRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set once the bearer token was checked.
    public var principal: Principal?

    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
    }
}
