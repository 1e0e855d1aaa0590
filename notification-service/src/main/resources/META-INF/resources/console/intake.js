// Intake on a resident's behalf: a phone call, a walk-in, the daily rounds (走出去), or a 12345 ticket with its
// official deadline. While the worker types, open requests of the same building and category are suggested.
import { $, h, field, options } from './dom.js';
import { api } from './api.js';
import { t, categoryCodes, categoryName, place, when } from './i18n.js';
import { onSubmit, instant, text } from './forms.js';

const CHANNELS = ['phone', 'walk-in', 'rounds', 'hotline-12345'];
const intake = { openRequest: () => {}, asked: 0, timer: null };

async function suggest(form) {
  const building = form.elements.building.value.trim();
  const category = form.elements.category.value;
  const asked = ++intake.asked;
  const list = $('intake-suggestions');
  if (!building || !category) {
    list.replaceChildren(h('li', { class: 'hint' }, t('noSuggestions')));
    return;
  }
  const query = new URLSearchParams({ building, category, size: '10' });
  const words = form.elements.description.value.trim();
  const page = await api('requests', `/api/requests?${query}`);
  if (asked !== intake.asked) return;
  const open = page.items.filter((r) => !['RESOLVED', 'CLOSED', 'WITHDRAWN', 'REJECTED', 'MERGED'].includes(r.status));
  list.replaceChildren(...(open.length ? open.map((r) => h('li', { dataset: { request: r.id } },
    h('button', { type: 'button', class: 'link', onclick: () => intake.openRequest(r.id) },
      `${place(r.building, r.unit)} ${categoryName(r.category)} · ${t('statuses')[r.status] || r.status} · ${when(r.createdAt)}`)))
    : [h('li', { class: 'hint' }, words ? t('noSuggestions') : t('noSuggestions'))]));
}

function schedule(form) {
  clearTimeout(intake.timer);
  intake.timer = setTimeout(() => suggest(form).catch(() => {}), 250);
}

export function renderIntake() {
  const hotline = h('div', { class: 'hotline', hidden: true },
    field(t('hotlineTicket'), h('input', { name: 'hotlineTicket', autocomplete: 'off' })),
    field(t('hotlineDeadline'), h('input', { name: 'hotlineDeadline', type: 'datetime-local' })));
  const form = h('form', { id: 'intake-form', class: 'grid-form' },
    field(t('channel'), h('select', { name: 'channel' }, ...options(CHANNELS.map((c) => [c, t('channels')[c]]), 'phone'))),
    field(t('category'), h('select', { name: 'category' }, ...options(categoryCodes().map((c) => [c, categoryName(c)]), 'water-leak'))),
    field(t('building'), h('input', { name: 'building', inputmode: 'numeric', autocomplete: 'off' })),
    field(t('unit'), h('input', { name: 'unit', autocomplete: 'off' })),
    field(t('household'), h('input', { name: 'household', autocomplete: 'off' })),
    field(t('placeLabel'), h('input', { name: 'place', autocomplete: 'off' })),
    field(t('urgency'), h('select', { name: 'urgency' }, h('option', { value: '' }, '—'),
      ...options(['URGENT', 'HIGH', 'NORMAL', 'LOW'].map((u) => [u, t('urgencies')[u]])))),
    field(t('contactPhone'), h('input', { name: 'contactPhone', type: 'tel', autocomplete: 'off' })),
    hotline,
    h('div', { class: 'field wide' }, h('label', { for: 'intake-description' }, t('description')),
      h('textarea', { id: 'intake-description', name: 'description', rows: 3 })),
    h('p', { class: 'wide' }, h('button', { type: 'submit' }, t('file'))));
  form.elements.channel.addEventListener('change', () => { hotline.hidden = form.elements.channel.value !== 'hotline-12345'; });
  ['building', 'category', 'description'].forEach((name) => form.elements[name].addEventListener('input', () => schedule(form)));
  onSubmit(form, (data) => api('requests', '/api/requests', { method: 'POST', headers: { 'Idempotency-Key': crypto.randomUUID() },
    body: { channel: data.get('channel'), category: data.get('category'), description: text(data, 'description'),
      building: text(data, 'building'), unit: text(data, 'unit'), household: text(data, 'household'),
      place: text(data, 'place'), urgency: text(data, 'urgency'), contactPhone: text(data, 'contactPhone'),
      hotlineTicket: data.get('channel') === 'hotline-12345' ? text(data, 'hotlineTicket') : null,
      hotlineDeadline: data.get('channel') === 'hotline-12345' ? instant(data.get('hotlineDeadline')) : null } }),
  (filed) => {
    $('intake-result').replaceChildren(h('p', { role: 'status' }, `${t('filed')}: `,
      h('button', { type: 'button', class: 'link', dataset: { request: filed.id }, onclick: () => intake.openRequest(filed.id) },
        `${place(filed.building, filed.unit)} ${categoryName(filed.category)} · ${filed.id.slice(0, 8)}`)));
    form.reset();
    hotline.hidden = true;
  });
  $('intake-panel').replaceChildren(h('h2', { id: 'intake-title' }, t('intakeTitle')), form,
    h('div', { id: 'intake-result' }),
    h('h3', {}, t('suggestions')), h('ul', { id: 'intake-suggestions', class: 'plain suggestions' }));
}

export function bindIntake(openRequest) {
  intake.openRequest = openRequest;
}
