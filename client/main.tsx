import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { acceptInviteFromAddress } from './app/acceptInvite';
import { registerServiceWorker } from './app/serviceWorker';
import { followTheme } from './theme/theme';
import './styles.css';

// Before the first render, so the token is stored and gone from the address bar at once.
acceptInviteFromAddress();
window.addEventListener('hashchange', acceptInviteFromAddress);
registerServiceWorker();
followTheme();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
