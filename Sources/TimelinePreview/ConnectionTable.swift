import FlyingSocks
import Foundation

/// The open connections of the preview server, with what each is doing and until when it may: at most
/// ``PreviewLimits/connections`` of them, and none past its deadline.
///
/// A connection past its deadline, or closed to make room, is shut down here, never closed: its own task sees
/// the end of its input or output, and closes its socket itself after leaving the table, so that a descriptor
/// is never closed twice or under a task still waiting on it.
actor ConnectionTable {
    enum Activity {
        /// Waiting for a request's head: the connection may be closed to make room for a new one.
        case waiting
        /// A request is being answered by the site's handlers: no deadline.
        case handling
        /// An answer is being sent.
        case sending
        /// A refusal has been sent, and what the client still sends is read and dropped for a moment, so that
        /// it reads the refusal rather than a reset connection; it may be closed to make room.
        case closing
    }

    private struct Connection {
        let socket: Socket
        var activity: Activity
        var deadline: Date?
    }

    let limits: PreviewLimits
    private var connections: [Int: Connection] = [:]
    private var nextNumber = 0

    init(limits: PreviewLimits) {
        self.limits = limits
    }

    var count: Int { connections.count }

    /// Takes a new connection, closing the one that has waited longest for a request if the table is full;
    /// nil when every connection is being answered, and the new one must be refused.
    func admit(_ socket: Socket) -> Int? {
        if connections.count >= limits.connections {
            let oldest = connections.filter { $0.value.activity == .waiting || $0.value.activity == .closing }.keys.min()
            guard let oldest, let evicted = connections.removeValue(forKey: oldest) else { return nil }
            Self.shutDown(evicted.socket)
        }
        let number = nextNumber
        nextNumber += 1
        connections[number] = Connection(socket: socket, activity: .waiting, deadline: Date().addingTimeInterval(limits.headSeconds))
        return number
    }

    /// Records what a connection does now; false when it has been shut down meanwhile.
    func update(_ number: Int, to activity: Activity) -> Bool {
        guard connections[number] != nil else { return false }
        let seconds: Double? = switch activity {
        case .waiting: limits.headSeconds
        case .handling: nil
        case .sending: limits.answerSeconds
        case .closing: 2
        }
        connections[number]?.activity = activity
        connections[number]?.deadline = seconds.map { Date().addingTimeInterval($0) }
        return true
    }

    /// Forgets a connection, before its task closes its socket.
    func remove(_ number: Int) {
        connections.removeValue(forKey: number)
    }

    /// Shuts down every connection past its deadline.
    func shutDownExpired(at now: Date = Date()) {
        for (number, connection) in connections {
            guard let deadline = connection.deadline, deadline <= now else { continue }
            connections.removeValue(forKey: number)
            Self.shutDown(connection.socket)
        }
    }

    /// Ends a connection's input and output, which wakes the task waiting on it.
    private static func shutDown(_ socket: Socket) {
        #if canImport(Glibc)
        _ = Glibc.shutdown(socket.file.rawValue, Int32(SHUT_RDWR))
        #else
        _ = Darwin.shutdown(socket.file.rawValue, SHUT_RDWR)
        #endif
    }
}
