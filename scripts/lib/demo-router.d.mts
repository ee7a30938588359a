/** The demo's Gmail router with its routes and rows filled in, as `npm start` injects it. */
export function demoRouterScript(): string;
