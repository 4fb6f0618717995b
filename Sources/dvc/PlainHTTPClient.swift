import NIOCore
import NIOHTTP1
import NIOPosix

/// A minimal HTTP/1.1 client on SwiftNIO for the device simulator: one keep-alive connection, one request at a
/// time, so that the batches of the devices it carries arrive in order. (Foundation's URLSession is too slow on
/// Linux to load the server.)
struct TelemetryHTTPClient {
    let host: String
    let port: Int

    /// A response: the status and the body.
    struct Response {
        let status: Int
        let body: ByteBuffer
    }

    /// Opens a connection and runs `body` with a function that sends one POST and returns the response.
    func withConnection<Result: Sendable>(
        _ body: (_ post: (_ path: String, _ bytes: [UInt8], _ contentType: String) async throws -> Response) async throws -> Result
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
                var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: path)
                head.headers.add(name: "Host", value: hostHeader)
                head.headers.add(name: "Content-Type", value: contentType)
                head.headers.add(name: "Content-Length", value: String(bytes.count))
                try await outbound.write(contentsOf: [.head(head), .body(.byteBuffer(ByteBuffer(bytes: bytes))), .end(nil)])
                var status = 0
                var received = ByteBuffer()
                while let part = try await responses.next() {
                    switch part {
                    case .head(let response): status = Int(response.status.code)
                    case .body(var chunk): received.writeBuffer(&chunk)
                    case .end: return Response(status: status, body: received)
                    }
                }
                throw CommandError.io("expected a response from the server, found the connection closed")
            }
        }
    }
}
