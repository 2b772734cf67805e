extension DashboardPage {
    /// Polls the snapshot and redraws. Each poll is scheduled after the previous one ends, so a slow
    /// server never piles up requests; a failed poll keeps the last figures and marks the page offline.
    static let script = #"""
        "use strict";
        const SNAPSHOT_PATH = "\#(DashboardPage.snapshotPath)";
        const REFRESH_MS = \#(DashboardPage.refreshMilliseconds);
        const SVG_NS = "http://www.w3.org/2000/svg";
        const count = new Intl.NumberFormat("en-KE", { maximumFractionDigits: 0 });
        const $ = (id) => document.getElementById(id);
        const none = (v) => v === null || v === undefined;
        const pct = (v, digits = 2) => none(v) ? "—" : v.toFixed(digits) + "%";
        const ms = (v) => none(v) ? "—" : count.format(Math.round(v)) + " ms";
        const num = (v) => none(v) ? "—" : count.format(v);
        const score = (v) => none(v) ? "—" : v.toFixed(2);
        const shillings = (v) => none(v) ? "—" : "KES " + count.format(v);
        const clock = (iso) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
        const hhmm = (iso) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

        function setText(id, text) {
          const el = $(id);
          if (el && el.textContent !== text) el.textContent = text;
        }
        function setStatus(id, status) {
          const el = $(id);
          if (el) el.dataset.status = status || "no-data";
        }
        function element(tag, className, text) {
          const el = document.createElement(tag);
          if (className) el.className = className;
          if (!none(text)) el.textContent = text;
          return el;
        }
        function svg(tag, attributes, parent) {
          const el = document.createElementNS(SVG_NS, tag);
          for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, String(value));
          parent.appendChild(el);
          return el;
        }

        function renderKPIs(s) {
          setText("kpi-total-requests", num(s.totals.requests));
          setText("kpi-total-completed", num(s.totals.completed));
          setText("kpi-total-failed", num(s.totals.failed));
          const kpis = {};
          for (const k of s.kpis || []) kpis[k.name] = k;
          const tiles = [
            ["transaction-success-rate", "success-rate", (k) => pct(k.value)],
            ["avg-processing-latency", "avg-latency", (k) => ms(k.value)],
            ["fraud-decline-rate", "fraud-decline-rate", (k) => pct(k.value)],
            ["kafka-consumer-lag", "consumer-lag", (k) => num(k.value)],
          ];
          for (const [name, id, format] of tiles) {
            const k = kpis[name];
            if (!k) continue;
            setText("kpi-" + id, format(k));
            setStatus("tile-" + id, k.status);
            setText("kpi-" + id + "-limits", "target " + k.targetText + " · alert " + k.alertText);
          }
          setText("kpi-p95-latency", ms(s.latency.p95Ms));
        }

        function renderVolume(points) {
          const chart = $("volume-chart");
          chart.replaceChildren();
          const W = 800, H = 210, left = 44, right = 6, top = 8, bottom = 22;
          const peak = Math.max(1, ...points.map((p) => Math.max(p.requests, p.completed + p.failed)));
          const step = Math.pow(10, Math.floor(Math.log10(peak)));
          const max = Math.ceil(peak / step) * step;
          const y = (v) => top + (H - top - bottom) * (1 - v / max);
          for (const v of [0, max / 2, max]) {
            svg("line", { x1: left, x2: W - right, y1: y(v), y2: y(v), class: "grid" }, chart);
            svg("text", { x: left - 6, y: y(v) + 4, "text-anchor": "end" }, chart).textContent = count.format(v);
          }
          const slot = (W - left - right) / Math.max(1, points.length);
          const width = slot * 0.38;
          let total = 0;
          points.forEach((p, i) => {
            total += p.requests;
            const x = left + i * slot + slot * 0.08;
            const bar = (bx, from, value, cls, title) => {
              if (value <= 0) return;
              const rect = svg("rect", { x: bx, y: y(from + value), width, height: y(from) - y(from + value), class: cls }, chart);
              svg("title", {}, rect).textContent = title;
            };
            const when = hhmm(p.minute);
            bar(x, 0, p.requests, "bar-requests", when + ": " + p.requests + " requests");
            bar(x + width + 1, 0, p.completed, "bar-completed", when + ": " + p.completed + " completed");
            bar(x + width + 1, p.completed, p.failed, "bar-failed", when + ": " + p.failed + " failed");
            if (i % 3 === (points.length - 1) % 3) {
              svg("text", { x: x + width, y: H - 6, "text-anchor": "middle" }, chart).textContent = when;
            }
          });
          chart.dataset.totalRequests = String(total);
        }

        function renderValidation(systems) {
          const rows = [];
          const names = { FRAUD: "Fraud management", REVENUE: "Revenue management", CORE: "M-PESA core" };
          for (const v of systems) {
            const row = element("div", "vrow");
            row.id = "validation-" + v.system;
            const head = element("div", "head");
            head.append(element("b", null, names[v.system] || v.system),
                        element("span", null, pct(v.successPercent) + " success · " + pct(v.failurePercent) + " failure"));
            const stack = element("div", "stack");
            for (const part of ["succeeded", "review", "failed", "unknown"]) {
              if (v[part] > 0 && v.answered > 0) {
                const piece = element("div", part);
                piece.style.width = (100 * v[part] / v.answered) + "%";
                piece.title = v[part] + " " + part;
                stack.append(piece);
              }
            }
            const timing = none(v.averageProcessingMs) ? "no timings"
              : "avg " + ms(v.averageProcessingMs) + " · " + pct(v.withinTargetPercent, 1) + " < " + v.targetMs + " ms";
            const detail = element("div", "detail", num(v.answered) + " answers · " + v.failed + " failed"
              + (v.review > 0 ? " · " + v.review + " review" : "") + " · " + timing);
            row.append(head, stack, detail);
            rows.push(row);
          }
          $("validation-rows").replaceChildren(...rows);
        }

        function renderFraud(f, totals) {
          setText("fraud-declined", num(f.declined));
          setText("fraud-review", num(f.review));
          setText("fraud-blocked", shillings(f.blockedShillings));
          setText("fraud-blocked-total", shillings(totals.fraudBlockedShillings));
          setText("fraud-score-declined", score(f.averageScoreDeclined));
          setText("fraud-score-approved", score(f.averageScoreApproved));
          setText("fraud-target-ms", String(f.targetMs));
          setText("fraud-within-target", pct(f.withinTargetPercent, 1));
          setStatus("tile-fraud-within-target",
            none(f.withinTargetPercent) ? "no-data" : (f.withinTargetPercent >= f.targetPercent ? "ok" : "warning"));
        }

        function renderLocations(locations) {
          const box = $("location-rows");
          if (!locations.length) { box.replaceChildren(element("p", "empty", "no requests yet")); return; }
          const top = Math.max(...locations.map((l) => l.count));
          box.replaceChildren(...locations.map((l) => {
            const row = element("div", "lrow");
            row.dataset.location = l.location;
            const track = element("div", "track");
            const fill = element("div", "fill");
            fill.style.width = (100 * l.count / top) + "%";
            track.append(fill);
            row.append(element("span", "name", l.location), track,
                       element("span", "count", num(l.count) + " · " + pct(l.percent, 1)));
            return row;
          }));
        }

        function renderLag(entries) {
          const body = $("lag-rows");
          if (!entries.length) {
            const cell = element("td", "empty", "no lag reported yet");
            cell.colSpan = 4;
            const row = element("tr");
            row.append(cell);
            body.replaceChildren(row);
            return;
          }
          body.replaceChildren(...entries.map((e) => {
            const row = element("tr");
            const pill = element("span", "pill", e.status);
            pill.dataset.status = e.status;
            const status = element("td");
            status.append(pill);
            row.append(element("td", null, e.topic), element("td", null, e.group), element("td", "num", num(e.lag)), status);
            return row;
          }));
        }

        function render(s) {
          renderKPIs(s);
          renderVolume(s.volume || []);
          renderValidation(s.validation || []);
          renderFraud(s.fraud, s.totals);
          renderLocations(s.locations || []);
          renderLag(s.consumerLag || []);
          setText("volume-window", "(last " + s.historyMinutes + " min)");
          for (const el of document.querySelectorAll(".rate-window")) el.textContent = "(last " + s.rateWindowMinutes + " min)";
          const updated = $("updated-at");
          updated.dateTime = s.generatedAt;
          setText("updated-at", clock(s.generatedAt));
        }

        function setConnection(online, detail) {
          const pill = $("connection");
          pill.dataset.status = online ? "ok" : "critical";
          pill.textContent = online ? "live" : "offline · retrying";
          pill.title = detail || "";
        }

        async function refresh() {
          try {
            const response = await fetch(SNAPSHOT_PATH, { cache: "no-store" });
            if (!response.ok) throw new Error("HTTP " + response.status);
            render(await response.json());
            setConnection(true);
          } catch (error) {
            setConnection(false, String(error));
          } finally {
            setTimeout(refresh, REFRESH_MS);
          }
        }
        refresh();
        """#
}
