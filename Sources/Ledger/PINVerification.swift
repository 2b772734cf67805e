import Foundation

/// The answer to a PIN check. Stored per attempt id, so a replayed hop gets the same answer and does
/// not count twice.
public enum PINVerification: Sendable, Hashable, Codable {
    case accepted
    /// Wrong PIN; `attemptsLeft` more wrong PINs lock the account.
    case rejected(attemptsLeft: Int)
    /// Locked after too many wrong PINs; even the right PIN is refused until `until`.
    case locked(until: Date)
    /// An operator locked or closed the account.
    case accountInactive
}
