/// What one hop produced: the screen to show, or the breach that ended the session.
public enum HopOutcome: Hashable, Sendable {
    case screen(USSDScreen)
    case breach(AggregatorBreach)

    public var screen: USSDScreen? {
        if case .screen(let screen) = self { return screen }
        return nil
    }
}
