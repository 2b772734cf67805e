import Foundation
import Ledger
import Logging
import Messaging
import Payments
import USSD

/// What sessions need from the outside world, built once per gateway.
struct GatewayServices: Sendable {
    let menu: Menu
    let ledger: LedgerDatabase
    let publisher: EventPublisher
    let fees: any FeeQuoting
    let transactionIDs: TransactionIDGenerator
    let configuration: USSDGatewayConfiguration
    let texts: GatewayTexts
    let pending: PendingOffers
    let now: @Sendable () -> Date
    let logger: Logger
}
