import Foundation
import NIOCore
import Testing

@testable import YishiApp

@Suite("HTML writer")
struct HTMLWriterTests {
    @Test func textAndAttributesAreEscapedOnce() {
        let node = H.el("p", [("title", #""'<>&amp;"#)], text: #"<script>alert("x")</script> & &amp; 'q'"#)
        #expect(
            H.render(node)
                == #"<p title="&quot;&#39;&lt;&gt;&amp;amp;">&lt;script&gt;alert("x")&lt;/script&gt; &amp; &amp;amp; 'q'</p>"#
        )
    }

    @Test func booleanAndVoidElementsAndGroups() {
        let node = H.el(
            "div", [],
            [
                H.void("input", [("name", "a"), ("required", nil), ("value", "")]),
                .group([.text("一"), .group([]), H.link("二", "/x?a=1&b=2")]),
            ])
        #expect(H.render(node) == #"<div><input name="a" required value="">一<a href="/x?a=1&amp;b=2">二</a></div>"#)
    }

    @Test func aDocumentHasItsDoctypeLanguageAndNoEmptyClass() {
        let plain = String(
            buffer: H.document(lang: "en", class: "", head: [H.el("title", text: "T")], body: [.text("b")]))
        #expect(plain == #"<!DOCTYPE html><html lang="en"><head><title>T</title></head><body>b</body></html>"#)
        let care = String(buffer: H.document(lang: "zh-Hans", class: "care care-on", head: [], body: []))
        #expect(care.hasPrefix(#"<!DOCTYPE html><html lang="zh-Hans" class="care care-on">"#))
    }

    @Test func longTextWithoutSpecialCharactersIsCopiedWhole() {
        let long = String(repeating: "长辈版 care mode ", count: 2_000)
        #expect(H.render(.text(long)) == long)
        #expect(H.render(.text(long + "<")) == long + "&lt;")
    }

    @Test func queryValuesArePercentEncodedAndComeBackWhole() {
        #expect(H.query("/territory/x?a=1&b=二 +#") == "%2Fterritory%2Fx%3Fa%3D1%26b%3D%E4%BA%8C%20%2B%23")
        #expect(H.query("Az09-._~") == "Az09-._~")
        for s in ["/units/1?notice=territory.saved", "长辈版 & care\r\n", "%41", ""] {
            #expect(H.query(s).removingPercentEncoding == s)
        }
    }
}
