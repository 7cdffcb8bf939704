import Testing

@testable import YishiCore

@Suite struct RedirectTargetTests {
    @Test(arguments: [
        "/", "/account", "/territory/BS01?tab=units", "/lifecircle/BS#gaps", "/signin?next=%2Faccount",
        "/a/b:c", "/%E5%AE%9D%E5%B1%B1",
    ])
    func localPathsPass(_ s: String) {
        #expect(RedirectTarget.safe(s) == s)
    }

    @Test(arguments: [
        // header injection (the reproduction, decoded by the query parser) and encoded
        "/\r\nSet-Cookie: yishi_session=X; Path=/", "/%0d%0aSet-Cookie:%20x=1", "/\n", "/\r",
        // browsers drop tabs and newlines: these become //evil.example
        "/\t/evil.example", "/%09/evil.example", "/\n/evil.example", "/%0a/evil.example",
        // protocol-relative, backslashes, schemes, hosts
        "//evil.example", "/\\evil.example", "\\\\evil.example", "/%5Cevil.example", "/%2F/evil.example",
        "https://evil.example", "javascript:alert(1)", "evil.example", "", " /account", "/ /x",
        "/javascript:alert(1)", "/\u{7F}", "/\u{85}x", "/\u{2028}x", "\u{0}/", "/a\u{0}b",
    ])
    func everythingElseGoesHome(_ s: String) {
        #expect(RedirectTarget.safe(s) == "/")
    }

    @Test func missingGoesHome() {
        #expect(RedirectTarget.safe(nil) == "/")
        #expect(RedirectTarget.safe("/" + String(repeating: "a", count: 3000)) == "/")
    }
}
