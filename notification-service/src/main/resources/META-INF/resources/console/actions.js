// What a dispatcher does to a request and its tasks. Each action is a small form; a refusal is shown next to the field
// it names (forms.js). request-service: acknowledge, merge, triage, reject, notes, contact; the deliberation hall takes
// a topic; alliance-service: reassign a task, move its deadline, add a responder.
import { h, field, options } from './dom.js';
import { api } from './api.js';
import { t, categoryCodes, categoryName } from './i18n.js';
import { onSubmit, instant, text } from './forms.js';

const TRACKS = ['ALLIANCE', 'VOLUNTEERS', 'DELIBERATION'];
const URGENCIES = ['URGENT', 'HIGH', 'NORMAL', 'LOW'];

/** An action behind a disclosure: a <details> whose summary names it and whose body is its form. */
function action(name, label, form) {
  return h('details', { class: 'action', dataset: { action: name } }, h('summary', {}, label), form);
}

const input = (name, attributes = {}) => h('input', { name, ...attributes });
const textarea = (name, attributes = {}) => h('textarea', { name, rows: 2, ...attributes });
const select = (name, pairs, selected, attributes = {}) => h('select', { name, ...attributes }, ...options(pairs, selected));
const submit = (label) => h('button', { type: 'submit' }, label);
const orgPairs = (orgs) => orgs.map((o) => [o.id, o.name || o.id]);
const checkboxes = (name, values, labels) => h('fieldset', { class: 'choices' }, h('legend', {}, t(name)),
  ...values.map((v) => h('label', {}, h('input', { type: 'checkbox', name, value: v }), ` ${labels[v] || v}`)));

const post = (service, path, body) => api(service, path, { method: 'POST', body });

/** A button that posts once and redraws; a refusal is shown beside it. */
const postButton = (id, label, path, done, disabled = false) => h('button', { type: 'button', id, disabled,
  onclick: async (e) => {
    e.target.disabled = true;
    try { await post('requests', path); await done(); } catch (p) {
      e.target.after(h('p', { class: 'form-error', role: 'alert' }, p.message));
      e.target.disabled = false;
    }
  } }, label);

export function requestActions(r, orgs, candidates, done) {
  const id = r.id;
  // a merged duplicate has one thing left to do: undo the merge (the same day), and its tracks take it again
  if (r.status === 'MERGED') {
    return h('section', { class: 'actions', 'aria-labelledby': 'detail-actions' }, h('h3', { id: 'detail-actions' }, t('actions')),
      h('p', {}, postButton('action-unmerge', t('unmerge'), `/api/requests/${id}/unmerge`, done)));
  }
  const acknowledge = postButton('action-acknowledge', t('acknowledge'), `/api/requests/${id}/acknowledge`, done,
    r.respondedAt !== null);

  const merge = onSubmit(h('form', { class: 'stack', dataset: { form: 'merge' } },
    field(t('mergeTarget'), candidates.length
      ? select('into', candidates.map((c) => [c.id, `${categoryName(c.category)} · ${c.id.slice(0, 8)}`]))
      : input('into', { required: true, autocomplete: 'off' })), submit(t('merge'))),
  (data) => post('requests', `/api/requests/${id}/merge`, { into: text(data, 'into') }), done);

  const triage = onSubmit(h('form', { class: 'stack', dataset: { form: 'triage' } },
    field(t('category'), select('category', categoryCodes().map((c) => [c, categoryName(c)]), r.category)),
    field(t('urgency'), select('urgency', URGENCIES.map((u) => [u, t('urgencies')[u]]), r.urgency)),
    checkboxes('tracksAdd', TRACKS.filter((x) => !r.tracks.includes(x)), t('tracks')),
    checkboxes('tracksRemove', TRACKS.filter((x) => r.tracks.includes(x)), t('tracks')), submit(t('save'))),
  (data) => {
    const body = {};
    if (data.get('category') !== r.category) body.category = data.get('category');
    if (data.get('urgency') !== r.urgency) body.urgency = data.get('urgency');
    const add = data.getAll('tracksAdd');
    const remove = data.getAll('tracksRemove');
    if (add.length) body.addTracks = add;
    if (remove.length) body.removeTracks = remove;
    return post('requests', `/api/requests/${id}/triage`, body);
  }, done);
  // the checkboxes' names are the fields a refusal names
  triage.querySelectorAll('[name=tracksAdd]').forEach((c) => { c.name = 'addTracks'; });
  triage.querySelectorAll('[name=tracksRemove]').forEach((c) => { c.name = 'removeTracks'; });

  const reject = onSubmit(h('form', { class: 'stack', dataset: { form: 'reject' } },
    field(t('reason'), textarea('text', { required: true })), submit(t('reject'))),
  (data) => post('requests', `/api/requests/${id}/reject`, { text: text(data, 'text') }), done);

  const hall = onSubmit(h('form', { class: 'stack', dataset: { form: 'deliberation' } },
    field(t('topicTitle'), input('title', { required: true, value: categoryName(r.category) })), submit(t('toHall'))),
  (data) => post('requests', '/api/deliberation/topics', { title: text(data, 'title'), description: r.description,
    buildings: r.building ? [r.building] : [], requestIds: [id] }), done);

  const responder = onSubmit(h('form', { class: 'stack', dataset: { form: 'responder' } },
    field(t('organisation'), select('organisationId', orgPairs(orgs))),
    field(t('role'), select('role', [['SUPPORT', t('roles').SUPPORT], ['LEAD', t('roles').LEAD]])),
    field(t('reason'), textarea('reason', { required: true })), submit(t('addResponder'))),
  (data) => post('alliance', `/api/cases/${id}/responders`, { organisationId: data.get('organisationId'),
    role: data.get('role'), reason: text(data, 'reason') }), done);

  return h('section', { class: 'actions', 'aria-labelledby': 'detail-actions' }, h('h3', { id: 'detail-actions' }, t('actions')),
    h('p', {}, acknowledge), action('merge', t('merge'), merge), action('triage', t('triage'), triage),
    action('reject', t('reject'), reject), action('deliberation', t('toHall'), hall),
    action('responder', t('addResponder'), responder));
}

export function taskActions(task, orgs, done) {
  const reassign = onSubmit(h('form', { class: 'stack', dataset: { form: 'reassign' } },
    field(t('organisation'), select('organisationId', orgPairs(orgs.filter((o) => o.id !== task.organisationId)))),
    field(t('reason'), textarea('reason', { required: true })), submit(t('reassign'))),
  (data) => post('alliance', `/api/tasks/${task.taskId}/reassign`, { organisationId: data.get('organisationId'),
    reason: text(data, 'reason') }), done);
  const deadline = onSubmit(h('form', { class: 'stack', dataset: { form: 'deadline' } },
    task.status === 'ASSIGNED' ? field(t('acknowledgeBy'), input('acknowledgeBy', { type: 'datetime-local' })) : null,
    field(t('completeBy'), input('completeBy', { type: 'datetime-local' })),
    field(t('reason'), textarea('reason', { required: true })), submit(t('moveDeadline'))),
  (data) => post('alliance', `/api/tasks/${task.taskId}/deadline`, { acknowledgeBy: instant(data.get('acknowledgeBy')),
    completeBy: instant(data.get('completeBy')), reason: text(data, 'reason') }), done);
  return h('div', { class: 'task-actions' }, action('reassign', t('reassign'), reassign),
    action('deadline', t('moveDeadline'), deadline));
}

/** Merge one of the two into the other: the side-by-side view's two buttons. */
export function duplicateActions(r, candidate, done) {
  const merge = (duplicate, into) => async (e) => {
    e.target.disabled = true;
    try { await post('requests', `/api/requests/${duplicate}/merge`, { into }); await done(); } catch (p) {
      e.target.after(h('p', { class: 'form-error', role: 'alert' }, p.message));
      e.target.disabled = false;
    }
  };
  return h('p', { class: 'merge-buttons' },
    h('button', { type: 'button', dataset: { merge: 'this-into-that' }, onclick: merge(r.id, candidate.id) }, `${t('merge')} ${candidate.id.slice(0, 8)}`),
    ' ', h('button', { type: 'button', dataset: { merge: 'that-into-this' }, onclick: merge(candidate.id, r.id) }, t('mergeInto')));
}

/** The resident's phone, read only when asked and with a reason for the audit log. */
export function phoneForm(r) {
  const shown = h('p', { class: 'phone', 'aria-live': 'polite' });
  const form = onSubmit(h('form', { class: 'inline', dataset: { form: 'contact' } },
    field(t('auditReason'), input('reason', { required: true, autocomplete: 'off' })), submit(t('showPhone'))),
  (data) => api('requests', `/api/requests/${r.id}/contact?${new URLSearchParams({ reason: text(data, 'reason') || '' })}`),
  (contact) => { shown.textContent = t('phoneIs')(contact.phone); });
  return action('contact', t('phone'), h('div', {}, form, shown));
}

export function noteForm(r, done) {
  return onSubmit(h('form', { class: 'inline', dataset: { form: 'note' } },
    field(t('note'), textarea('text', { required: true })), submit(t('addNote'))),
  (data) => post('requests', `/api/requests/${r.id}/notes`, { text: text(data, 'text') }), done);
}
