// react-admin's light theme with colours that read at 4.5:1 or more (issue 17, axe): its app bar
// blue (#2196f3) under white text was 3.1:1, its primary on the page 4.4:1, the warning and info
// chips 3.1:1 and 3.9:1, its error red (the edit pages' Delete on the grey toolbar) 3.8:1.
import { defaultTheme, type RaThemeOptions } from 'react-admin';

const BLUE = { main: '#1565c0', contrastText: '#fff' }; // 5.8:1 with white

export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    primary: BLUE,
    secondary: BLUE,
    warning: { main: '#b45309', contrastText: '#fff' },
    info: { main: '#01579b', contrastText: '#fff' },
    error: { main: '#b71c1c', contrastText: '#fff' }, // 5.0:1 on the toolbar's #e0e0e0
  },
};
