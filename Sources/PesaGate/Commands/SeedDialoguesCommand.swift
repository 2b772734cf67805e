import ArgumentParser
import Foundation
import Ledger
import Payments
import Yams

/// `pesagate accounts seed-dialogues DIR`: creates the subscribers that scripted dialogues declare under
/// `accounts:` (msisdn, name, lang, balance, pin), so each dialogue runs on MSISDNs of its own.
struct SeedDialogues: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed-dialogues",
        abstract: "Create the accounts the dialogues in DIR declare (existing ones are left as they are).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Dialogue directory (default simulators/dialogues).") var directory = "simulators/dialogues"

    struct Declared: Decodable {
        var msisdn: String
        var name: String
        var lang: String?
        var balance: Int64?
        var pin: String?
    }

    struct Dialogue: Decodable {
        var accounts: [Declared]?
    }

    func run() async throws {
        let ledger = try await openLedger(global)
        var created = 0
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".yaml") }.sorted()
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let dialogue: Dialogue
            do {
                dialogue = try YAMLDecoder().decode(Dialogue.self, from: text)
            } catch {
                throw ValidationError("\(path): \(error)")
            }
            for account in dialogue.accounts ?? [] {
                let msisdn = try MSISDN(parsing: account.msisdn)
                guard try ledger.subscriber(msisdn) == nil else { continue }
                try ledger.addSubscriber(msisdn: msisdn, name: account.name,
                                         language: SubscriberLanguage(rawValue: account.lang ?? "en") ?? .english,
                                         openingBalance: Money(amount: account.balance ?? 0))
                if let pin = account.pin { try ledger.setPIN(pin, for: msisdn) }
                created += 1
            }
        }
        print("dialogue accounts: \(created) created from \(files.count) file(s)")
    }
}
