/**
 * The application menu: File offers New Window and Quit, Help offers About with the version, and
 * reload/DevTools appear only in development builds.
 */
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate } from '../../electron/main/menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

describe('menuTemplate', () => {
  const calls: string[] = [];
  const make = (packaged: boolean, platform: NodeJS.Platform = 'linux') =>
    menuTemplate({ packaged, platform, appName: 'NEST Desk', onNewWindow: () => calls.push('new'), onAbout: () => calls.push('about') });

  it('has File, Edit, View and Help (plus the app menu on macOS)', () => {
    expect(make(true).map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    expect(make(true, 'darwin').map((m) => m.label)).toEqual(['NEST Desk', '&File', '&Edit', '&View', '&Help']);
  });

  it('opens a new window and shows About through the callbacks', () => {
    const items = flatten(make(true));
    const newWindow = items.find((i) => i.id === 'new-window')!;
    expect(newWindow.accelerator).toBe('CmdOrCtrl+N');
    (newWindow.click as () => void)();
    (items.find((i) => i.id === 'about')!.click as () => void)();
    expect(calls).toEqual(['new', 'about']);
    expect(items.find((i) => i.id === 'about')!.label).toBe('About NEST Desk');
    expect(items.find((i) => i.id === 'quit')?.role).toBe('quit');
  });

  it('offers reload and DevTools only when not packaged', () => {
    const roles = (packaged: boolean) => flatten(make(packaged)).map((i) => i.role).filter(Boolean);
    expect(roles(false)).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
    for (const r of ['reload', 'forceReload', 'toggleDevTools']) expect(roles(true)).not.toContain(r);
  });
});
