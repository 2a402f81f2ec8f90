/**
 * The menu button (renderer/src/ui/menu-button.tsx) by keyboard and pointer, as the case header's
 * Export menu uses it: ARIA state on the button, arrow keys that wrap and skip disabled items,
 * Home/End, Escape back to the button, the chosen item's action run once and the menu closed.
 */
// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MenuButton, type MenuItem } from '../../../renderer/src/ui/menu-button';

afterEach(cleanup);

function setup(): { chosen: string[]; button: HTMLElement } {
  const chosen: string[] = [];
  const items: MenuItem[] = ['csv', 'geojson', 'kml', 'stix', 'pack'].map((id) => ({ id, label: `Item ${id}`, disabled: id === 'kml', onSelect: () => chosen.push(id) }));
  render(<MenuButton label="Export" items={items} testId="menu" />);
  return { chosen, button: screen.getByTestId('menu') };
}

const focusedItem = (): string | null => (document.activeElement as HTMLElement | null)?.getAttribute('data-menu-item') ?? null;

describe('MenuButton', () => {
  it('opens on ArrowDown at the first item, moves with arrows skipping a disabled item and wrapping, and jumps with Home/End', () => {
    const { button } = setup();
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('menu')).toBeNull();
    fireEvent.keyDown(button, { key: 'ArrowDown' });
    const menu = screen.getByRole('menu', { name: 'Export' });
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(button.getAttribute('aria-controls')).toBe(menu.id);
    expect(screen.getAllByRole('menuitem').map((m) => m.textContent)).toEqual(['Item csv', 'Item geojson', 'Item kml', 'Item stix', 'Item pack']);
    expect(focusedItem()).toBe('csv');
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(focusedItem()).toBe('geojson');
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(focusedItem()).toBe('stix');
    fireEvent.keyDown(menu, { key: 'End' });
    expect(focusedItem()).toBe('pack');
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(focusedItem()).toBe('csv');
    fireEvent.keyDown(menu, { key: 'ArrowUp' });
    expect(focusedItem()).toBe('pack');
    fireEvent.keyDown(menu, { key: 'Home' });
    expect(focusedItem()).toBe('csv');
  });

  it('opens on ArrowUp at the last item; Escape closes and gives focus back to the button without choosing', () => {
    const { button, chosen } = setup();
    fireEvent.keyDown(button, { key: 'ArrowUp' });
    expect(focusedItem()).toBe('pack');
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(chosen).toEqual([]);
  });

  it('runs the clicked item once and closes; a click outside closes without choosing', () => {
    const { button, chosen } = setup();
    fireEvent.click(button);
    fireEvent.click(screen.getByRole('menuitem', { name: 'Item stix' }));
    expect(chosen).toEqual(['stix']);
    expect(screen.queryByRole('menu')).toBeNull();
    fireEvent.click(button);
    expect(screen.getByRole('menuitem', { name: 'Item kml' })).toHaveProperty('disabled', true);
    fireEvent.pointerDown(document.body);
    expect(screen.queryByRole('menu')).toBeNull();
    expect(chosen).toEqual(['stix']);
  });
});
