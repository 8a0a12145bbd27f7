// Which `Host` a request may name. A page on another site can make the browser send requests to 127.0.0.1 under
// its own name (DNS rebinding: evil.example first resolves to the attacker, then to 127.0.0.1) and read the
// answers as its own; the one thing it cannot change is the Host header, which names evil.example. So only the
// names this server is known by are answered: the loopback names, the --host given, with or without a port.

import Foundation

struct HostCheck: Sendable {
    /// The --host the server listens on ("127.0.0.1", "::1", "0.0.0.0", "localhost", …).
    var listenHost: String

    /// When listening on every address (0.0.0.0 or ::), other machines reach the server by one of this machine's
    /// addresses, so any IP address is accepted too: an address is not a name a rebinding attack can borrow.
    var acceptsAnyAddress: Bool { listenHost == "0.0.0.0" || listenHost == "::" || listenHost == "[::]" }

    func allows(_ host: String) -> Bool {
        guard let name = Self.hostName(host) else { return false }
        if ["127.0.0.1", "localhost", "::1"].contains(name) { return true }
        let given = listenHost.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if name == given { return true }
        return acceptsAnyAddress && Self.isAddress(name)
    }

    /// The name without its port and brackets, lower case; nil when the value is not `name[:port]` or `[v6][:port]`.
    static func hostName(_ value: String) -> String? {
        var rest = Substring(value.lowercased())
        var name: Substring
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            name = rest[rest.index(after: rest.startIndex)..<close]
            rest = rest[rest.index(after: close)...]
        } else {
            let colon = rest.firstIndex(of: ":") ?? rest.endIndex
            name = rest[..<colon]
            rest = rest[colon...]
        }
        if !rest.isEmpty {
            guard rest.first == ":", rest.dropFirst().allSatisfy(\.isASCIIDigit), rest.count <= 6 else { return nil }
        }
        if name.hasSuffix(".") && name != "." { name = name.dropLast() }      // "localhost." is the same name
        return name.isEmpty ? nil : String(name)
    }

    static func isAddress(_ name: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        return inet_pton(AF_INET, name, &v4) == 1 || inet_pton(AF_INET6, name, &v6) == 1
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
