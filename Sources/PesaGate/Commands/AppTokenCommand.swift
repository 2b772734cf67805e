import ArgumentParser
import Foundation
import Payments
import Services

extension AccountsCommand {
    /// `pesagate accounts app-token MSISDN`: the bearer token of the subscriber's app-notification
    /// stream, for the operator's app backend to hand over once it has authenticated the subscriber.
    struct AppToken: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "app-token",
            abstract: "Print the bearer token of MSISDN's app-notification stream (GET /notifications/MSISDN/events).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "MSISDN.") var msisdn: String

        func run() async throws {
            let settings = try await global.settings()
            let keys = try SecretKeys.load(data: try DataDirectory(path: settings.dataDirectory))
            print(AppNotificationTokens(secret: keys.tokenKey).token(for: try MSISDN(parsing: msisdn)))
        }
    }
}
