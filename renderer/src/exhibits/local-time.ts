/**
 * The `datetime-local` input's value ("2026-12-06T14:30", the member's local time, minutes) to and
 * from UTC milliseconds, the unit custody entries store.
 */

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** UTC ms → "YYYY-MM-DDTHH:MM" in the local time zone. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "YYYY-MM-DDTHH:MM" (optionally ":SS") in the local time zone → UTC ms; null when not such a value. */
export function fromLocalInput(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi, se] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x))) as [number, number, number, number, number, number];
  const date = new Date(y, mo - 1, d, h, mi, se);
  // Reject values the Date constructor rolled over (2026-02-30 → March 2).
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d || date.getHours() !== h || date.getMinutes() !== mi) return null;
  return date.getTime();
}
