// A React 19 app, bundled by rollup when the spec runs (see react.spec.ts).
import { init, ErrorBoundary, reactErrorHandler } from '@faultline/react';
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';

init({ dsn: 'http://publickey@' + location.host + '/1' });

function Cart({ broken }) {
  if (broken) throw new Error('cart render failed');
  return h('p', { id: 'cart' }, 'cart ok');
}

function Bomb() {
  throw new Error('outside any boundary');
}

function App() {
  const [broken, setBroken] = useState(false);
  const [bomb, setBomb] = useState(false);
  const fallback = ({ error, resetError }) =>
    h(
      'div',
      null,
      h('p', { id: 'fallback' }, 'Something broke: ' + error.message),
      h('button', { id: 'reset', onClick: () => (setBroken(false), resetError()) }, 'reset'),
    );
  return h(
    'div',
    null,
    h('button', { id: 'break', onClick: () => setBroken(true) }, 'break the cart'),
    h('button', { id: 'bomb', onClick: () => setBomb(true) }, 'break outside a boundary'),
    h(ErrorBoundary, { fallback }, h(Cart, { broken })),
    bomb ? h(Bomb) : null,
  );
}

const handler = reactErrorHandler();
createRoot(document.getElementById('root'), {
  onUncaughtError: handler,
  onCaughtError: handler,
  onRecoverableError: handler,
}).render(h(App));
