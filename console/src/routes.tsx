// Every URL the console answers. Public pages (display, kiosk, status, video join) need no login
// and are links the API hands out (statusUrl, guestUrl): keep them as they are. The rest is the
// agent console behind the login. Each surface loads on demand, so a kiosk never downloads the
// desk and most screens never download mediasoup.
import { createBrowserRouter } from 'react-router';
import { App } from './App';
import { DeskScreen } from './desk/DeskScreen';

export const router = createBrowserRouter([
  {
    // Nothing to show while the first page's code arrives (it is small and local).
    HydrateFallback: () => null,
    children: [
      {
        path: 'display/:branchId',
        lazy: async () => ({ Component: (await import('./display/DisplayScreen')).DisplayRoute }),
      },
      { path: 'kiosk/:branchId', lazy: async () => ({ Component: (await import('./kiosk/KioskScreen')).KioskRoute }) },
      { path: 'status/:token', lazy: async () => ({ Component: (await import('./status/StatusScreen')).StatusRoute }) },
      { path: 'join/:token', lazy: async () => ({ Component: (await import('./join')).JoinRoute }) },
      {
        Component: App,
        children: [
          { index: true, Component: DeskScreen },
          {
            path: 'tickets',
            lazy: async () => ({ Component: (await import('./tickets/TicketsScreen')).TicketsScreen }),
          },
          {
            path: 'profile',
            lazy: async () => ({ Component: (await import('./profile/ProfileScreen')).ProfileScreen }),
          },
          // Any other address is the desk, as it always was.
          { path: '*', Component: DeskScreen },
        ],
      },
    ],
  },
]);
