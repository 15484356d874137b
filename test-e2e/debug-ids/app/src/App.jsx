import { useEffect, useState } from 'react';

// Loaded as its own chunk, so the error's frames run through two built files, each with its own map.
const loadCheckout = () => import('./checkout.js');

export function App() {
  const [checkout, setCheckout] = useState();
  useEffect(() => {
    loadCheckout().then(setCheckout);
  }, []);
  if (!checkout) return <p>Loading…</p>;
  function onCheckout() {
    const cart = checkout.applyDiscount({ total: 40 }, 'SUMMER-EXPIRED');
    document.title = `Total ${cart.total}`;
  }
  return (
    <button id="checkout" onClick={onCheckout}>
      Check out
    </button>
  );
}
