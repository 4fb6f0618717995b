import NIOCore
import NIOHTTP1
import NIOPosix

/// A minimal plain-HTTP/1.1 client on SwiftNIO for the device simulator and `dvc trust fetch`: one keep-alive
/// connection, one request at a time, so that the batches of the devices it carries arrive in order.
/// (Foundation's URLSession is too slow on Linux to load the server.)
struct PlainHTTPClient {
    let host: String
    let port: Int

    /// A response: the status and the body.
    struct Response {
        let status: Int
        let body: ByteBuffer
    }

    /// The largest response body read: 512 MiB (a revocation snapshot of 20 million entries is about 340 MB).
    static let maximumBodySize = 512 << 20

    /// Opens a connection, sends one GET and returns the response.
    func get(_ path: String) async throws -> Response {
        try await withConnection(method: .GET) { send in try await send(path, [], "") }
    }

    /// Opens a connection and runs `body` with a function that sends one POST and returns the response.
    func withConnection<Result: Sendable>(
        _ body: (_ post: (_ path: String, _ bytes: [UInt8], _ contentType: String) async throws -> Response) async throws -> Result
    ) async throws -> Result {
        try await withConnection(method: .POST, body)
    }

    private func withConnection<Result: Sendable>(
        method: HTTPMethod,
        _ body: (_ send: (_ path: String, _ bytes: [UInt8], _ contentType: String) async throws -> Response) async throws -> Result
    ) async throws -> Result {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(wrappingChannelSynchronously: channel)
                }
            }
        let hostHeader = "\(host):\(port)"
        return try await channel.executeThenClose { inbound, outbound in
            var responses = inbound.makeAsyncIterator()
            return try await body { path, bytes, contentType in
                var head = HTTPRequestHead(version: .http1_1, method: method, uri: path)
                head.headers.add(name: "Host", value: hostHeader)
                if method == .POST {
                    head.headers.add(name: "Content-Type", value: contentType)
                    head.headers.add(name: "Content-Length", value: String(bytes.count))
                }
                try await outbound.write(contentsOf: [.head(head), .body(.byteBuffer(ByteBuffer(bytes: bytes))), .end(nil)])
                var status = 0
                var received = ByteBuffer()
                while let part = try await responses.next() {
                    switch part {
                    case .head(let response): status = Int(response.status.code)
                    case .body(var chunk):
                        guard received.readableBytes + chunk.readableBytes <= Self.maximumBodySize else {
                            throw CommandError.io("expected a response body of at most \(Self.maximumBodySize) bytes, found more")
                        }
                        received.writeBuffer(&chunk)
                    case .end: return Response(status: status, body: received)
                    }
                }
                throw CommandError.io("expected a response from the server, found the connection closed")
            }
        }
    }
}
