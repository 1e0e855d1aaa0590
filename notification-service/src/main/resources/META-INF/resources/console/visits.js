// The return-visit queue: resolved requests waiting for a visit, and the form to record one.
import { $, h, field, options } from './dom.js';
import { api } from './api.js';
import { t, categoryName, place, when } from './i18n.js';
import { onSubmit, text } from './forms.js';

const visits = { openRequest: () => {}, changed: () => {} };

const yesNo = (name) => h('fieldset', { class: 'choices' }, h('legend', {}, t(name)),
  h('label', {}, h('input', { type: 'radio', name, value: 'true', required: true }), ` ${t('yes')}`),
  h('label', {}, h('input', { type: 'radio', name, value: 'false' }), ` ${t('no')}`));

function visitForm(due) {
  return onSubmit(h('form', { class: 'stack', dataset: { form: 'follow-up' } },
    field(t('method'), h('select', { name: 'method' }, ...options(['phone', 'door'].map((m) => [m, t('methods')[m]]), 'phone'))),
    yesNo('solved'), yesNo('satisfied'),
    field(t('comment'), h('textarea', { name: 'comment', rows: 2 })), h('button', { type: 'submit' }, t('record'))),
  (data) => api('requests', `/api/requests/${due.requestId}/follow-ups`, { method: 'POST', body: {
    method: data.get('method'), solved: data.get('solved') === null ? null : data.get('solved') === 'true',
    satisfied: data.get('satisfied') === null ? null : data.get('satisfied') === 'true', comment: text(data, 'comment') } }),
  async () => { await refreshVisits(); visits.changed(); });
}

export async function refreshVisits() {
  const due = await api('requests', '/api/follow-ups/due');
  const list = due.map((d) => h('li', { class: d.overdue ? 'visit overdue' : 'visit', dataset: { request: d.requestId } },
    h('p', {}, h('button', { type: 'button', class: 'link', onclick: () => visits.openRequest(d.requestId) },
      `${place(d.building, d.unit)} ${categoryName(d.category)}`),
    ` · ${t('resolvedAt')} ${when(d.resolvedAt)} · ${t('dueAt')} ${when(d.dueAt)}`),
    h('details', { class: 'action', dataset: { action: 'follow-up' } }, h('summary', {}, t('record')), visitForm(d))));
  $('visits-panel').replaceChildren(h('h2', { id: 'visits-title' }, t('visitsTitle')),
    list.length ? h('ul', { class: 'plain visits' }, ...list) : h('p', { class: 'hint' }, t('noneDue')));
}

export function bindVisits(openRequest, changed) {
  visits.openRequest = openRequest;
  visits.changed = changed;
}
