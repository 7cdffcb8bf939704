import Testing
@testable import YishiCore
@Test func placeholderCore() { #expect(true) }
