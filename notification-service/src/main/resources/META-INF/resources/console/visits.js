// The return-visit queue: resolved requests waiting for a visit, and the form to record one.
import { $, h, field, options } from './dom.js';
import { api } from './api.js';
import { lang, t, categoryName, place, when } from './i18n.js';
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

function visitItem(d) {
  return h('li', { class: d.overdue ? 'visit overdue' : 'visit', dataset: { request: d.requestId } },
    h('p', {}, h('button', { type: 'button', class: 'link', onclick: () => visits.openRequest(d.requestId) },
      `${place(d.building, d.unit)} ${categoryName(d.category)}`),
    ` · ${t('resolvedAt')} ${when(d.resolvedAt)} · ${t('dueAt')} ${when(d.dueAt)}`),
    h('details', { class: 'action', dataset: { action: 'follow-up' } }, h('summary', {}, t('record')), visitForm(d)));
}

export async function refreshVisits() {
  const due = await api('requests', '/api/follow-ups/due');
  const panel = $('visits-panel');
  // a live refresh (another request's event) keeps each visit still due as the same element, so the form a worker is
  // filling stays as it is; only a change of language builds the queue anew (as the warnings panel does)
  if (panel.dataset.lang !== lang.current) {
    panel.replaceChildren(h('h2', { id: 'visits-title' }, t('visitsTitle')),
      h('p', { class: 'hint', dataset: { empty: '' } }, t('noneDue')), h('ul', { class: 'plain visits' }));
    panel.dataset.lang = lang.current;
  }
  const list = panel.querySelector('ul.visits');
  const items = new Map([...list.children].map((li) => [li.dataset.request, li]));
  const wanted = due.map((d) => {
    const li = items.get(d.requestId) || visitItem(d);
    li.className = d.overdue ? 'visit overdue' : 'visit';
    return li;
  });
  items.forEach((li, id) => { if (!due.some((d) => d.requestId === id)) li.remove(); });
  panel.querySelector('p[data-empty]').hidden = wanted.length > 0;
  // an item already in its place is not moved (moving an element takes the focus away from what is inside it)
  let previous = null;
  wanted.forEach((li) => {
    const next = previous ? previous.nextElementSibling : list.firstElementChild;
    if (next !== li) (previous ? previous.after(li) : list.prepend(li));
    previous = li;
  });
}

export function bindVisits(openRequest, changed) {
  visits.openRequest = openRequest;
  visits.changed = changed;
}
