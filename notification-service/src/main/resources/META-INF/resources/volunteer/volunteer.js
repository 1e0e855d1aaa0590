// The volunteer's page: my offers (what, where, by when, why me), accept or decline; my jobs with the description and
// the resident's phone once accepted (request-service shows them only to the volunteer holding the open job, and
// audits the phone); progress, complete with hours, hand over to a professional; check-on-neighbour visits during a
// warning; my hours; activities to sign up for. Volunteers have no stream: the page reads again every 30 s.
import { $, h, field, options } from '../console/dom.js';
import { api } from '../console/api.js';
import { categoryName, lang, partyTypeName, when } from '../console/i18n.js';
import { onSubmit, text } from '../console/forms.js';
import { keepingDrafts, showError, start } from '../field/shell.js';
import { address, because, w } from '../field/words.js';

const state = { offers: [], jobs: [], hours: null, activities: [], errands: new Map(), phones: new Map(), open: new Set(), signed: new Set() };
const PARTIES = ['COMMUNITY_OFFICE', 'PROPERTY_MANAGEMENT', 'POLICE', 'UTILITY', 'AREA_UNIT', 'SOCIAL_ORGANISATION'];

/** Where and (once accepted) what, from request-service; read again while it does not yet know I accepted. */
async function errandOf(offer) {
  if (offer.kind === 'VISIT') return;
  const known = state.errands.get(offer.requestId);
  const wantDescription = offer.status === 'ACCEPTED';
  if (known && (!wantDescription || known.description)) return;
  try {
    state.errands.set(offer.requestId, await api('requests', `/api/requests/${offer.requestId}/errand`));
  } catch (problem) {
    if (problem.status !== 404) throw problem;
  }
}

async function refresh() {
  const [offers, jobs, hours, activities] = await Promise.all([
    api('volunteers', '/api/volunteers/me/offers'), api('volunteers', '/api/volunteers/me/tasks'),
    api('volunteers', '/api/volunteers/me/hours'), api('volunteers', '/api/activities'),
  ]);
  state.offers = offers;
  state.jobs = jobs;
  state.hours = hours;
  state.activities = activities;
  await Promise.all([...offers, ...jobs.filter((j) => j.status === 'ACCEPTED')].map(errandOf));
  render();
  // the offer and the acceptance travel to request-service as events: until they arrive the unit, household and
  // description are not shown yet, so read again soon
  const pending = offers.some((o) => o.kind !== 'VISIT' && !state.errands.has(o.requestId))
    || jobs.some((j) => j.status === 'ACCEPTED' && j.kind !== 'VISIT' && !state.errands.get(j.requestId)?.description);
  refresh.tries = pending ? (refresh.tries || 0) + 1 : 0;
  if (pending && refresh.tries < 40) {
    clearTimeout(refresh.soon);
    refresh.soon = setTimeout(() => refresh().catch(showError), 1500);
  }
}

function actionForm(name, fields, send, label = w('send')) {
  const form = h('form', { class: 'act', dataset: { action: name } }, ...fields, h('button', { type: 'submit' }, label));
  return onSubmit(form, send, () => { form.reset(); return refresh(); });
}

const disclosure = (offer, key, content) => h('details', { dataset: { form: key, key: `${offer.id}:${key}` }, open: state.open.has(`${offer.id}:${key}`),
  ontoggle: (e) => (e.target.open ? state.open.add(`${offer.id}:${key}`) : state.open.delete(`${offer.id}:${key}`)) },
h('summary', {}, w(key)), content);

function what(offer) {
  return offer.kind === 'VISIT' ? w('visit') : categoryName(offer.category);
}

function where(offer) {
  const errand = state.errands.get(offer.requestId);
  if (offer.kind === 'VISIT') return address(offer.building, offer.unit, offer.door);
  return errand ? address(errand.building, errand.unit, errand.household, errand.place) : address(offer.building);
}

function offerCard(offer) {
  const post = (action) => api('volunteers', `/api/offers/${offer.id}/${action}`, { method: 'POST' });
  const errand = state.errands.get(offer.requestId);
  const byWhen = offer.deadline || errand?.resolveBy;
  return h('li', { class: 'card', dataset: { offer: offer.id, request: offer.requestId } },
    h('h3', {}, `${what(offer)} · ${where(offer)}`, h('span', { class: 'tag' }, w('statuses').OFFERED)),
    byWhen ? h('p', { class: 'meta' }, `${w('byWhen')}: ${when(byWhen)}`) : null,
    h('p', { class: 'meta' }, `${w('answerBy')}: ${when(offer.expiresAt)}`),
    h('p', { class: 'why' }, `${w('why')}${lang.current === 'en' ? ': ' : '：'}${because(offer)}`),
    h('div', { class: 'buttons answer' }, actionForm('answer', [], () => post('accept'), w('accept')),
      h('button', { type: 'button', dataset: { action: 'decline' },
        onclick: (e) => { e.target.disabled = true; post('decline').then(refresh).catch(showError).finally(() => { e.target.disabled = false; }); } },
      w('declineOffer'))));
}

function jobCard(job) {
  const post = (action, body) => api('volunteers', `/api/offers/${job.id}/${action}`, { method: 'POST', body });
  const errand = state.errands.get(job.requestId);
  const phone = state.phones.get(job.requestId);
  const body = [];
  if (job.kind !== 'VISIT') {
    if (errand?.description) body.push(h('p', { class: 'description' }, errand.description));
    else body.push(h('p', { class: 'hint' }, w('waitingDetails')));
    if (phone) {
      body.push(h('p', { class: 'phone' }, `${w('phone')}: `, h('a', { href: `tel:${phone}` }, phone)), h('p', { class: 'hint' }, w('phoneAudited')));
    } else if (errand?.description) {
      body.push(actionForm('phone', [], async () => {
        state.phones.set(job.requestId, (await api('requests', `/api/requests/${job.requestId}/contact`)).phone);
      }, w('readPhone')));
    }
  }
  const note = (name, label) => field(label, h('textarea', { name, rows: 2, maxlength: 1000 }));
  return h('li', { class: 'card', dataset: { job: job.id, request: job.requestId } },
    h('h3', {}, `${what(job)} · ${where(job)}`, h('span', { class: 'tag' }, w('statuses').ACCEPTED)),
    job.deadline ? h('p', { class: 'meta' }, `${w('byWhen')}: ${when(job.deadline)}`) : null,
    ...body,
    job.progressNote ? h('p', { class: 'meta' }, `${when(job.progressAt)} ${job.progressNote}`) : null,
    disclosure(job, 'progress', actionForm('progress', [note('note', w('note'))], (d) => post('progress', { note: text(d, 'note') }))),
    disclosure(job, 'complete', actionForm('complete', [
      field(w('hours'), h('input', { name: 'hours', type: 'number', step: '0.25', inputmode: 'decimal' })),
      note('note', w('note')),
    ], (d) => post('complete', { hours: text(d, 'hours') === null ? null : Number(d.get('hours')), note: text(d, 'note') }))),
    disclosure(job, 'handOver', actionForm('hand-over', [
      field(w('handOverTo'), h('select', { name: 'handOverTo' }, options(PARTIES.map((p) => [p, partyTypeName(p)]), 'PROPERTY_MANAGEMENT'))),
      note('reason', w('reason')),
    ], (d) => post('hand-over', { handOverTo: d.get('handOverTo'), reason: text(d, 'reason') }))));
}

function doneCard(job) {
  return h('li', { class: 'card', dataset: { job: job.id } },
    h('h3', {}, `${what(job)} · ${where(job)}`,
      h('span', { class: 'tag' }, w('statuses')[job.status] || job.status)),
    h('p', { class: 'meta' }, [job.completedAt && when(job.completedAt), job.hours && `${job.hours} h`,
      job.handedOverTo && `→ ${partyTypeName(job.handedOverTo)}`].filter(Boolean).join(' · ')));
}

function activityCard(activity) {
  const signed = state.signed.has(activity.id);
  return h('li', { class: 'card', dataset: { activity: activity.id } },
    h('h3', {}, activity.title, h('span', { class: 'tag' }, w('capacity')(activity))),
    h('p', { class: 'meta' }, `${w('starts')}: ${when(activity.startsAt)} · ${activity.hours} h${activity.building ? ` · ${address(activity.building)}` : ''}`),
    actionForm('sign-up', [], async () => {
      await api('volunteers', `/api/activities/${activity.id}/sign-ups`, { method: 'POST' });
      state.signed.add(activity.id);
    }, signed ? w('signedUp') : w('signUp')));
}

const list = (cards, empty) => (cards.length ? cards : [h('li', { class: 'empty' }, w(empty))]);

/** What the page shows open right now is what stays open: a click's toggle event may not have arrived yet. */
function keepOpen() {
  document.querySelectorAll('#app details[data-key]').forEach((d) => {
    if (d.open) state.open.add(d.dataset.key); else state.open.delete(d.dataset.key);
  });
}

const render = keepingDrafts($('app'), () => {
  keepOpen();
  const isVisit = (o) => o.kind === 'VISIT';
  const accepted = state.jobs.filter((j) => j.status === 'ACCEPTED');
  $('offers').replaceChildren(...list(state.offers.filter((o) => !isVisit(o)).map(offerCard), 'noOffers'));
  $('jobs').replaceChildren(...list(accepted.filter((j) => !isVisit(j)).map(jobCard), 'noJobs'),
    ...state.jobs.filter((j) => j.status !== 'ACCEPTED' && !isVisit(j)).slice(0, 5).map(doneCard));
  $('visits').replaceChildren(...list([...state.offers.filter(isVisit).map(offerCard), ...accepted.filter(isVisit).map(jobCard)], 'noVisits'));
  const hours = state.hours;
  $('hours').replaceChildren(hours ? h('p', {}, w('totalHours')(hours)) : '',
    hours?.monthly?.length ? h('table', { class: 'hours' }, h('tbody', {}, hours.monthly.map((m) => h('tr', {}, h('td', {}, m.month), h('td', {}, `${m.hours} h`), h('td', {}, `× ${m.entries}`))))) : '');
  $('activities').replaceChildren(...list(state.activities.map(activityCard), 'noActivities'));
});

start({
  storageKey: 'gongzhi.token.volunteer',
  begin: async () => { await refresh(); setInterval(() => refresh().catch(showError), 30000); },
  redraw: render,
});
