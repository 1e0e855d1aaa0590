// Report a problem; my requests, one followed in detail: its timeline, why it is late, withdraw, rate.
import { h, field, options } from '../console/dom.js';
import { api } from '../console/api.js';
import { onSubmit, redrawKeepingDrafts, text } from '../console/forms.js';
import { t, when, categoryName, categoryCodes, place, lang } from '../console/i18n.js';
import { show } from './main.js';
import { entryText, standing } from '../console/entries.js';

const OPEN = new Set(['SUBMITTED', 'ACKNOWLEDGED', 'ASSIGNED', 'IN_PROGRESS', 'REOPENED', 'IN_DELIBERATION']);
const followed = { id: null, shown: null };
// the community's named places (小区北门, 北广场) as the estate registry has them: a request may be at one of them
const places = { list: [] };

export function learnPlaces(list) {
  places.list = Array.isArray(list) ? list : [];
}

const placeName = (code) => {
  const found = places.list.find((p) => p.code === code);
  return found ? (lang.current === 'en' ? found.nameEn : found.name) : code;
};

const statusName = (status) => t('statuses')[status] || status;
const where = (r) => [place(r.building, r.unit), r.household, r.place && placeName(r.place)].filter(Boolean)
  .join(' ');
// links are checked by request-service; only http(s) ever becomes a link here
const isLink = (url) => /^https?:\/\//i.test(url);

export function renderReport(section, sent) {
  const form = h('form', { id: 'report-form', class: 'stack', novalidate: true },
    field(t('category'), h('select', { name: 'category', required: true },
      options(categoryCodes().map((code) => [code, categoryName(code)]), 'water-leak'))),
    h('div', { class: 'row' },
      field(t('building'), h('input', { name: 'building', inputmode: 'numeric', autocomplete: 'off' })),
      field(t('unit'), h('input', { name: 'unit', inputmode: 'numeric', autocomplete: 'off' })),
      field(t('household'), h('input', { name: 'household', inputmode: 'numeric', autocomplete: 'off' }))),
    field(t('place'), h('select', { name: 'place', 'aria-describedby': 'place-hint' },
      options([['', '—'], ...places.list.map((p) => [p.code, lang.current === 'en' ? p.nameEn : p.name])], ''))),
    h('p', { class: 'hint', id: 'place-hint' }, t('placeHint')),
    field(t('description'), h('textarea', { name: 'description', rows: 4, required: true })),
    field(t('photos'), h('textarea', { name: 'photos', rows: 2, inputmode: 'url', spellcheck: 'false',
      'aria-describedby': 'photos-hint' })),
    h('p', { class: 'hint', id: 'photos-hint' }, t('photosHint')),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'publicDescription' }),
      h('span', {}, t('publicDescription'))),
    h('button', { type: 'submit' }, t('send')));
  onSubmit(form, (data) => api('requests', '/api/requests', {
    method: 'POST',
    body: {
      category: data.get('category'), building: text(data, 'building'), unit: text(data, 'unit'),
      household: text(data, 'household'), place: text(data, 'place'), description: text(data, 'description'),
      photos: String(data.get('photos') || '').split(/\s+/).filter(Boolean),
      publicDescription: data.get('publicDescription') === 'on', channel: 'app',
    },
  }), (created) => show('mine', created.id));
  section.replaceChildren(h('h2', { id: 'report-title' }, t('reportTitle')), form,
    sent ? h('p', { class: 'done', role: 'status' }, t('sent')) : null);
}

export async function renderMine(section, id) {
  if (id !== undefined) followed.id = id;
  if (followed.id) return renderRequest(section, followed.id);
  const page = await api('requests', '/api/requests?size=50'); // a resident's own, newest first
  const items = page.items || [];
  section.replaceChildren(h('h2', { id: 'mine-title' }, t('mineTitle')),
    items.length ? h('ul', { id: 'my-requests', class: 'cards' }, items.map((r) => h('li', { dataset: { request: r.id } },
      h('button', { type: 'button', onclick: () => show('mine', r.id) },
        h('span', { class: 'card-title' }, h('span', {}, categoryName(r.category)),
          h('span', { class: `badge${r.overdue ? ' late' : ''}`, dataset: { status: r.status } }, statusName(r.status))),
        h('span', { class: 'hint' }, `${where(r)} · ${when(r.createdAt)}`)))))
      : h('p', { class: 'hint' }, t('noRequests')));
}

/** Reads the followed request again; redraws only when something changed and no form in it is being filled. */
export async function refreshOpenRequest() {
  const section = document.getElementById('mine');
  if (!followed.id || section.hidden) return;
  if (section.contains(document.activeElement) && document.activeElement.closest('form')) return;
  const r = await api('requests', `/api/requests/${followed.id}`);
  const fingerprint = JSON.stringify([r.status, r.timeline.length, r.deadline?.explanation]);
  if (fingerprint !== followed.shown) redrawKeepingDrafts(section, () => draw(section, r));
}

async function renderRequest(section, id) {
  draw(section, await api('requests', `/api/requests/${id}`));
  window.scrollTo(0, 0); // opened, or just withdrawn or rated: its status is at the top
}

function draw(section, r) {
  followed.shown = JSON.stringify([r.status, r.timeline.length, r.deadline?.explanation]);
  const photos = (r.photos || []).filter(isLink);
  section.replaceChildren(
    h('button', { type: 'button', class: 'link', id: 'back', onclick: () => { followed.id = null; show('mine'); } },
      t('back')),
    h('article', { id: 'request', dataset: { request: r.id, status: r.status } },
      h('h2', { id: 'mine-title', class: 'card-title' }, h('span', {}, categoryName(r.category)),
        h('span', { id: 'request-status', class: `badge${OPEN.has(r.status) ? '' : ' done'}` }, statusName(r.status))),
      h('dl', { class: 'facts' }, h('dt', {}, t('where')), h('dd', {}, where(r)),
        h('dt', {}, t('submittedAt')), h('dd', {}, when(r.createdAt))),
      h('p', { class: 'description' }, r.description),
      photos.length ? [h('h3', {}, t('photosTitle')), h('ul', { class: 'photos', id: 'request-photos' },
        photos.map((url, i) => h('li', {}, h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' },
          `${t('photo')(i + 1)}: ${url}`))))] : null,
      r.deadline ? h('p', { id: 'request-deadline', class: `explanation${r.deadline.late ? ' late' : ''}` },
        t('late') ? h('strong', {}, `${r.deadline.late ? t('late') : t('onTime')} `) : null, standing(r.deadline)) : null,
      h('h3', {}, t('timeline')),
      h('ol', { class: 'timeline', id: 'request-timeline' }, r.timeline.map((e) => h('li', { dataset: { kind: e.kind } },
        h('time', { datetime: e.at }, when(e.at)), entryText(e, r.deadline)))),
      r.status === 'RESOLVED' ? rateForm(r) : null,
      OPEN.has(r.status) ? withdrawForm(r) : null));
}

function rateForm(r) {
  const yesNo = (name) => h('select', { name }, options([['true', t('yes')], ['false', t('no')]], 'true'));
  const form = h('form', { class: 'stack', dataset: { form: 'rate' } },
    h('h3', {}, t('rate')), field(t('solved'), yesNo('solved')), field(t('satisfied'), yesNo('satisfied')),
    field(t('comment'), h('textarea', { name: 'comment', rows: 2 })), h('button', { type: 'submit' }, t('rate')));
  return onSubmit(form, (data) => api('requests', `/api/requests/${r.id}/follow-ups`, {
    method: 'POST',
    body: { method: 'app', solved: data.get('solved') === 'true', satisfied: data.get('satisfied') === 'true',
      comment: text(data, 'comment') },
  }), () => renderRequest(document.getElementById('mine'), r.id));
}

function withdrawForm(r) {
  const form = h('form', { class: 'stack', dataset: { form: 'withdraw' } },
    field(t('reason'), h('input', { name: 'text', autocomplete: 'off' })), h('button', { type: 'submit' }, t('withdraw')));
  onSubmit(form, (data) => api('requests', `/api/requests/${r.id}/withdraw`, {
    method: 'POST', body: { text: text(data, 'text') },
  }), () => renderRequest(document.getElementById('mine'), r.id));
  return h('details', { class: 'action', dataset: { action: 'withdraw' } }, h('summary', {}, t('withdraw')), form);
}
