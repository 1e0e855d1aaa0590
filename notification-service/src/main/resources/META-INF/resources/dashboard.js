// The dispatcher's live dashboard: no framework, no CDN, works offline on the estate's own network.
'use strict';

const TEXT = {
  'zh-CN': {
    title: '共治 · 社区调度台', connecting: '连接中…', live: '实时', offline: '已断开，正在重连…',
    tokenLabel: '工作人员令牌', signIn: '进入', tokenHint: '本地运行：./gongzhi token --role worker',
    map: '小区地图', mapHint: '点击楼栋筛选', showAll: '显示全部', open: '未办结诉求', category: '类别',
    building: '楼栋', status: '状态', lead: '牵头单位', deadline: '办理时限', feed: '实时动态',
    overdue: '已超时', left: '剩余', switchTo: 'English', bldg: '号楼',
    rates: '三率', today: '今日', week: '本周', month: '本月', response: '响应率', resolution: '解决率',
    satisfaction: '满意率', trend: '近 14 天趋势（蓝：响应率，绿：解决率，橙：满意率）', workload: '联盟工作量',
    party: '成员单位', openTasks: '在办', overdueTasks: '超时',
    volunteers: (v) => `志愿者：待回应邀约 ${v.openOffers}，进行中 ${v.inProgress}，已完成 ${v.completed}`,
    patrols: (p) => (p.patrols ? `巡查：${p.completed}/${p.patrols} 已完成，检查点 ${p.checkpointsDone}/${p.checkpointsTotal}，发现问题 ${p.problemsFound} 处` : '巡查：尚无上报'),
    hall: '议事厅', topics: '待议议题', votes: '表决进行中', decisions: '决议落实', question: '表决事项', closes: '截止',
    eligible: '可投票户数', voting: '表决中', none: '暂无', moved: '（已调整）',
    range: (from, to, total) => `显示第 ${from}–${to} 条，共 ${total} 条`, previous: '上一页', next: '下一页',
    unseen: (n) => `另有 ${n} 条新诉求不在本页`,
    topic: (x) => `${x.title || x.id}${x.buildings.length ? `（${x.buildings.join('、')}号楼）` : ''}`,
    decision: (d) => `${d.title || d.topicId}：${d.percentDone === null ? '尚无行动项' : `行动项完成 ${d.actionItemsDone}/${d.actionItemsTotal}`}`,
    warning: (w) => `${WARNING_TYPES[w.type?.toLowerCase()]?.[0] || w.type}${LEVELS[w.level?.toLowerCase()]?.[0] || w.level}预警生效中，至 ${when(w.until)}`,
    statuses: { SUBMITTED: '已受理', ACKNOWLEDGED: '已响应', ASSIGNED: '已派单', IN_PROGRESS: '办理中',
      REOPENED: '重新办理', IN_DELIBERATION: '议事中' },
  },
  en: {
    title: 'Gongzhi · community dispatch', connecting: 'Connecting…', live: 'Live', offline: 'Disconnected, reconnecting…',
    tokenLabel: 'Worker token', signIn: 'Open', tokenHint: 'Local run: ./gongzhi token --role worker',
    map: 'Estate map', mapHint: 'Click a building to filter', showAll: 'Show all', open: 'Open requests',
    category: 'Category', building: 'Building', status: 'Status', lead: 'Lead party', deadline: 'Deadline',
    feed: 'Live events', overdue: 'overdue', left: 'left', switchTo: '中文', bldg: '',
    rates: 'The three rates', today: 'Today', week: 'This week', month: 'This month', response: 'Response',
    resolution: 'Resolution', satisfaction: 'Satisfaction',
    trend: 'Last 14 days (blue: response, green: resolution, orange: satisfaction)', workload: 'Alliance workload',
    party: 'Party', openTasks: 'Open', overdueTasks: 'Overdue',
    volunteers: (v) => `Volunteers: ${v.openOffers} offers waiting, ${v.inProgress} in progress, ${v.completed} done`,
    patrols: (p) => (p.patrols ? `Patrols: ${p.completed} of ${p.patrols} complete, checkpoints ${p.checkpointsDone}/${p.checkpointsTotal}, ${p.problemsFound} problems found` : 'Patrols: none reported yet'),
    hall: 'Deliberation hall', topics: 'Open topics', votes: 'Votes in progress', decisions: 'Decisions in progress',
    question: 'Question', closes: 'Closes', eligible: 'Eligible households', voting: 'voting', none: 'None',
    moved: ' (moved)', range: (from, to, total) => `Showing ${from}–${to} of ${total}`, previous: 'Previous',
    next: 'Next', unseen: (n) => `${n} new ${n === 1 ? 'request is' : 'requests are'} not on this page`,
    topic: (x) => `${x.title || x.id}${x.buildings.length ? ` (buildings ${x.buildings.join(', ')})` : ''}`,
    decision: (d) => `${d.title || d.topicId}: ${d.percentDone === null ? 'no action items yet' : `${d.actionItemsDone} of ${d.actionItemsTotal} action items done`}`,
    warning: (w) => `${LEVELS[w.level?.toLowerCase()]?.[1] || w.level} ${WARNING_TYPES[w.type?.toLowerCase()]?.[1] || w.type} warning in force until ${when(w.until)}`,
    statuses: { SUBMITTED: 'Submitted', ACKNOWLEDGED: 'Acknowledged', ASSIGNED: 'Assigned', IN_PROGRESS: 'In progress',
      REOPENED: 'Reopened', IN_DELIBERATION: 'In deliberation' },
  },
};
const CATEGORIES = {
  'water-leak': ['漏水', 'Water leak'], noise: ['噪音扰民', 'Noise'], 'broken-handrail': ['楼梯扶手损坏', 'Broken handrail'],
  'old-wiring': ['老旧电线', 'Old wiring'], 'blocked-drain': ['下水道堵塞', 'Blocked drain'], 'lift-fault': ['电梯故障', 'Lift fault'],
  parking: ['停车难', 'Parking'], 'corridor-clutter': ['楼道堆物', 'Corridor clutter'], 'shopping-help': ['代买代购', 'Shopping help'],
  'paperwork-help': ['代办事务', 'Paperwork help'], 'appliance-repair': ['小家电维修', 'Appliance repair'],
  'safety-risk': ['安全隐患', 'Safety risk'], 'neighbour-dispute': ['邻里纠纷', 'Neighbour dispute'], suggestion: ['意见建议', 'Suggestion'],
};

const WARNING_TYPES = { rainstorm: ['暴雨', 'rainstorm'], wind: ['大风', 'wind'], snow: ['暴雪', 'snow'], heat: ['高温', 'heat'] };
const LEVELS = { blue: ['蓝色', 'Blue'], yellow: ['黄色', 'Yellow'], orange: ['橙色', 'Orange'], red: ['红色', 'Red'] };
const when = (iso) => (iso ? new Date(iso).toLocaleString(state.lang, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' }) : '');
const percent = (rate) => (rate && rate.rate !== null ? `${(rate.rate * 100).toFixed(1)}%` : '—');

// the board shows one page of the open requests at a time; the total says how many there are (of the building filtered)
const PAGE_SIZE = 100;
const CLOSED = new Set(['RESOLVED', 'CLOSED', 'WITHDRAWN', 'REJECTED']);
const state = { lang: localStorage.getItem('gongzhi.lang') || 'zh-CN', token: null, requests: [], buildings: new Map(),
  filter: null, page: 0, total: 0, asked: 0, unseen: new Map(), lastEventId: null, source: null, fresh: new Set(),
  refreshTimer: null, rates: null, workload: null, warnings: [], deliberation: null };
const $ = (id) => document.getElementById(id);
const t = (key) => TEXT[state.lang][key];

function applyLanguage() {
  document.documentElement.lang = state.lang;
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  $('lang').textContent = t('switchTo');
  document.title = t('title');
  render();
  renderPanels();
}

function categoryName(code) {
  const names = CATEGORIES[code];
  return names ? names[state.lang === 'en' ? 1 : 0] : code;
}

function countdown(deadline) {
  if (!deadline) return ['', false];
  const ms = new Date(deadline).getTime() - Date.now();
  const abs = Math.abs(ms);
  const h = Math.floor(abs / 3600000);
  const m = Math.floor((abs % 3600000) / 60000);
  const text = h >= 48 ? `${Math.floor(h / 24)}d ${h % 24}h` : `${h}h ${String(m).padStart(2, '0')}m`;
  return ms < 0 ? [`${t('overdue')} ${text}`, true] : [`${t('left')} ${text}`, false];
}

async function api(path, options = {}) {
  const response = await fetch(path, { ...options, headers: { Authorization: `Bearer ${state.token}`, ...(options.headers || {}) } });
  if (response.status === 401 || response.status === 403) {
    sessionStorage.removeItem('gongzhi.token');
    showLogin();
    throw new Error(`HTTP ${response.status}`);
  }
  if (!response.ok) throw new Error(`HTTP ${response.status} on ${path}`);
  return response.json();
}

function requestsPath() {
  const query = new URLSearchParams({ page: String(state.page), size: String(PAGE_SIZE) });
  if (state.filter) query.set('building', state.filter);
  return `/api/dashboard/requests?${query}`;
}

async function refresh() {
  const asked = ++state.asked;
  const [requests, buildings] = await Promise.all([api(requestsPath()), api('/api/dashboard/buildings')]);
  if (asked !== state.asked) return; // a newer refresh (another page or filter) is on its way
  if (requests.items.length === 0 && requests.total > 0 && state.page > 0) {
    // the page emptied as requests closed: show the last page there is
    state.page = Math.floor((requests.total - 1) / PAGE_SIZE);
    await refresh();
    return;
  }
  state.requests = requests.items;
  state.total = requests.total;
  state.requests.forEach((r) => state.unseen.delete(r.id));
  state.buildings = new Map(buildings.map((b) => [b.building, b]));
  render();
  // the rates, the workload and the warnings are drawn when they come; the board does not wait for them
  Promise.all([api('/api/dashboard/rates'), api('/api/dashboard/workload'), api('/api/dashboard/warnings'),
    api('/api/dashboard/deliberation')])
    .then(([rates, workload, warnings, deliberation]) => {
      state.rates = rates;
      state.workload = workload;
      state.warnings = warnings;
      state.deliberation = deliberation;
      renderPanels();
    }).catch(showError);
}

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function renderPanels() {
  const banner = $('warnings');
  banner.replaceChildren(...state.warnings.map((w) => {
    const p = document.createElement('p');
    p.dataset.warning = w.id;
    p.textContent = t('warning')(w);
    const patrols = document.createElement('span');
    patrols.className = 'patrols';
    patrols.textContent = ` · ${t('patrols')(w.patrols || { patrols: 0 })}`;
    p.append(patrols);
    return p;
  }));
  banner.hidden = state.warnings.length === 0;
  banner.dataset.level = state.warnings.length ? String(state.warnings[0].level).toLowerCase() : '';
  if (state.rates) {
    const kinds = ['response', 'resolution', 'satisfaction'];
    $('rates').tBodies[0].replaceChildren(...kinds.map((kind) => {
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      th.textContent = t(kind);
      tr.append(th, ...['today', 'week', 'month'].map((period) => {
        const td = cell(percent(state.rates[period][kind]), 'num');
        td.dataset.rate = `${kind}-${period}`;
        td.title = `${state.rates[period][kind].numerator} / ${state.rates[period][kind].denominator}`;
        return td;
      }));
      return tr;
    }));
    const days = state.rates.trend;
    $('trend').replaceChildren(...kinds.map((kind) => {
      const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
      line.setAttribute('class', kind);
      line.setAttribute('points', days.map((d, i) => (d[kind].rate === null ? null
        : `${(10 + (i * 260) / Math.max(days.length - 1, 1)).toFixed(1)},${(75 - d[kind].rate * 70).toFixed(1)}`))
        .filter(Boolean).join(' '));
      return line;
    }));
  }
  if (state.workload) {
    const partyRates = new Map((state.rates ? state.rates.parties : []).map((p) => [p.organisationId, p]));
    $('workload').tBodies[0].replaceChildren(...state.workload.parties.map((p) => {
      const tr = document.createElement('tr');
      const r = partyRates.get(p.organisationId) || {};
      tr.dataset.party = p.organisationId;
      tr.append(cell(p.name || p.organisationId), cell(String(p.open), 'num'),
        cell(String(p.overdue), p.overdue > 0 ? 'num late' : 'num'), cell(percent(r.response), 'num'),
        cell(percent(r.resolution), 'num'), cell(percent(r.satisfaction), 'num'));
      return tr;
    }));
    $('volunteers').textContent = t('volunteers')(state.workload.volunteers);
  }
  if (state.deliberation) renderHall(state.deliberation);
}

function item(text, attributes = {}) {
  const li = document.createElement('li');
  li.textContent = text;
  Object.entries(attributes).forEach(([k, v]) => { li.dataset[k] = v; });
  return li;
}

// the deliberation hall: open topics, votes in progress (closing time, eligible households), decisions' progress
function renderHall(hall) {
  const topics = hall.topics.map((x) => {
    const li = item(t('topic')(x), { topic: x.id });
    if (x.voting) {
      const tag = document.createElement('span');
      tag.className = 'tag';
      tag.textContent = t('voting');
      li.append(' ', tag);
    }
    return li;
  });
  $('hall-topics').replaceChildren(...(topics.length ? topics : [item(t('none'))]));
  $('hall-votes').tBodies[0].replaceChildren(...hall.votes.map((v) => {
    const tr = document.createElement('tr');
    tr.dataset.vote = v.id;
    const [left, overdue] = countdown(v.closesAt);
    tr.append(cell(v.question || v.topicTitle || v.id), cell(`${when(v.closesAt)} · ${left}`, overdue ? 'late' : ''),
      cell(v.eligibleHouseholds === null ? '—' : String(v.eligibleHouseholds), 'num'));
    return tr;
  }));
  const decisions = hall.decisions.map((d) => {
    const li = item(t('decision')(d), { decision: d.topicId });
    if (d.percentDone !== null) {
      const bar = document.createElement('progress');
      bar.max = 100;
      bar.value = d.percentDone;
      bar.setAttribute('aria-label', `${d.title || d.topicId} ${d.percentDone}%`);
      const pct = document.createElement('span');
      pct.className = 'pct';
      pct.textContent = `${d.percentDone}%`;
      li.append(' ', bar, ' ', pct);
    }
    return li;
  });
  $('hall-decisions').replaceChildren(...(decisions.length ? decisions : [item(t('none'))]));
}

function scheduleRefresh() {
  clearTimeout(state.refreshTimer);
  state.refreshTimer = setTimeout(() => refresh().catch(showError), 150);
}

function render() {
  if (!state.token) return;
  const map = $('map');
  map.replaceChildren();
  for (let n = 1; n <= 32; n += 1) {
    const code = String(n);
    const load = state.buildings.get(code);
    const open = load ? load.open : 0;
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.building = code;
    button.dataset.level = String(open === 0 ? 0 : open === 1 ? 1 : open <= 3 ? 2 : 3);
    button.setAttribute('aria-pressed', String(state.filter === code));
    button.title = `${code}${t('bldg')} · ${open}`;
    button.textContent = open ? `${code} (${open})` : code;
    button.addEventListener('click', () => showPage(0, state.filter === code ? null : code));
    map.append(button);
  }
  $('clear-filter').hidden = !state.filter;
  // filtered here too, so a click shows at once what it asked for while the building's page loads
  const rows = state.requests.filter((r) => !state.filter || r.building === state.filter);
  $('count').textContent = String(state.total);
  renderPager();
  const body = $('requests');
  body.replaceChildren(...rows.map((r) => {
    const tr = document.createElement('tr');
    tr.dataset.request = r.id;
    const [left, overdue] = countdown(r.nextDeadline || r.resolveBy);
    if (overdue) tr.classList.add('overdue');
    if (state.fresh.has(r.id)) tr.classList.add('fresh');
    const cells = [categoryName(r.category), r.building ? `${r.building}${t('bldg')}` : '—',
      (t('statuses')[r.status] || r.status), r.leadParty || '—', r.deadlineMovedAt ? `${left}${t('moved')}` : left];
    cells.forEach((text, i) => {
      const td = document.createElement('td');
      td.textContent = text;
      if (i === 2) td.className = 'status';
      if (i === 4) td.className = 'deadline';
      tr.append(td);
    });
    return tr;
  }));
  state.fresh.clear();
}

// "showing 101–200 of 612", the way to the other pages, and new requests that came in on none that is shown
function renderPager() {
  const from = state.page * PAGE_SIZE;
  const paged = state.page > 0 || state.total > state.requests.length;
  const unseen = [...state.unseen.values()].filter((b) => !state.filter || b === state.filter).length;
  $('range').textContent = paged ? t('range')(state.requests.length ? from + 1 : 0, from + state.requests.length,
    state.total) : '';
  $('unseen').textContent = unseen ? t('unseen')(unseen) : '';
  $('previous').hidden = !paged;
  $('next').hidden = !paged;
  $('previous').disabled = state.page === 0;
  $('next').disabled = from + state.requests.length >= state.total;
  $('pager').hidden = !paged && !unseen;
}

function showPage(page, filter = state.filter) {
  state.page = page;
  state.filter = filter;
  render();
  refresh().catch(showError);
}

function addToFeed(event) {
  const li = document.createElement('li');
  const time = document.createElement('time');
  time.textContent = new Date(event.time || Date.now()).toLocaleTimeString(state.lang);
  li.append(time, document.createTextNode(`${event.type.replace('gongzhi.', '').replace('.v1', '')} · ${event.subject}`));
  $('feed').prepend(li);
  while ($('feed').children.length > 100) $('feed').lastChild.remove();
}

async function connect() {
  if (state.source) state.source.close();
  const { ticket } = await api('/api/stream/tickets', { method: 'POST' });
  const after = state.lastEventId ? `&lastEventId=${encodeURIComponent(state.lastEventId)}` : '';
  const source = new EventSource(`/api/stream?ticket=${encodeURIComponent(ticket)}${after}`);
  state.source = source;
  source.onopen = () => { $('live').classList.add('on'); $('live-text').textContent = t('live'); };
  source.onmessage = () => {};
  const onEvent = (message) => {
    state.lastEventId = message.lastEventId;
    const event = JSON.parse(message.data);
    addToFeed(event);
    if (event.type.startsWith('gongzhi.request.')) state.fresh.add(event.subject);
    // a new request may be ranked beyond the page shown: say so until it is on one
    if (event.type === 'gongzhi.request.submitted.v1') state.unseen.set(event.subject, event.data?.building ?? null);
    if (event.type === 'gongzhi.request.status-changed.v1' && CLOSED.has(event.data?.to)) state.unseen.delete(event.subject);
    scheduleRefresh(); // every event may move a rate, a party's workload or a warning
  };
  Object.keys(TYPES).forEach((type) => source.addEventListener(type, onEvent));
  // a ticket is single use: on any drop, ask for a new one and resume after the last event seen
  source.onerror = () => {
    source.close();
    $('live').classList.remove('on');
    $('live-text').textContent = t('offline');
    setTimeout(() => connect().catch(showError), 1000);
  };
}

const TYPES = Object.fromEntries(['request.submitted', 'request.status-changed', 'request.reopened', 'request.followed-up',
  'task.assigned', 'task.status-changed', 'task.escalated', 'task.deadline-changed', 'case.resolved', 'volunteer.offered',
  'volunteer.accepted', 'volunteer.completed', 'volunteer.unmatched', 'volunteer.progressed', 'volunteer.handed-over',
  'warning.issued', 'warning.lifted', 'patrol.checked', 'patrol.problem-found', 'topic.opened', 'vote.opened',
  'vote.closed', 'decision.made', 'decision.progressed']
  .map((name) => [`gongzhi.${name}.v1`, true]));

function showError(error) {
  const box = $('errors');
  box.textContent = String(error.message || error);
  box.hidden = false;
  setTimeout(() => { box.hidden = true; }, 5000);
}

function showLogin() {
  $('board').hidden = true;
  $('login').hidden = false;
  $('token').focus();
}

async function start(token) {
  state.token = token;
  sessionStorage.setItem('gongzhi.token', token);
  $('login').hidden = true;
  $('board').hidden = false;
  await refresh();
  await connect();
}

$('lang').addEventListener('click', () => {
  state.lang = state.lang === 'en' ? 'zh-CN' : 'en';
  localStorage.setItem('gongzhi.lang', state.lang);
  applyLanguage();
});
$('clear-filter').addEventListener('click', () => showPage(0, null));
$('previous').addEventListener('click', () => showPage(Math.max(state.page - 1, 0)));
$('next').addEventListener('click', () => showPage(state.page + 1));
$('login-form').addEventListener('submit', (e) => { e.preventDefault(); start($('token').value.trim()).catch(showError); });
setInterval(render, 30000);

// a token in the fragment (./gongzhi up prints such a link) never reaches a server log; keep it for this tab only
const fromFragment = new URLSearchParams(location.hash.slice(1)).get('token');
if (fromFragment) history.replaceState(null, '', location.pathname);
const token = fromFragment || sessionStorage.getItem('gongzhi.token');
applyLanguage();
if (token) {
  start(token).catch(showError);
} else {
  // the local run may hand out a worker session (gongzhi.dashboard.dev-login); otherwise a token is pasted
  fetch('/api/dev/session').then((r) => (r.ok ? r.json() : null))
    .then((session) => (session ? start(session.token) : showLogin())).catch(() => showLogin());
}
