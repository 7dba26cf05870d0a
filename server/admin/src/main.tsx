import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import App from './app';

// The first render as a transition: React renders the shell and the first page in
// slices of a few milliseconds, yielding to the browser between them, instead of one
// task of several hundred (antd's components and their CSS-in-JS styles); the page
// shows at the same time, and a click or a keystroke meanwhile is not kept waiting
// (Lighthouse's total blocking time).
const root = createRoot(document.getElementById('root')!);
startTransition(() => {
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
