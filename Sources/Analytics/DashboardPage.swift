/// The live dashboard: one self-contained HTML page (inline CSS and JavaScript, no external assets, so it
/// works on an operations network without internet access and cannot be altered by a CDN).
///
/// The server sends ``html`` for `GET /` and the JSON of ``DashboardSnapshot/jsonData()`` for
/// `GET /api/dashboard` (``snapshotPath``); the page fetches the snapshot every second and redraws in
/// place. Data reaches the page only through `textContent` and SVG attributes, never as markup, because
/// some of it (a request's `location`) comes from outside.
///
/// The main figures have stable element ids for headless-browser tests: `kpi-total-requests`,
/// `kpi-success-rate`, `kpi-avg-latency`, `kpi-fraud-decline-rate`, `kpi-consumer-lag`, `updated-at`;
/// KPI tiles carry their status in `data-status` (`ok`, `warning`, `critical`, `no-data`).
public enum DashboardPage {
    /// Where the page fetches the snapshot from.
    public static let snapshotPath = "/api/dashboard"

    /// How often the page polls, in milliseconds.
    public static let refreshMilliseconds = 1000

    /// The whole page.
    public static let html: String = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>PesaGate · live payments</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        \(body)
        <script>
        \(script)
        </script>
        </body>
        </html>

        """

    /// The page's skeleton; the script fills in the figures.
    static let body = #"""
        <header>
          <h1>PesaGate <span class="muted">· live payments</span></h1>
          <div class="meta">
            <span>Last updated <time id="updated-at">—</time></span>
            <span id="connection" class="pill" data-status="no-data">connecting…</span>
          </div>
        </header>
        <main>
          <section class="kpis">
            <div class="tile" id="tile-total-requests" data-status="no-data">
              <div class="label">Requests since start</div>
              <div class="value" id="kpi-total-requests">—</div>
              <div class="sub"><span id="kpi-total-completed">—</span> completed · <span id="kpi-total-failed">—</span> failed</div>
            </div>
            <div class="tile" id="tile-success-rate" data-status="no-data">
              <div class="label">Transaction success rate</div>
              <div class="value" id="kpi-success-rate">—</div>
              <div class="sub" id="kpi-success-rate-limits"></div>
            </div>
            <div class="tile" id="tile-avg-latency" data-status="no-data">
              <div class="label">Avg processing latency</div>
              <div class="value" id="kpi-avg-latency">—</div>
              <div class="sub">p95 <span id="kpi-p95-latency">—</span> · <span id="kpi-avg-latency-limits"></span></div>
            </div>
            <div class="tile" id="tile-fraud-decline-rate" data-status="no-data">
              <div class="label">Fraud decline rate</div>
              <div class="value" id="kpi-fraud-decline-rate">—</div>
              <div class="sub" id="kpi-fraud-decline-rate-limits"></div>
            </div>
            <div class="tile" id="tile-consumer-lag" data-status="no-data">
              <div class="label">Consumer lag (worst)</div>
              <div class="value" id="kpi-consumer-lag">—</div>
              <div class="sub" id="kpi-consumer-lag-limits"></div>
            </div>
          </section>
          <section class="card volume">
            <h2>Transaction volume per minute <span class="muted" id="volume-window"></span></h2>
            <svg id="volume-chart" viewBox="0 0 800 210" preserveAspectRatio="none" role="img"
                 aria-label="Requests, completed and failed payments per minute"></svg>
            <div class="legend">
              <span><i class="swatch requests"></i>requests</span>
              <span><i class="swatch completed"></i>completed</span>
              <span><i class="swatch failed"></i>failed</span>
            </div>
          </section>
          <section class="card validation">
            <h2>Success / failure by validation system <span class="muted rate-window"></span></h2>
            <div id="validation-rows"></div>
            <div class="legend">
              <span><i class="swatch completed"></i>success</span>
              <span><i class="swatch review"></i>review</span>
              <span><i class="swatch failed"></i>failure</span>
              <span><i class="swatch unknown"></i>unknown</span>
            </div>
          </section>
          <section class="card fraud">
            <h2>Fraud detection effectiveness <span class="muted rate-window"></span></h2>
            <div class="minis">
              <div class="mini"><div class="label">Declined</div><div class="value" id="fraud-declined">—</div></div>
              <div class="mini"><div class="label">Review</div><div class="value" id="fraud-review">—</div></div>
              <div class="mini"><div class="label">Value blocked</div><div class="value" id="fraud-blocked">—</div></div>
              <div class="mini"><div class="label">Avg score declined / approved</div>
                <div class="value"><span id="fraud-score-declined">—</span> / <span id="fraud-score-approved">—</span></div></div>
              <div class="mini" id="tile-fraud-within-target" data-status="no-data"><div class="label">Answers &lt; <span id="fraud-target-ms">100</span> ms</div>
                <div class="value" id="fraud-within-target">—</div></div>
              <div class="mini"><div class="label">Blocked since start</div><div class="value" id="fraud-blocked-total">—</div></div>
            </div>
          </section>
          <section class="card locations">
            <h2>Geographic distribution <span class="muted rate-window"></span></h2>
            <div id="location-rows"><p class="empty">no requests yet</p></div>
          </section>
          <section class="card lag">
            <h2>Consumer lag by topic</h2>
            <table>
              <thead><tr><th>Topic</th><th>Group</th><th class="num">Lag</th><th>Status</th></tr></thead>
              <tbody id="lag-rows"><tr><td colspan="4" class="empty">no lag reported yet</td></tr></tbody>
            </table>
          </section>
        </main>
        """#
}
