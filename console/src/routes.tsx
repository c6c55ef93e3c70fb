// The agent console's URLs, behind the login; main.tsx loads this file only for addresses that are
// not a public page (public.tsx), so a kiosk never downloads the router, the login or the desk.
// Each screen loads on demand too, so most of them never download mediasoup.
import { createBrowserRouter, RouterProvider } from 'react-router';

const desk = async () => ({ Component: (await import('./desk/DeskScreen')).DeskScreen });

const router = createBrowserRouter([
  {
    // Nothing to show while the first page's code arrives (it is small and local).
    HydrateFallback: () => null,
    lazy: async () => ({ Component: (await import('./App')).App }),
    children: [
      { index: true, lazy: desk },
      {
        path: 'tickets',
        lazy: async () => ({ Component: (await import('./tickets/TicketsScreen')).TicketsScreen }),
      },
      {
        path: 'profile',
        lazy: async () => ({ Component: (await import('./profile/ProfileScreen')).ProfileScreen }),
      },
      // Any other address is the desk, as it always was.
      { path: '*', lazy: desk },
    ],
  },
]);

export function ConsoleRouter() {
  return <RouterProvider router={router} />;
}
