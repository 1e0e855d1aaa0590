// The resident's page: signs in with the resident's token (kept under its own key), four views, zh-CN / English.
import { $ } from '../console/dom.js';
import { configure, signIn, token, useStorageKey, api } from '../console/api.js';
import { lang, setLanguage, t, translatePage, learnCategories, learnWords } from '../console/i18n.js';
import { redrawKeepingDrafts } from '../console/forms.js';
import { WORDS } from './words.js';
import { renderReport, renderMine, refreshOpenRequest, learnPlaces } from './requests.js';
import { renderNotices, renderHall } from './more.js';

learnWords(WORDS);
useStorageKey('gongzhi.token.resident');

const VIEWS = { report: renderReport, mine: renderMine, notices: renderNotices, hall: renderHall };
const view = { current: 'report' };

export function showError(error) {
  const box = $('errors');
  box.textContent = String(error.message || error);
  box.hidden = false;
  setTimeout(() => { box.hidden = true; }, 5000);
}

export function show(name, ...args) {
  view.current = name;
  document.querySelectorAll('[data-view]').forEach((section) => { section.hidden = section.dataset.view !== name; });
  document.querySelectorAll('#nav button').forEach((b) => b.setAttribute('aria-current', String(b.dataset.show === name)));
  return Promise.resolve(VIEWS[name]($(name), ...args)).catch(showError);
}

function applyLanguage() {
  translatePage();
  $('lang').textContent = t('switchTo');
  // the view is drawn again in the other language with whatever was being typed in its forms
  if (token()) redrawKeepingDrafts($('app'), () => show(view.current));
}

function showLogin() {
  $('app').hidden = true;
  $('login').hidden = false;
  $('token').focus();
}

async function start(resident) {
  signIn(resident);
  $('login').hidden = true;
  $('app').hidden = false;
  await api('requests', '/api/categories').then(learnCategories).catch(() => {});
  await api('requests', '/api/estate/places').then(learnPlaces).catch(() => {});
  await show(view.current);
}

$('lang').addEventListener('click', () => {
  setLanguage(lang.current === 'en' ? 'zh-CN' : 'en');
  applyLanguage();
});
document.querySelectorAll('#nav button').forEach((b) => b.addEventListener('click', () => show(b.dataset.show)));
$('login-form').addEventListener('submit', (e) => { e.preventDefault(); start($('token').value.trim()).catch(showError); });
// a request being followed is read again now and then: a party's work shows without reloading
setInterval(() => { if (view.current === 'mine') refreshOpenRequest().catch(() => {}); }, 5000);

// a token in the fragment (./gongzhi up prints such a link) never reaches a server log; keep it for this tab only
const fromFragment = new URLSearchParams(location.hash.slice(1)).get('token');
if (fromFragment) history.replaceState(null, '', location.pathname);
const saved = fromFragment || sessionStorage.getItem('gongzhi.token.resident');
applyLanguage();
configure(showLogin).then(() => (saved ? start(saved) : showLogin())).catch(showError);
