// My notices and how I want to be told (notification-service); the deliberation hall (request-service).
import { h, field, options } from '../console/dom.js';
import { api } from '../console/api.js';
import { onSubmit, text } from '../console/forms.js';
import { t, when } from '../console/i18n.js';

export async function renderNotices(section) {
  const [inbox, prefs] = await Promise.all([api('notifications', '/api/notices/me?size=50'),
    api('notifications', '/api/notices/me/preferences').catch(() => ({}))]);
  const notices = inbox.items || [];
  const check = (name) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name, checked: !!prefs[name] }),
    h('span', {}, t(name)));
  const form = h('form', { id: 'preferences-form', class: 'stack' },
    field(t('language'), h('select', { name: 'language' },
      options([['zh-CN', '中文'], ['en', 'English']], prefs.language || 'zh-CN'))),
    check('sms'), field(t('phone'), h('input', { name: 'phone', type: 'tel', value: prefs.phone || '' })),
    check('email'), field(t('emailAddress'), h('input', { name: 'emailAddress', type: 'email',
      value: prefs.emailAddress || '' })),
    check('warnings'),
    h('div', { class: 'row' }, field(t('quietFrom'), h('input', { name: 'quietFrom', value: prefs.quietFrom || '',
      placeholder: '22:00', inputmode: 'numeric' })),
    field(t('quietUntil'), h('input', { name: 'quietUntil', value: prefs.quietUntil || '', placeholder: '07:00',
      inputmode: 'numeric' }))),
    h('button', { type: 'submit' }, t('save')), h('p', { class: 'done', id: 'preferences-saved', hidden: true }, t('saved')));
  onSubmit(form, (data) => api('notifications', '/api/notices/me/preferences', {
    method: 'PUT',
    body: { language: data.get('language'), sms: data.get('sms') === 'on', phone: text(data, 'phone'),
      email: data.get('email') === 'on', emailAddress: text(data, 'emailAddress'),
      warnings: data.get('warnings') === 'on', quietFrom: text(data, 'quietFrom'), quietUntil: text(data, 'quietUntil') },
  }), () => { form.querySelector('#preferences-saved').hidden = false; });
  section.replaceChildren(h('h2', { id: 'notices-title' }, t('noticesTitle')),
    notices.length ? h('div', { id: 'my-notices' }, notices.map((n) => h('div', { class: `notice${n.urgent ? ' urgent' : ''}` },
      h('time', { datetime: n.createdAt }, when(n.createdAt)), h('strong', {}, n.title), h('p', {}, n.body))))
      : h('p', { class: 'hint' }, t('noNotices')),
    h('h3', {}, t('prefsTitle')), form);
}

export async function renderHall(section) {
  const page = await api('requests', '/api/deliberation/topics?size=20');
  const topics = page.items || [];
  const openVotes = topics.flatMap((topic) => topic.votes.filter((v) => !v.closed));
  const mine = new Map(await Promise.all(openVotes.map((v) => api('requests', `/api/deliberation/votes/${v.id}`)
    .then((view) => [v.id, view], () => [v.id, null]))));
  section.replaceChildren(h('h2', { id: 'hall-title' }, t('hallTitle')),
    topics.length ? h('ul', { class: 'cards', id: 'hall-topics' }, topics.map((topic) => h('li', { class: 'topic',
      dataset: { topic: topic.id } },
    h('p', { class: 'card-title' }, h('span', {}, topic.title),
      h('span', { class: 'badge' }, t('topicStatuses')[topic.status] || topic.status)),
    topic.description ? h('p', {}, topic.description) : null,
    h('p', { class: 'hint' }, `${t('supporters')(topic.supporters)} · ${when(topic.createdAt)}`),
    topic.votes.map((v) => (v.closed ? h('p', { class: 'vote' }, `${v.question} — ${t('result')(v)}`)
      : ballot(v, mine.get(v.id), () => renderHall(section)))),
    topic.decision ? decision(topic.decision) : null)))
      : h('p', { class: 'hint' }, t('noTopics')));
}

function ballot(vote, view, redraw) {
  const form = h('form', { class: 'vote', dataset: { form: 'ballot', vote: vote.id } },
    h('strong', {}, `${t('voteTitle')}：${vote.question}`),
    h('p', { class: 'hint' }, `${t('closesAt')} ${when(vote.closesAt)}${view ? ` · ${t('participation')(view)}` : ''}`),
    view?.myChoice ? h('p', { class: 'done' }, t('myChoice')(view.myChoice)) : null,
    h('fieldset', { class: 'choices' }, h('legend', { class: 'hint' }, vote.question),
      vote.options.map((option) => h('label', {}, h('input', { type: 'radio', name: 'choice', value: option,
        checked: view?.myChoice === option }), option))),
    h('button', { type: 'submit', class: 'primary' }, t('cast')));
  return onSubmit(form, (data) => api('requests', `/api/deliberation/votes/${vote.id}/ballots`, {
    method: 'POST', body: { choice: data.get('choice') },
  }), redraw);
}

function decision(d) {
  return h('div', { class: 'vote' }, h('strong', {}, `${t('decision')}：${d.outcome}`), h('p', {}, d.summary),
    h('progress', { max: 100, value: d.progressPercent }), h('p', { class: 'hint' }, t('progressDone')(d.progressPercent)),
    h('ul', { class: 'plain' }, (d.actionItems || []).map((item) => h('li', {}, `${item.done ? '✓' : '○'} ${item.title}`))));
}
