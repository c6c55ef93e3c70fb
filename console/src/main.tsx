// The agent console (index.html): its router, login, desk and tickets, on React. The public pages
// are a build of their own (public-main.tsx); the API sends public.html for their addresses.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Providers } from './Providers';
import { ConsoleRouter } from './routes';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <Providers>
      <ConsoleRouter />
    </Providers>
  </StrictMode>,
);
