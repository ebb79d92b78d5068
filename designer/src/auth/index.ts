export { LoginPage } from './login-page.js';
export { SessionProvider, useSession, useUser, type Session } from './session-context.js';
