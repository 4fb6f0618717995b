import Foundation
import NIOCore
import NIOPosix

/// Makes SwiftNIO's event loop threads Swift concurrency's global executor for `dvc serve`.
///
/// Without it, every request hops from the event loop thread that read it to the concurrency pool that runs its
/// handler and back to write the response: on a 2-core machine those thread switches cost more than verifying a
/// signature. With it, a request's handler runs on the event loop threads themselves. `DVC_SERVE_EXECUTOR=pool`
/// keeps Swift's own pool.
enum ServeExecutor {
    /// Installs the event loops as the global executor (once, before any other task runs), unless disabled.
    static func install() {
        guard ProcessInfo.processInfo.environment["DVC_SERVE_EXECUTOR"] != "pool" else { return }
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }
}
