/**
 * Renderer entry: loads the styles, connects to the data service and renders the app. While
 * connecting it shows a splash; if the connection cannot be made it says why and what to do.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'leaflet/dist/leaflet.css';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/forms.css';
import './styles/table.css';
import './styles/screens.css';
import './styles/map.css';
import { connectDataService } from './platform/connect';
import { dropTokenFromHash } from './app/router';
import { App } from './app/app';
import { StartupScreen } from './app/startup-screen';

const root = createRoot(document.getElementById('root')!);
root.render(<StartupScreen />);
connectDataService()
  .then((client) => {
    dropTokenFromHash();
    root.render(
      <StrictMode>
        <App client={client} />
      </StrictMode>,
    );
  })
  .catch((err: unknown) => root.render(<StartupScreen error={err instanceof Error ? err.message : String(err)} />));
