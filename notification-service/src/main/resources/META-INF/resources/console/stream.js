// The live stream: a single-use ticket, then EventSource; on any drop a new ticket and resume after the last event.
import { $ } from './dom.js';
import { api } from './api.js';
import { t } from './i18n.js';

const TYPES = ['request.submitted', 'request.status-changed', 'request.reopened', 'request.followed-up',
  'request.recategorised', 'request.merged', 'request.unmerged',
  'task.assigned', 'task.status-changed', 'task.escalated', 'task.deadline-changed', 'case.resolved', 'meeting.convened',
  'volunteer.offered', 'volunteer.accepted', 'volunteer.completed', 'volunteer.unmatched', 'volunteer.progressed',
  'volunteer.handed-over',
  'warning.issued', 'warning.lifted', 'patrol.checked', 'patrol.problem-found', 'topic.opened', 'vote.opened',
  'vote.closed', 'decision.made', 'decision.progressed', 'estate.building.registered', 'estate.building.removed'].map((name) => `gongzhi.${name}.v1`);

const stream = { source: null, lastEventId: null };

/** onEvent(event) for every event; onError for a failure to reconnect. */
export async function connect(onEvent, onError) {
  if (stream.source) stream.source.close();
  const { ticket } = await api('notifications', '/api/stream/tickets', { method: 'POST' });
  const after = stream.lastEventId ? `&lastEventId=${encodeURIComponent(stream.lastEventId)}` : '';
  const source = new EventSource(`/api/stream?ticket=${encodeURIComponent(ticket)}${after}`);
  stream.source = source;
  source.addEventListener('open', () => { $('live').classList.add('on'); $('live-text').textContent = t('live'); });
  const received = (message) => {
    stream.lastEventId = message.lastEventId;
    onEvent(JSON.parse(message.data));
  };
  TYPES.forEach((type) => source.addEventListener(type, received));
  source.addEventListener('error', () => {
    source.close();
    $('live').classList.remove('on');
    $('live-text').textContent = t('offline');
    setTimeout(() => connect(onEvent, onError).catch(onError), 1000);
  });
}

/** The live indicator in the page's language. */
export function renderLive() {
  $('live-text').textContent = t(stream.source && stream.source.readyState === 1 ? 'live' : 'connecting');
}
