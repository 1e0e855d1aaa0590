// The board: the estate map, one page of the open requests with their countdowns, the warning banner, the three
// rates with their trend, the alliance's workload and the deliberation hall — all from notification-service's read models.
import { $, h } from './dom.js';
import { api } from './api.js';
import { t, categoryName, when } from './i18n.js';

// one page of the open requests at a time; the total says how many there are (of the building filtered)
const PAGE_SIZE = 100;
export const CLOSED = new Set(['RESOLVED', 'CLOSED', 'WITHDRAWN', 'REJECTED', 'MERGED']);
export const board = { requests: [], buildings: new Map(), filter: null, page: 0, total: 0, asked: 0,
  unseen: new Map(), fresh: new Set(), rates: null, workload: null, warnings: [], deliberation: null,
  openRequest: () => {} };

const percent = (rate) => (rate && rate.rate !== null ? `${(rate.rate * 100).toFixed(1)}%` : '—');

export function countdown(deadline) {
  if (!deadline) return ['', false];
  const ms = new Date(deadline).getTime() - Date.now();
  const abs = Math.abs(ms);
  const hours = Math.floor(abs / 3600000);
  const minutes = Math.floor((abs % 3600000) / 60000);
  // in the page's language: 3天1小时 / 3d 1h, 5小时07分 / 5h 07m, 12分钟 / 12m
  const span = hours >= 48 ? t('days')(Math.floor(hours / 24), hours % 24)
    : hours > 0 ? t('hours')(hours, String(minutes).padStart(2, '0')) : t('minutes')(minutes);
  return ms < 0 ? [t('overdue')(span), true] : [t('left')(span), false];
}

function requestsPath() {
  const query = new URLSearchParams({ page: String(board.page), size: String(PAGE_SIZE) });
  if (board.filter) query.set('building', board.filter);
  return `/api/dashboard/requests?${query}`;
}

export async function refreshBoard() {
  const asked = ++board.asked;
  const [requests, buildings] = await Promise.all([api('notifications', requestsPath()),
    api('notifications', '/api/dashboard/buildings')]);
  if (asked !== board.asked) return; // a newer refresh (another page or filter) is on its way
  if (requests.items.length === 0 && requests.total > 0 && board.page > 0) {
    // the page emptied as requests closed: show the last page there is
    board.page = Math.floor((requests.total - 1) / PAGE_SIZE);
    await refreshBoard();
    return;
  }
  board.requests = requests.items;
  board.total = requests.total;
  board.requests.forEach((r) => board.unseen.delete(r.id));
  board.buildings = new Map(buildings.map((b) => [b.building, b]));
  renderBoard();
  // the rates, the workload and the warnings are drawn when they come; the board does not wait for them
  const [rates, workload, warnings, deliberation] = await Promise.all([api('notifications', '/api/dashboard/rates'),
    api('notifications', '/api/dashboard/workload'), api('notifications', '/api/dashboard/warnings'),
    api('notifications', '/api/dashboard/deliberation')]);
  Object.assign(board, { rates, workload, warnings, deliberation });
  renderPanels();
}

const cell = (text, className) => h('td', { class: className }, text);

export function renderPanels() {
  const banner = $('warnings');
  banner.replaceChildren(...board.warnings.map((w) => h('p', { dataset: { warning: w.id } }, t('warning')(w),
    h('span', { class: 'patrols' }, ` · ${t('patrols')(w.patrols || { patrols: 0 })}`))));
  banner.hidden = board.warnings.length === 0;
  banner.dataset.level = board.warnings.length ? String(board.warnings[0].level).toLowerCase() : '';
  const kinds = ['response', 'resolution', 'satisfaction'];
  if (board.rates) {
    $('rates').tBodies[0].replaceChildren(...kinds.map((kind) => h('tr', {}, h('th', {}, t(kind)),
      ...['today', 'week', 'month'].map((period) => {
        const rate = board.rates[period][kind];
        return h('td', { class: 'num', dataset: { rate: `${kind}-${period}` }, title: `${rate.numerator} / ${rate.denominator}` },
          percent(rate));
      }))));
    const days = board.rates.trend;
    $('trend').replaceChildren(...kinds.map((kind) => {
      const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
      line.setAttribute('class', kind);
      line.setAttribute('points', days.map((d, i) => (d[kind].rate === null ? null
        : `${(10 + (i * 260) / Math.max(days.length - 1, 1)).toFixed(1)},${(75 - d[kind].rate * 70).toFixed(1)}`))
        .filter(Boolean).join(' '));
      return line;
    }));
  }
  if (board.workload) {
    const partyRates = new Map((board.rates ? board.rates.parties : []).map((p) => [p.organisationId, p]));
    $('workload').tBodies[0].replaceChildren(...board.workload.parties.map((p) => {
      const r = partyRates.get(p.organisationId) || {};
      return h('tr', { dataset: { party: p.organisationId } }, cell(p.name || p.organisationId),
        cell(String(p.open), 'num'), cell(String(p.overdue), p.overdue > 0 ? 'num late' : 'num'),
        cell(percent(r.response), 'num'), cell(percent(r.resolution), 'num'), cell(percent(r.satisfaction), 'num'));
    }));
    $('volunteers').textContent = t('volunteers')(board.workload.volunteers);
  }
  if (board.deliberation) renderHall(board.deliberation);
}

// the deliberation hall: open topics, votes in progress (closing time, eligible households), decisions' progress
function renderHall(hall) {
  const none = () => [h('li', {}, t('none'))];
  const topics = hall.topics.map((x) => h('li', { dataset: { topic: x.id } }, t('topic')(x),
    x.voting ? [' ', h('span', { class: 'tag' }, t('voting'))] : null));
  $('hall-topics').replaceChildren(...(topics.length ? topics : none()));
  $('hall-votes').tBodies[0].replaceChildren(...hall.votes.map((v) => {
    const [left, overdue] = countdown(v.closesAt);
    return h('tr', { dataset: { vote: v.id } }, cell(v.question || v.topicTitle || v.id),
      cell(`${when(v.closesAt)} · ${left}`, overdue ? 'late' : ''),
      cell(v.eligibleHouseholds === null ? '—' : String(v.eligibleHouseholds), 'num'));
  }));
  const decisions = hall.decisions.map((d) => h('li', { dataset: { decision: d.topicId } }, t('decision')(d),
    d.percentDone !== null ? [' ', h('progress', { max: 100, value: d.percentDone,
      'aria-label': `${d.title || d.topicId} ${d.percentDone}%` }), ' ', h('span', { class: 'pct' }, `${d.percentDone}%`)] : null));
  $('hall-decisions').replaceChildren(...(decisions.length ? decisions : none()));
}

export function renderBoard() {
  const map = $('map');
  map.replaceChildren();
  for (let n = 1; n <= 32; n += 1) {
    const code = String(n);
    const load = board.buildings.get(code);
    const open = load ? load.open : 0;
    map.append(h('button', { type: 'button', dataset: { building: code, level: String(open === 0 ? 0 : open === 1 ? 1 : open <= 3 ? 2 : 3) },
      'aria-pressed': String(board.filter === code), title: `${code}${t('bldg')} · ${open}`,
      onclick: () => showPage(0, board.filter === code ? null : code) }, open ? `${code} (${open})` : code));
  }
  $('clear-filter').hidden = !board.filter;
  // filtered here too, so a click shows at once what it asked for while the building's page loads
  const rows = board.requests.filter((r) => !board.filter || r.building === board.filter);
  $('count').textContent = String(board.total);
  renderPager();
  $('requests').replaceChildren(...rows.map((r) => {
    const [left, overdue] = countdown(r.nextDeadline || r.resolveBy);
    const open = h('button', { type: 'button', class: 'link', onclick: () => board.openRequest(r.id) }, categoryName(r.category));
    const tr = h('tr', { dataset: { request: r.id }, class: [overdue ? 'overdue' : '', board.fresh.has(r.id) ? 'fresh' : ''].join(' ').trim() || null },
      h('td', {}, open), cell(r.building ? `${r.building}${t('bldg')}` : '—'),
      cell(t('statuses')[r.status] || r.status, 'status'), cell(r.leadParty || '—'),
      cell(r.deadlineMovedAt ? `${left}${t('moved')}` : left, 'deadline'));
    tr.addEventListener('click', (e) => { if (e.target.tagName !== 'BUTTON') board.openRequest(r.id); });
    return tr;
  }));
  board.fresh.clear();
}

// "showing 101–200 of 612", the way to the other pages, and new requests that came in on none that is shown
function renderPager() {
  const from = board.page * PAGE_SIZE;
  const paged = board.page > 0 || board.total > board.requests.length;
  const unseen = [...board.unseen.values()].filter((b) => !board.filter || b === board.filter).length;
  $('range').textContent = paged ? t('range')(board.requests.length ? from + 1 : 0, from + board.requests.length,
    board.total) : '';
  $('unseen').textContent = unseen ? t('unseen')(unseen) : '';
  $('previous').hidden = !paged;
  $('next').hidden = !paged;
  $('previous').disabled = board.page === 0;
  $('next').disabled = from + board.requests.length >= board.total;
  $('pager').hidden = !paged && !unseen;
}

export function showPage(page, filter = board.filter) {
  board.page = page;
  board.filter = filter;
  renderBoard();
  return refreshBoard();
}

export function bindBoard(onError) {
  $('clear-filter').addEventListener('click', () => showPage(0, null).catch(onError));
  $('previous').addEventListener('click', () => showPage(Math.max(board.page - 1, 0)).catch(onError));
  $('next').addEventListener('click', () => showPage(board.page + 1).catch(onError));
  setInterval(renderBoard, 30000);
}
