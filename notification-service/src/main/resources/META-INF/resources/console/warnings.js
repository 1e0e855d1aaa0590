// Weather warnings: issue one (type, level, window), watch each risk point's patrol, lift it.
import { $, h, field, options } from './dom.js';
import { api } from './api.js';
import { lang, localOfInstant, t, warningTypes, warningTypeName, levels, levelName, when } from './i18n.js';
import { onSubmit, instant, text } from './forms.js';

const state = { riskPoints: null, parties: null };


function issueForm() {
  const now = new Date();
  return onSubmit(h('form', { id: 'warning-form', class: 'grid-form' },
    field(t('type'), h('select', { name: 'type' }, ...options(warningTypes().map((w) => [w, warningTypeName(w)]), 'rainstorm'))),
    field(t('level'), h('select', { name: 'level' }, ...options(levels().map((l) => [l, levelName(l)]), 'yellow'))),
    field(t('from'), h('input', { name: 'from', type: 'datetime-local', value: localOfInstant(now) })),
    field(t('until'), h('input', { name: 'until', type: 'datetime-local', value: localOfInstant(new Date(now.getTime() + 12 * 3600000)) })),
    h('p', { class: 'wide' }, h('button', { type: 'submit' }, t('issue')))),
  (data) => api('alliance', '/api/warnings', { method: 'POST', body: { type: data.get('type'), level: data.get('level'),
    from: instant(data.get('from')), until: instant(data.get('until')) } }), () => refreshWarnings());
}

function patrols(w) {
  const names = new Map((state.riskPoints || []).map((p) => [p.id, p.name]));
  const parties = new Map((state.parties || []).map((o) => [o.id, o.name]));
  return h('table', { class: 'patrols' },
    h('thead', {}, h('tr', {}, h('th', {}, t('riskPoint')), h('th', {}, t('party')), h('th', {}, t('status')),
      h('th', { class: 'num' }, t('checkpoints')), h('th', { class: 'num' }, t('problems')))),
    h('tbody', {}, ...w.patrols.map((p) => h('tr', { dataset: { patrol: p.id, status: p.status } },
      h('td', {}, names.get(p.riskPointId) || p.riskPointId), h('td', {}, parties.get(p.organisationId) || p.organisationId),
      h('td', { class: p.status === 'PROBLEMS_FOUND' ? 'late' : null }, t('patrolStatuses')[p.status] || p.status),
      h('td', { class: 'num' }, `${p.checkpointsDone}/${p.checkpointsTotal}`),
      h('td', { class: 'num' }, String(p.problemsFound))))));
}

function liftForm(w) {
  return onSubmit(h('form', { class: 'inline', dataset: { form: 'lift' } },
    field(t('reason'), h('input', { name: 'reason', autocomplete: 'off' })), h('button', { type: 'submit' }, t('lift'))),
  (data) => api('alliance', `/api/warnings/${w.id}/lift`, { method: 'POST', body: { reason: text(data, 'reason') } }),
  () => refreshWarnings());
}

export async function refreshWarnings() {
  if (!state.riskPoints) {
    [state.riskPoints, state.parties] = await Promise.all([api('alliance', '/api/risk-points'),
      api('alliance', '/api/organisations')]);
  }
  const page = await api('alliance', '/api/warnings?active=true&size=20');
  const panel = $('warnings-panel');
  // a live refresh patches what changed and leaves the rest alone: the issue form, and each warning's card with its
  // lift form, stay the same elements (what the dispatcher is typing, and where the focus is, are kept); only a change
  // of language builds the panel anew
  if (panel.dataset.lang !== lang.current) {
    panel.replaceChildren(h('h2', { id: 'warnings-title' }, t('warningsTitle')),
      h('details', { class: 'action', dataset: { action: 'issue' } }, h('summary', {}, t('issue')), issueForm()),
      h('p', { class: 'hint', dataset: { empty: '' } }, t('noWarnings')));
    panel.dataset.lang = lang.current;
  }
  const cards = new Map([...panel.querySelectorAll('article[data-warning]')].map((a) => [a.dataset.warning, a]));
  const wanted = page.items.map((w) => {
    const heading = h('h3', {}, `${levelName(w.level)} ${warningTypeName(w.type)} · ${when(w.from)} – ${when(w.until)}`);
    const card = cards.get(w.id);
    if (!card) {
      return h('article', { class: 'warning-card', dataset: { warning: w.id, level: w.level } }, heading, patrols(w),
        liftForm(w));
    }
    card.dataset.level = w.level;
    card.querySelector('h3').replaceWith(heading);
    card.querySelector('table.patrols').replaceWith(patrols(w));
    return card;
  });
  cards.forEach((card, id) => { if (!page.items.some((w) => w.id === id)) card.remove(); });
  const empty = panel.querySelector('p[data-empty]');
  empty.hidden = wanted.length > 0;
  // a card already in its place is not moved (moving an element takes the focus away from what is inside it)
  let previous = empty;
  wanted.forEach((card) => {
    if (previous.nextElementSibling !== card) previous.after(card);
    previous = card;
  });
}
