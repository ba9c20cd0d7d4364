import Testing
@testable import TimelineSite

/// The host a source list shows for an address, read on the address's bytes.
@Suite struct SourceDomainTests {
    /// The host as read character by character, for comparison.
    static func domainByCharacters(_ url: String) -> String? {
        guard let scheme = url.range(of: "://") else { return nil }
        var host = url[scheme.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        if let colon = host.lastIndex(of: ":"), !host.contains("]") { host = host[..<colon] }
        let name = host.lowercased()
        return name.isEmpty ? nil : name.hasPrefix("www.") ? String(name.dropFirst(4)) : name
    }

    @Test(arguments: [
        ("https://www.apnews.com/article/x", "apnews.com"), ("https://Reuters.COM/world?x=1", "reuters.com"),
        ("http://user:pw@www.example.org:8080/a", "example.org"), ("https://[::1]:8080/x", "[::1]:8080"), ("https://[::1]/x", "[::1]"),
        ("mailto:desk@example.org", nil), ("https:///path", nil), ("https://www./x", ""), ("https://a.b#frag", "a.b"), ("://x", "x"),
        ("https://bücher.example/ü", "bücher.example"), ("https://ÉLYSÉE.fr", "élysée.fr"), ("", nil), ("https://", nil),
        ("https://a@b@c.org", "c.org"), ("ftp://files.example.org:21", "files.example.org"),
    ] as [(String, String?)])
    func hostsAreThoseOfAReadingByCharacters(url: String, host: String?) {
        #expect(SourceReference.domain(of: url) == host)
        #expect(SourceReference.domain(of: url) == Self.domainByCharacters(url))
    }
}
