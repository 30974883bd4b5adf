import Disclose

/// The portal's stylesheet, script and logo: fixed text, no data in them.
enum PortalAssets {
    /// The mark beside the portal's name: three bars, the last one gold. Decorative.
    static let logo: PortalMarkup = """
        <svg class="logo" viewBox="0 0 40 40" width="40" height="40" aria-hidden="true" focusable="false"><rect width="40" height="40" rx="8" fill="#ffffff"/><rect x="8" y="9" width="24" height="5" rx="2.5" fill="#0f3a63"/><rect x="8" y="17.5" width="18" height="5" rx="2.5" fill="#0f3a63"/><rect x="8" y="26" width="11" height="5" rx="2.5" fill="#e0a419"/></svg>
        """

    /// `portal.css`: system fonts (with the scripts of every portal language), accessible
    /// contrast, status colours that always come with words, right-to-left through logical
    /// properties.
    static let stylesheet = #"""
        :root {
          --ink: #18232f;
          --muted: #4f5d6c;
          --line: #d5dde6;
          --paper: #ffffff;
          --canvas: #f2f5f8;
          --navy: #0f3a63;
          --navy-dark: #0a2945;
          --gold: #e0a419;
          --link: #0b57a4;
          --ok-bg: #e3f3e8;
          --ok-ink: #14592b;
          --ok-line: #86c79b;
          --ok-row: #f1f9f3;
          --ok-mark: #23854a;
          --nc-bg: #fff1dc;
          --nc-ink: #7a3d00;
          --nc-line: #eebc73;
          --rf-bg: #fde7ea;
          --rf-ink: #921a2c;
          --rf-line: #eaa0ab;
          --bar: #2f6ea5;
          --track: #e4eaf0;
          --font: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial,
            "Noto Sans Khmer", "Khmer UI", "Noto Sans Bengali", "Nirmala UI", "Noto Sans Ethiopic", "Nyala", "Ebrima",
            "Noto Sans Arabic", "Noto Naskh Arabic", sans-serif;
          --mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace;
        }
        html:lang(km) { --font: "Noto Sans Khmer", "Khmer UI", "Khmer OS System", "Khmer Sangam MN", system-ui, "Noto Sans", sans-serif; line-height: 1.8; }
        html:lang(bn) { --font: "Noto Sans Bengali", "Nirmala UI", "Vrinda", "Bangla Sangam MN", system-ui, "Noto Sans", sans-serif; }
        html:lang(am) { --font: "Noto Sans Ethiopic", "Nyala", "Ebrima", "Kefa", system-ui, "Noto Sans", sans-serif; }
        html:lang(ar) { --font: "Noto Sans Arabic", "Segoe UI", "Geeza Pro", "Noto Naskh Arabic", Tahoma, system-ui, sans-serif; }
        html:lang(ur) { --font: "Noto Nastaliq Urdu", "Jameel Noori Nastaleeq", "Urdu Typesetting", "Noto Naskh Arabic", "Noto Sans Arabic", system-ui, sans-serif; line-height: 2.1; }
        html:lang(ur) h1, html:lang(ur) h2, html:lang(ur) h3, html:lang(ur) h4 { line-height: 1.9; }
        html:lang(vi) { --font: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; }
        *, *::before, *::after { box-sizing: border-box; }
        [hidden] { display: none !important; }
        html { -webkit-text-size-adjust: 100%; line-height: 1.55; }
        body { margin: 0; font-family: var(--font); font-size: 1rem; color: var(--ink); background: var(--canvas); min-height: 100vh; display: flex; flex-direction: column; }
        main { flex: 1 0 auto; }
        html:not(:lang(en)):not(:lang(fr)):not(:lang(es)):not(:lang(ht)):not(:lang(id)):not(:lang(vi)) .eyebrow,
        html:not(:lang(en)):not(:lang(fr)):not(:lang(es)):not(:lang(ht)):not(:lang(id)):not(:lang(vi)) .brand-org { letter-spacing: 0; }
        a { color: var(--link); text-underline-offset: 0.15em; }
        a:hover { color: var(--navy-dark); }
        :focus-visible { outline: 3px solid var(--gold); outline-offset: 2px; border-radius: 2px; }
        h1, h2, h3, h4 { line-height: 1.25; margin: 0 0 0.5em; }
        h1 { font-size: 2.25rem; font-weight: 700; letter-spacing: -0.01em; }
        h2 { font-size: 1.4rem; font-weight: 700; color: var(--navy-dark); }
        h3 { font-size: 1.1rem; font-weight: 700; }
        h4 { font-size: 1rem; font-weight: 600; }
        p { margin: 0 0 0.75em; }
        code, .id { font-family: var(--mono); font-size: 0.85em; }
        .visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
        .wrap { max-width: 72rem; margin: 0 auto; padding-inline: 1.5rem; }

        .skip { position: absolute; inset-inline-start: 1rem; top: 0; transform: translateY(-150%); background: var(--gold); color: #000; padding: 0.5rem 1rem; z-index: 10; font-weight: 600; }
        .skip:focus { transform: translateY(0.5rem); }

        .site-header { background: var(--navy); color: #fff; border-bottom: 4px solid var(--gold); }
        .header-row { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.75rem 2rem; padding-block: 0.9rem; }
        .brand { display: inline-flex; align-items: center; gap: 0.75rem; color: #fff; text-decoration: none; }
        .brand:hover { color: #fff; }
        .logo { flex: none; }
        .brand-text { display: flex; flex-direction: column; line-height: 1.2; }
        .brand-org { font-size: 0.8rem; font-weight: 600; letter-spacing: 0.08em; text-transform: uppercase; color: #c9d8e8; }
        .brand-name { font-size: 1.25rem; font-weight: 700; }
        .languages ul { display: flex; flex-wrap: wrap; gap: 0.4rem; list-style: none; margin: 0; padding: 0; }
        .languages a { display: inline-block; padding: 0.3rem 0.85rem; border: 1px solid rgba(255, 255, 255, 0.45); border-radius: 999px; color: #fff; text-decoration: none; font-size: 0.95rem; }
        .languages a:hover { background: rgba(255, 255, 255, 0.12); color: #fff; }
        .languages a[aria-current] { background: #fff; color: var(--navy-dark); border-color: #fff; font-weight: 700; }

        .breadcrumb { background: var(--paper); border-bottom: 1px solid var(--line); font-size: 0.92rem; }
        .breadcrumb ol { display: flex; flex-wrap: wrap; list-style: none; margin: 0; padding: 0.55rem 0; gap: 0.25rem; }
        .breadcrumb li + li::before { content: "›"; color: var(--muted); padding-inline: 0.35rem; }
        [dir="rtl"] .breadcrumb li + li::before { content: "‹"; }
        .breadcrumb [aria-current] { color: var(--muted); }

        .hero { background: linear-gradient(180deg, #ffffff 0%, #eef3f8 100%); border-bottom: 1px solid var(--line); padding-block: 2rem 1.5rem; }
        .eyebrow { color: var(--muted); font-size: 0.85rem; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; margin-bottom: 0.35rem; }
        .lead { font-size: 1.1rem; max-width: 52rem; color: #2b3947; }
        .meta { color: var(--muted); font-size: 0.95rem; }
        .status-line { margin: 0.25rem 0 0; }

        .notice { display: flex; gap: 0.6rem; align-items: flex-start; max-width: 52rem; padding: 0.75rem 1rem; border-radius: 8px; border: 1px solid; margin: 1rem 0 0; }
        .notice strong { flex: none; display: inline-grid; place-items: center; width: 1.5rem; height: 1.5rem; border-radius: 50%; font-size: 0.9rem; color: #fff; }
        .notice-draft { background: var(--nc-bg); border-color: var(--nc-line); color: var(--nc-ink); }
        .notice-draft strong { background: var(--nc-ink); }
        .notice-refused { background: var(--rf-bg); border-color: var(--rf-line); color: var(--rf-ink); margin-block: 1.5rem 0; }
        .notice-refused strong { background: var(--rf-ink); }

        main { padding-bottom: 2rem; }
        .panel { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 1.5rem; margin-top: 1.5rem; box-shadow: 0 1px 2px rgba(15, 58, 99, 0.05); }
        .panel > h2 { padding-bottom: 0.5rem; border-bottom: 2px solid var(--canvas); }
        .about ul { margin: 0; padding-inline-start: 1.25rem; }
        .about li { margin-bottom: 0.35rem; }
        .back { margin-top: 1.25rem; font-weight: 600; }
        .empty { color: var(--muted); font-style: italic; }

        .stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 1rem; margin: 1.5rem 0 0; }
        .stats > div { background: var(--paper); border: 1px solid var(--line); border-top: 5px solid var(--navy); border-radius: 10px; padding: 0.9rem 1.1rem; }
        .stats > .ok { border-top-color: var(--ok-mark); background: var(--ok-row); }
        .stats > .nc { border-top-color: #d8892b; }
        .stats > .rf { border-top-color: var(--rf-ink); }
        .stats dt { color: var(--muted); font-size: 0.95rem; font-weight: 600; }
        .stats dd { margin: 0; font-size: 2.2rem; font-weight: 700; line-height: 1.2; font-variant-numeric: tabular-nums; }
        .stats > .ok dd { color: var(--ok-ink); }
        .stats > .nc dd { color: var(--nc-ink); }
        .stats > .rf dd { color: var(--rf-ink); }

        .filters fieldset { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0.75rem 1.5rem; border: 1px solid var(--line); border-radius: 8px; padding: 0.75rem 1rem 1rem; margin: 0 0 1rem; background: #f8fafc; }
        .filters legend { font-weight: 700; padding-inline: 0.35rem; }
        .field { display: flex; flex-direction: column; gap: 0.25rem; }
        .field label { font-size: 0.9rem; font-weight: 600; color: var(--muted); }
        .filters select { font: inherit; padding: 0.4rem 0.6rem; border: 1px solid #8796a6; border-radius: 6px; background: #fff; color: var(--ink); max-width: 28rem; }
        .filters .count { margin: 0 0 0.45rem; color: var(--muted); font-size: 0.95rem; }

        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; }
        caption { text-align: start; font-weight: 600; color: var(--muted); padding-bottom: 0.6rem; }
        th, td { text-align: start; vertical-align: middle; padding: 0.6rem 0.75rem; }
        .factories thead th { background: #eef2f7; color: var(--navy-dark); font-size: 0.9rem; font-weight: 700; border-bottom: 2px solid #c4cfdb; white-space: nowrap; }
        .factories tbody tr { border-bottom: 1px solid var(--line); }
        .factories tbody tr:hover { background: #f7f9fc; }
        .factories tbody th { font-weight: 600; }
        .factories tbody th a { font-weight: 600; }
        .factories .id { display: block; color: var(--muted); font-weight: 400; }
        .factories tr.is-compliant { background: var(--ok-row); box-shadow: inset 5px 0 0 var(--ok-mark); }
        [dir="rtl"] .factories tr.is-compliant { box-shadow: inset -5px 0 0 var(--ok-mark); }
        .factories tr.is-compliant:hover { background: #e8f5ec; }
        .num { text-align: end; font-variant-numeric: tabular-nums; }
        th button.sort { font: inherit; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; display: inline-flex; align-items: center; gap: 0.35rem; }
        th button.sort::after { content: "↕"; color: #8796a6; font-size: 0.85em; }
        th[aria-sort="ascending"] button.sort::after { content: "↑"; color: var(--navy-dark); }
        th[aria-sort="descending"] button.sort::after { content: "↓"; color: var(--navy-dark); }

        .badge { display: inline-flex; align-items: center; gap: 0.4rem; padding: 0.2rem 0.7rem 0.2rem 0.3rem; border-radius: 999px; border: 1px solid; font-size: 0.88rem; font-weight: 600; line-height: 1.4; white-space: nowrap; }
        [dir="rtl"] .badge { padding: 0.2rem 0.3rem 0.2rem 0.7rem; }
        .badge .icon { display: inline-grid; place-items: center; width: 1.25rem; height: 1.25rem; border-radius: 50%; color: #fff; font-size: 0.8rem; font-weight: 700; line-height: 1; }
        .badge-ok { background: var(--ok-bg); color: var(--ok-ink); border-color: var(--ok-line); }
        .badge-ok .icon { background: var(--ok-mark); }
        .badge-neutral { background: #eef2f6; color: var(--ink); border-color: #c3ccd6; }
        .badge-neutral .icon { background: var(--muted); }
        .badge-nc { background: var(--nc-bg); color: var(--nc-ink); border-color: var(--nc-line); }
        .badge-nc .icon { background: #b85c00; }
        .badge-rf { background: var(--rf-bg); color: var(--rf-ink); border-color: var(--rf-line); }
        .badge-rf .icon { background: var(--rf-ink); }
        .status-line .badge { font-size: 1rem; }

        .chart { margin: 0.5rem 0 0; }
        .figures thead th { font-size: 0.85rem; color: var(--muted); font-weight: 600; border-bottom: 1px solid var(--line); }
        .figures tbody th { font-weight: 400; width: 48%; }
        .figures tbody tr { border-bottom: 1px solid #edf1f5; }
        .figures tr.group th { font-weight: 700; color: var(--navy-dark); background: #f5f8fb; font-size: 0.9rem; text-transform: none; padding-top: 0.75rem; }
        .figures td.num { width: 7rem; white-space: nowrap; }
        .figures td.bar { width: 40%; }
        .bar-svg { display: block; width: 100%; height: 16px; }
        .bar-svg .track { fill: var(--track); }
        .bar-svg .fill { fill: var(--bar); }
        [dir="rtl"] .bar-svg, [dir="rtl"] .split-svg { transform: scaleX(-1); }
        .issue-summary { display: grid; grid-template-columns: minmax(0, 1fr) minmax(10rem, 22rem); align-items: center; gap: 1.5rem; margin-bottom: 1rem; font-size: 1.05rem; }
        .issue-summary p { margin: 0; }
        .tag { display: inline-block; padding: 0.15rem 0.65rem; border-radius: 6px; background: #e3ebf4; color: var(--navy-dark); font-size: 0.88rem; font-weight: 600; }
        .tag-draft { background: var(--nc-bg); color: var(--nc-ink); }
        .tag-fallback { font-size: 0.75rem; font-weight: 400; background: #eef1f4; color: var(--navy-dark); }
        .preview-banner { position: sticky; top: 0; z-index: 10; padding: 0.6rem 1rem; background: var(--nc-ink); color: #fff; text-align: center; }

        .details { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: 1rem 1.5rem; margin: 0; }
        .details dt { color: var(--muted); font-size: 0.88rem; font-weight: 600; }
        .details dd { margin: 0.15rem 0 0; font-size: 1.05rem; }
        .panel-ok { display: flex; align-items: center; gap: 0.6rem; background: var(--ok-bg); color: var(--ok-ink); border: 1px solid var(--ok-line); border-radius: 8px; padding: 0.8rem 1rem; font-weight: 600; margin: 0; }
        .panel-ok .icon { display: inline-grid; place-items: center; flex: none; width: 1.6rem; height: 1.6rem; border-radius: 50%; background: var(--ok-mark); color: #fff; }
        .category { margin-top: 1.5rem; }
        .category h3 { color: var(--navy-dark); border-inline-start: 4px solid var(--gold); padding-inline-start: 0.6rem; }
        .findings { list-style: none; margin: 0; padding: 0; }
        .finding { border: 1px solid var(--line); border-radius: 8px; padding: 0.9rem 1.1rem; margin-bottom: 0.75rem; background: #fcfdfe; }
        .finding h4 { display: flex; align-items: flex-start; gap: 0.5rem; margin: 0; }
        .finding h4 .icon { flex: none; display: inline-grid; place-items: center; width: 1.3rem; height: 1.3rem; margin-top: 0.1rem; border-radius: 50%; background: #b85c00; color: #fff; font-size: 0.8rem; }
        .finding .id { color: var(--muted); margin: 0.2rem 0 0; padding-inline-start: 1.8rem; }

        .response { margin: 0.9rem 0 0.25rem; padding: 0.9rem 1.1rem; background: #f6f8fb; border: 1px solid var(--line); border-inline-start: 5px solid #7f93a8; border-radius: 8px; }
        .finding .response { margin-inline-start: 1.8rem; }
        .response figcaption { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem 0.9rem; font-size: 0.9rem; color: var(--muted); margin-bottom: 0.4rem; }
        .response .who { font-weight: 700; color: var(--ink); }
        .unverified { display: inline-flex; align-items: center; gap: 0.35rem; padding: 0.1rem 0.6rem 0.1rem 0.25rem; border-radius: 999px; background: #fff; border: 1px dashed #8796a6; color: #3d4a58; font-weight: 600; }
        .unverified .icon { display: inline-grid; place-items: center; width: 1.1rem; height: 1.1rem; border-radius: 50%; background: #5b6b7c; color: #fff; font-size: 0.75rem; font-style: italic; font-family: Georgia, serif; }
        .response blockquote { margin: 0; font-size: 1.02rem; }
        .response blockquote p { margin: 0; white-space: pre-line; overflow-wrap: anywhere; }
        .attachments { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: baseline; margin-top: 0.5rem; font-size: 0.9rem; color: var(--muted); }
        .attachments ul { display: flex; flex-wrap: wrap; gap: 0.4rem; list-style: none; margin: 0; padding: 0; }
        .attachments li { background: #fff; border: 1px solid var(--line); border-radius: 4px; padding: 0 0.45rem; font-family: var(--mono); font-size: 0.85rem; overflow-wrap: anywhere; }

        .country-grid { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 1rem; }
        .country-card { border: 1px solid var(--line); border-radius: 10px; padding: 1rem 1.1rem; background: #fcfdfe; display: flex; flex-direction: column; gap: 0.5rem; }
        .country-card h3 { margin: 0; font-size: 1.2rem; }
        .country-card h3 a { text-decoration: none; }
        .country-card h3 a:hover { text-decoration: underline; }
        .country-card .native { margin: 0; color: var(--muted); }
        .country-card .tag { align-self: flex-start; margin: 0; }
        .mini-stats { display: grid; grid-template-columns: repeat(3, 1fr); gap: 0.5rem; margin: 0; }
        .mini-stats dt { font-size: 0.75rem; color: var(--muted); line-height: 1.25; }
        .mini-stats dd { margin: 0; font-size: 1.35rem; font-weight: 700; }
        .mini-stats .ok dd { color: var(--ok-ink); }
        .mini-stats .nc dd { color: var(--nc-ink); }
        .split-svg { display: block; width: 100%; height: 10px; border-radius: 5px; overflow: hidden; }
        .split-svg .ok { fill: var(--ok-mark); }
        .split-svg .nc { fill: #e0962f; }
        .split-svg .rf { fill: var(--rf-ink); }
        .lang-links { display: flex; flex-wrap: wrap; gap: 0.4rem; list-style: none; margin: 0.25rem 0 0; padding: 0; }
        .lang-links a { display: inline-block; padding: 0.15rem 0.65rem; border: 1px solid #b9c6d4; border-radius: 999px; text-decoration: none; font-size: 0.9rem; }
        .lang-links a:hover { background: #eef3f8; }

        .site-footer { background: var(--navy-dark); color: #dbe5ef; padding-block: 1.5rem; font-size: 0.95rem; }
        .site-footer p { margin: 0 0 0.4rem; max-width: 52rem; }
        .site-footer .small { font-size: 0.85rem; color: #b7c7d8; }
        .site-footer code { color: #fff; }

        @media (max-width: 40rem) {
          h1 { font-size: 1.7rem; }
          .panel { padding: 1rem; }
          .issue-summary { grid-template-columns: 1fr; }
        }
        @media print {
          .site-header, .breadcrumb, .filters, .skip { display: none; }
          body { background: #fff; }
          .panel { border: 0; box-shadow: none; padding: 0; }
        }
        """#

    /// `portal.js`: filtering and sorting of the factory table. Everything it changes is
    /// also there without it: the filters are hidden until it runs, the issue filter is also
    /// a page per issue, and the table is in name order.
    static let script = #"""
        (function () {
          "use strict";
          var table = document.querySelector("table[data-factories]");
          if (!table || !table.tBodies.length) { document.documentElement.setAttribute("data-portal-js", "ready"); return; }
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          rows.forEach(function (row, index) { row.setAttribute("data-order", String(index)); });
          var lang = document.documentElement.lang || "en";

          // A view can be linked to: ?status=compliant, ?issue=ISSUE-ID, ?sort=COLUMN&order=desc.
          var params = {};
          var decode = function (text) {
            try { return decodeURIComponent((text || "").replace(/[+]/g, " ")); } catch (error) { return ""; }
          };
          window.location.search.replace(/^[?]/, "").split("&").forEach(function (pair) {
            var parts = pair.split("=");
            if (parts[0]) { params[decode(parts[0])] = decode(parts[1]); }
          });

          var form = document.querySelector("form.filters");
          if (form) {
            var status = form.querySelector("select[name=status]");
            var issue = form.querySelector("select[name=issue]");
            var count = form.querySelector("[data-template]");
            var empty = document.querySelector("[data-empty]");
            var apply = function () {
              var shown = 0;
              rows.forEach(function (row) {
                var issues = " " + (row.getAttribute("data-issues") || "") + " ";
                var visible = (!status.value || row.getAttribute("data-status") === status.value) &&
                  (!issue.value || issues.indexOf(" " + issue.value + " ") >= 0);
                row.hidden = !visible;
                if (visible) { shown += 1; }
              });
              count.textContent = count.getAttribute("data-template")
                .replace("{shown}", String(shown)).replace("{total}", String(rows.length));
              if (empty) { empty.hidden = shown !== 0; }
            };
            [["status", status], ["issue", issue]].forEach(function (pair) {
              var wanted = params[pair[0]];
              if (!wanted) { return; }
              Array.prototype.forEach.call(pair[1].options, function (option) {
                if (option.value !== "" && (option.value === wanted || option.getAttribute("data-issue") === wanted)) { pair[1].value = option.value; }
              });
            });
            form.addEventListener("change", apply);
            form.addEventListener("submit", function (event) { event.preventDefault(); });
            form.hidden = false;
            apply();
          }

          var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
          var value = function (row, index) {
            var cell = row.cells[index];
            var data = cell.getAttribute("data-value");
            return data === null ? cell.textContent.trim() : data;
          };
          headers.forEach(function (header, index) {
            var kind = header.getAttribute("data-sort");
            if (!kind) { return; }
            var button = document.createElement("button");
            button.type = "button";
            button.className = "sort";
            while (header.firstChild) { button.appendChild(header.firstChild); }
            header.appendChild(button);
            button.addEventListener("click", function () {
              var ascending = header.getAttribute("aria-sort") !== "ascending";
              headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
              header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
              var sorted = rows.slice().sort(function (a, b) {
                var x = value(a, index);
                var y = value(b, index);
                var order = kind === "number" ? Number(x) - Number(y) : x.localeCompare(y, lang);
                if (order === 0) { order = Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order")); return order; }
                return ascending ? order : -order;
              });
              sorted.forEach(function (row) { body.appendChild(row); });
            });
            if (params.sort === String(index)) {
              header.setAttribute("aria-sort", params.order === "desc" ? "ascending" : "none");
              button.click();
            }
          });
          document.documentElement.setAttribute("data-portal-js", "ready");
        })();

        """#
}
