/// What bearerbox's `status.txt` says about the benchmark's SMPP link.
///
/// The page lists each link under "SMSC connections:" as
/// `smsc-sim[smsc-sim]  SMPP:127.0.0.1:2775/2775:pesagate:VMA (online 3s, rcvd: …)`; the state in
/// parentheses is `online`, `re-connecting`, `connecting`, `disconnected` or `dead`. Messages sent
/// before `online` would only queue, so the benchmark starts its clock after it.
enum KannelStatus {
    /// True when the link named `smscID` is online.
    static func isOnline(_ page: String, smscID: String) -> Bool {
        var inConnections = false
        for line in page.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("SMSC connections:") {
                inConnections = true
            } else if inConnections, trimmed.hasPrefix("\(smscID)[") {
                return trimmed.contains("(online ")
            }
        }
        return false
    }
}
