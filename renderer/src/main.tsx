/**
 * Renderer entry: connects to the data service, then renders the app.
 */
import { createRoot } from 'react-dom/client';
import { connectDataService } from './data/connect';

const root = createRoot(document.getElementById('root')!);
connectDataService()
  .then(async (client) => {
    const info = await client.call('app.info', {});
    root.render(<p>NEST Desk {info.version} ({info.mode}) — data folder {info.dataDir}</p>);
  })
  .catch((err: unknown) => root.render(<p role="alert">{err instanceof Error ? err.message : String(err)}</p>));
