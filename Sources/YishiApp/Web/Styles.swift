import Vapor

/// The one stylesheet, served from memory: no CDN, no external fonts.
/// Sizes follow DECISION-RULES.md §5: care mode has 20 px text (30 px in its second step),
/// line spacing 1.6, paragraph spacing 1.3 × the line, controls at least 60 × 60 px
/// (44 × 44 px elsewhere), contrast above 7:1 for text.
enum Styles {
    static let css = """
        :root { --ink: #1a1a1a; --muted: #4a4a4a; --paper: #ffffff; --tint: #f3f5f7; --line: #8a8f98;
          --accent: #0b4f9c; --accent-ink: #ffffff; --danger: #a4161a; --ok: #1e6b34; --focus: #c45200;
          --target: 44px; --gap: 1rem; }
        * { box-sizing: border-box; }
        html { font-size: 16px; color: var(--ink); background: var(--paper);
          font-family: system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
        html.care { font-size: 20px; --target: 60px; }
        html.care-xl { font-size: 30px; }
        body { margin: 0; line-height: 1.6; }
        p, ul, ol, dl, table, form, .field { margin: 0 0 calc(1.3 * 1.6em); }
        html:not(.care) p, html:not(.care) ul, html:not(.care) .field { margin-bottom: 1em; }
        a { color: var(--accent); text-underline-offset: 0.15em; }
        a:hover { text-decoration-thickness: 2px; }
        :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
        .skip { position: absolute; left: -9999px; top: 0; background: var(--paper); padding: .5rem 1rem; z-index: 10; }
        .skip:focus { left: .5rem; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        header.site { background: var(--tint); border-bottom: 1px solid var(--line); }
        .bar { display: flex; flex-wrap: wrap; gap: .5rem var(--gap); align-items: center; justify-content: space-between; padding: .5rem 1rem; max-width: 72rem; margin: 0 auto; }
        .brand { display: flex; flex-direction: column; text-decoration: none; color: var(--ink); min-height: var(--target); justify-content: center; }
        .brand-name { font-size: 1.5rem; font-weight: 700; line-height: 1.2; }
        .brand-tagline { font-size: .875rem; color: var(--muted); }
        html.care .brand-tagline { font-size: 1rem; }
        html.care main, html.care .bar, html.care .main-nav, html.care footer.site { max-width: 58rem; }
        .prefs, .tools { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
        .who { color: var(--muted); }
        .narrow { display: none; }
        details.menu { position: relative; }
        details.menu > summary { list-style: none; }
        details.menu > summary::-webkit-details-marker { display: none; }
        details.menu > summary::after { content: " ▾"; }
        details.menu[open] > summary::after { content: " ▴"; }
        .menu-panel { position: absolute; right: 0; top: calc(100% + .25rem); z-index: 20; width: min(22rem, calc(100vw - 1.5rem));
          background: var(--paper); border: 2px solid var(--line); border-radius: 6px; padding: .5rem; box-shadow: 0 4px 12px rgba(0,0,0,.2); }
        .menu-links { list-style: none; margin: 0 0 .5rem; padding: 0; }
        .menu-links a { display: flex; align-items: center; min-height: var(--target); padding: 0 .5rem; font-weight: 600; text-decoration: none; border-bottom: 1px solid var(--tint); }
        .menu-links a[aria-current="page"] { border-left: 4px solid var(--accent); }
        .footer-links { list-style: none; display: flex; flex-wrap: wrap; gap: 0 1rem; padding: 0; margin: 0; }
        .footer-links a { display: inline-flex; align-items: center; min-height: var(--target); }
        @media (max-width: 40rem) {
          .wide { display: none !important; }
          .narrow { display: block; }
          .brand-tagline { display: none; }
          .bar { flex-wrap: nowrap; padding: .25rem .75rem; }
          .brand-name { font-size: 1.25rem; }
          main { padding-top: .5rem; }
        }
        .main-nav { max-width: 72rem; margin: 0 auto; padding: 0 .5rem; }
        .main-nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0 .25rem; margin: 0; padding: 0; }
        .main-nav a { display: flex; align-items: center; min-height: var(--target); min-width: var(--target); padding: 0 .75rem; text-decoration: none; font-weight: 600; }
        .main-nav a[aria-current="page"] { border-bottom: 4px solid var(--accent); color: var(--ink); }
        main { display: block; max-width: 72rem; margin: 0 auto; padding: 1rem; overflow-wrap: break-word; }
        main:focus { outline: none; }
        h1 { font-size: 1.75rem; line-height: 1.3; margin: .5rem 0 1rem; }
        h2 { font-size: 1.35rem; line-height: 1.3; margin: 1.5rem 0 .75rem; }
        footer.site { border-top: 1px solid var(--line); color: var(--muted); padding: 1rem; max-width: 72rem; margin: 2rem auto 0; font-size: .9rem; }
        html.care footer.site { font-size: 1rem; }
        .notice { background: #e7f3ea; border-left: 6px solid var(--ok); padding: .75rem 1rem; }
        .error-summary { border: 3px solid var(--danger); padding: .75rem 1rem; margin-bottom: 1.5rem; }
        .error-summary p { font-weight: 700; margin-bottom: .5rem; }
        .error { color: var(--danger); font-weight: 600; margin: 0 0 .25rem; }
        .error::before { content: "⚠ "; }
        .field.has-error input, .field.has-error select { border-color: var(--danger); border-width: 3px; }
        .hint { color: var(--muted); margin: 0 0 .25rem; }
        fieldset.checks { border: 0; padding: 0; }
        fieldset.checks legend { font-weight: 600; margin-bottom: .25rem; padding: 0; }
        fieldset.checks.row { display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
        fieldset.checks.row legend, fieldset.checks.row .hint { flex-basis: 100%; }
        label.check { display: flex; align-items: center; gap: .5rem; font-weight: 400; min-height: var(--target); }
        label.check input { width: 1.5rem; height: 1.5rem; min-height: 0; margin: 0; flex: none; }
        .print-only { display: none; }
        ol.needs { display: grid; gap: .75rem; padding-left: 1.75rem; }
        ol.needs .card h3 { margin-bottom: .25rem; }
        form.filters { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(14rem, 100%), 1fr)); gap: 0 1rem; align-items: end; max-width: none; }
        form.filters .field { margin-bottom: .75rem; }
        form.filters button { margin-bottom: .75rem; }
        td ul { margin: 0; padding-left: 1.1rem; }
        .search-bar { display: flex; flex-wrap: wrap; gap: .5rem; align-items: flex-end; }
        .search-bar .field { flex: 0 1 32rem; margin-bottom: 0; }
        label { display: block; font-weight: 600; margin-bottom: .25rem; }
        .req { font-weight: 400; color: var(--muted); }
        input, select, textarea { font: inherit; color: var(--ink); background: var(--paper); border: 2px solid var(--line); border-radius: 4px;
          min-height: var(--target); padding: .4rem .6rem; width: 100%; max-width: 32rem; }
        input[type=file] { padding: .6rem; }
        button, .button { font: inherit; font-weight: 600; display: inline-flex; align-items: center; justify-content: center; gap: .25rem;
          min-height: var(--target); min-width: var(--target); padding: .4rem 1.1rem; border-radius: 4px; cursor: pointer; text-decoration: none;
          border: 2px solid var(--accent); }
        button.primary { background: var(--accent); color: var(--accent-ink); }
        button.secondary, .button.secondary { background: var(--paper); color: var(--accent); }
        form.inline { display: inline-block; margin: 0; }
        .stack { max-width: 36rem; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(16rem, 100%), 1fr)); gap: var(--gap); list-style: none; padding: 0; }
        .card { border: 1px solid var(--line); border-radius: 6px; padding: 1rem; background: var(--paper); }
        .card h2, .card h3 { margin-top: 0; font-size: 1.15rem; }
        .card a.big { display: flex; align-items: center; min-height: var(--target); font-weight: 700; }
        .muted { color: var(--muted); }
        .crumbs ol { list-style: none; display: flex; flex-wrap: wrap; align-items: center; gap: 0 .25rem; padding: 0; margin: 0 0 .5rem; }
        .crumbs li { display: inline-flex; align-items: center; min-height: var(--target); }
        .crumbs li + li::before { content: "›"; margin-right: .25rem; color: var(--muted); }
        .crumbs a { display: inline-flex; align-items: center; min-height: var(--target); }
        .table-wrap { overflow-x: auto; margin-bottom: 1.5rem; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: .25rem .6rem; border-bottom: 1px solid var(--line); vertical-align: middle; }
        th { background: var(--tint); }
        td a, .link-list a, .crumbs a { display: inline-flex; align-items: center; min-height: var(--target); min-width: var(--target); }
        .actions { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; }
        .link-list { display: flex; flex-wrap: wrap; gap: 0 1.25rem; list-style: none; padding: 0; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
        dl.facts dt { font-weight: 600; }
        dl.facts dd { margin: 0; }
        .token { font-family: ui-monospace, monospace; word-break: break-all; background: var(--tint); padding: .5rem; border: 1px dashed var(--line); }
        .tag { display: inline-block; border: 1px solid var(--line); border-radius: 3px; padding: 0 .35rem; margin: 0 .25rem .25rem 0; font-size: .9em; }
        @media (max-width: 40rem) { h1 { font-size: 1.5rem; } dl.facts { grid-template-columns: 1fr; } dl.facts dd { margin-bottom: .5rem; } }
        .share { display: flex; flex-direction: column; gap: .15rem; min-width: 9rem; }
        .share-bar { display: block; height: .6rem; background: var(--tint); border: 1px solid var(--line); }
        .share-bar > span { display: block; height: 100%; background: var(--accent, #1a5e9a); }
        .lc-map { margin: 0 0 1.5rem; }
        @media (max-width: 40rem) {
          table.stack-sm thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
          table.stack-sm tr { display: block; border-bottom: 2px solid var(--line); padding: .5rem 0; }
          table.stack-sm td { display: block; border: 0; padding: .15rem 0; }
          table.stack-sm td::before { content: attr(data-label); display: block; font-size: .85em; color: var(--muted); }
          table.stack-sm td:first-child::before { display: none; }
          .score-table table.stack-sm td:first-child::before { display: inline; content: attr(data-label) " "; }
          html.care table.stack-sm td::before { font-size: 1em; color: var(--ink); }
          table.stack-sm td:first-child { font-size: 1.1em; }
        }
        .legend { font-size: 1rem; margin-top: .5rem; }
        .legend-title { font-weight: 600; margin: .5rem 0 .25rem; }
        .legend-items { list-style: none; padding: 0; margin: 0 0 .5rem; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
        .legend-items li { display: flex; align-items: center; gap: .35rem; }
        svg.swatch { flex: none; width: 1.5em; height: 1.5em; }
        details.more > summary { list-style: none; margin-bottom: .75rem; }
        details.more > summary::-webkit-details-marker { display: none; }
        :target { outline: 3px solid var(--focus); }
        .lc-map img { display: block; width: 100%; height: auto; border: 1px solid var(--line); background: #fff; }
        .legend-items.pins { display: block; } .legend-items.pins li { margin: .35rem 0; }
        .progress-text { font-size: 1.25em; font-weight: 700; }
        .notice.warning { background: #fff4e0; border-left-color: #a15c00; }
        .empty { border: 2px dashed var(--line); border-radius: 6px; padding: 1rem; }
        .tag-ok { border-color: var(--ok); } .tag-warning { border-color: #a15c00; } .tag-error { border-color: #b3261e; font-weight: 700; }
        .pager { display: flex; flex-wrap: wrap; gap: var(--gap); margin: 1rem 0; }
        .pager a { display: inline-flex; align-items: center; min-height: var(--target); }
        .timeline { list-style: none; padding: 0; border-left: 3px solid var(--line); }
        .timeline li { padding: .25rem 0 .25rem 1rem; }
        .timeline time { font-weight: 700; }
        .public-notice { border: 2px solid var(--line); border-radius: 6px; padding: 1rem; margin: 1rem 0; }
        progress { width: 100%; max-width: 36rem; height: 1.5rem; }
        main li > a, .card h3 a, .brand, .footer-links a { min-height: var(--target); min-width: var(--target); display: inline-flex; align-items: center; }
        details.add > summary { display: flex; align-items: center; min-height: var(--target); font-weight: 600; color: var(--accent); cursor: pointer; margin: .5rem 0; }
        .nowrap { white-space: nowrap; }
        .empty > :last-child { margin-bottom: 0; }
        .chart { margin: 0 0 1.5rem; max-width: 26rem; } .chart svg { width: 100%; height: auto; display: block; }
        .chart-bar { fill: var(--accent); } .chart-label, .chart-value { font-size: 17px; fill: var(--ink); }
        .chart-value { font-weight: 700; }
        .button.primary { background: var(--accent); color: var(--accent-ink); border-color: var(--accent); }
        .card > :last-child { margin-bottom: 0; } .empty { margin-bottom: 1rem; }
        .reply { border-left: 4px solid var(--ok); } .nowrap { white-space: nowrap; }
        label.check { margin-bottom: 1rem; }
        input[type=file]::file-selector-button { min-height: var(--target); padding: 0 1rem; }
        .weights { display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: 0 1rem; }
        .weights input { max-width: 8rem; }
                @media print { .table-wrap { overflow: visible; } .poster table { font-size: .9rem; }
          .poster-footer, .poster-from { break-inside: avoid; } }
        .objections { padding-left: 1.2rem; } p.answer { border-left: 4px solid var(--ok); padding-left: .6rem; }
        .photos { display: flex; flex-wrap: wrap; gap: .5rem; list-style: none; padding: 0; }
        .photos img { width: 9rem; height: 9rem; object-fit: cover; border: 1px solid var(--line); }
        .poster { border: 1px solid var(--line); padding: 2rem; max-width: 52rem; background: var(--paper); }
        .poster h2 { font-size: 2rem; text-align: center; margin: .2rem 0 .6rem; }
        .poster-kind { text-align: center; font-size: 1.4rem; margin: 0; } .poster-kind.spaced { letter-spacing: .4em; }
        .poster-period { text-align: center; font-weight: bold; } .poster .notice-body { font-size: 1.15rem; }
        .poster-footer { margin-top: 1.5rem; border-top: 1px solid var(--line); padding-top: .8rem; }
        .poster-from { text-align: right; }
        .poster th, .poster td:first-child { white-space: nowrap; } .poster .table-wrap { overflow-x: auto; }
        .poster .chart { max-width: 20rem; margin-left: auto; margin-right: auto; }
        .score-table th { word-break: keep-all; white-space: normal; } .score-table td:nth-child(2) { min-width: 9em; }
        html.care .score-table table.stack-sm thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
        html.care .score-table table.stack-sm tr { display: block; border-bottom: 2px solid var(--line); padding: .5rem 0; }
        html.care .score-table table.stack-sm td { display: block; border: 0; padding: .15rem 0; }
        html.care .score-table table.stack-sm td::before { content: attr(data-label) " "; display: inline; color: var(--ink); }
        .score-table table { font-size: .9rem; } html.care .score-table table { font-size: 1rem; }
        .score-table th, .score-table td { padding-left: .3rem; padding-right: .3rem; }
        .poster .score-table table { font-size: .9rem; } .poster .score-table th { white-space: normal; }
        @media print { .poster .table-wrap { overflow: visible; } .poster .chart { max-width: 14rem; }
          .poster .score-table table { font-size: 9pt; } .poster .score-table td:nth-child(2) { min-width: 12em; }
          .poster h2 { font-size: 1.5rem; } .poster .notice-body { font-size: 1rem; } }
        @media (max-width: 40rem) { .poster { padding: 1rem; } }
        .care .chart-label, .care .chart-value { font-size: 21px; } .care-xl .chart-label, .care-xl .chart-value { font-size: 26px; }
        .care-xl .chart { max-width: 100%; }
        div.notice { margin-bottom: 1rem; } .tags .tag, .nowrap { white-space: nowrap; }
        .compare { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1rem; }
        .compare .drawing { width: 100%; height: auto; border: 1px solid var(--line); }
        ol.steps { padding-left: 1.4rem; } ol.steps li.current { font-weight: 700; } ol.steps li.past { color: var(--muted); }
        .card + .card, .card + details, .card + form, .card + p { margin-top: var(--gap); }
        ul.cards > li.card + li.card { margin-top: 0; } p:has(> .button + .button) { display: flex; flex-wrap: wrap; gap: .5rem; }
        ul.spaced > li + li { margin-top: .5rem; } .progress-line progress { width: 12rem; max-width: 60%; vertical-align: middle; }
        ul.notes { list-style: none; padding: 0; } ul.notes > li { padding: .6rem 0; border-bottom: 1px solid var(--line); }
        ul.notes > li a { display: block; padding: .2rem 0; } .plan-map figcaption { margin-top: .75rem; }
        select { max-width: 100%; }
        .sheet td { height: 2.2em; } .sheet td:nth-child(4) { min-width: 6em; } .sheet td:nth-child(5) { min-width: 8em; }
        .ballot-choices { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: .75rem; margin: .5rem 0; }
        button.ballot-choice { min-height: calc(var(--target) * 1.6); font-size: 1.5rem; background: var(--paper); color: var(--ink); border: 3px solid var(--accent); }
        button.ballot-choice.agree { border-color: #0b6e4f; } button.ballot-choice.against { border-color: #a4262c; }
        .projector { text-align: center; } .projector-figure { font-size: clamp(1.2rem, 2.5vw, 2.4rem); margin: 1.5rem 0; }
        .projector-figure .big { display: block; font-size: clamp(2.6rem, 9vw, 8rem); font-weight: 700; line-height: 1.1; }
        main:has(.projector) { max-width: none; } .projector .turnout { max-width: 60rem; margin: 0 auto; text-align: left; }
        ul.conditions { list-style: none; padding: 0; } ul.conditions li { margin: .4rem 0; } ul.conditions code { display: block; white-space: nowrap; font-size: .95em; }
        @page { size: A4; margin: 15mm; }
        @media print { .poster { border: none; padding: 0; max-width: none; } main:has(.poster) > h1 { display: none; } }
        @media print { tr { break-inside: avoid; } h2, h3 { break-after: avoid; } .lc-map { break-inside: avoid; } }
        @media print { header.site, .prefs, .skip, form, .no-print, footer.site, .main-nav { display: none; } .print-only { display: block !important; } .share-bar { print-color-adjust: exact; -webkit-print-color-adjust: exact; } }
        """
}
