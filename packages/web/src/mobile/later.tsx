// Hydrating a page the server drew, a part at a time (docs/PERFORMANCE.md, "回音壁 taken over, not drawn again").
// 回音壁 arrives drawn with its data (firstFrame.tsx `renderPage`); the public build then takes that markup over as it is
// (public.tsx, Preact's `hydrate`) instead of drawing the page a second time. Taking a page over is still a render of
// every component in it, and on a slow phone that one task was the longest of the load. The parts wrapped in <Later>
// (the phone frame's bar and tab bar, the wall's cards, the report form's cards) keep the server's markup as it is and
// are taken over one per task after the rest: Preact leaves a part that suspends while hydrating on screen and resumes
// it when its promise settles. The page stays inert until the last part is taken over (public.tsx).
//
// Anywhere else (a page rendered in the browser, the full app's React, the server's render) <Later> is its children.
import { Suspense, useState, type ReactNode } from 'react';

let hydrating = false;
let lastTurn: Promise<void> = Promise.resolve();
const settled = new WeakSet<Promise<void>>();

/**
 * Runs `hydrate` (a synchronous take-over of the server's markup): the <Later> parts it meets wait for a task each;
 * `done` runs in the task after the last of them.
 */
export function hydrateInTurns(hydrate: () => void, done: () => void): void {
  hydrating = true;
  try {
    hydrate();
  } finally {
    hydrating = false;
  }
  void lastTurn.then(() => setTimeout(done, 0));
}

/** The next turn: one task after the one before it (each turn's render runs in the task its timer starts). */
function nextTurn(): Promise<void> {
  const turn = lastTurn.then(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  void turn.then(() => settled.add(turn));
  lastTurn = turn;
  return turn;
}

function Wait({ until, children }: { until: Promise<void> | null; children: ReactNode }) {
  if (until && !settled.has(until)) throw until;
  return <>{children}</>;
}

/** A part taken over in a task of its own when the page is hydrated; its children must be a single element. */
export function Later({ children }: { children: ReactNode }) {
  const [until] = useState(() => (hydrating ? nextTurn() : null));
  return (
    <Suspense fallback={null}>
      <Wait until={until}>{children}</Wait>
    </Suspense>
  );
}
