import ArgumentParser

/// Whether `pesagate bench smpp` runs Kannel next to our ESME.
enum KannelMode: String, CaseIterable, Sendable, ExpressibleByArgument {
    /// When `bearerbox` and `smsbox` are installed; otherwise says why it was skipped.
    case auto
    case off
    /// Fail when Kannel cannot run: for CI, where a missing comparison must not pass unnoticed.
    case required
}
