import Foundation
import Hummingbird
import Ledger
import Logging
import Messaging
import NIOCore
import USSD

/// The aggregator's HTTP contract (ARCHITECTURE.md, protocol-facts 2.1): `POST /ussd` answers `CON`/`END` as
/// `text/plain`; `POST /ussd/events` records the end-of-session notification and answers 200.
public enum USSDRoutes {
    /// Adds both routes, behind the endpoint protection, to `router`.
    public static func add(to router: Router<USSDRequestContext>, gateway: USSDGateway) {
        let limit = gateway.configuration.maxBodyBytes
        let group = router.group()
            .add(middleware: EndpointGuard(protection: gateway.configuration.protection, maxBodyBytes: limit))
        group.post("ussd") { request, _ -> Response in
            var request = request
            guard let form = try await readForm(&request, limit: limit) else {
                return plain(.badRequest, HopRejection.malformedBody.message)
            }
            switch Hop.parse(form) {
            case .failure(let rejection): return plain(.badRequest, rejection.message)
            case .success(let hop): return plain(.ok, await gateway.answer(hop).body)
            }
        }
        group.post("ussd/events") { request, _ -> Response in
            var request = request
            guard let form = try await readForm(&request, limit: limit) else {
                return plain(.badRequest, HopRejection.malformedBody.message)
            }
            switch SessionEndNotification.parse(form) {
            case .failure(let rejection): return plain(.badRequest, rejection.message)
            case .success(let notification):
                await gateway.endSession(notification)
                return plain(.ok, "OK")
            }
        }
    }

    /// A router with the USSD routes, ready for `Application(router:)` or `HummingbirdTesting`.
    public static func router(gateway: USSDGateway) -> Router<USSDRequestContext> {
        let router = Router(context: USSDRequestContext.self)
        add(to: router, gateway: gateway)
        return router
    }

    /// Builds the gateway and its application: what `pesagate` serves.
    public static func application(
        configuration: USSDGatewayConfiguration, menu: Menu, ledger: LedgerDatabase, publisher: EventPublisher,
        fees: any FeeQuoting = BandedFeeTable(), address: BindAddress = .hostname("0.0.0.0", port: 8080),
        logger: Logger
    ) -> (gateway: USSDGateway, application: some ApplicationProtocol) {
        let gateway = USSDGateway(
            configuration: configuration, menu: menu, ledger: ledger, publisher: publisher, fees: fees, logger: logger)
        let application = Application(
            router: router(gateway: gateway), configuration: .init(address: address, serverName: "pesagate-ussd"),
            logger: logger)
        return (gateway, application)
    }

    /// The body as a form, or nil when it is too big or not a form. Too big counts as malformed: the answer is
    /// the same 400, and nothing of it is read.
    private static func readForm(_ request: inout Request, limit: Int) async throws -> FormBody? {
        guard let body = try? await request.collectBody(upTo: limit) else { return nil }
        return FormBody(body.readableBytesView)
    }

    static func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
