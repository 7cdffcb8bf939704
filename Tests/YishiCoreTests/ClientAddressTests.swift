import Testing

@testable import YishiCore

@Suite("Client address: the socket's peer unless it is a trusted proxy")
struct ClientAddressTests {
    let proxies = [IPRange("10.0.0.0/8")!, IPRange("192.168.1.5")!, IPRange("fd00::/8")!]

    @Test func addressesParse() {
        #expect(IPAddress("1.2.3.4")?.description == "1.2.3.4")
        #expect(IPAddress(" 1.2.3.4 ")?.description == "1.2.3.4")
        #expect(IPAddress("1.2.3.4:5678")?.description == "1.2.3.4")
        #expect(IPAddress("::ffff:1.2.3.4")?.description == "1.2.3.4", "mapped IPv4 is IPv4")
        #expect(IPAddress("::1")?.bytes == Array(repeating: 0, count: 15) + [1])
        #expect(IPAddress("[2001:db8::1]:443")?.description == "2001:db8:0:0:0:0:0:1")
        #expect(IPAddress("fe80::1%eth0") != nil)
        #expect(IPAddress("2001:db8:0:0:0:0:2.3.4.5")?.bytes.suffix(4) == [2, 3, 4, 5])
        for bad in [
            "", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.-4", "a.b.c.d", "::1::2", "1:2:3:4:5:6:7:8:9",
            "12345::", "g::1", "1:2:3:4:5:6:7", "unknown", "１.2.3.4", "1.2.3.4/8",
        ] {
            #expect(IPAddress(bad) == nil, "\(bad) is not an address")
        }
    }

    @Test func rangesContain() {
        let r = IPRange("10.0.0.0/8")!
        #expect(r.contains(IPAddress("10.255.1.2")!))
        #expect(!r.contains(IPAddress("11.0.0.1")!))
        #expect(!r.contains(IPAddress("::1")!), "families never mix")
        #expect(IPRange("192.168.1.5")!.contains(IPAddress("192.168.1.5")!))
        #expect(!IPRange("192.168.1.5")!.contains(IPAddress("192.168.1.6")!))
        #expect(IPRange("172.16.0.0/12")!.contains(IPAddress("172.31.255.255")!))
        #expect(!IPRange("172.16.0.0/12")!.contains(IPAddress("172.32.0.0")!))
        #expect(IPRange("0.0.0.0/0")!.contains(IPAddress("8.8.8.8")!))
        #expect(IPRange("fd00::/8")!.contains(IPAddress("fd12::3")!))
        #expect(!IPRange("fd00::/8")!.contains(IPAddress("fe00::3")!))
        #expect(IPRange("::ffff:10.0.0.0/104")!.contains(IPAddress("10.9.9.9")!))
        for bad in ["10.0.0.0/33", "10.0.0.0/", "10.0.0.0/-1", "::/129", "x/8", "10.0.0.0/8/8"] {
            #expect(IPRange(bad) == nil, "\(bad) is not a range")
        }
    }

    @Test func trustedListParses() {
        #expect(ClientAddress.parseTrusted("") == .success([]))
        #expect(
            ClientAddress.parseTrusted(" 10.0.0.0/8 , ::1 ") == .success([IPRange("10.0.0.0/8")!, IPRange("::1")!]))
        #expect(ClientAddress.parseTrusted("10.0.0.0/8,proxy.local") == .failure(.init(entries: ["proxy.local"])))
    }

    @Test func anUntrustedPeerIsTheClientWhateverItsHeadersSay() {
        #expect(ClientAddress.choose(peer: "203.0.113.9", forwardedFor: ["1.1.1.1"], trusted: proxies) == "203.0.113.9")
        #expect(ClientAddress.choose(peer: "203.0.113.9", forwardedFor: [], trusted: []) == "203.0.113.9")
        #expect(ClientAddress.choose(peer: "203.0.113.9", forwardedFor: ["10.0.0.1"], trusted: []) == "203.0.113.9")
        #expect(ClientAddress.choose(peer: nil, forwardedFor: ["1.1.1.1"], trusted: proxies) == nil)
        // Every rotation of the header gives the same key.
        let keys = Set(
            (0..<50).map { ClientAddress.choose(peer: "198.51.100.7", forwardedFor: ["9.9.9.\($0)"], trusted: proxies) }
        )
        #expect(keys == ["198.51.100.7"])
    }

    @Test func behindTrustedProxiesTheRightMostUntrustedEntryCounts() {
        // The client wrote "6.6.6.6"; our proxy appended the address it saw.
        #expect(
            ClientAddress.choose(peer: "10.0.0.2", forwardedFor: ["6.6.6.6", "203.0.113.9"], trusted: proxies)
                == "203.0.113.9")
        // Two proxies in a row, both trusted.
        #expect(
            ClientAddress.choose(
                peer: "10.0.0.2", forwardedFor: ["6.6.6.6", "203.0.113.9", "192.168.1.5"],
                trusted: proxies) == "203.0.113.9")
        // Comma-split pieces with spaces, and a mapped peer.
        #expect(
            ClientAddress.choose(peer: "::ffff:10.1.1.1", forwardedFor: [" 203.0.113.9 "], trusted: proxies)
                == "203.0.113.9")
        // No header: the proxy itself.
        #expect(ClientAddress.choose(peer: "10.0.0.2", forwardedFor: [], trusted: proxies) == "10.0.0.2")
        // Every entry a trusted proxy: the left-most.
        #expect(
            ClientAddress.choose(peer: "10.0.0.2", forwardedFor: ["10.0.0.9", "192.168.1.5"], trusted: proxies)
                == "10.0.0.9")
        // Something unreadable where an address should be is its own key, not a way around the limit.
        #expect(
            ClientAddress.choose(peer: "10.0.0.2", forwardedFor: ["1.1.1.1", "junk"], trusted: proxies)
                == "unreadable:junk")
    }

    @Test func ipv6ClientsCountByTheirSlash64() {
        let a = ClientAddress.choose(peer: "2001:db8:1:2::1", forwardedFor: [], trusted: proxies)
        let b = ClientAddress.choose(peer: "2001:db8:1:2:ffff::9", forwardedFor: [], trusted: proxies)
        let c = ClientAddress.choose(peer: "2001:db8:1:3::1", forwardedFor: [], trusted: proxies)
        #expect(a == b && a == "2001:db8:1:2:0:0:0:0/64")
        #expect(a != c)
        #expect(
            ClientAddress.choose(peer: "fd00::1", forwardedFor: ["2001:db8::5"], trusted: proxies)
                == "2001:db8:0:0:0:0:0:0/64")
    }

    @Test func onlyMainlandMobileNumbersGetCodes() {
        #expect(OneTimeCodeRules.normalizePhone("+86 139-1234-5678") == "13912345678")
        for second in "3456789" { #expect(OneTimeCodeRules.normalizePhone("1\(second)012345678") != nil) }
        for bad in [
            "10012345678", "11012345678", "12012345678", "23912345678", "1391234567", "139123456789", "+1 4155550100",
            "+447700900123", "1391234567x", "１３９１２３４５６７８", "008613912345678", "",
        ] {
            #expect(OneTimeCodeRules.normalizePhone(bad) == nil, "\(bad) gets no code")
        }
    }
}
