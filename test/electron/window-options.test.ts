/**
 * The window options: every security flag of Electron's checklist is set explicitly, DevTools
 * only in development, and nothing else can loosen them.
 */
import { describe, expect, it } from 'vitest';
import { windowOptions } from '../../electron/main/window-options';

describe('windowOptions', () => {
  const dev = windowOptions({ preload: '/app/dist/electron/preload.cjs', packaged: false });
  const prod = windowOptions({ preload: '/app/dist/electron/preload.cjs', packaged: true });

  it('sandboxes the renderer and isolates the preload, with no Node anywhere', () => {
    for (const o of [dev, prod]) {
      expect(o.webPreferences).toMatchObject({
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
      });
    }
  });

  it('keeps web security on and every loosening option off', () => {
    expect(prod.webPreferences).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    });
    expect(prod.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(prod.webPreferences).not.toHaveProperty('partition');
    expect(prod.webPreferences).not.toHaveProperty('additionalArguments');
  });

  it('sets exactly the preferences we reviewed', () => {
    expect(Object.keys(prod.webPreferences ?? {}).sort()).toEqual(
      ['allowRunningInsecureContent', 'contextIsolation', 'devTools', 'experimentalFeatures', 'navigateOnDragDrop', 'nodeIntegration', 'nodeIntegrationInSubFrames', 'nodeIntegrationInWorker', 'preload', 'safeDialogs', 'sandbox', 'spellcheck', 'webSecurity', 'webviewTag'].sort(),
    );
  });

  it('uses the bundled preload', () => {
    expect(prod.webPreferences?.preload).toBe('/app/dist/electron/preload.cjs');
  });

  it('offers DevTools only when not packaged', () => {
    expect(dev.webPreferences?.devTools).toBe(true);
    expect(prod.webPreferences?.devTools).toBe(false);
  });

  it('shows the window only when ready, at a usable size', () => {
    expect(prod).toMatchObject({ show: false, width: 1280, height: 800, minWidth: 900, minHeight: 600, title: 'NEST Desk' });
  });
});
