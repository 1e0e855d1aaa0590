// Calls to the four services with the worker's bearer token. request-, alliance- and volunteer-service are other
// origins in the local run (CORS allows the console's origin); their base URLs come from /api/console/config.

import { lang } from './i18n.js';

const session = { token: null, bases: { notifications: '', requests: '', alliance: '', volunteers: '' }, onSignedOut: () => {},
  storageKey: 'gongzhi.token' };

/** The sessionStorage key that keeps the token: each page (console, partner, volunteer, resident) its own, so roles never clobber each other. */
export function useStorageKey(key) {
  session.storageKey = key;
}

/** A service's base URL, for a call api() cannot make (a stream read with fetch). */
export const baseOf = (service) => session.bases[service];

/** A refusal: the problem+json body, with per-field errors when the service named fields. */
export class Problem extends Error {
  constructor(status, body) {
    super(body?.detail || body?.title || `HTTP ${status}`);
    this.status = status;
    this.errors = Array.isArray(body?.errors) ? body.errors : [];
  }
}

export async function configure(onSignedOut) {
  session.onSignedOut = onSignedOut;
  const response = await fetch('/api/console/config');
  if (!response.ok) throw new Error(`HTTP ${response.status} on /api/console/config`);
  const settings = await response.json();
  session.bases.requests = settings.requestApi;
  session.bases.alliance = settings.allianceApi;
  session.bases.volunteers = settings.volunteerApi;
}

export function signIn(token) {
  session.token = token;
  sessionStorage.setItem(session.storageKey, token);
}

export const token = () => session.token;

/** api('requests', '/api/requests/…', {method, body}) → the JSON answer (null for 204); throws a Problem. */
export async function api(service, path, { method = 'GET', body, headers = {} } = {}) {
  // the services write refusals in the reader's language (platform's ProblemLanguage): the page's, not the browser's
  const init = { method, headers: { Authorization: `Bearer ${session.token}`, Accept: 'application/json',
    'Accept-Language': lang.current === 'en' ? 'en' : 'zh-CN', ...headers } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(`${session.bases[service]}${path}`, init);
  if (response.status === 401) {
    sessionStorage.removeItem(session.storageKey);
    session.onSignedOut();
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    throw new Problem(response.status, problem);
  }
  return response.status === 204 ? null : response.json();
}
