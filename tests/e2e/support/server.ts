/** Set by global-setup (a free port per run, so parallel runs never collide). */
export const BASE_URL = process.env.JV_E2E_BASE_URL ?? 'http://127.0.0.1:3100';
export const DEMO_PASSWORD = 'jv-demo-password';
