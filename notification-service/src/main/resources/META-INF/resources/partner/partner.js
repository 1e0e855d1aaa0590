// The partner's page: my organisation's open tasks (nearest deadline first, kept live by the alliance's task feed),
// acting on them, the resident's phone while we lead an open task, and our patrols during a weather warning.
import { $, h, field, options } from '../console/dom.js';
import { api, baseOf, token } from '../console/api.js';
import { categoryName, lang, when } from '../console/i18n.js';
import { onSubmit, text } from '../console/forms.js';
import { keepingDrafts, showError, start } from '../field/shell.js';
import { address, w } from '../field/words.js';

const state = { tasks: [], patrols: [], requests: new Map(), phones: new Map(), open: new Set(), timer: null,
  community: '' };
const OPEN = ['ASSIGNED', 'ACKNOWLEDGED', 'IN_PROGRESS'];
const items = (answer) => (Array.isArray(answer) ? answer : answer?.items || []);

/** The task's community by name (zh or en): an organisation serving several communities sees whose each task is. */
const communityName = (c) => (!c ? '' : (lang.current === 'en' ? c.nameEn || c.name : c.name) || c.id);
/** A task's or a patrol's community as a tag on its card. */
const communityTag = (c) => (c ? h('span', { class: 'tag community', dataset: { community: c.id } }, communityName(c)) : null);

/** The deadline that matters now: acknowledging while unacknowledged, then completing. */
const due = (task) => (task.status === 'ASSIGNED' ? task.acknowledgeBy : task.completeBy) || task.completeBy;

/** Every open task of ours (a busy organisation has more than one page of them). */
async function openTasks() {
  const all = [];
  for (let page = 0; page < 10; page += 1) {
    const answer = await api('alliance', `/api/partners/me/tasks?open=true&size=100&page=${page}`);
    all.push(...items(answer));
    if (Array.isArray(answer) || items(answer).length < 100) break;
  }
  return all;
}

async function refresh() {
  const [tasks, patrols] = await Promise.all([openTasks(), api('alliance', '/api/patrols?size=50')]);
  state.tasks = tasks.filter((t) => OPEN.includes(t.status))
    .sort((a, b) => String(due(a) || '9').localeCompare(String(due(b) || '9')));
  state.patrols = items(patrols).filter((p) => p.status === 'ASSIGNED' || p.status === 'IN_PROGRESS');
  render();
}

const refreshSoon = () => {
  clearTimeout(state.timer);
  state.timer = setTimeout(() => refresh().catch(showError), 200);
};

/** A form that posts and then refreshes the list; a refusal is shown beside its field (forms.js). */
function actionForm(name, fields, send) {
  const form = h('form', { class: 'act', dataset: { action: name } }, ...fields, h('button', { type: 'submit' }, w('send')));
  return onSubmit(form, send, () => { form.reset(); return refresh(); });
}

function taskActions(task) {
  const path = `/api/tasks/${task.id}`;
  const post = (action, body) => api('alliance', `${path}/${action}`, { method: 'POST', body });
  const note = (required) => field(w(required ? 'reason' : 'note'),
    h('textarea', { name: 'note', rows: 2, maxlength: 1000 }));
  const list = [];
  if (task.status === 'ASSIGNED') {
    list.push(h('div', { class: 'buttons' }, h('button', {
      type: 'button', class: 'primary', dataset: { action: 'acknowledge' },
      onclick: (e) => { e.target.disabled = true; post('acknowledge', {}).then(refresh).catch(showError).finally(() => { e.target.disabled = false; }); },
    }, w('acknowledge'))));
  }
  const disclosure = (key, content) => h('details', { dataset: { form: key, key: `${task.id}:${key}` }, open: state.open.has(`${task.id}:${key}`),
    ontoggle: (e) => (e.target.open ? state.open.add(`${task.id}:${key}`) : state.open.delete(`${task.id}:${key}`)) },
  h('summary', {}, w(key)), content);
  if (task.status !== 'ASSIGNED') {
    list.push(disclosure('progress', actionForm('progress', [note(false)], (d) => post('progress', { note: text(d, 'note') }))));
    list.push(disclosure('complete', actionForm('complete', [note(false)], (d) => post('complete', { note: text(d, 'note') }))));
  }
  if (task.status !== 'IN_PROGRESS') {
    list.push(disclosure('decline', actionForm('decline', [note(true)], (d) => post('decline', { note: text(d, 'note') }))));
  }
  return list;
}

/** The request's details (request-service lets a party on it read it) and, for the lead, the resident's phone. */
function requestPart(task) {
  const request = state.requests.get(task.requestId);
  const body = h('div', { class: 'request' });
  if (request) {
    body.append(h('p', { class: 'meta' }, `${w('place')}: ${address(request.building, request.unit, request.household, request.place)}`));
    if (request.description) body.append(h('p', { class: 'description' }, request.description));
  }
  const phone = state.phones.get(task.requestId);
  if (phone) {
    body.append(h('p', { class: 'phone' }, `${w('phone')}: `, h('a', { href: `tel:${phone}` }, phone)),
      h('p', { class: 'hint' }, w('phoneAudited')));
  } else if (task.role === 'LEAD' && OPEN.includes(task.status)) {
    body.append(actionForm('phone', [field(w('phoneReason'), h('input', { name: 'reason', maxlength: 200 }))], async (d) => {
      const reason = text(d, 'reason');
      const answer = await api('requests', `/api/requests/${task.requestId}/contact${reason ? `?reason=${encodeURIComponent(reason)}` : ''}`);
      state.phones.set(task.requestId, answer.phone);
    }));
  }
  return h('details', { dataset: { form: 'details', key: `${task.id}:details` }, open: state.open.has(`${task.id}:details`),
    ontoggle: (e) => {
      if (!e.target.open) { state.open.delete(`${task.id}:details`); return; }
      state.open.add(`${task.id}:details`);
      if (!state.requests.has(task.requestId)) {
        api('requests', `/api/requests/${task.requestId}`).then((r) => { state.requests.set(task.requestId, r); render(); }).catch(showError);
      }
    } }, h('summary', {}, w('details')), body);
}

function taskCard(task) {
  const deadline = due(task);
  const late = task.overdue || (deadline && new Date(deadline) < new Date());
  return h('li', { class: `card${late ? ' overdue' : ''}`, dataset: { task: task.id, request: task.requestId } },
    h('h3', {}, `${categoryName(task.category)} · ${address(task.building)}`,
      communityTag(task.community),
      h('span', { class: `tag${task.role === 'LEAD' ? ' lead' : ''}` }, w(task.role === 'LEAD' ? 'lead' : 'support')),
      h('span', { class: 'tag', dataset: { status: task.status } }, w('statuses')[task.status] || task.status),
      late ? h('span', { class: 'tag red' }, w('overdue')) : null,
      task.escalationLevel > 0 ? h('span', { class: 'tag red' }, w('escalated')(task.escalationLevel)) : null),
    h('p', { class: 'meta' }, `${w(task.status === 'ASSIGNED' ? 'ackBy' : 'completeBy')}: ${when(deadline)}`),
    task.note ? h('p', { class: 'meta' }, task.note) : null,
    requestPart(task),
    ...taskActions(task));
}

function checkForm(patrol, check) {
  const result = h('select', { name: 'result' }, options([['OK', w('ok')], ['PROBLEM', w('problem')]], 'OK'));
  return actionForm('check', [
    field(w('result'), result),
    field(w('note'), h('input', { name: 'note', maxlength: 500 })),
    field(w('category'), h('select', { name: 'category' }, h('option', { value: '' }, '—'),
      options(['water-leak', 'blocked-drain', 'safety-risk', 'old-wiring', 'lift-fault', 'broken-handrail'].map((c) => [c, categoryName(c)])))),
    field(w('description'), h('textarea', { name: 'description', rows: 2, maxlength: 1000 })),
  ], (d) => api('alliance', `/api/patrols/${patrol.id}/report`, { method: 'POST', body: { checks: [{
    position: check.position, result: d.get('result'), note: text(d, 'note'), category: text(d, 'category'),
    description: text(d, 'description'),
  }] } }));
}

/** What a checkpoint asks, in the page's language (a checklist a worker typed reads the same in both). */
const checkItem = (c) => (lang.current === 'en' ? c.itemEn || c.item : c.item) || '';

function patrolCard(patrol) {
  return h('li', { class: 'card', dataset: { patrol: patrol.id, riskPoint: patrol.riskPointId } },
    h('h3', {}, patrol.riskPointName || patrol.riskPointId, communityTag(patrol.community),
      h('span', { class: 'tag' }, w('statuses')[patrol.status] || patrol.status)),
    h('p', { class: 'meta' }, w('patrolStatus')(patrol)),
    h('ol', { class: 'checks' }, (patrol.checks || []).map((c) => (c.result
      ? h('li', { class: 'done', dataset: { position: c.position } }, `${checkItem(c) || w('checkpoint')} — ${c.result === 'OK' ? w('ok') : w('problem')}${c.note ? `（${c.note}）` : ''}`)
      : h('li', { dataset: { position: c.position } }, h('details', { dataset: { form: 'check', key: `${patrol.id}:${c.position}` }, open: state.open.has(`${patrol.id}:${c.position}`),
        ontoggle: (e) => (e.target.open ? state.open.add(`${patrol.id}:${c.position}`) : state.open.delete(`${patrol.id}:${c.position}`)) },
      h('summary', {}, `${w('checkpoint')} ${c.position + 1}: ${checkItem(c)}`), checkForm(patrol, c)))))));
}

/** What the page shows open right now is what stays open: a click's toggle event may not have arrived yet. */
function keepOpen() {
  document.querySelectorAll('#app details[data-key]').forEach((d) => {
    if (d.open) state.open.add(d.dataset.key); else state.open.delete(d.dataset.key);
  });
}

/**
 * An organisation serving several communities picks one (or all) above its tasks; each choice shows how many open
 * tasks it holds. One community's tasks: no choice to make, nothing shown.
 */
function communityChoice() {
  const byId = new Map();
  state.tasks.forEach((t) => { if (t.community) byId.set(t.community.id, { community: t.community, n: (byId.get(t.community.id)?.n || 0) + 1 }); });
  if (byId.size < 2) {
    state.community = '';
    return [];
  }
  if (state.community && !byId.has(state.community)) state.community = '';
  const choice = (id, label, n) => h('button', { type: 'button', class: 'choice', dataset: { community: id },
    'aria-pressed': String(state.community === id), onclick: () => { state.community = id; render(); } }, `${label} ${n}`);
  return [choice('', w('allCommunities'), state.tasks.length),
    ...[...byId.values()].map(({ community, n }) => choice(community.id, communityName(community), n))];
}

const render = keepingDrafts($('app'), () => {
  keepOpen();
  $('communities').replaceChildren(...communityChoice());
  $('communities').hidden = !$('communities').children.length;
  $('communities').setAttribute('aria-label', w('communities'));
  const shown = state.tasks.filter((t) => !state.community || t.community?.id === state.community);
  $('tasks').replaceChildren(...(shown.length ? shown.map(taskCard) : [h('li', { class: 'empty' }, w('noTasks'))]));
  $('patrols').replaceChildren(...(state.patrols.length ? state.patrols.map(patrolCard) : [h('li', { class: 'empty' }, w('noPatrols'))]));
});

/**
 * The task feed is SSE with a bearer header, which EventSource cannot send: it is read with fetch as a stream. Every
 * event reads the list again (the feed carries no contact details). After a drop it reconnects with the id of the
 * last event it saw as Last-Event-ID, so the feed replays what happened meanwhile; before any event there is no id to
 * resume from, and the list is read again instead.
 */
const feed = { lastEventId: null };

/** The events complete in the buffer (a blank line ends each); the rest stays for the next chunk. */
function takeEvents(buffer) {
  const blocks = buffer.split(/\r?\n\r?\n/);
  const rest = blocks.pop();
  blocks.forEach((block) => {
    const id = block.split(/\r?\n/).find((line) => line.startsWith('id:'));
    if (id) feed.lastEventId = id.slice(3).trim();
  });
  $('live').dataset.lastEventId = feed.lastEventId || '';
  return { rest, any: blocks.some((block) => /^data:/m.test(block)) };
}

async function follow() {
  try {
    const headers = { Authorization: `Bearer ${token()}`, Accept: 'text/event-stream' };
    if (feed.lastEventId) headers['Last-Event-ID'] = feed.lastEventId;
    const response = await fetch(`${baseOf('alliance')}/api/partners/me/feed`, { headers });
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
    $('live').textContent = `● ${w('live')}`;
    $('live').dataset.resumedFrom = feed.lastEventId || '';
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      const { rest, any } = takeEvents(buffer + value);
      buffer = rest;
      if (any) refreshSoon();
    }
  } catch (error) {
    // a dropped stream is retried below
  }
  $('live').textContent = `○ ${w('offline')}`;
  setTimeout(() => { if (!feed.lastEventId) refresh().catch(showError); follow(); }, 3000);
}

start({
  storageKey: 'gongzhi.token.partner',
  begin: async () => { await refresh(); follow(); },
  redraw: () => { render(); $('live').textContent = `● ${w('live')}`; },
});
