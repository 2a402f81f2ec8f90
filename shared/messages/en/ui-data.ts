/** English sentences of the renderer's data layer: the connection to the data service dropping and coming back. */
export const uiDataMessages = {
  'data.reconnecting': 'Reconnecting to the data service… your edits are kept.',
  'data.reconnected': 'Reconnected to the data service.',
  'data.change-rejected': 'A change was not saved: the data service refused it. The document has been reloaded.',
  'data.connection-lost': 'The connection to the data service was lost.',
  'data.not-connected': 'Not connected to the data service.',
} as const;
