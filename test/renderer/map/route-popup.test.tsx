// @vitest-environment happy-dom
/**
 * A route's popup (renderer/src/map/map-layers.tsx `RoutePopup`) shows its name, kind, period in
 * the user's locale and its number of points; the legend says when untimed routes stay shown
 * while the time slider narrows (B3, session 28).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { RoutePopup } from '../../../renderer/src/map/map-layers';
import { MapLegend } from '../../../renderer/src/map/map-legend';
import { formatDateTime } from '../../../renderer/src/format/dates';
import type { Route } from '../../../shared/domain/route';

afterEach(cleanup);

const base = { id: 'r1', createdBy: 'u', createdAt: 0, notes: '' };
const patrol: Route = {
  ...base,
  name: 'Night patrol Taveuni',
  kind: 'patrol',
  points: [[-16.8, 179.9], [-16.9, -179.9], [-17, -179.8], [-17.1, -179.7]],
  times: [Date.UTC(2024, 2, 11, 22), null, Date.UTC(2024, 2, 12, 3), Date.UTC(2024, 2, 12, 7, 45)],
};

describe('RoutePopup', () => {
  it('shows name, kind, period and points of a timed patrol track', () => {
    const { container } = render(<RoutePopup route={patrol} />);
    expect(screen.getByText('Night patrol Taveuni')).toBeTruthy();
    expect(screen.getByText('Patrol track')).toBeTruthy();
    expect(container.querySelector('.route-period')?.textContent).toBe(`${formatDateTime(Date.UTC(2024, 2, 11, 22))} – ${formatDateTime(Date.UTC(2024, 2, 12, 7, 45))}`);
    expect(screen.getByText('4 points')).toBeTruthy();
  });
  it('says when a route has no times', () => {
    const { name, points } = patrol;
    const { container } = render(<RoutePopup route={{ ...base, name, points, kind: 'trafficking' }} />);
    expect(screen.getByText('Suspected route')).toBeTruthy();
    expect(container.querySelector('.route-period')?.textContent).toBe('No times recorded');
  });
});

describe('MapLegend routes', () => {
  it('counts the routes it is given and notes untimed ones', () => {
    const { container } = render(<MapLegend sectors={[]} mapped={2} unmapped={0} routes={1} patrolRoutes={0} untimedRoutes={1} flagged={0} />);
    expect(screen.getByText(/Suspected route \(1\)/)).toBeTruthy();
    expect(container.querySelector('.route-untimed-note')?.textContent).toBe('1 route without times is always shown, whatever the time range');
    expect(container.textContent).not.toMatch(/Patrol track/);
  });
});
