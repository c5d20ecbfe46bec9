/**
 * The reader site's one stylesheet. Logical properties only (inline/block, not
 * left/right), so a right-to-left page mirrors without another stylesheet.
 * System fonts: nothing to download before text shows.
 */
export const siteCss = `
:root{--ink:#1a1a1a;--muted:#4d4d4d;--rule:#d9d9d9;--accent:#a4161a;--bg:#fff;--soft:#f5f4f0;--measure:42rem;color-scheme:light}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",Tahoma,sans-serif}
a{color:inherit;text-underline-offset:.15em}
a:hover{color:var(--accent)}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;inset-inline-start:.5rem;inset-block-start:-3rem;background:var(--ink);color:#fff;padding:.5rem 1rem;z-index:10}
.skip:focus{inset-block-start:.5rem}
.wrap{max-inline-size:72rem;margin-inline:auto;padding-inline:1rem}
.masthead{border-block-end:3px solid var(--ink);padding-block:1rem .5rem}
.brand{font:700 clamp(1.75rem,5vw,2.5rem)/1.1 Georgia,"Times New Roman",serif;text-decoration:none;letter-spacing:-.01em}
.tagline{margin:0;color:var(--muted);font-size:.9rem}
.sections ul{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;list-style:none;margin:0;padding:.5rem 0 0}
.sections a{text-decoration:none;font-weight:600;font-size:.95rem}
.sections a[aria-current]{color:var(--accent);border-block-end:2px solid currentColor}
.breaking{background:var(--accent);color:#fff;padding-block:.5rem;font-weight:600}
.breaking a{color:#fff}
.breaking :focus-visible{outline-color:#fff}
.breaking strong{text-transform:uppercase;letter-spacing:.06em;margin-inline-end:.5rem;padding:.1rem .45rem;border:2px solid #fff}
main{padding-block:1.5rem 3rem}
h1,h2,h3{font-family:Georgia,"Times New Roman",serif;line-height:1.2;margin-block:0 .5rem}
h1{font-size:clamp(1.75rem,4.5vw,2.6rem)}
.crumbs ol{display:flex;list-style:none;margin:0 0 1rem;padding:0;font-size:.9rem;color:var(--muted)}
.crumbs li+li::before{content:"/";padding-inline:.5rem;color:var(--rule)}
.crumbs li{flex:none;white-space:nowrap}
.crumbs [aria-current]{color:var(--ink);flex:1 1 0;min-inline-size:0;overflow:hidden;text-overflow:ellipsis}
.story,.narrow{max-inline-size:var(--measure)}
.narrow{margin-inline:auto}
time{white-space:nowrap}
.standfirst{font-size:1.2rem;color:var(--muted);margin-block:0 .75rem}
.translations{font-size:.9rem;color:var(--muted);margin-block:0 .75rem;padding-inline-start:.6rem;border-inline-start:3px solid var(--rule)}
.translations a{color:var(--ink);font-weight:600}
.translations>bdi{display:inline-block}
.source{margin:0;font-weight:700;color:var(--accent);font-size:.9rem;text-transform:uppercase;letter-spacing:.04em}
.meta{border-block:1px solid var(--rule);padding-block:.5rem;margin-block:1rem;font-size:.92rem;color:var(--muted)}
.meta p{margin:0}
.byline a{color:var(--ink);font-weight:600}
.body{font-family:Georgia,"Times New Roman",serif;font-size:1.15rem}
.body p{margin-block:0 1.1rem}
.body blockquote{margin-inline:0;padding-inline-start:1rem;border-inline-start:4px solid var(--rule);color:var(--muted)}
.body table{border-collapse:collapse;inline-size:100%}
.body th,.body td{border:1px solid var(--rule);padding:.35rem .5rem;text-align:start}
.body img{max-inline-size:100%;block-size:auto}
.lead-image{margin:0 0 1.25rem}
.lead-image img{display:block;inline-size:100%;block-size:auto;background:var(--soft)}
.lead-image figcaption{font-size:.88rem;color:var(--muted);padding-block-start:.35rem}
.credit{font-size:.8rem;text-transform:uppercase;letter-spacing:.03em}
.notes{border:1px solid var(--rule);border-inline-start:4px solid var(--accent);padding:.5rem 1rem;margin-block:1rem}
.notes h2{font:700 .85rem/1.2 system-ui,sans-serif;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
.notes ul{margin:0;padding-inline-start:1.1rem}
.dateline{font-weight:700;font-family:system-ui,sans-serif;font-size:.95em}
.tags ul{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0;margin:.25rem 0 0}
.tags a{display:inline-block;border:1px solid #8a8a8a;padding:.15rem .6rem;border-radius:1rem;text-decoration:none;font-size:.9rem}
.tags h2,.check h2{font:700 .85rem/1.2 system-ui,sans-serif;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
.author-box{background:var(--soft);padding:1rem 1.25rem;margin-block:1.5rem;border-inline-start:4px solid var(--ink)}
.author-box h2{font-size:1.3rem;margin-block-end:.15rem}
.author-box .role{font-size:.9rem;color:var(--muted)}
.author-box p{margin-block:0 .5rem}
.check{border-block-start:3px solid var(--ink);padding-block-start:.75rem;margin-block-start:2rem}
.check h3{font-size:1.25rem}
.check p{margin:0;color:var(--muted)}
.list{list-style:none;margin:0;padding:0}
.card{padding-block:1rem;border-block-end:1px solid var(--rule)}
.card h2,.card h3{font-size:1.3rem;margin-block-end:.25rem}
.card h2 a,.card h3 a,.lead h2 a{text-decoration:none}
.card p{margin:0 0 .25rem;color:var(--muted)}
.kicker{font-size:.8rem;font-weight:700;text-transform:uppercase;letter-spacing:.05em;color:var(--accent);text-decoration:none}
.when{font-size:.85rem;color:var(--muted)}
.lead{padding-block-end:1rem;border-block-end:3px solid var(--ink)}
.lead article h2{font-size:clamp(1.6rem,4vw,2.3rem)}
.lead .standfirst{font-size:1.15rem}
.front{display:grid;gap:2rem}
.block-title{font:700 .9rem/1.2 system-ui,sans-serif;text-transform:uppercase;letter-spacing:.06em;border-block-end:2px solid var(--ink);padding-block-end:.35rem;margin-block:1.5rem 0}
.block-title a{text-decoration:none}
.blocks{display:grid;gap:0 2rem;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr))}
.listing-head{border-block-end:1px solid var(--rule);padding-block-end:.75rem;margin-block-end:.5rem}
.listing-head p{margin:0;color:var(--muted)}
.pager{display:flex;flex-wrap:wrap;justify-content:space-between;gap:1rem;margin-block-start:1.5rem;font-weight:600}
.pager span{color:var(--muted);font-weight:400}
.search-form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin-block:.5rem 1rem}
.search-form label{flex-basis:100%;font-weight:600}
.search-form input{flex:1 1 12rem;min-inline-size:0;font:inherit;padding:.45rem .6rem;border:1px solid #767676;border-radius:.25rem}
.search-form button,.site-search button{font:inherit;font-weight:600;padding:.45rem .9rem;border:1px solid var(--ink);background:var(--ink);color:#fff;border-radius:.25rem;cursor:pointer}
.site-search{display:flex;gap:.35rem;margin-block-start:.5rem}
.site-search input{flex:1 1 auto;min-inline-size:0;max-inline-size:16rem;font:inherit;font-size:.95rem;padding:.3rem .5rem;border:1px solid #767676;border-radius:.25rem}
.site-search button{font-size:.9rem;padding:.3rem .7rem}
mark{background:#fff3b0;color:inherit;padding-inline:.1em}
footer{border-block-start:1px solid var(--rule);padding-block:1.5rem;color:var(--muted);font-size:.9rem}
.visually-hidden{position:absolute;inline-size:1px;block-size:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
@media (min-width:60rem){.front{grid-template-columns:2fr 1fr}.front>.river{border-inline-start:1px solid var(--rule);padding-inline-start:2rem}}
@media (prefers-reduced-motion:no-preference){html{scroll-behavior:smooth}}
`.trim();
