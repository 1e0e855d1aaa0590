// What the partner and volunteer pages share: sign-in (the `#token=` link `./gongzhi up` prints, kept in this tab's
// sessionStorage under the page's own key), the language switch, and one place to show what went wrong.
import { $ } from '../console/dom.js';
import { configure, signIn, useStorageKey } from '../console/api.js';
import { lang, setLanguage } from '../console/i18n.js';
import { redrawKeepingDrafts } from '../console/forms.js';
import { w } from './words.js';

/**
 * draw() wrapped so that a redraw takes nothing from under the user's fingers: while a field of a form inside root
 * has the focus nothing is redrawn (an IME's composition, a half-typed number; it happens once the focus leaves), and
 * what was typed or chosen in any form, open or closed, is put back into the same card's same field afterwards
 * (forms.js) — whether the redraw comes from the feed, a timed read or the language switch. A form sent successfully
 * is reset first (the pages' actionForm), so its words do not come back.
 */
export function keepingDrafts(root, draw) {
  const redraw = () => {
    const active = document.activeElement;
    if (active && active.form && root.contains(active) && active.matches('input, textarea, select')) {
      redraw.pending = true;
      return;
    }
    redrawKeepingDrafts(root, draw);
  };
  document.addEventListener('focusout', () => {
    if (redraw.pending) { redraw.pending = false; setTimeout(redraw, 300); }
  });
  return redraw;
}

export function showError(error) {
  const box = $('errors');
  box.textContent = String(error.message || error);
  box.hidden = false;
  clearTimeout(showError.timer);
  showError.timer = setTimeout(() => { box.hidden = true; }, 6000);
}

/** Words of the static page: elements with data-w="key". */
function translate() {
  document.documentElement.lang = lang.current === 'en' ? 'en' : 'zh-CN';
  document.querySelectorAll('[data-w]').forEach((el) => { el.textContent = w(el.dataset.w); });
  $('lang').textContent = w('switchTo');
}

/**
 * start({storageKey, begin, redraw, devSession}): begin() once signed in, redraw() on a change of language. With
 * devSession (e.g. 'subdistrict'), a tab without a token asks the local demo's dev login for one of that kind
 * (/api/dev/session?as=…, off in production) before it shows the token form.
 */
export function start({ storageKey, begin, redraw, devSession }) {
  useStorageKey(storageKey);
  const signedIn = { yes: false };
  const showLogin = () => { $('app').hidden = true; $('login').hidden = false; $('token').focus(); };
  const go = async (token) => {
    signIn(token);
    $('login').hidden = true;
    $('app').hidden = false;
    signedIn.yes = true;
    await begin();
  };
  $('lang').addEventListener('click', () => {
    setLanguage(lang.current === 'en' ? 'zh-CN' : 'en');
    translate();
    if (signedIn.yes) redraw();
  });
  $('login-form').addEventListener('submit', (e) => { e.preventDefault(); go($('token').value.trim()).catch(showError); });
  const fromFragment = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromFragment) history.replaceState(null, '', location.pathname);
  const saved = fromFragment || sessionStorage.getItem(storageKey);
  translate();
  const fromDevLogin = () => fetch(`/api/dev/session?as=${encodeURIComponent(devSession)}`)
    .then((r) => (r.ok ? r.json() : null))
    .then((s) => (s ? go(s.token) : showLogin()), () => showLogin());
  configure(showLogin).then(() => (saved ? go(saved) : devSession ? fromDevLogin() : showLogin())).catch(showError);
}
