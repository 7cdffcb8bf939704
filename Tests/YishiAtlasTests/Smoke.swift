import Testing
@testable import YishiAtlas
@Test func placeholderAtlas() { #expect(true) }
