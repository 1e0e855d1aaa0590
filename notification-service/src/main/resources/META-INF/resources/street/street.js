// The street page (街道视图) of a sub-district office: its communities side by side (open, late and escalated requests,
// the three rates of this week with their rank and the change on last week), the warnings in force with patrol
// progress, and the parties' tasks across the communities. It reads one answer (GET /api/street/overview) and reads it
// again every REFRESH_MS: the dashboard's event stream is one community's, and the street's figures need no
// second-by-second freshness.
import { $, h } from '../console/dom.js';
import { api } from '../console/api.js';
import { lang } from '../console/i18n.js';
import { showError, start } from '../field/shell.js';
import { w } from '../field/words.js';

const REFRESH_MS = 15000;
const RATES = ['response', 'resolution', 'satisfaction'];
const state = { overview: null, timer: null };
const en = () => lang.current === 'en';
const nameOf = (c) => (en() ? c.nameEn : c.name) || c.id;
const percent = (rate) => (rate === null || rate === undefined ? w('noRate') : `${Math.round(rate * 100)}%`);

function rateCell(ranked) {
  const cell = h('td', { dataset: { rate: ranked === undefined ? '' : String(ranked.week.rate) } },
    h('span', { class: 'rate' }, percent(ranked.week.rate)));
  if (ranked.rank) cell.append(h('span', { class: ranked.rank === 1 ? 'rank first' : 'rank' }, w('rank')(ranked.rank)));
  if (ranked.change !== null && ranked.change !== undefined) {
    cell.append(h('span', { class: ranked.change > 0 ? 'change up' : ranked.change < 0 ? 'change down' : 'change' },
      w('vsLastWeek')(ranked.change)));
  }
  return cell;
}

const count = (n, kind) => h('td', { class: n ? kind : `${kind} zero` }, String(n));

function drawCommunities(communities) {
  const table = $('communities');
  table.replaceChildren();
  if (!communities.length) {
    table.append(h('tbody', {}, h('tr', {}, h('td', { class: 'empty' }, w('noCommunities')))));
    return;
  }
  table.append(h('thead', {}, h('tr', {}, h('th', {}, w('community')), h('th', {}, w('openRequests')),
    h('th', {}, w('lateRequests')), h('th', {}, w('escalatedRequests')), ...RATES.map((r) => h('th', {}, w(r))))));
  table.append(h('tbody', {}, communities.map((c) => h('tr', { dataset: { community: c.id } },
    h('th', { scope: 'row' }, nameOf(c)), count(c.requests.open, 'open'), count(c.requests.late, 'late'),
    count(c.requests.escalated, 'escalated'), ...RATES.map((r) => rateCell(c[r]))))));
}

function drawWarnings(communities) {
  const list = $('warnings');
  const cards = communities.flatMap((c) => c.warnings.map((x) => h('li', { class: 'card', dataset: { community: c.id } },
    h('p', { class: 'warning-title' }, `${nameOf(c)} · `,
      h('span', { class: `level-${String(x.level).toLowerCase()}` },
        `${w('warningLevels')[x.level] || x.level} ${w('warningTypes')[x.type] || x.type}`)),
    h('p', { class: 'meta' }, w('patrolProgress')(x.patrols)))));
  list.replaceChildren(...(cards.length ? cards : [h('li', { class: 'empty' }, w('noWarnings'))]));
}

function drawParties(parties, communities) {
  const names = new Map(communities.map((c) => [c.id, nameOf(c)]));
  const table = $('parties');
  table.replaceChildren();
  if (!parties.length) {
    table.append(h('tbody', {}, h('tr', {}, h('td', { class: 'empty' }, w('noParties')))));
    return;
  }
  table.append(h('thead', {}, h('tr', {}, h('th', {}, w('party')), h('th', {}, w('openTasks')),
    h('th', {}, w('lateTasks')), h('th', {}, w('doneTasks')), h('th', { class: 'shares' }, w('perCommunity')))));
  table.append(h('tbody', {}, parties.map((p) => h('tr', { dataset: { party: p.organisationId } },
    h('th', { scope: 'row' }, p.name || p.organisationId), count(p.open, 'open'), count(p.late, 'late'),
    count(p.done, 'done'),
    h('td', { class: 'shares' }, p.communities.map((s) => `${names.get(s.communityId) || s.communityId} ${s.open}/${s.late}/${s.done}`)
      .join(en() ? '; ' : '；'))))));
}

function draw() {
  const o = state.overview;
  if (!o) return;
  $('subdistrict').textContent = (en() ? o.nameEn : o.name) || '';
  drawCommunities(o.communities);
  drawWarnings(o.communities);
  drawParties(o.parties, o.communities);
  $('live').textContent = w('updated')(new Date(o.at).toLocaleTimeString(lang.current,
    { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: o.zone }));
}

async function refresh() {
  state.overview = await api('notifications', '/api/street/overview');
  draw();
}

start({
  storageKey: 'gongzhi.street.token',
  devSession: 'subdistrict',
  begin: async () => {
    await refresh();
    clearInterval(state.timer);
    state.timer = setInterval(() => refresh().catch(showError), REFRESH_MS);
  },
  redraw: draw,
});
