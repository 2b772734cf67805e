import ArgumentParser
import Foundation
import Ledger
import Payments

/// `pesagate accounts`: subscribers in the ledger database of `--data`.
struct AccountsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accounts",
        abstract: "Add, list and fund subscribers; set a PIN (read from standard input, never from a flag).",
        subcommands: [Add.self, List.self, SetPIN.self, SeedDemo.self, SeedLoad.self, SeedDialogues.self, Check.self, AppToken.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register a subscriber with an opening balance.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "MSISDN, e.g. 0712345678 or 254712345678.") var msisdn: String
        @Option(help: "Registered name.") var name: String
        @Option(help: "Opening balance in shillings.") var balance: Int64 = 0
        @Option(help: "KYC tier.") var tier: Int = 1
        @Option(help: "Language: en or sw.") var lang: String = "en"
        @Option(help: "County of registration, e.g. NAIROBI (the location of the subscriber's payment requests).")
        var region: String?

        func run() async throws {
            let ledger = try await openLedger(global)
            guard let language = SubscriberLanguage(rawValue: lang) else { throw ValidationError("--lang must be en or sw") }
            let number = try MSISDN(parsing: msisdn)
            try ledger.addSubscriber(msisdn: number, name: name, language: language, kycTier: tier,
                                     openingBalance: Money(amount: balance), region: region)
            print("added \(number) \(name) with Ksh\(balance); set a PIN with: pesagate accounts set-pin \(number)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List subscribers with balance, tier, status and language.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Show at most this many.") var limit: Int = 50

        func run() async throws {
            let ledger = try await openLedger(global)
            let subscribers = try ledger.listSubscribers()
            for s in subscribers.prefix(limit) {
                print("\(s.msisdn)  \(s.name.padding(toLength: 20, withPad: " ", startingAt: 0))  \(s.balance.formatted.padding(toLength: 16, withPad: " ", startingAt: 0))  tier \(s.kycTier)  \(s.status)  \(s.language.rawValue)\(s.hasPIN ? "" : "  (no PIN)")")
            }
            print("\(subscribers.count) subscriber(s)")
        }
    }

    struct SetPIN: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-pin",
            abstract: "Set a subscriber's PIN, read from standard input (so it never shows in ps or shell history).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "MSISDN.") var msisdn: String

        func run() async throws {
            let ledger = try await openLedger(global)
            let number = try MSISDN(parsing: msisdn)
            if isatty(STDIN_FILENO) == 1 { FileHandle.standardError.write(Data("New PIN (4 digits): ".utf8)) }
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw ValidationError("no PIN on standard input")
            }
            try ledger.setPIN(line.trimmingCharacters(in: .whitespaces), for: number)
            print("PIN set for \(number)")
        }
    }

    struct SeedDemo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "seed-demo",
            abstract: "Create the demo subscribers (PIN \(LedgerSetup.demoPIN)), agents, tills and paybills; existing ones are kept.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let ledger = try await openLedger(global)
            try LedgerSetup.seedDemo(ledger)
            print("demo data present: \(try ledger.listSubscribers().count) subscriber(s)")
        }
    }

    struct SeedLoad: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "seed-load",
            abstract: "Create N funded load-test subscribers 25479xxxxxxx (tier 2) with one PIN, in one transaction.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "How many.") var count: Int
        @Option(help: "Balance of each, in shillings (below the recipients' maximum balance, so load transfers can credit them).") var balance: Int64 = 100_000
        @Option(help: "First number of the block (0 -> 254790000000).") var first: Int = 0

        func run() async throws {
            let ledger = try await openLedger(global)
            if isatty(STDIN_FILENO) == 1 { FileHandle.standardError.write(Data("PIN for all of them: ".utf8)) }
            guard let pin = readLine(strippingNewline: true), !pin.isEmpty else { throw ValidationError("no PIN on standard input") }
            let numbers = try ledger.seedLoadAccounts(count: count, balance: Money(amount: balance), pin: pin, firstNumber: first)
            print("seeded \(numbers.count) subscribers \(numbers.first.map(\.value) ?? "")...\(numbers.last.map(\.value) ?? "")")
        }
    }
}

/// The ledger of `--data`, opened with its keys.
func openLedger(_ global: GlobalOptions) async throws -> LedgerDatabase {
    let settings = try await global.settings()
    return try LedgerSetup.open(try DataDirectory(path: settings.dataDirectory))
}
