// The whole stylesheet, inlined into the page's <style> (the CSP allows inline styles and nothing external).
// Status colours are the Okabe–Ito palette, distinguishable with the common colour-vision deficiencies; every status
// also has its own marker shape and is written out, so nothing depends on colour alone.
export const REPORT_STYLES = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #595959; --rule: #c8c8c8; --paper: #fff; --highlight: #fff4d6; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 1.5rem; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: var(--paper); }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
h4 { font-size: .95rem; margin: .8rem 0 .2rem; }
h5 { font-size: .85rem; margin: .5rem 0 0; color: var(--muted); }
.facts td:nth-child(2), .inputs td:nth-child(2) { overflow-wrap: anywhere; }
.facts td:last-child, .inputs td:last-child, .scores td:last-child { white-space: nowrap; }
a { color: #0b57a4; }
.meta, .model-id, .muted { color: var(--muted); }
.model-id { display: block; font: .8rem ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-weight: normal; }
.summary { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; padding: 0; list-style: none; }
.marker-definitions { position: absolute; width: 0; height: 0; overflow: hidden; }
.status-confirmed-above { --status-color: #d55e00; }
.status-candidate { --status-color: #e69f00; }
.status-unreviewed { --status-color: #0072b2; }
.status-confirmed-below { --status-color: #009e73; }
.status-excluded { --status-color: #6b6b6b; }
.marker { width: 14px; height: 14px; vertical-align: -2px; margin-right: .3rem; overflow: visible; }
.point use, .marker use { fill: var(--status-color); stroke: #1b1b1b; stroke-width: 1; }
.status-unreviewed use, use.status-unreviewed { fill: #fff; stroke: var(--status-color); stroke-width: 2; }
.status-excluded use, use.status-excluded { fill: none; stroke: var(--status-color); stroke-width: 2.5; }
figure { margin: 0; }
.chart { width: 100%; height: auto; max-height: 70vh; font-size: 13px; }
.chart text { fill: var(--ink); }
.plot-area { fill: #fafafa; stroke: none; }
.grid { stroke: #e3e3e3; stroke-width: 1; }
.axis { stroke: var(--ink); stroke-width: 1.2; }
.axis-label { font-weight: 600; }
.threshold-line { stroke: #b00020; stroke-width: 1.6; stroke-dasharray: 7 4; }
.chart .threshold-label { fill: #b00020; font-weight: 600; }
.point .interval { stroke: var(--status-color); stroke-width: 2; opacity: .55; }
.needs-review-ring { fill: none; stroke: #1b1b1b; stroke-width: 1.2; stroke-dasharray: 2 2; }
.legend { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; padding: 0; margin: .5rem 0; list-style: none; font-size: .9rem; }
.not-charted ul { columns: 3 16rem; padding-left: 1.2rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
caption { caption-side: top; text-align: left; padding: .3rem 0; color: var(--muted); }
th, td { border-bottom: 1px solid var(--rule); padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); white-space: nowrap; }
tbody th { font-weight: 600; }
.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.table-scroll { max-width: 100%; overflow-x: auto; }
.models thead th { white-space: normal; }
.models th, .models td, .model-id { overflow-wrap: anywhere; }
.models td.number { overflow-wrap: normal; }
ul.compact { margin: .2rem 0 .5rem; padding-left: 1.2rem; }
.clip-arrow { fill: var(--status-color); stroke: none; }
.models tbody tr.needs-review { background: var(--highlight); }
.models tbody tr.needs-review > th:first-child { box-shadow: inset 4px 0 0 #b00020; }
.badge { display: inline-block; margin: .1rem 0 0 .3rem; padding: 0 .35rem; border-radius: .6rem; font-size: .75rem; font-weight: 600; white-space: nowrap; }
.badge-needs-review { border: 1.5px solid #b00020; color: #b00020; }
.badge-unreviewed { border: 1.5px dashed #0072b2; color: #0072b2; }
details.model { border: 1px solid var(--rule); border-radius: 4px; margin: .4rem 0; padding: .2rem .8rem; }
details.model > summary { cursor: pointer; padding: .2rem 0; }
details.model > summary .model-id { display: inline; margin-left: .5rem; }
details.model:target { outline: 3px solid #0b57a4; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .3rem 0; }
dl.fields dt { font-weight: 600; }
dl.fields dd { margin: 0; }
.reasoning, .prose { white-space: pre-wrap; overflow-wrap: anywhere; }
.url { overflow-wrap: anywhere; }
time, .date { white-space: nowrap; }
.component { border-left: 3px solid var(--rule); padding-left: .7rem; margin: .6rem 0; }
.component.unused { border-left-style: dashed; }
footer { margin-top: 2rem; color: var(--muted); font-size: .85rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  a { color: inherit; text-decoration: none; }
  .chart { max-height: none; break-inside: avoid; }
  .point .interval { opacity: 1; }
  thead { display: table-header-group; }
  tr, details.model, .component { break-inside: avoid; }
  details.model::details-content { content-visibility: visible; display: block; }
  .models tbody tr.needs-review { background: none; }
}
`;
