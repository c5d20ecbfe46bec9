/** The newsroom's stylesheet: plain, dense, readable; logical properties so an RTL story edits right to left. */
export const adminCss = `
:root{--ink:#1a1a1a;--muted:#555;--rule:#d0d0d0;--accent:#0b5cad;--bad:#a4161a;--ok:#1e6b34;--soft:#f4f5f7}
*{box-sizing:border-box}
body{margin:0;font:0.95rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",sans-serif;color:var(--ink);background:#fff}
a{color:var(--accent)}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;inset-inline-start:.5rem;inset-block-start:-3rem;background:var(--ink);color:#fff;padding:.5rem 1rem}
.skip:focus{inset-block-start:.5rem}
.bar{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.25rem;padding:.6rem 1rem;background:var(--ink);color:#fff}
.bar a{color:#fff;text-decoration:none;font-weight:600}
.bar a[aria-current]{text-decoration:underline;text-underline-offset:.3em}
.bar ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:0}
.bar .who{margin-inline-start:auto;font-size:.85rem;display:flex;gap:.75rem;align-items:center}
.bar form{display:inline}
.bar button{background:none;border:1px solid #888;color:#fff;border-radius:.25rem;padding:.15rem .5rem;font:inherit;cursor:pointer}
main{padding:1rem;max-inline-size:80rem;margin-inline:auto}
h1{font-size:1.5rem;margin-block:.25rem 1rem}
h2{font-size:1.15rem}
label{display:block;font-weight:600;margin-block:.75rem .25rem}
input[type=text],input[type=email],input[type=password],input[type=search],input[type=datetime-local],input[type=file],select,textarea{inline-size:100%;font:inherit;padding:.4rem .5rem;border:1px solid #8a8a8a;border-radius:.25rem;background:#fff}
textarea{min-block-size:22rem;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9rem;line-height:1.5}
.hint{color:var(--muted);font-size:.85rem;margin:.2rem 0 0}
.field-error{color:var(--bad);font-weight:600;margin:.2rem 0 0}
[aria-invalid=true]{border-color:var(--bad);border-width:2px}
button,.button{display:inline-block;font:inherit;font-weight:600;padding:.45rem .9rem;border-radius:.25rem;border:1px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer;text-decoration:none}
button.secondary,.button.secondary{background:#fff;color:var(--accent)}
button.danger{background:var(--bad);border-color:var(--bad)}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin-block:1rem}
.notice{padding:.6rem .9rem;border-inline-start:4px solid var(--accent);background:var(--soft);margin-block:.75rem}
.notice.bad{border-color:var(--bad)}
.notice.ok{border-color:var(--ok)}
table{border-collapse:collapse;inline-size:100%}
th,td{text-align:start;padding:.45rem .5rem;border-block-end:1px solid var(--rule);vertical-align:top}
th{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.status{display:inline-block;padding:.05rem .45rem;border-radius:1rem;font-size:.8rem;font-weight:600;background:var(--soft);border:1px solid var(--rule)}
.status-published{background:#e3f3e6;border-color:#9bcfa6}
.status-scheduled{background:#e6eefb;border-color:#9db8e6}
.status-submitted{background:#fff4d6;border-color:#e8c96a}
.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;background:var(--soft);padding:.5rem .75rem;border-radius:.25rem}
.filters label{margin:0;font-size:.85rem}
.filters input,.filters select{inline-size:auto;min-inline-size:10rem}
.editor{display:grid;gap:1rem}
.editor fieldset{border:1px solid var(--rule);border-radius:.25rem;padding:.5rem .9rem 1rem;margin:0}
.preview{border:1px solid var(--rule);border-radius:.25rem;padding:0 1rem;min-block-size:10rem;font-family:Georgia,serif}
.preview .dateline{font-weight:700;font-family:system-ui,sans-serif}
.autosave{color:var(--muted);font-size:.85rem}
.both{display:grid;gap:1rem}
.both pre{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--soft);padding:.75rem;border-radius:.25rem;max-block-size:30rem;overflow:auto;font-size:.85rem}
ins{background:#d7f5dd;text-decoration:none}
del{background:#fbd9d9}
.pager{display:flex;gap:1rem;margin-block:1rem}
@media (min-width:64rem){.editor{grid-template-columns:3fr 2fr}.both{grid-template-columns:1fr 1fr}}
`.trim();
