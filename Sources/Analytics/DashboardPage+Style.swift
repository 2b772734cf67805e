extension DashboardPage {
    /// Laid out for a 1366×768 laptop: a row of KPI tiles, then two rows of cards, no scrolling.
    /// Status colours follow the tiles' `data-status`, so the script only sets an attribute.
    static let style = #"""
        :root {
          --bg: #f3f5f7; --card: #ffffff; --ink: #1d2733; --muted: #6b7785; --line: #dde3ea;
          --ok: #1e8e3e; --ok-bg: #e6f4ea; --warning: #b26a00; --warning-bg: #fff4e0;
          --critical: #c5221f; --critical-bg: #fce8e6; --none: #8a96a3; --none-bg: #eef1f4;
          --requests: #3b6fd8; --completed: #1e8e3e; --failed: #d93025; --review: #f2a600; --unknown: #9aa5b1;
        }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--bg); color: var(--ink);
               font: 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        header { display: flex; justify-content: space-between; align-items: center; padding: 8px 16px;
                 background: #0f3d2e; color: #fff; }
        header h1 { font-size: 17px; margin: 0; font-weight: 600; }
        header .muted { color: #b9d3c7; font-weight: 400; }
        .meta { display: flex; gap: 12px; align-items: center; }
        main { display: grid; gap: 10px; padding: 10px 16px; grid-template-columns: repeat(6, 1fr);
               grid-template-rows: auto 250px 230px; }
        .kpis { grid-column: 1 / -1; display: grid; grid-template-columns: repeat(5, 1fr); gap: 10px; }
        .volume { grid-column: 1 / 5; }
        .validation { grid-column: 5 / 7; }
        .fraud { grid-column: 1 / 3; }
        .locations { grid-column: 3 / 5; }
        .lag { grid-column: 5 / 7; overflow-y: auto; }
        .card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px;
                overflow: hidden; display: flex; flex-direction: column; }
        h2 { font-size: 13px; margin: 0 0 6px; font-weight: 600; }
        .muted { color: var(--muted); font-weight: 400; }
        .tile { border-radius: 8px; padding: 8px 12px; border: 1px solid var(--line); border-left-width: 6px; }
        .tile .label, .mini .label { color: var(--muted); font-size: 12px; }
        .tile .value { font-size: 26px; font-weight: 650; font-variant-numeric: tabular-nums; }
        .tile .sub { color: var(--muted); font-size: 11.5px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
        .pill { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 11px; color: var(--ink);
                border: 1px solid; }
        #volume-chart { flex: 1; width: 100%; min-height: 0; }
        #volume-chart text { font-size: 11px; fill: var(--muted); }
        #volume-chart .grid { stroke: var(--line); stroke-width: 1; }
        .bar-requests { fill: var(--requests); } .bar-completed { fill: var(--completed); }
        .bar-failed { fill: var(--failed); }
        .legend { display: flex; gap: 14px; color: var(--muted); font-size: 11.5px; margin-top: 4px; }
        .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 4px;
                  vertical-align: -1px; }
        .swatch.requests { background: var(--requests); } .swatch.completed { background: var(--completed); }
        .swatch.failed { background: var(--failed); } .swatch.review { background: var(--review); }
        .swatch.unknown { background: var(--unknown); }
        .vrow { margin: 6px 0 10px; }
        .vrow .head { display: flex; justify-content: space-between; font-size: 12px; }
        .vrow .head b { font-weight: 600; }
        .vrow .detail { color: var(--muted); font-size: 11.5px; }
        .stack { display: flex; height: 12px; border-radius: 3px; overflow: hidden; background: var(--none-bg);
                 margin: 3px 0; }
        .stack .succeeded { background: var(--completed); } .stack .failed { background: var(--failed); }
        .stack .review { background: var(--review); } .stack .unknown { background: var(--unknown); }
        .minis { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8px; }
        .mini { border: 1px solid var(--line); border-radius: 6px; padding: 6px 8px; background: var(--card); }
        .mini .value { font-size: 17px; white-space: nowrap; font-weight: 650; font-variant-numeric: tabular-nums; }
        .lrow { display: grid; grid-template-columns: 110px 1fr 92px; gap: 8px; align-items: center; margin: 3px 0; }
        .lrow .name { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
        .lrow .track { background: var(--none-bg); height: 12px; border-radius: 3px; overflow: hidden; }
        .lrow .fill { background: var(--requests); height: 100%; }
        .lrow .count { text-align: right; color: var(--muted); font-variant-numeric: tabular-nums; }
        table { width: 100%; border-collapse: collapse; font-size: 12px; }
        th, td { text-align: left; padding: 2px 6px; border-bottom: 1px solid var(--line); white-space: nowrap; }
        th { color: var(--muted); font-weight: 500; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        .empty { color: var(--muted); font-style: italic; }
        /* Last, so a status colour wins over the plain background of a tile, mini tile or pill. */
        [data-status="ok"] { background: var(--ok-bg); border-color: var(--ok); }
        [data-status="warning"] { background: var(--warning-bg); border-color: var(--warning); }
        [data-status="critical"] { background: var(--critical-bg); border-color: var(--critical); }
        [data-status="no-data"] { background: var(--none-bg); border-color: var(--none); }
        #tile-total-requests { background: var(--card); border-color: var(--requests); }
        """#
}
