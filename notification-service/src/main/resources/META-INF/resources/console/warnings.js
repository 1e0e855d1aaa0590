// Weather warnings: issue one (type, level, window), watch each risk point's patrol, lift it.
import { $, h, field, options } from './dom.js';
import { api } from './api.js';
import { t, warningTypes, warningTypeName, levels, levelName, when } from './i18n.js';
import { onSubmit, instant, text } from './forms.js';

const state = { riskPoints: null, parties: null };

const localInput = (date) => new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);

function issueForm() {
  const now = new Date();
  return onSubmit(h('form', { id: 'warning-form', class: 'grid-form' },
    field(t('type'), h('select', { name: 'type' }, ...options(warningTypes().map((w) => [w, warningTypeName(w)]), 'rainstorm'))),
    field(t('level'), h('select', { name: 'level' }, ...options(levels().map((l) => [l, levelName(l)]), 'yellow'))),
    field(t('from'), h('input', { name: 'from', type: 'datetime-local', value: localInput(now) })),
    field(t('until'), h('input', { name: 'until', type: 'datetime-local', value: localInput(new Date(now.getTime() + 12 * 3600000)) })),
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
  // a live refresh must not take away what the dispatcher is typing: the issue form and each warning's lift form
  // move into the new content as they are (their text, their focus)
  const focused = document.activeElement;
  const inUse = (form) => form.contains(focused) || [...form.elements].some((e) => e.value && e.type !== 'submit');
  const liftForms = new Map([...panel.querySelectorAll('article[data-warning] form[data-form="lift"]')]
    .filter(inUse).map((form) => [form.closest('article').dataset.warning, form]));
  const list = page.items.map((w) => h('article', { class: 'warning-card', dataset: { warning: w.id, level: w.level } },
    h('h3', {}, `${levelName(w.level)} ${warningTypeName(w.type)} · ${when(w.from)} – ${when(w.until)}`),
    patrols(w), liftForms.get(w.id) ?? liftForm(w)));
  const issue = panel.querySelector('details[data-action="issue"][open]')
    ?? h('details', { class: 'action', dataset: { action: 'issue' } }, h('summary', {}, t('issue')), issueForm());
  panel.replaceChildren(h('h2', { id: 'warnings-title' }, t('warningsTitle')), issue,
    ...(list.length ? list : [h('p', { class: 'hint' }, t('noWarnings'))]));
  if (focused && focused !== document.activeElement && panel.contains(focused)) {
    focused.focus();
  }
}
