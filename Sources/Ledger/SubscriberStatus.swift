/// An operator's state of a subscriber account (a PIN lock is separate and temporary).
public enum SubscriberStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case active
    case locked
    case closed
}

/// The language a subscriber reads menus and SMS in.
public enum SubscriberLanguage: String, Sendable, Hashable, Codable, CaseIterable {
    case english = "en"
    case swahili = "sw"
}
