import Foundation
import NIOCore
import Testing

@testable import YishiApp
@testable import YishiCore

/// Page snapshots: a view rendered in the one layout, in both languages and in care mode, compared
/// with the checked-in file `Snapshots/<name>.<lang>.<care>.html` (one element per line, so a
/// review reads the diff). `YISHI_RECORD=1 swift test --filter PageSnapshotTests` rewrites them
/// after a deliberate change; a missing file is written and the test fails once, so nothing passes
/// unseen.
enum Snapshot {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots")

    /// The context every snapshot renders in: nobody signed in, the public navigation.
    static func context(_ lang: Lang, _ care: CareMode, navigation: [NavEntry]) -> PageContext {
        PageContext(
            lang: lang, care: care, principal: nil, csrf: "csrf-token", here: "/snapshot", notice: nil,
            navigation: navigation.filter { $0.shows(nil) })
    }

    static func text(_ buffer: ByteBuffer) -> String {
        String(buffer: buffer).replacingOccurrences(of: "><", with: ">\n<") + "\n"
    }

    /// Checks `page(ctx)` in zh and en, care off and on.
    static func check(_ name: String, navigation: [NavEntry], _ page: (PageContext) -> PageView) throws {
        for lang in Lang.allCases {
            for care in [CareMode.off, .on] {
                let ctx = context(lang, care, navigation: navigation)
                let now = text(Layout.document(ctx, page(ctx)))
                let file = folder.appendingPathComponent("\(name).\(lang.rawValue).\(care.rawValue).html")
                let stored = try? String(contentsOf: file, encoding: .utf8)
                if stored == nil || ProcessInfo.processInfo.environment["YISHI_RECORD"] == "1" {
                    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                    try now.write(to: file, atomically: true, encoding: .utf8)
                }
                #expect(
                    stored == now,
                    "\(file.lastPathComponent) differs (YISHI_RECORD=1 rewrites it after a deliberate change)")
            }
        }
    }
}
