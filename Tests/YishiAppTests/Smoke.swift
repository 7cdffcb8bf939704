import Testing
import VaporTesting
@testable import YishiApp
@Test func placeholderApp() { #expect(true) }
