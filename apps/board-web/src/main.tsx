import { I18nProvider } from '@infobank/web-ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './board-web.css';
import { App } from './app';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);
