import FlyingSocks
import Foundation

/// Why the preview server cannot listen on its port.
public struct ListenError: Error, CustomStringConvertible, Equatable {
    public let port: UInt16
    public let description: String
    /// Whether another program listens on the port.
    public let isPortTaken: Bool

    init(address: String = "127.0.0.1", port: UInt16, errno code: Int32) {
        self.port = port
        isPortTaken = code == EADDRINUSE
        switch code {
        case EADDRINUSE:
            description = "port \(port) is in use by another program; stop it, or choose another port with --port (--port 0 picks a free one)"
        case EACCES:
            description = "port \(port) is reserved for the system; choose a port above 1023 with --port (--port 0 picks a free one)"
        case EADDRNOTAVAIL:
            description = "cannot listen on \(address): it is no address of this machine; --bind takes one, such as 127.0.0.1 or 0.0.0.0 (every address)"
        default:
            description = "cannot listen on \(address):\(port): \(String(cString: strerror(code)))"
        }
    }
}

/// The preview server's own listening socket and loop of connections: it reads each request's head within
/// ``PreviewLimits``, hands the request to the site's handlers, and writes their answer.
///
/// It never stops for a client's sake: a request line or head that is too long is refused (414, 431), a
/// connection that sends nothing is closed after ``PreviewLimits/headSeconds``, the number of connections is
/// bounded, and when the process has no file descriptor left the connection waiting is refused, not the server.
public struct PreviewListener: Sendable {
    let socket: Socket
    /// The port listened on: the one asked for, or the one the system picked for port 0.
    public let port: UInt16
    let limits: PreviewLimits

    /// Listens on `address` (an IPv4 address) at `port`; throws ``ListenError`` at once when it cannot, as
    /// when the port is taken.
    public init(address: String = "127.0.0.1", port: UInt16, limits: PreviewLimits = .forThisProcess()) throws {
        let socket: Socket
        do {
            socket = try Socket(domain: AF_INET)
            try socket.setValue(true, for: .localAddressReuse)
            #if canImport(Darwin)
            try socket.setValue(true, for: .noSIGPIPE)
            #endif
            try socket.bind(to: .inet(ip4: address, port: port))
            try socket.listen(maxPendingConnection: 128)
        } catch let SocketError.failed(_, code, _) {
            throw ListenError(address: address, port: port, errno: code)
        }
        self.socket = socket
        self.limits = limits
        if case .ip4(_, let listening) = try socket.sockname() { self.port = listening } else { self.port = port }
    }

    /// Answers requests with `handler` until the task is cancelled.
    func run(_ handler: some PreviewHandler) async throws {
        let pool: some AsyncSocketPool = .ePoll()
        try await pool.prepare()
        let listening = try AsyncSocket(socket: socket, pool: pool)
        let table = ConnectionTable(limits: limits)
        defer { try? socket.close() }
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await pool.run() }
            group.addTask {
                while !Task.isCancelled {
                    try await Task.sleep(nanoseconds: 200_000_000)
                    await table.shutDownExpired()
                }
            }
            var spare = Self.spareDescriptor()
            while !Task.isCancelled {
                let client: AsyncSocket
                do {
                    client = try await listening.accept()
                } catch let SocketError.failed(_, code, _) where code == EMFILE || code == ENFILE {
                    // No descriptor is left to take the connection: the spare one is given up to accept it
                    // and refuse it at once, so that the client is told and the queue moves on.
                    spare.map { _ = close($0) }
                    let refused = accept(socket.file.rawValue, nil, nil)
                    if refused >= 0 { Self.refuse(refused) }
                    spare = Self.spareDescriptor()
                    if refused < 0 { try await Task.sleep(nanoseconds: 50_000_000) }
                    continue
                } catch is CancellationError {
                    break
                } catch {
                    // A connection aborted before it was taken, or an error of the moment: the next one is taken.
                    try await Task.sleep(nanoseconds: 10_000_000)
                    continue
                }
                guard let number = await table.admit(client.socket) else {
                    Self.refuse(client.socket.file.rawValue)
                    continue
                }
                group.addTask {
                    await PreviewConnection(socket: client, number: number, table: table, limits: limits).serve(handler)
                }
            }
            group.cancelAll()
        }
    }

    /// A descriptor held in reserve for the moment the process has none left, or nil if none could be had.
    static func spareDescriptor() -> Int32? {
        let descriptor = open("/dev/null", O_RDONLY)
        return descriptor >= 0 ? descriptor : nil
    }

    /// Answers 503 on a connection without reading from it, as far as it takes without waiting, and closes it.
    static func refuse(_ descriptor: Int32) {
        let answer = "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\nRetry-After: 1\r\n\r\n"
        var flags = Int32(0)
        #if canImport(Glibc)
        flags = Int32(MSG_NOSIGNAL | MSG_DONTWAIT)
        #else
        flags = MSG_DONTWAIT
        #endif
        _ = Array(answer.utf8).withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, flags) }
        _ = close(descriptor)
    }
}
