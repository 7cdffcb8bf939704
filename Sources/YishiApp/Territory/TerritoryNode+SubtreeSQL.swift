import SQLKit
import YishiCore

extension TerritoryPath {
    /// `column` lies in this subtree, as a range on the path index (see `subtreeUpperBound`).
    /// `column` is code, never input: a qualified column name such as `b.path`.
    func sqlContains(_ column: String) -> SQLQueryString {
        "\(unsafeRaw: column) >= \(bind: encoded) AND \(unsafeRaw: column) < \(bind: subtreeUpperBound)"
    }
}
