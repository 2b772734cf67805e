/// The `kannel.conf` the benchmark writes for one window: a bearerbox with one SMPP link to the
/// simulator, an smsbox taking sendsms over HTTP, and receipts kept in memory.
///
/// Everything lives on ports and in a folder of its own, so a Kannel the Debian package may have
/// started as a system service (ports 13000/13001/13013, `/etc/kannel`) is never touched.
struct KannelConfig: Sendable, Hashable {
    /// bearerbox's HTTP admin port (`status.txt` tells when the SMPP link is online).
    var adminPort: Int
    var adminPassword = "bench-admin"
    /// Where smsbox connects to bearerbox.
    var smsboxPort: Int
    /// smsbox's HTTP sendsms interface.
    var sendsmsPort: Int
    var smscHost = "127.0.0.1"
    var smscPort: Int
    var systemID: String
    var password: String
    /// Kannel requires one; the simulator ignores it.
    var systemType = "VMA"
    /// `max-pending-submits`: Kannel's SMPP window, set to ours for a like-for-like run.
    var window: Int
    /// Logs and the message store go here.
    var directory: String
    var sendsmsUser = "bench"
    var sendsmsPassword = "bench"

    /// The sendsms path smsbox serves.
    static let sendsmsPath = "/cgi-bin/sendsms"

    /// The file's text. Notes on the choices:
    /// - `store-type = file`: Kannel keeps accepted messages in a store file, its counterpart of our
    ///   durable outbox (as production Kannel setups run).
    /// - `msg-id-type = 0x03`: the simulator writes message ids in hex in both `submit_sm_resp` and
    ///   receipts, which Kannel must know to match receipts.
    /// - `dest-addr-ton/npi = 1`: international numbers, as our ESME sends them.
    /// - log level 2 (warnings) to files; the command line silences the console.
    var text: String {
        """
        group = core
        admin-port = \(adminPort)
        admin-password = "\(adminPassword)"
        admin-allow-ip = "127.0.0.1"
        smsbox-port = \(smsboxPort)
        box-allow-ip = "127.0.0.1"
        dlr-storage = internal
        store-type = file
        store-location = "\(directory)/kannel.store"
        log-file = "\(directory)/bearerbox.log"
        log-level = 2

        group = smsc
        smsc = smpp
        smsc-id = smsc-sim
        host = \(smscHost)
        port = \(smscPort)
        transceiver-mode = true
        smsc-username = "\(systemID)"
        smsc-password = "\(password)"
        system-type = "\(systemType)"
        max-pending-submits = \(window)
        msg-id-type = 0x03
        dest-addr-ton = 1
        dest-addr-npi = 1

        group = smsbox
        bearerbox-host = 127.0.0.1
        bearerbox-port = \(smsboxPort)
        sendsms-port = \(sendsmsPort)
        log-file = "\(directory)/smsbox.log"
        log-level = 2

        group = sendsms-user
        username = "\(sendsmsUser)"
        password = "\(sendsmsPassword)"

        """
    }
}
