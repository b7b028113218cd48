/** The ability the cockpit's routes ask for (routes.tsx), and the server's drawing of its heading (mobile/firstFrame.tsx). */
export const COCKPIT_ABILITY = 'cockpit.read';
