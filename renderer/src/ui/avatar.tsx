/**
 * A round avatar with a person's initials on their stable colour.
 */
import type { ReactNode } from 'react';
import { initials } from '../domain/member-color';

/** An avatar; `title` gives its tooltip (the name and agency). */
export function Avatar(props: { name: string; color: string; title?: string; small?: boolean }): ReactNode {
  return (
    <span className={`avatar${props.small ? ' avatar-sm' : ''}`} style={{ background: props.color }} title={props.title ?? props.name} aria-hidden="true">
      {initials(props.name)}
    </span>
  );
}
