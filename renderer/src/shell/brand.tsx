/**
 * The NEST Desk brand mark: a shield with a leaf, drawn as inline SVG (no image files).
 */
import type { ReactNode } from 'react';

/** The brand mark, `size` px square. */
export function BrandMark(props: { size?: number }): ReactNode {
  const size = props.size ?? 28;
  return (
    <span className="brand-mark" style={{ width: size, height: size, borderRadius: size / 4 }} aria-hidden="true">
      <svg width={size * 0.62} height={size * 0.62} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
        <path d="M12 2.5 4 5.5v6c0 5 3.4 8.4 8 10 4.6-1.6 8-5 8-10v-6l-8-3z" />
        <path d="M8.5 14.5c0-3.5 3-6 7-6 0 4-2.5 7-6 7M8.5 14.5l3.5-3" />
      </svg>
    </span>
  );
}
