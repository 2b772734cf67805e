import Metrics
import Prometheus
import Services

/// Bootstraps swift-metrics with a Prometheus registry, once per process, so every module's counters,
/// timers and gauges appear on `/metrics`.
enum MetricsSetup {
    /// Buckets that bracket the seed's targets: the 2 s / 3 s processing thresholds, the 100 ms fraud
    /// and 200 ms core targets, and the USSD aggregator's few-second hop budget.
    static let latencyBuckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(80),
        .milliseconds(100), .milliseconds(200), .milliseconds(500), .seconds(1), .seconds(2), .seconds(3),
        .seconds(5), .seconds(10), .seconds(30),
    ]

    static func bootstrap() -> PrometheusCollectorRegistry {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = latencyBuckets
        MetricsSystem.bootstrap(factory)
        return registry
    }
}
