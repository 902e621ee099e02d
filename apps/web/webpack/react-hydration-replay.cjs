/* global module */
'use strict';

// A webpack loader for the react-dom client that Next.js bundles (next/dist/compiled/react-dom*),
// carrying React's own fix for a hydration bug that React 19.2 has and 19.3 fixes (react#35494,
// "Correctly handle replaying when hydrating"; the bug is react#35210 and react#37584).
//
// The bug: a large server-component payload is streamed in rows of about 3 kB; an element past
// that size goes into a later row, and its parent's children hold a reference to it. When the
// browser hydrates before that row has arrived (a big page, a busy machine), the parent element
// suspends right after it has claimed its server-rendered DOM node. If the row arrives during
// the pause, React replays the parent without moving its hydration cursor back: the parent then
// compares itself with its own first child, reports "server rendered HTML didn't match the
// client" (minified error #418) and renders the whole page again on the client, although the
// server's HTML and the client's tree are the same. The back office's category tree (a few
// hundred kB) met it in 2 of 42 loads on a busy machine.
//
// The fix, as React 19.3 has it: when a host element that is being hydrated is replayed, its
// hydration state is first popped back to where it was before the element claimed its node.
// Once the react-dom that Next.js bundles has the fix (it defines popHydrationStateOnInterruptedWork),
// this loader passes the file through unchanged and can go; a react-dom with neither the fix nor
// the code it patches fails the build, so that an upgrade is looked at rather than silently unfixed.

const REPLAY_HOST = /(case 5:\s*\n\s*resetHooksOnUnwind\((\w+)\);\n)(\s*default:)/g;

/** @param {string} source */
module.exports = function reactHydrationReplay(source) {
  if (source.includes('popHydrationStateOnInterruptedWork')) return source;
  const matches = [...source.matchAll(REPLAY_HOST)];
  if (matches.length !== 1) {
    throw new Error(`react-hydration-replay: expected one host-component case in replayBeginWork of ${this.resourcePath}, found ${matches.length}; check whether this react-dom still needs the fix`);
  }
  return source.replace(
    REPLAY_HOST,
    (_, head, fiber, tail) =>
      `${head}      // Back to the hydration state from before this element claimed its DOM node (react#35494).\n` +
      `      if (${fiber} === hydrationParentFiber) {\n` +
      `        popToNextHostParent(${fiber});\n` +
      `        if (!isHydrating) isHydrating = true;\n` +
      `        else if (null !== ${fiber}.stateNode) nextHydratableInstance = ${fiber}.stateNode;\n` +
      `      }\n${tail}`,
  );
};
