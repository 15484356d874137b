import { init } from '@faultline/react';
import { createRoot } from 'react-dom/client';
import { App } from './App.jsx';

// The test passes the receiver's DSN in the page URL.
init({ dsn: new URLSearchParams(location.search).get('dsn'), delivery: { offlineQueue: false } });
createRoot(document.getElementById('root')).render(<App />);
