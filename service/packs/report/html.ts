/**
 * The few HTML helpers the report's sections share. Everything that comes from a case (titles,
 * notes, names, places) goes through {@link esc} — the report is evidence, and a `<script>` typed
 * into a case title must print as those characters, not run (the printer also runs with
 * JavaScript off). Text from a case gets `dir="auto"`, so an Arabic title reads right to left
 * while the page stays left to right.
 */

/** `s` with `& < > " '` escaped, safe inside element content and quoted attribute values. */
export function esc(s: string | number): string {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Escaped case text in a `<bdi dir="auto">`, so its direction follows its own first strong letter. */
export function user(s: string): string {
  return s ? `<bdi dir="auto">${esc(s)}</bdi>` : '';
}

/** A table: a header row of (already escaped) labels and rows of (already escaped) cells. */
export function table(cls: string, head: readonly string[], rows: readonly (readonly string[])[]): string {
  const th = head.map((h) => `<th>${h}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table class="${esc(cls)}"><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** A numbered section: `<section id=…><h2>…</h2>…</section>`. `title` is escaped here. */
export function section(id: string, title: string, body: string): string {
  return `<section id="${esc(id)}"><h2>${esc(title)}</h2>\n${body}\n</section>`;
}

/** A paragraph of escaped catalogue text with class `cls` (e.g. `muted`). */
export function para(text: string, cls = ''): string {
  return `<p${cls ? ` class="${esc(cls)}"` : ''}>${esc(text)}</p>`;
}
