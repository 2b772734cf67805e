import XCTest
@testable import Analytics

final class LatencyHistogramTests: XCTestCase {
    func testEmpty_hasNoAverageOrQuantile() {
        let histogram = LatencyHistogram()

        XCTAssertNil(histogram.averageMs)
        XCTAssertNil(histogram.quantile(0.95))
    }

    func testAverage_isExact_notBucketed() {
        var histogram = LatencyHistogram()
        histogram.observe(1234)
        histogram.observe(4321)

        XCTAssertEqual(histogram.averageMs ?? 0, 2777.5, accuracy: 1e-9)
    }

    func testQuantile_ofIdenticalSamples_isTheSampleNotABucketEdge() {
        var histogram = LatencyHistogram()
        for _ in 0..<10 { histogram.observe(1100) }

        XCTAssertEqual(histogram.quantile(0.95), 1100)
    }

    func testQuantile_interpolatesWithinTheBucketThatHoldsIt() {
        var histogram = LatencyHistogram()
        for ms in stride(from: 10.0, through: 1000.0, by: 10) { histogram.observe(ms) }

        // 100 samples spread 10…1000 ms: the true p95 is 950 ms, in the 750…1000 bucket.
        let p95 = histogram.quantile(0.95) ?? 0
        XCTAssertGreaterThan(p95, 900)
        XCTAssertLessThanOrEqual(p95, 1000)
    }

    func testQuantile_aboveTheLastBound_reportsTheLargestSample() {
        var histogram = LatencyHistogram()
        histogram.observe(45_000)

        XCTAssertEqual(histogram.quantile(0.95), 45_000)
    }

    func testMerge_addsCountsAndKeepsExtremes() {
        var first = LatencyHistogram()
        first.observe(100)
        var second = LatencyHistogram()
        second.observe(5000)

        first.merge(second)

        XCTAssertEqual(first.count, 2)
        XCTAssertEqual(first.minMs, 100)
        XCTAssertEqual(first.maxMs, 5000)
        XCTAssertEqual(first.averageMs, 2550)
    }

    func testObserve_negativeOrNonFinite_countsAsZero() {
        var histogram = LatencyHistogram()
        histogram.observe(-40)
        histogram.observe(.infinity)

        XCTAssertEqual(histogram.averageMs, 0)
    }
}
