// The dispatcher's console: signs in, wires the views together and follows the live stream.
import { $ } from './dom.js';
import { api, configure, signIn, token } from './api.js';
import { lang, setLanguage, t, translatePage, learnCategories } from './i18n.js';
import { board, bindBoard, refreshBoard, renderBoard, renderPanels, CLOSED } from './board.js';
import { bindFeed, refreshFeed, renderFeed } from './feed.js';
import { connect, renderLive } from './stream.js';
import { bindDetail, openRequest, refreshDetail } from './detail.js';
import { bindIntake, renderIntake } from './intake.js';
import { bindVisits, refreshVisits } from './visits.js';
import { refreshWarnings } from './warnings.js';
import { refreshEstate } from './estate.js';

const VIEWS = { board: null, intake: renderIntake, visits: refreshVisits, warnings: refreshWarnings, estate: refreshEstate };
const view = { current: 'board', timer: null };

function showError(error) {
  const box = $('errors');
  box.textContent = String(error.message || error);
  box.hidden = false;
  setTimeout(() => { box.hidden = true; }, 5000);
}

const open = (id) => openRequest(id).catch(showError);

async function refreshAll() {
  await Promise.all([refreshBoard(), refreshFeed()]);
}

/** Every event may move a rate, a party's workload, a warning or the request open in the detail: redraw soon. */
function scheduleRefresh(requestId) {
  clearTimeout(view.timer);
  view.timer = setTimeout(() => {
    refreshAll().catch(showError);
    if (view.current === 'visits' || view.current === 'warnings') VIEWS[view.current]().catch(showError);
    refreshDetail(requestId);
  }, 150);
}

function onEvent(event) {
  if (event.type.startsWith('gongzhi.request.')) board.fresh.add(event.subject);
  // a new request may be ranked beyond the page shown: say so until it is on one
  if (event.type === 'gongzhi.request.submitted.v1') board.unseen.set(event.subject, event.data?.building ?? null);
  if (event.type === 'gongzhi.request.status-changed.v1' && CLOSED.has(event.data?.to)) board.unseen.delete(event.subject);
  scheduleRefresh(event.data?.requestId || event.subject);
}

function show(name) {
  view.current = name;
  document.querySelectorAll('[data-view]').forEach((section) => { section.hidden = section.dataset.view !== name; });
  document.querySelectorAll('#nav button').forEach((b) => b.setAttribute('aria-current', String(b.dataset.show === name)));
  if (VIEWS[name]) Promise.resolve(VIEWS[name]()).catch(showError);
}

function applyLanguage() {
  translatePage();
  $('lang').textContent = t('switchTo');
  renderLive();
  if (!token()) return;
  renderBoard();
  renderPanels();
  renderFeed();
  if (view.current !== 'board') show(view.current);
  refreshDetail();
}

function showLogin() {
  $('console').hidden = true;
  $('login').hidden = false;
  $('token').focus();
}

async function start(worker) {
  signIn(worker);
  $('login').hidden = true;
  $('console').hidden = false;
  api('requests', '/api/categories').then((list) => { learnCategories(list); }).catch(() => {});
  await refreshAll();
  await connect(onEvent, showError);
}

$('lang').addEventListener('click', () => {
  setLanguage(lang.current === 'en' ? 'zh-CN' : 'en');
  applyLanguage();
});
document.querySelectorAll('#nav button').forEach((b) => b.addEventListener('click', () => show(b.dataset.show)));
$('login-form').addEventListener('submit', (e) => { e.preventDefault(); start($('token').value.trim()).catch(showError); });
board.openRequest = open;
bindBoard(showError);
bindFeed(open);
bindDetail(() => refreshAll().catch(showError));
bindIntake(open);
bindVisits(open, () => refreshAll().catch(showError));

// a token in the fragment (./gongzhi up prints such a link) never reaches a server log; keep it for this tab only
const fromFragment = new URLSearchParams(location.hash.slice(1)).get('token');
if (fromFragment) history.replaceState(null, '', location.pathname);
const saved = fromFragment || sessionStorage.getItem('gongzhi.token');
applyLanguage();
configure(showLogin).then(() => {
  if (saved) return start(saved);
  // the local run may hand out a worker session (gongzhi.dashboard.dev-login); otherwise a token is pasted
  return fetch('/api/dev/session').then((r) => (r.ok ? r.json() : null))
    .then((s) => (s ? start(s.token) : showLogin()), () => showLogin());
}).catch(showError);
