// How much the preview server takes from one client before refusing or hanging up. The defaults suit a browser
// on the same machine; tests shorten the times.

import Foundation

struct ServerLimits: Sendable {
    /// A longer request line gets 414 as soon as this many bytes have come without its end.
    var maxRequestLine = 8192
    /// A longer head (request line and header fields) gets 431.
    var maxHead = 32768
    /// A connection with no request in progress is closed after this long.
    var keepAliveIdle = 30.0
    /// A request whose head has not fully arrived this long after it started (or after the connection opened) is
    /// dropped: a client sending a byte now and then must not hold a connection forever.
    var headerTimeout = 10.0
    /// A client that takes nothing of a response for this long is dropped.
    var writeTimeout = 30.0
    /// An event stream with nothing to say sends a comment this often, which also finds the pages that went away.
    var heartbeat = 15.0
    /// Connections served at once; nil: as many as the descriptor limit leaves room for (see `SocketServer`).
    var maxConnections: Int?
}
