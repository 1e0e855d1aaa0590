// A request's detail, in a dialog: where it stands and why (the late explanation), its timeline, the tasks per party
// with their clocks and escalation, volunteer offers, internal notes, possible duplicates side by side, the
// resident's phone on demand, and every action a dispatcher takes on it (see actions.js).
import { $, h } from './dom.js';
import { api } from './api.js';
import { t, categoryName, place, when } from './i18n.js';
import { countdown } from './board.js';
import { entryText, standing } from './entries.js';
import { requestActions, taskActions, duplicateActions, phoneForm, noteForm } from './actions.js';

const detail = { id: null, changed: () => {} };

const row = (label, value) => (value ? [h('dt', {}, label), h('dd', {}, value)] : []);

function summary(r) {
  return h('dl', { class: 'facts' },
    ...row(t('status'), h('span', { class: 'status' }, t('statuses')[r.status] || r.status)),
    ...row(t('category'), categoryName(r.category)),
    ...row(t('building'), [place(r.building, r.unit), r.household, r.place].filter(Boolean).join(' ')),
    ...row(t('urgency'), t('urgencies')[r.urgency] || r.urgency),
    ...row(t('channel'), t('channels')[r.channel] || r.channel),
    ...row(t('hotlineTicket'), r.hotlineTicket),
    ...row(t('deadline'), r.resolveBy ? `${when(r.resolveBy)} · ${countdown(r.resolveBy)[0]}` : null));
}

function lateness(r) {
  if (!r.deadline) return null;
  return h('p', { id: 'detail-deadline', class: r.deadline.late ? 'explanation late' : 'explanation' },
    h('strong', {}, r.deadline.late ? t('late') : t('onTime')), ' ', standing(r.deadline));
}

function timeline(r) {
  return h('section', { 'aria-labelledby': 'detail-timeline' }, h('h3', { id: 'detail-timeline' }, t('timeline')),
    h('ol', { class: 'timeline' }, ...r.timeline.map((e) => h('li', { class: e.visibility === 'INTERNAL' ? 'internal' : null,
      dataset: { kind: e.kind } }, h('time', { datetime: e.at }, when(e.at)), ' ',
    e.visibility === 'INTERNAL' ? h('span', { class: 'tag' }, t('internal')) : null, ' ', entryText(e, r.deadline)))));
}

function tasks(r, organisations) {
  const rows = r.tasks.map((task) => {
    const [ackLeft, ackLate] = countdown(task.acknowledgeBy);
    const [doneLeft, doneLate] = countdown(task.completeBy);
    const open = !['COMPLETED', 'DECLINED', 'CANCELLED'].includes(task.status);
    return h('li', { class: 'task', dataset: { task: task.taskId, organisation: task.organisationId } },
      h('p', {}, h('strong', {}, task.organisationName || task.organisationId), ` · ${t('roles')[task.role] || task.role}`,
        ` · ${t('taskStatuses')[task.status] || task.status}`),
      open ? h('p', { class: 'clocks' },
        task.status === 'ASSIGNED' && task.acknowledgeBy
          ? h('span', { class: ackLate ? 'late' : null }, `${t('acknowledgeBy')} ${when(task.acknowledgeBy)} (${ackLeft})`) : null,
        task.completeBy ? h('span', { class: doneLate ? 'late' : null }, ` ${t('completeBy')} ${when(task.completeBy)} (${doneLeft})`) : null,
        h('span', { class: task.escalationLevel ? 'escalated' : null, dataset: { escalation: String(task.escalationLevel) } },
          ` · ${t('escalation')}: ${t('escalationLevel')(task.escalationLevel)}`)) : null,
      open ? taskActions(task, organisations, reload) : null);
  });
  return h('section', { 'aria-labelledby': 'detail-tasks' }, h('h3', { id: 'detail-tasks' }, t('tasks')),
    h('ul', { class: 'plain tasks' }, ...rows));
}

function offers(matching) {
  const list = matching ? matching.offers.map((o) => h('li', { dataset: { offer: o.id } },
    `${o.volunteerId} · ${t('offerStatuses')[o.status] || o.status}${o.progressNote ? ` · ${o.progressNote}` : ''}`)) : [];
  return h('section', { 'aria-labelledby': 'detail-offers' }, h('h3', { id: 'detail-offers' }, t('offers')),
    list.length ? h('ul', { class: 'plain' }, ...list) : h('p', { class: 'hint' }, t('noOffers')));
}

function notes(r) {
  const internal = r.timeline.filter((e) => e.visibility === 'INTERNAL');
  return h('section', { 'aria-labelledby': 'detail-notes' }, h('h3', { id: 'detail-notes' }, t('notes')),
    internal.length ? h('ul', { class: 'plain notes' }, ...internal.map((e) => h('li', {}, h('time', { datetime: e.at }, when(e.at)),
      ` ${e.actor ? `${e.actor}: ` : ''}${e.text}`))) : h('p', { class: 'hint' }, t('noNotes')),
    noteForm(r, reload));
}

function card(r, heading) {
  return h('article', { class: 'card', dataset: { request: r.id } }, h('h4', {}, heading),
    h('p', {}, `${place(r.building, r.unit)} ${categoryName(r.category)} · ${t('statuses')[r.status] || r.status}`),
    h('p', { class: 'description' }, r.description), h('p', { class: 'hint' }, when(r.createdAt)));
}

function duplicates(r, candidates) {
  return h('section', { 'aria-labelledby': 'detail-duplicates' }, h('h3', { id: 'detail-duplicates' }, t('duplicates')),
    candidates.length ? h('ul', { class: 'plain' }, ...candidates.map((c) => h('li', { class: 'side-by-side', dataset: { duplicate: c.id } },
      card(r, t('thisOne')), card(c, t('duplicateOf')(c.id)), duplicateActions(r, c, reload))))
      : h('p', { class: 'hint' }, t('noDuplicates')));
}

async function candidatesOf(r) {
  if (!r.building || !r.category) return [];
  const query = new URLSearchParams({ building: r.building, category: r.category, size: '20' });
  const page = await api('requests', `/api/requests?${query}`);
  const open = page.items.filter((c) => c.id !== r.id && !['RESOLVED', 'CLOSED', 'WITHDRAWN', 'REJECTED', 'MERGED'].includes(c.status));
  return Promise.all(open.slice(0, 3).map((c) => api('requests', `/api/requests/${c.id}`)));
}

const cache = { organisations: null };
async function organisations() {
  if (!cache.organisations) cache.organisations = await api('alliance', '/api/organisations');
  return cache.organisations;
}

async function render() {
  const id = detail.id;
  const [r, orgs] = await Promise.all([api('requests', `/api/requests/${id}`), organisations()]);
  const matching = r.tracks.includes('VOLUNTEERS') ? await api('volunteers', `/api/matchings/${id}`).catch(() => null) : null;
  const candidates = await candidatesOf(r).catch(() => []);
  if (id !== detail.id) return;
  $('detail-title').textContent = `${t('detail')} · ${place(r.building, r.unit)} ${categoryName(r.category)}`;
  $('detail-body').replaceChildren(h('div', { class: 'detail-grid', dataset: { request: r.id, status: r.status } },
    h('div', { class: 'detail-main' }, summary(r), h('p', { class: 'description' }, r.description), lateness(r),
      phoneForm(r), timeline(r)),
    h('div', { class: 'detail-side' }, requestActions(r, orgs, candidates, reload), tasks(r, orgs), offers(matching),
      notes(r), duplicates(r, candidates))));
}

async function reload() {
  await render();
  detail.changed();
}

export async function openRequest(id) {
  detail.id = id;
  const dialog = $('detail');
  $('detail-body').replaceChildren(h('p', { class: 'hint' }, '…'));
  if (!dialog.open) dialog.showModal();
  await render();
}

export function bindDetail(changed) {
  detail.changed = changed;
  $('detail-close').addEventListener('click', () => $('detail').close());
  $('detail').addEventListener('close', () => { detail.id = null; });
}

/**
 * Redraws an open detail (another language, or an event about it) — but not under the hands of a worker who is
 * filling in one of its forms: their own submit redraws it.
 */
export function refreshDetail(requestId) {
  const typing = $('detail-body').contains(document.activeElement)
    && ['INPUT', 'TEXTAREA', 'SELECT'].includes(document.activeElement.tagName);
  if (detail.id && !typing && (!requestId || requestId === detail.id)) render().catch(() => {});
}
