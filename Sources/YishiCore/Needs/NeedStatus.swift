/// Where a need stands: new → accepted onto the needs list, or declined (with a reason shown to
/// whoever raised it), or merged into the same need → taken up by a project → done.
public enum NeedStatus: String, Codable, CaseIterable, Sendable {
    case new, accepted, declined, merged, takenUp, done

    public var text: NeedText {
        switch self {
        case .new: NeedText.statusNew
        case .accepted: NeedText.statusAccepted
        case .declined: NeedText.statusDeclined
        case .merged: NeedText.statusMerged
        case .takenUp: NeedText.statusTakenUp
        case .done: NeedText.statusDone
        }
    }

    /// Whether residents may still add "me too".
    public var open: Bool { self == .new || self == .accepted }
}
