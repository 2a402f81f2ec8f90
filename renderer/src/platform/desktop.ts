/**
 * The one door to the Electron preload's API (`window.nestDesk`). Nothing else in the renderer
 * reads `window.nestDesk`; a null answer means browser mode.
 */
import type { DesktopApi } from '../../../shared/desktop-api';

declare global {
  interface Window {
    nestDesk?: DesktopApi;
  }
}

/** The desktop API when running in Electron, else null (browser mode). */
export function desktopApi(): DesktopApi | null {
  return window.nestDesk ?? null;
}
