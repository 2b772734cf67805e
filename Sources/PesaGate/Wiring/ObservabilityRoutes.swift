import Analytics
import Foundation
import Hummingbird
import NIOCore
import Prometheus
import USSDGateway

/// The operator's side of the HTTP port: `GET /metrics` (Prometheus text format), `GET /` (the live
/// dashboard page) and `GET /api/dashboard` (the analytics snapshot the page polls every second).
enum ObservabilityRoutes {
    static func add(to router: Router<USSDRequestContext>, registry: PrometheusCollectorRegistry, board: AnalyticsBoard) {
        addMetrics(to: router, registry: registry)
        router.get("/") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: DashboardPage.html)))
        }
        router.get("api/dashboard") { _, _ -> Response in
            let json = (try? board.snapshot(now: Date()).jsonData()) ?? Data("{}".utf8)
            return Response(
                status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: json)))
        }
    }

    /// `GET /metrics` alone: what a `pesagate service NAME` process serves with `--metrics-port`.
    static func addMetrics<Context: RequestContext>(to router: Router<Context>, registry: PrometheusCollectorRegistry) {
        router.get("metrics") { _, _ -> Response in
            var buffer: [UInt8] = []
            buffer.reserveCapacity(64 * 1024)
            registry.emit(into: &buffer)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: buffer)))
        }
    }
}
