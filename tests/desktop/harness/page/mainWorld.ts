// The main world's half of the context bridge, evaluated at the start of every document of a window before the
// page's own scripts. It waits for the preload's world to hand over the private element, then defines on
// `window` what the preload exposes. Nothing of it is reachable from the page: it keeps no global.

import { EXPOSE, HANDSHAKE, MAIN_WORLD_READY, openBridgeEnd, TO_ISOLATED, TO_MAIN } from './bridge';

let connected = false;
document.addEventListener(
  HANDSHAKE,
  (event) => {
    const port = (event as MouseEvent).relatedTarget;
    if (connected || !port) return;
    connected = true;
    event.stopImmediatePropagation();
    event.preventDefault(); // tells the preload's world the element is taken
    const end = openBridgeEnd(port, TO_MAIN, TO_ISOLATED);
    end.serve(EXPOSE, (key, api) => {
      if (typeof key !== 'string') throw new Error('the API key must be a string');
      if (Object.prototype.hasOwnProperty.call(window, key))
        throw new Error('Cannot bind an API on top of an existing property on the window object');
      Object.defineProperty(window, key, { value: api, enumerable: true });
    });
  },
  { capture: true },
);
document.dispatchEvent(new Event(MAIN_WORLD_READY));
