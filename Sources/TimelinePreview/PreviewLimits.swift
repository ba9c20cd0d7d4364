import Foundation

/// The bounds that keep the preview server answering whatever its clients send, or hold open.
public struct PreviewLimits: Sendable {
    /// The longest request line, in bytes; a longer one is answered 414 URI Too Long.
    public var requestLine = 8 * 1024
    /// The largest request head (request line and header fields), in bytes; a larger one is answered
    /// 431 Request Header Fields Too Large.
    public var requestHead = 32 * 1024
    /// How long a request's head may take to arrive, counted from the connection's opening or from the
    /// previous answer on it; a connection still waiting after that is closed.
    public var headSeconds = 10.0
    /// How long a client may take to receive an answer before its connection is closed.
    public var answerSeconds = 30.0
    /// The most connections open at once. When all are taken, a new connection closes the connection that has
    /// been waiting longest for a request, or, if every one is being answered, is refused with 503.
    public var connections = 256

    public init() {}

    /// The limits for this process: at most a quarter of its file descriptors for connections, so that
    /// reading the site and rebuilding it always find some.
    public static func forThisProcess() -> PreviewLimits {
        var limits = PreviewLimits()
        var descriptors = rlimit()
        #if canImport(Glibc)
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        #else
        let resource = RLIMIT_NOFILE
        #endif
        if getrlimit(resource, &descriptors) == 0, descriptors.rlim_cur < 1 << 30 {
            limits.connections = max(4, min(limits.connections, Int(descriptors.rlim_cur) / 4))
        }
        return limits
    }
}
