/** English sentences of the renderer's app frame (renderer/src/app/): starting up, loading the profile, the last-resort error boundaries. */
export const appMessages = {
  'app.name': 'NEST Desk',
  'app.starting': 'Starting the local data service…',
  'app.no-service': 'NEST Desk could not reach its data service.',
  'app.loading-profile': 'Loading your profile…',
  'app.window-fault': 'NEST Desk could not show this window',
  'app.screen-fault': 'This screen could not be shown',
} as const;
